// The NodeManager client against answers shaped like Hadoop 3.3.6's (as the local YARN answered them).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors/errors.js';
import { unwrapNodeManagerLog, YarnNodeManagerClient } from './yarn-nm.client.js';

const FRAMED = [
  'Container: container_1796640014104_0001_01_000001 on localhost:8041',
  'LogAggregationType: LOCAL',
  '====================================================================',
  'LogType:jobmanager.log',
  'LogLastModifiedTime:Mon Dec 07 10:41:41 +0000 2026',
  'LogLength:48027',
  'LogContents:',
  'line one',
  '2026-12-07 10:41:49,053 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] - RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested.',
  'End of LogType:jobmanager.log.',
  '*******************************************************************************',
  '',
].join('\n');

test("a log file's bytes without the NodeManager's framing, with the file's whole length", () => {
  const { text, total } = unwrapNodeManagerLog(FRAMED, 10_000);
  assert.equal(text, 'line one\n2026-12-07 10:41:49,053 INFO  org.apache.flink.runtime.entrypoint.ClusterEntrypoint        [] - RECEIVED SIGNAL 15: SIGTERM. Shutting down as requested.');
  assert.equal(total, 48027);
  assert.equal(unwrapNodeManagerLog(FRAMED, 20).text, 'Shutting down as requested.'.slice(-20), 'at most the tail asked for');
  assert.deepEqual(unwrapNodeManagerLog('plain text', 100), { text: 'plain text', total: 10 }, 'no framing: taken whole');
});

test('a node that ignores the size asked for cannot make Weir keep more than the tail', async () => {
  const huge = `LogType:taskmanager.log\nLogLength:9000000\nLogContents:\n${'x'.repeat(9_000_000)}END\nEnd of LogType:taskmanager.log.\n`;
  const nm = new YarnNodeManagerClient({ baseUrl: 'http://nm.test:8042', timeoutMs: 5_000, fetch: (async () => new Response(huge, { status: 200 })) as typeof fetch });
  const tail = await nm.tail('container_1796640014104_0001_01_000002', 'taskmanager.log', 1000);
  assert.equal(tail?.text.length, 1000);
  assert.ok(tail?.text.endsWith('xEND'));
});

test('ids and file names are checked before they reach a URL; a container the node does not hold is null', async () => {
  const seen: string[] = [];
  const nm = new YarnNodeManagerClient({
    baseUrl: 'http://nm.test:8042',
    timeoutMs: 5_000,
    fetch: (async (input: URL | string) => (seen.push(String(input)), new Response('{"RemoteException":{"message":"Unknown container"}}', { status: 404 }))) as typeof fetch,
  });
  await assert.rejects(nm.logFiles('container_1/../../x'), InputError);
  await assert.rejects(nm.tail('container_1796640014104_0001_01_000002', '../../etc/passwd', 10), InputError);
  assert.equal(seen.length, 0);
  assert.equal(await nm.logFiles('container_1796640014104_0001_01_000009'), null);
});
