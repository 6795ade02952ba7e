import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translatorIn } from '../../i18n/translator-for-tests';
import { autoRestartStopText } from './auto-restart-stop-text';

test('why Weir stopped restarting a task reads in English and in Chinese from its code', async () => {
  const [en, zh] = await Promise.all([translatorIn('en-US'), translatorIn('zh-CN')]);
  const usedUp = { code: 'attemptsUsedUp', params: { attempts: 3, windowMs: 1_800_000, maxAttempts: 3 } } as const;
  assert.equal(autoRestartStopText(en, usedUp), '3 automatic restarts within 30 min used up (at most 3)');
  assert.equal(autoRestartStopText(zh, usedUp), '30 分钟内已用完 3 次自动重启（最多 3 次）');
  const unreachable = { code: 'clusterUnreachable', params: { attempt: 1, waitedMs: 1_800_000, error: 'connect ECONNREFUSED' } } as const;
  assert.equal(autoRestartStopText(zh, unreachable), '第 1 次自动重启未能提交：30 分钟内无法连接集群（connect ECONNREFUSED）');
});
