import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../errors/errors.js';
import { decodeJar, DEFAULT_TASK_CONFIG, encodeJar, mergeConfig, parseConfig, parseVersionConfig, sameAsVersion, sameConfig } from './task-config.js';
import type { TaskVersionRecord } from './task-versions.store.js';

const version = (config: string, content = 'INSERT INTO t SELECT 1'): TaskVersionRecord =>
  ({ id: 'v1', taskId: 't1', version: 1, content, config, lineage: null, createdBy: 'ada', createdAt: 0, note: null }) as TaskVersionRecord;

describe('a stored task configuration, read back', () => {
  it('takes Weir\'s defaults for what it does not say, and for a configuration it cannot read', () => {
    assert.deepEqual(parseConfig('{"parallelism":4}'), { ...DEFAULT_TASK_CONFIG, parallelism: 4 });
    assert.deepEqual(parseConfig('not json'), DEFAULT_TASK_CONFIG);
  });

  it('gives a version its execution mode, STREAMING when an old version never recorded one', () => {
    assert.equal(parseVersionConfig(version('{"executionMode":"BATCH"}')).executionMode, 'BATCH');
    assert.equal(parseVersionConfig(version('{}')).executionMode, 'STREAMING');
  });
});

describe('changes to a configuration', () => {
  it('apply what is given, clear a nullable setting given null, and keep Flink options in one order', () => {
    const base = { ...DEFAULT_TASK_CONFIG, checkpointIntervalMs: 10_000, alertGroup: 'ops' };
    const merged = mergeConfig(base, { checkpointIntervalMs: null, alertGroup: '', flinkOptions: { 'b.key': '2', 'a.key': '1' } });
    assert.equal(merged.checkpointIntervalMs, null);
    assert.equal(merged.alertGroup, null);
    assert.deepEqual(Object.keys(merged.flinkOptions), ['a.key', 'b.key']);
    assert.equal(merged.parallelism, base.parallelism);
  });

  it('refuse the savepoint strategy "path" without a path', () => {
    assert.throws(() => mergeConfig(DEFAULT_TASK_CONFIG, { savepointStrategy: 'path' }), InputError);
  });
});

describe('whether a draft is already a version', () => {
  it('compares SQL, configuration and mode, not the order in which options were written', () => {
    const stored = version(JSON.stringify({ ...DEFAULT_TASK_CONFIG, flinkOptions: { 'a.key': '1', 'b.key': '2' }, executionMode: 'STREAMING' }));
    const draftConfig = JSON.stringify({ ...DEFAULT_TASK_CONFIG, flinkOptions: { 'b.key': '2', 'a.key': '1' } });
    assert.equal(sameAsVersion({ draftContent: stored.content, draftConfig, executionMode: 'STREAMING' }, stored), true);
    assert.equal(sameAsVersion({ draftContent: stored.content, draftConfig, executionMode: 'BATCH' }, stored), false);
    assert.equal(sameAsVersion({ draftContent: 'INSERT INTO t SELECT 2', draftConfig, executionMode: 'STREAMING' }, stored), false);
    assert.equal(sameConfig('{"parallelism":2}', '{"parallelism":2,"executionMode":"STREAMING"}'), true);
  });
});

describe('a jar task\'s content', () => {
  it('round-trips, and reads as none when empty or unreadable', () => {
    const jar = { jarId: 'abc_job.jar', entryClass: 'com.example.Job', args: ['--topic', 'orders'] };
    assert.deepEqual(decodeJar(encodeJar(jar)), jar);
    assert.deepEqual(decodeJar(encodeJar({ jarId: 'x.jar', entryClass: '', args: undefined as unknown as string[] })), { jarId: 'x.jar', entryClass: null, args: [] });
    assert.equal(decodeJar(''), null);
    assert.equal(decodeJar('{broken'), null);
  });
});
