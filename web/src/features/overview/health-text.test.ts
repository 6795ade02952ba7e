import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HealthReason } from '@weir/contract';
import { translatorIn as tIn } from '../../i18n/translator-for-tests';
import { checkDetailText, durationText, reasonText } from './health-text';

const overdue: HealthReason = {
  check: 'checkpoint',
  penalty: 26,
  text: 'no checkpoint completed for 5 min (limit 4 min = …) (failing now, 10% of the last 30 min)',
  finding: { code: 'checkpointOverdue', params: { quietMs: 300_000, limitMs: 240_000, intervalMs: 60_000, timeoutMs: 10_000, tolerable: 2 } },
  failing: { now: true, share: 0.1, windowMs: 1_800_000, passingSince: null },
};

test('a reason reads in Chinese from its code, durations in Chinese units, with no English left but names', async () => {
  const t = await tIn('zh-CN');
  const text = reasonText(t, 'zh-CN', overdue);
  assert.equal(text, '已 5 分钟 没有完成检查点（上限 4 分钟：间隔 60 秒 与超时 10 秒 中的较大者 ×（可容忍失败 2 次 + 2））（当前未通过，占最近 30 分钟 的 10%）');
  const backpressure: HealthReason = {
    check: 'backpressure',
    penalty: 13,
    text: '…',
    finding: { code: 'backpressureHigh', params: { vertex: 'Sink: orders', lastedMs: 61_000, limitMs: 60_000 } },
    failing: { now: false, share: 0.2, windowMs: 1_800_000, passingSince: Date.UTC(2026, 11, 6, 2, 0, 0) },
  };
  const words = reasonText(t, 'zh-CN', backpressure).replace('Sink: orders', '').match(/[A-Za-z]+/g);
  assert.equal(words, null, 'only the vertex name stays in English');
});

test('the same reason in English reads as the server wrote it', async () => {
  const t = await tIn('en-US');
  assert.equal(reasonText(t, 'en-US', overdue), 'no checkpoint completed for 5 min (limit 4 min = max(interval 60 s, timeout 10 s) × (2 tolerable + 2)) (failing now, 10% of the last 30 min)');
});

test('how a run ended names its time in the reader’s format', async () => {
  const t = await tIn('zh-CN');
  const at = Date.UTC(2026, 11, 6, 2, 32, 17);
  const text = reasonText(t, 'zh-CN', { check: 'outcome', penalty: 100, text: '…', finding: { code: 'endedFailed', params: { endedAt: at } } });
  assert.match(text, /^运行于 2026年12月6日 \d{2}:32:17 以 FAILED 结束$/);
});

test('a reason or result kept before the server sent codes shows its English as it is', async () => {
  const t = await tIn('zh-CN');
  assert.equal(reasonText(t, 'zh-CN', { check: 'restarts', penalty: 18, text: '5 restarts within 10 min (more than 3) (failing now, 5% of the last 30 min)' }), '5 restarts within 10 min (more than 3) (failing now, 5% of the last 30 min)');
  assert.equal(checkDetailText(t, 'zh-CN', { detail: 'restart check turned off' }), 'restart check turned off');
  assert.equal(checkDetailText(t, 'zh-CN', { detail: 'restart check turned off', finding: { code: 'restartsOff', params: {} } }), '重启检查已关闭');
});

test('durations round as the checks do', async () => {
  const t = await tIn('en-US');
  assert.deepEqual([850, 45_000, 119_000, 720_000, 3 * 3600_000].map((ms) => durationText(t, ms)), ['850 ms', '45 s', '119 s', '12 min', '3 h']);
});
