import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { YarnNodeManagerClient } from './yarn-nm.client.js';
import type { YarnResourceManagerClient } from './yarn-rm.client.js';
import { readSqlRunnerFailure } from './yarn-sql-failure.js';

const AM = { containerId: 'container_1_0001_02_000001', nodeHttpAddress: 'nm.test:8042' };

function nodeManager(files: Record<string, string>, tailsRead: string[]): YarnNodeManagerClient {
  return {
    baseUrl: 'http://nm.test:8042',
    logFiles: async (containerId: string) => {
      assert.equal(containerId, AM.containerId, "the newest attempt's ApplicationMaster");
      return Object.entries(files).map(([fileName, text]) => ({ fileName, bytes: text.length }));
    },
    tail: async (_c: string, fileName: string) => {
      tailsRead.push(fileName);
      return { text: files[fileName]!, total: files[fileName]!.length };
    },
  } as unknown as YarnNodeManagerClient;
}

const rmWith = (masters: () => Promise<unknown>) => ({ applicationMasters: masters }) as unknown as YarnResourceManagerClient;

test("the failure is read from the newest JobManager's stderr first, then its log, and only the files that exist", async () => {
  const read: string[] = [];
  const nm = nodeManager({
    'jobmanager.err': 'SLF4J: no marker here\n',
    'jobmanager.log': 'java.lang.IllegalStateException: WEIR_SQL_RUNNER_FAILED: statement 1 of 2 failed: no catalog\n\tat …',
    'prelaunch.out': 'WEIR_SQL_RUNNER_FAILED: statement 9 of 9 failed: not a Flink file',
  }, read);
  const failure = await readSqlRunnerFailure(rmWith(async () => [AM]), () => nm, 'application_1_0001', { timeoutMs: 5_000 });
  assert.deepEqual(failure, { statement: 1, statements: 2, message: 'no catalog' });
  assert.deepEqual(read, ['jobmanager.err', 'jobmanager.log']);
});

test("a ResourceManager that fails, an application without a JobManager, or a read that hangs: null, YARN's words stay", async () => {
  const never = nodeManager({}, []);
  assert.equal(await readSqlRunnerFailure(rmWith(async () => { throw new Error('refused'); }), () => never, 'application_1_0001', { timeoutMs: 5_000 }), null);
  assert.equal(await readSqlRunnerFailure(rmWith(async () => []), () => never, 'application_1_0001', { timeoutMs: 5_000 }), null);
  const startedAt = Date.now();
  assert.equal(await readSqlRunnerFailure(rmWith(() => new Promise(() => {})), () => never, 'application_1_0001', { timeoutMs: 100 }), null);
  assert.ok(Date.now() - startedAt < 2_000, 'given up after its bound');
});
