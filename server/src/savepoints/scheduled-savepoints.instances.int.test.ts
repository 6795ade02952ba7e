// A savepoint schedule with two Weir processes on one PostgreSQL database and one real Flink: only
// the instance holding the one-instance lease takes the schedule's savepoints, each slot once, and
// when that instance is killed (kill -9) the other carries the schedule on without taking a slot twice.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import type { Principal } from '../access/principal.js';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { createTestDatabase } from '../test-support/databases.js';
import { sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir, type TestWeir } from '../test-support/weir.js';
import { startWeirProcess, type WeirProcess } from '../test-support/weir-process.js';
import { makePrincipal } from '../access/principal.js';

const LEASE_MS = 3_000;
const INTERVAL_MS = 5_000;
const SECRET_KEY = randomBytes(32).toString('hex');
const actor: Principal = makePrincipal({ kind: 'user', id: 'u-schedule', name: 'sam' }, 'operator');

let flink: TestFlink;
let databaseUrl: string;
let drop: () => Promise<void>;
let registrar: TestWeir;
const instances: WeirProcess[] = [];
const jobs: string[] = [];

before(async () => {
  flink = await sharedTestFlink();
  const database = await createTestDatabase('postgres');
  databaseUrl = database.url;
  drop = database.drop;
  // Creates the task and reads the database; takes no part in the background work.
  registrar = await startTestWeir({ databaseUrl, background: false, config: { secretKey: SECRET_KEY } });
});

after(async () => {
  for (const instance of instances) {
    instance.process.kill('SIGKILL');
    await instance.exited;
  }
  for (const jobId of jobs) await flink.jm.cancel(jobId).catch(() => undefined);
  await registrar?.stop();
  await drop?.();
});

interface Scheduled {
  id: string;
  status: string;
  created_at: number;
}

const scheduled = (taskId: string): Promise<Scheduled[]> =>
  registrar.database.db
    .selectFrom('savepoints')
    .select(['id', 'status', 'created_at'])
    .where('task_id', '=', taskId)
    .where('taken_by', '=', 'savepoint-schedule')
    .orderBy('created_at')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, created_at: Number(r.created_at) })));

it('two instances take each scheduled savepoint once, and the schedule goes on without a double when the one taking them is killed', async () => {
  const services = registrar.services;
  const cluster = await services.clusters.register(SYSTEM_PRINCIPAL, { name: 'scheduled', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl });
  const name = `sched${process.pid}`;
  const sql = [
    `CREATE TEMPORARY TABLE src (v INT) WITH ('connector' = 'datagen', 'rows-per-second' = '20');`,
    `CREATE TEMPORARY TABLE out_${name} (c BIGINT) WITH ('connector' = 'blackhole');`,
    `INSERT INTO out_${name} SELECT COUNT(*) FROM src;`,
  ].join('\n');
  const task = await services.tasksService.create(actor, { name, kind: 'SQL', clusterId: cluster.id, sql, config: { savepointStrategy: 'none', checkpointIntervalMs: 1000 } });
  await services.tasksService.publish(actor, task.id, 'for the test');
  const online = await services.operations.online(actor, task.id);
  const run = (await services.runs.get(online.newRunId!))!;
  jobs.push(run.flinkJobId);
  await waitUntil(`every task of ${run.flinkJobId} to run`, 60_000, async () => {
    const entry = (await flink.jm.jobsOverview()).find((j) => j.jid === run.flinkJobId);
    return entry && entry.tasks.total > 0 && entry.tasks.running === entry.tasks.total ? entry : undefined;
  });

  for (const id of ['weir-s1', 'weir-s2']) {
    instances.push(await startWeirProcess(id, { databaseUrl, secretKey: SECRET_KEY, env: { WEIR_CLUSTER_LEASE_MS: String(LEASE_MS) } }));
  }
  await waitUntil('Weir to record the run RUNNING', 60_000, async () => (await services.runs.get(run.id))?.status === 'RUNNING');
  await services.savepointPolicies.put(actor, task.id, { schedule: { intervalMs: INTERVAL_MS }, retention: null });

  const completed = async (after: number) => (await scheduled(task.id)).filter((s) => s.status === 'COMPLETED' && s.created_at > after);
  await waitUntil('three scheduled savepoints', 120_000, async () => ((await completed(0)).length >= 3 ? true : undefined));

  const holder = await waitUntil('the instance that holds the one-instance work', 10_000, async () => {
    const health = (await (await fetch(`${instances[0]!.url}/api/health`)).json()) as { instance: { oneInstanceWork: string | null } };
    return instances.find((i) => i.id === health.instance.oneInstanceWork);
  });
  holder.process.kill('SIGKILL');
  const killedAt = Date.now();
  await holder.exited;
  await waitUntil('three more scheduled savepoints, taken by the survivor', 120_000, async () => ((await completed(killedAt)).length >= 3 ? true : undefined));
  await services.savepointPolicies.put(actor, task.id, { schedule: null, retention: null });

  // Slots are taken at least INTERVAL_MS apart (compare-and-set on the policy's last slot), so two
  // savepoints started within a second of each other would be one slot taken twice.
  const all = await scheduled(task.id);
  const gaps = all.slice(1).map((s, i) => s.created_at - all[i]!.created_at);
  console.log(`scheduled savepoints: ${all.length}; gaps (ms): ${gaps.join(', ')}; killed ${holder.id}`);
  assert.ok(gaps.every((gap) => gap >= 1_000), `no slot taken twice: gaps ${gaps.join(', ')} ms`);
  assert.ok(all.filter((s) => s.status === 'FAILED').length === 0, 'none failed');
});
