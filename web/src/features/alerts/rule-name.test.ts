import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_ALERT_RULE_NAME } from '@weir/contract';
import { translatorIn } from '../../i18n/translator-for-tests';
import { ruleNameText } from './rule-name';

test("the rule Weir made on install reads in the reader's language; anyone's own rule name as written", async () => {
  const zh = await translatorIn('zh-CN');
  const en = await translatorIn('en-US');
  assert.equal(ruleNameText(zh, DEFAULT_ALERT_RULE_NAME), '作业失败或变为 UNKNOWN');
  assert.equal(ruleNameText(en, DEFAULT_ALERT_RULE_NAME), DEFAULT_ALERT_RULE_NAME);
  assert.equal(ruleNameText(zh, 'orders lag'), 'orders lag');
  assert.equal(ruleNameText(zh, `${DEFAULT_ALERT_RULE_NAME} (copy)`), `${DEFAULT_ALERT_RULE_NAME} (copy)`);
});
