import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConflictError, InputError } from '../errors/errors.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import { DEFAULT_TASK_CONFIG, encodeJar } from '../tasks/task-config.js';
import type { Deployment } from './deployment-target.js';
import { SessionTarget } from './session-target.js';

const cluster = { id: 'c1', name: 'prod', restUrl: 'http://jm.invalid:8081', gatewayUrl: 'http://gw.invalid:8083' };
const asked: string[] = [];
/** Counts every client asked for: the refusals below must come before Flink is reached. */
const flink = {
  jobManager: () => (asked.push('jobManager'), { jobExists: async () => false }),
  sqlGateway: () => (asked.push('sqlGateway'), {}),
} as unknown as FlinkClients;
const noJars = { read: async () => null } as unknown as JarFilesStore;

function deployment(over: Partial<Deployment>): Deployment {
  return { jobId: 'a'.repeat(32), taskName: 't', kind: 'SQL', content: '', config: { ...DEFAULT_TASK_CONFIG, executionMode: 'STREAMING' }, restore: null, ...over };
}

test('a script without a job statement is refused with its position before the SQL Gateway is asked', async () => {
  asked.length = 0;
  const target = new SessionTarget(cluster, { flink, jars: noJars });
  await assert.rejects(target.submit(deployment({ content: "SET 'parallelism.default' = '2';" })), (err: unknown) => {
    assert.ok(err instanceof InputError);
    assert.match(err.message, /^The script cannot be submitted: .*\(line \d+, column \d+\)$/);
    return true;
  });
  assert.deepEqual(asked, []);
});

test('a jar Weir no longer stores is a conflict, and nothing is uploaded', async () => {
  asked.length = 0;
  const target = new SessionTarget(cluster, { flink, jars: noJars });
  const content = encodeJar({ jarId: 'b'.repeat(64), entryClass: null, args: [] });
  await assert.rejects(target.submit(deployment({ kind: 'JAR', content })), (err: unknown) => err instanceof ConflictError && /no longer stored in Weir/.test(err.message));
  assert.deepEqual(asked, []);
});

test('whether the job reached Flink is the JobManager\'s answer', async () => {
  const target = new SessionTarget(cluster, { flink, jars: noJars });
  assert.equal(await target.knowsJob('a'.repeat(32)), false);
});
