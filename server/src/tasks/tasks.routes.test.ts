import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { ClustersStore } from '../clusters/clusters.store.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

// Route behaviour without Flink: validation, roles, lifecycle rules, versions and their diff, jars.

let weir: TestWeir;
let app: FastifyInstance;
let operator: string;
let viewer: string;
let clusterId: string;

before(async () => {
  weir = await startTestWeir({ background: false });
  app = await testApp(weir);
  operator = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'ops', 'operator')).secret}`;
  viewer = `Bearer ${(await weir.services.auth.createToken(SYSTEM_PRINCIPAL, 'look', 'viewer')).secret}`;
  // Registered straight in the store: nothing here talks to Flink.
  clusterId = (await new ClustersStore(weir.database).create({ name: 'nowhere', restUrl: 'http://127.0.0.1:9' })).id;
});

after(async () => {
  await app?.close();
  await weir?.stop();
});

function call(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown, auth = operator) {
  return app.inject({ method, url, headers: { authorization: auth }, ...(body === undefined ? {} : { payload: body as object }) });
}

const SCRIPT = [
  "SET 'pipeline.name' = 'orders';",
  "CREATE TEMPORARY TABLE src (id BIGINT) WITH ('connector' = 'datagen');",
  "CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'blackhole');",
  'INSERT INTO snk SELECT id FROM src;',
].join('\n');

describe('tasks routes', () => {
  it('validates a new task and reports the field', async () => {
    const badName = await call('POST', '/api/tasks', { name: 'a/b', kind: 'SQL', clusterId });
    assert.equal(badName.statusCode, 400);
    assert.equal(badName.json().error.code, 'VALIDATION');
    assert.match(badName.json().error.message, /name/);

    const noCluster = await call('POST', '/api/tasks', { name: 'x', kind: 'SQL', clusterId: 'nope' });
    assert.equal(noCluster.statusCode, 400);
    assert.match(noCluster.json().error.message, /Cluster nope does not exist/);

    const sqlOnJar = await call('POST', '/api/tasks', { name: 'x', kind: 'JAR', clusterId, sql: 'SELECT 1' });
    assert.equal(sqlOnJar.statusCode, 400);

    const badOption = await call('POST', '/api/tasks', { name: 'x', kind: 'SQL', clusterId, config: { flinkOptions: { 'bad key!': '1' } } });
    assert.equal(badOption.statusCode, 400);

    const pathWithout = await call('POST', '/api/tasks', { name: 'x', kind: 'SQL', clusterId, config: { savepointStrategy: 'path' } });
    assert.equal(pathWithout.statusCode, 400);
    assert.match(pathWithout.json().error.message, /needs a savepoint path/);
  });

  it('lets a viewer read but not change', async () => {
    assert.equal((await call('GET', '/api/tasks', undefined, viewer)).statusCode, 200);
    const denied = await call('POST', '/api/tasks', { name: 'v', kind: 'SQL', clusterId }, viewer);
    assert.equal(denied.statusCode, 403);
    assert.equal(denied.json().error.code, 'FORBIDDEN');
    assert.equal((await app.inject({ method: 'GET', url: '/api/tasks' })).statusCode, 401);
  });

  it('creates, publishes immutable versions, and follows the lifecycle rules', async () => {
    const created = await call('POST', '/api/tasks', { name: 'orders', kind: 'SQL', clusterId, sql: 'INSERT INTO x SELECT 1', config: { parallelism: 2 } });
    assert.equal(created.statusCode, 201);
    const task = created.json();
    assert.equal(task.lifecycle, 'DEVELOP');
    assert.equal(task.owner, 'token:ops', 'the creator owns the task unless told otherwise');
    assert.deepEqual(task.config, { parallelism: 2, checkpointIntervalMs: null, savepointStrategy: 'latest', savepointPath: null, flinkOptions: {}, alertGroup: null });
    assert.equal((await call('POST', '/api/tasks', { name: 'orders', kind: 'SQL', clusterId })).statusCode, 409);

    // A script that starts no job cannot be published; the error points at the script.
    assert.equal((await call('PATCH', `/api/tasks/${task.id}`, { sql: "SET 'a' = 'b';\nCREATE TABLE t (a INT);" })).statusCode, 200);
    const noJob = await call('POST', `/api/tasks/${task.id}/publish`, {});
    assert.equal(noJob.statusCode, 400);
    assert.match(noJob.json().error.message, /starts no Flink job/);
    assert.equal(noJob.json().error.details.line, 2);

    // This cluster has no SQL Gateway to validate the script with: publishing says so, and
    // publishes only when asked to publish unvalidated.
    assert.equal((await call('PATCH', `/api/tasks/${task.id}`, { sql: SCRIPT })).statusCode, 200);
    const unvalidatable = await call('POST', `/api/tasks/${task.id}/publish`, { note: 'first' });
    assert.equal(unvalidatable.statusCode, 502);
    assert.equal(unvalidatable.json().error.code, 'FLINK_UNREACHABLE');
    assert.match(unvalidatable.json().error.message, /has no SQL Gateway address to validate the script with/);
    const v1 = await call('POST', `/api/tasks/${task.id}/publish`, { note: 'first', unvalidated: true });
    assert.equal(v1.statusCode, 201);
    assert.equal(v1.json().version, 1);
    assert.equal(v1.json().sql, SCRIPT);
    assert.equal(v1.json().executionMode, 'STREAMING');
    assert.ok(v1.json().lineage, 'lineage is computed on publish');
    let current = (await call('GET', `/api/tasks/${task.id}`)).json();
    assert.equal(current.lifecycle, 'PUBLISHED');
    assert.equal(current.currentVersion, 1);
    assert.equal(current.hasUnpublishedChanges, false);

    const again = await call('POST', `/api/tasks/${task.id}/publish`, { unvalidated: true });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /Version 1 of orders already has this content/);

    // Editing a published task changes the draft only: back to DEVELOP, version 1 untouched.
    const changed = SCRIPT.replace('SELECT id', 'SELECT id * 2');
    current = (await call('PATCH', `/api/tasks/${task.id}`, { sql: changed, config: { checkpointIntervalMs: 2000 } })).json();
    assert.equal(current.lifecycle, 'DEVELOP');
    assert.equal(current.hasUnpublishedChanges, true);
    assert.equal((await call('GET', `/api/tasks/${task.id}/versions/1`)).json().sql, SCRIPT);
    const online = await call('POST', `/api/tasks/${task.id}/online`, {});
    assert.equal(online.statusCode, 409);
    assert.match(online.json().error.message, /changes that are not published/);

    // Changed back: published as it stands.
    current = (await call('PATCH', `/api/tasks/${task.id}`, { sql: SCRIPT, config: { checkpointIntervalMs: null } })).json();
    assert.equal(current.lifecycle, 'PUBLISHED');

    await call('PATCH', `/api/tasks/${task.id}`, { sql: changed, config: { checkpointIntervalMs: 2000 } });
    const v2 = await call('POST', `/api/tasks/${task.id}/publish`, { unvalidated: true });
    assert.equal(v2.json().version, 2);
    const versions = (await call('GET', `/api/tasks/${task.id}/versions`, undefined, viewer)).json().items;
    assert.deepEqual(versions.map((v: { version: number }) => v.version), [2, 1]);

    const compare = await call('GET', `/api/tasks/${task.id}/versions/compare?from=1&to=2`, undefined, viewer);
    assert.equal(compare.statusCode, 200);
    const diff = compare.json();
    assert.equal(diff.from.sql, SCRIPT);
    assert.equal(diff.to.sql, changed);
    assert.deepEqual(
      diff.content.filter((l: { kind: string }) => l.kind !== 'same'),
      [
        { kind: 'removed', fromLine: 4, toLine: null, text: 'INSERT INTO snk SELECT id FROM src;' },
        { kind: 'added', fromLine: null, toLine: 4, text: 'INSERT INTO snk SELECT id * 2 FROM src;' },
      ],
    );
    assert.ok(diff.config.some((l: { kind: string; text: string }) => l.kind === 'added' && l.text.includes('"checkpointIntervalMs": 2000')));
    assert.equal((await call('GET', `/api/tasks/${task.id}/versions/9`)).statusCode, 404);

    const offline = await call('POST', `/api/tasks/${task.id}/offline`, { withSavepoint: true });
    assert.equal(offline.statusCode, 409);
    assert.match(offline.json().error.message, /is PUBLISHED, not ONLINE/);

    const list = (await call('GET', '/api/tasks?q=ORD&lifecycle=PUBLISHED,DEVELOP', undefined, viewer)).json();
    assert.deepEqual(list.items.map((t: { name: string }) => t.name), ['orders']);
  });

  it('keeps the attempt when a submission fails, and the task stays as it was', async () => {
    // The cluster has no SQL Gateway: the run is recorded first, then marked FAILED with why.
    const task = (await call('POST', '/api/tasks', { name: 'no-gateway', kind: 'SQL', clusterId, sql: SCRIPT })).json();
    assert.equal((await call('POST', `/api/tasks/${task.id}/publish`, { unvalidated: true })).statusCode, 201);
    const online = await call('POST', `/api/tasks/${task.id}/online`, { savepointStrategy: 'none' });
    assert.equal(online.statusCode, 400);
    assert.match(online.json().error.message, /no SQL Gateway address/);
    const after = (await call('GET', `/api/tasks/${task.id}`)).json();
    assert.equal(after.lifecycle, 'PUBLISHED');
    assert.equal(after.latestStatus, 'FAILED');
    const transitions = await weir.services.runs.listTransitions(after.latestRunId);
    assert.deepEqual(transitions.map((t) => t.toStatus), ['INITIALIZING', 'FAILED']);
    assert.match(transitions[1]!.note ?? '', /Submission failed: .*no SQL Gateway address/);
    const audit = await weir.services.audit.list({ action: 'task.online', targetId: task.id });
    assert.deepEqual(audit.items.map((e) => [e.actor, e.outcome]), [['token:ops', 'failure']]);
    assert.match(audit.items[0]!.detail ?? '', /no SQL Gateway address/);
  });

  it('stores uploaded jars by content and refuses what is not a jar', async () => {
    const jar = zipBytes();
    const upload = (name: string, content: Uint8Array, auth = operator) => {
      const boundary = '----weir-test';
      const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="jarfile"; filename="${name}"\r\nContent-Type: application/java-archive\r\n\r\n`);
      const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
      return app.inject({
        method: 'POST',
        url: '/api/jars',
        headers: { authorization: auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([head, Buffer.from(content), tail]),
      });
    };
    const first = await upload('My Job.jar', jar);
    assert.equal(first.statusCode, 201);
    assert.match(first.json().id, /^[0-9a-f]{64}$/);
    assert.equal(first.json().fileName, 'My_Job.jar');
    assert.equal(first.json().size, jar.length);
    assert.equal((await upload('again.jar', jar)).json().id, first.json().id);
    assert.equal((await upload('notes.jar', Buffer.from('hello'))).statusCode, 400);
    assert.equal((await upload('x.jar', jar, viewer)).statusCode, 403);

    const task = await call('POST', '/api/tasks', { name: 'jar-task', kind: 'JAR', clusterId, jar: { jarId: first.json().id, entryClass: 'a.B', args: ['--x', '1'] } });
    assert.equal(task.statusCode, 201);
    assert.deepEqual(task.json().jar, { jarId: first.json().id, entryClass: 'a.B', args: ['--x', '1'], fileName: 'My_Job.jar' });
    const missing = await call('POST', '/api/tasks', { name: 'jar-missing', kind: 'JAR', clusterId, jar: { jarId: 'f'.repeat(64) } });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.json().error.message, /upload it/);
  });

  it('viewers get connector passwords in task SQL masked; operators read the script as written', async () => {
    const secretSql = (pw: string) => `CREATE TEMPORARY TABLE snk (id BIGINT) WITH ('connector' = 'jdbc', 'username' = 'etl', 'password' = '${pw}');\nINSERT INTO snk SELECT 1;`;
    const created = await call('POST', '/api/tasks', { name: 'with-secret', kind: 'SQL', clusterId, sql: secretSql('hunter2-v1') });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    assert.equal((await call('POST', `/api/tasks/${id}/publish`, { unvalidated: true })).statusCode, 201);
    assert.equal((await call('PATCH', `/api/tasks/${id}`, { sql: secretSql('hunter2-v2') })).statusCode, 200);
    assert.equal((await call('POST', `/api/tasks/${id}/publish`, { unvalidated: true })).statusCode, 201);
    const urls = [`/api/tasks/${id}`, `/api/tasks/${id}/versions`, `/api/tasks/${id}/versions/1`, `/api/tasks/${id}/versions/compare?from=1&to=2`];
    for (const url of urls) {
      const asViewer = await call('GET', url, undefined, viewer);
      assert.equal(asViewer.statusCode, 200, url);
      assert.ok(!asViewer.body.includes('hunter2'), `${url} shows the password to a viewer`);
      assert.match(asViewer.body, /'password' = '\*{6}'/, url);
      assert.match(asViewer.body, /'username' = 'etl'/, url);
      assert.match((await call('GET', url)).body, /hunter2/, `${url} hides the password from an operator`);
    }
  });

  it('deletes a task that runs nothing', async () => {
    const task = (await call('POST', '/api/tasks', { name: 'short-lived', kind: 'SQL', clusterId })).json();
    assert.equal((await call('DELETE', `/api/tasks/${task.id}`)).statusCode, 204);
    assert.equal((await call('GET', `/api/tasks/${task.id}`)).statusCode, 404);
  });
});

/** The smallest valid zip: one empty end-of-central-directory record after a local header signature. */
function zipBytes(): Uint8Array {
  return Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Array(26).fill(0), 0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
}
