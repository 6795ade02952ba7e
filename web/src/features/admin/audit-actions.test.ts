import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translatorIn } from '../../i18n/translator-for-tests';
import { auditActionText, KNOWN_ACTIONS } from './audit-actions';

test('the push-token actions are offered in the filter and said in both languages', async () => {
  const en = await translatorIn('en-US');
  const zh = await translatorIn('zh-CN');
  for (const action of ['cluster.push-token.read', 'cluster.push-token.rotate']) {
    assert.ok(KNOWN_ACTIONS.includes(action), action);
    const english = auditActionText(en, action);
    const chinese = auditActionText(zh, action);
    assert.match(english ?? '', /push token/i, action);
    assert.match(chinese ?? '', /推送令牌/, action);
  }
  assert.notEqual(auditActionText(en, 'cluster.push-token.read'), auditActionText(en, 'cluster.push-token.rotate'));
});

test('an action whose code says it has no extra text', async () => {
  assert.equal(auditActionText(await translatorIn('en-US'), 'cluster.delete'), null);
});
