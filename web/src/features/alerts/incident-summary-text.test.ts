import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IncidentSummary } from '@weir/contract';
import { translatorIn as tIn } from '../../i18n/translator-for-tests';
import { incidentSummaryText } from './incident-summary-text';

const coded = (code: IncidentSummary['code'], params: IncidentSummary['params'], note?: IncidentSummary['note']) => ({
  summary: 'the English line',
  summaryCode: { code, params, ...(note ? { note } : {}) },
});

test('every kind of summary reads in Chinese, with what it quotes kept as it is', async () => {
  const zh = await tIn('zh-CN');
  const say = (code: IncidentSummary['code'], params: IncidentSummary['params']) => incidentSummaryText(zh, 'zh-CN', coded(code, params));
  assert.equal(say('statusBecame', { status: 'FAILED' }), '状态变为 FAILED');
  assert.equal(say('restartsWithin', { count: 4, windowMs: 600_000, limit: 3 }), '10 分钟内重启 4 次（超过 3 次）');
  assert.equal(say('exceptionRaised', { exception: 'java.lang.ArithmeticException' }), '抛出异常 java.lang.ArithmeticException');
  assert.equal(say('checkpointFailed', { checkpointId: 17 }), 'Checkpoint 17 失败');
  assert.equal(say('clusterUnreachable', { cluster: 'prod', error: 'connect ECONNREFUSED' }), '集群 prod 不可达：connect ECONNREFUSED');
  assert.equal(say('clusterUnreachable', { cluster: 'prod' }), '集群 prod 不可达');
  assert.equal(say('healthCheckFailed', { check: 'backpressure', detail: 'busy 90%' }), '健康检查“反压过高”不通过：busy 90%');
  const high = { check: 'backpressure', detail: 'backpressure HIGH on Map for 5 min (limit 2 min)', finding: 'backpressureHigh', vertex: 'Map', lastedMs: 300_000, limitMs: 120_000 };
  assert.equal(say('healthCheckFailed', high), '健康检查“反压过高”不通过：Map 持续高反压 5 分钟（上限 2 分钟）');
  assert.equal(say('healthCheckFailed', { ...high, finding: 'aCodeFromALaterWeir' }), `健康检查“反压过高”不通过：${high.detail}`, 'a finding this app does not know quotes the English');
  assert.equal(say('savepointFailed', { takenBy: 'alice', failure: 'timeout' }), 'alice 触发的保存点失败：timeout');
  assert.equal(say('savepointFailed', {}), '保存点失败：未给出原因');
  assert.equal(say('autoRestartStopped', { reason: 'used up' }), '已停止自动重启：used up');
  assert.equal(say('failedAutoRestartStopped', { reason: 'used up' }), '状态变为 FAILED；已停止自动重启：used up');
  const usedUp = { reason: '3 automatic restarts within 30 min used up (at most 3)', stop: 'attemptsUsedUp', attempts: 3, windowMs: 1_800_000, maxAttempts: 3 };
  assert.equal(say('autoRestartStopped', usedUp), '已停止自动重启：30 分钟内已用完 3 次自动重启（最多 3 次）');
  assert.equal(say('failedAutoRestartStopped', usedUp), '状态变为 FAILED；已停止自动重启：30 分钟内已用完 3 次自动重启（最多 3 次）');
  assert.equal(say('autoRestartStopped', { reason: 'x', stop: 'notSubmitted', attempt: 2, error: 'latest-checkpoint: no checkpoint' }), '已停止自动重启：第 2 次自动重启未能提交（latest-checkpoint: no checkpoint）');
  assert.equal(
    say('autoRestartStopped', { reason: 'x', stop: 'clusterUnreachable', attempt: 1, waitedMs: 1_800_000, error: 'connect ECONNREFUSED' }),
    '已停止自动重启：第 1 次自动重启未能提交：30 分钟内无法连接集群（connect ECONNREFUSED）',
  );
  assert.equal(say('autoRestartStopped', { reason: 'a reason from a newer Weir', stop: 'somethingNew' }), '已停止自动重启：a reason from a newer Weir', 'a stop this app does not know is quoted in English');
  assert.equal(say('noCheckpoint', { forMs: 120_000 }), '已 2 分钟 没有 Checkpoint 完成');
  assert.equal(say('noCheckpointNoneSeen', { forMs: 125_000 }), '已 125 秒 没有 Checkpoint 完成（从未见到完成的 Checkpoint）');
  assert.equal(say('metricAbove', { metric: 'busyTimeMsPerSecond', vertexId: 'v1', threshold: 800, forMs: 60_000, value: 950 }), 'busyTimeMsPerSecond（顶点 v1） 高于 800 持续 1 分钟（当前 950）');
  assert.equal(say('metricBelow', { metric: 'numRecordsInPerSecond', threshold: 1, forMs: 0, value: 0 }), 'numRecordsInPerSecond 低于 1 持续 0 秒（当前 0）');
});

test('the English reads as the channels sent it', async () => {
  const en = await tIn('en-US');
  const say = (code: IncidentSummary['code'], params: IncidentSummary['params']) => incidentSummaryText(en, 'en-US', coded(code, params));
  assert.equal(say('statusBecame', { status: 'FAILED' }), 'status became FAILED');
  assert.equal(say('restartsWithin', { count: 4, windowMs: 600_000, limit: 3 }), '4 restarts within 10 min (more than 3)');
  assert.equal(say('savepointFailed', { takenBy: 'alice' }), 'a savepoint taken by alice failed: no reason given');
  assert.equal(
    say('autoRestartStopped', { reason: 'x', stop: 'attemptsUsedUp', attempts: 3, windowMs: 1_800_000, maxAttempts: 3 }),
    'automatic restarts stopped: 3 automatic restarts within 30 min used up (at most 3)',
  );
  assert.equal(
    say('autoRestartStopped', { reason: 'x', stop: 'attemptsUsedUp', attempts: 1, windowMs: 600_000, maxAttempts: 1 }),
    'automatic restarts stopped: 1 automatic restart within 10 min used up (at most 1)',
  );
  assert.equal(say('metricAbove', { metric: 'busyTimeMsPerSecond', vertexId: 'v1', threshold: 800, forMs: 60_000, value: 950 }), 'busyTimeMsPerSecond of vertex v1 above 800 for 1 min (now 950)');
});

test("a status Weir gave says its note from the note's own code; a note without one is quoted", async () => {
  const zh = await tIn('zh-CN');
  const failed = coded('statusBecame', { status: 'FAILED', note: 'Submission failed: no slots' }, { code: 'submissionFailed', params: { message: 'no slots' } });
  assert.equal(incidentSummaryText(zh, 'zh-CN', failed), '状态变为 FAILED（提交失败：no slots）');
  assert.equal(incidentSummaryText(zh, 'zh-CN', coded('statusBecame', { status: 'UNKNOWN', note: 'lost' })), '状态变为 UNKNOWN（lost）');
});

test('an incident opened before summaries had codes shows its English as it is', async () => {
  const zh = await tIn('zh-CN');
  assert.equal(incidentSummaryText(zh, 'zh-CN', { summary: 'status became FAILED' }), 'status became FAILED');
});
