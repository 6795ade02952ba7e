import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DeliverySkip } from '@weir/contract';
import { formatDateTime } from '../../components/date-time-format';
import { translatorIn as tIn } from '../../i18n/translator-for-tests';
import { deliveryReasonText, deliverySkipText } from './delivery-skip-text';

const UNTIL = Date.UTC(2026, 11, 7, 2, 30);

test('a notice held back by a silence names its end in the reader\'s format and quotes its reason as written', async () => {
  const silenced: DeliverySkip = { code: 'silenced', params: { reason: '夜间维护', untilAt: UNTIL } };
  const zh = await tIn('zh-CN');
  assert.equal(deliverySkipText(zh, 'zh-CN', silenced), `被静默拦下（至 ${formatDateTime(UNTIL, 'zh-CN')}）：夜间维护`);
  const en = await tIn('en-US');
  assert.equal(deliverySkipText(en, 'en-US', silenced), `Held back by a silence until ${formatDateTime(UNTIL, 'en-US')}: 夜间维护`);
  assert.doesNotMatch(deliverySkipText(zh, 'zh-CN', silenced), /\d{13}/, 'not as epoch milliseconds');
});

test('every cancellation has its own sentence in both languages', async () => {
  const reasons: [DeliverySkip['code'], string, string][] = [
    ['channelDeleted', 'Canceled: the channel was deleted', '已取消：渠道已删除'],
    ['channelDisabled', 'Canceled: the channel was turned off', '已取消：渠道已停用'],
    ['channelRemoved', 'Canceled: the channel no longer exists', '已取消：渠道已不存在'],
    ['ruleDeleted', 'Canceled: the rule was deleted', '已取消：规则已删除'],
    ['ruleDisabled', 'Canceled: the rule was turned off', '已取消：规则已停用'],
    ['ruleChanged', "Canceled: the rule's condition changed", '已取消：规则的条件已更改'],
  ];
  const en = await tIn('en-US');
  const zh = await tIn('zh-CN');
  for (const [code, english, chinese] of reasons) {
    const skip = { code, params: {} } as DeliverySkip;
    assert.equal(deliverySkipText(en, 'en-US', skip), english);
    assert.equal(deliverySkipText(zh, 'zh-CN', skip), chinese);
  }
});

test('a history row says why it was skipped, else why it failed, else its text as it is', async () => {
  const zh = await tIn('zh-CN');
  assert.equal(deliveryReasonText(zh, 'zh-CN', { error: 'canceled: the rule was deleted', errorCode: null, skipReason: { code: 'ruleDeleted', params: {} } }), '已取消：规则已删除');
  assert.equal(deliveryReasonText(zh, 'zh-CN', { error: 'connect ECONNREFUSED 127.0.0.1:9', errorCode: { code: 'connectionRefused', params: { address: '127.0.0.1:9' } }, skipReason: null }), '连接被拒绝：127.0.0.1:9');
  assert.equal(deliveryReasonText(zh, 'zh-CN', { error: 'silenced: deploying', errorCode: null, skipReason: null }), 'silenced: deploying', 'recorded before codes');
  assert.equal(deliveryReasonText(zh, 'zh-CN', { error: null, errorCode: null, skipReason: null }), null);
});
