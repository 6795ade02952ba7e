import assert from 'node:assert/strict';
import { test } from 'node:test';
import { channelSkip, deliverySkipText, silencedSkip } from './delivery-skip.js';

test('a channel that went away is told apart from one turned off and one whose row is gone', () => {
  assert.deepEqual(channelSkip({ deletedAt: 5, enabled: false }), { code: 'channelDeleted', params: {} });
  assert.deepEqual(channelSkip({ deletedAt: null, enabled: false }), { code: 'channelDisabled', params: {} });
  assert.deepEqual(channelSkip(undefined), { code: 'channelRemoved', params: {} });
});

test('the English line kept beside the code reads as it did before codes', () => {
  assert.equal(deliverySkipText(channelSkip({ deletedAt: 5, enabled: true })), 'canceled: the channel was deleted');
  assert.equal(deliverySkipText({ code: 'ruleChanged', params: {} }), "canceled: the rule's condition changed");
  const silence = silencedSkip({ reason: 'deploying', endsAt: Date.UTC(2026, 11, 7, 2, 30) });
  assert.deepEqual(silence, { code: 'silenced', params: { reason: 'deploying', untilAt: Date.UTC(2026, 11, 7, 2, 30) } });
  assert.equal(deliverySkipText(silence), 'silenced: deploying (until 2026-12-07T02:30:00.000Z)');
});
