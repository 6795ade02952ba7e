// Several Weir processes on one PostgreSQL database and one real Flink, killed as an operator's
// machine kills them: kill -9 of the instance that watches a cluster hands the cluster to another
// within 10 s; an instance paused past its lease (SIGSTOP) finds, when it wakes (SIGCONT), that the
// cluster is another's, and does not take it back.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { createTestDatabase } from '../test-support/databases.js';
import { sharedTestFlink, waitUntil, type TestFlink } from '../test-support/flink.js';
import { startTestWeir } from '../test-support/weir.js';
import { healthOf, startWeirProcess, watcherSeenBy, type WeirProcess } from '../test-support/weir-process.js';

const LEASE_MS = 3_000;
const SECRET_KEY = randomBytes(32).toString('hex');

describe('Weir processes on one PostgreSQL database, killed and paused', () => {
  let flink: TestFlink;
  let databaseUrl: string;
  let drop: () => Promise<void>;
  let clusterId: string;
  const instances: WeirProcess[] = [];

  async function startInstance(id: string): Promise<WeirProcess> {
    const instance = await startWeirProcess(id, { databaseUrl, secretKey: SECRET_KEY, env: { WEIR_CLUSTER_LEASE_MS: String(LEASE_MS) } });
    instances.push(instance);
    return instance;
  }

  const health = healthOf;
  const watcherAsSeenBy = (instance: WeirProcess) => watcherSeenBy(instance, clusterId);

  before(async () => {
    flink = await sharedTestFlink();
    const database = await createTestDatabase('postgres');
    databaseUrl = database.url;
    drop = database.drop;
    // The cluster is registered once, on the shared database, with the instances' secret key.
    const registrar = await startTestWeir({ databaseUrl, background: false, config: { secretKey: SECRET_KEY } });
    clusterId = (await registrar.services.clusters.register(SYSTEM_PRINCIPAL, { name: 'shared', restUrl: flink.restUrl, gatewayUrl: flink.gatewayUrl })).id;
    await registrar.stop();
  });

  after(async () => {
    for (const instance of instances) {
      instance.process.kill('SIGCONT');
      instance.process.kill('SIGKILL');
      await instance.exited;
    }
    await drop?.();
  });

  it('kill -9 of the watching instance: another takes the cluster over within 10 s; a paused one does not take it back', async () => {
    const a = await startInstance('weir-a');
    const b = await startInstance('weir-b');
    const owner = await waitUntil('one instance to watch the cluster, as both say', 30_000, async () => {
      const [byA, byB] = [await watcherAsSeenBy(a), await watcherAsSeenBy(b)];
      return byA !== null && byA === byB ? byA : undefined;
    });
    await waitUntil('each instance to count the other alive', 10_000, async () =>
      (await Promise.all([a, b].map(health))).every((h) => [...h.instance.alive].sort().join() === 'weir-a,weir-b'),
    );
    const [victim, survivor] = owner === a.id ? [a, b] : [b, a];

    victim.process.kill('SIGKILL');
    const killedAt = Date.now();
    await victim.exited;
    await waitUntil('the survivor to watch the cluster', 20_000, async () => (await watcherAsSeenBy(survivor)) === survivor.id);
    const takeoverMs = Date.now() - killedAt;
    console.log(`kill -9: cluster taken over after ${takeoverMs} ms (lease ${LEASE_MS} ms)`);
    assert.ok(takeoverMs < 10_000, `taken over within 10 s (${takeoverMs} ms)`);

    // A third instance joins; the survivor is paused past its lease; the newcomer takes the cluster.
    const c = await startInstance('weir-c');
    survivor.process.kill('SIGSTOP');
    await waitUntil('the newcomer to watch the cluster', 20_000, async () => (await watcherAsSeenBy(c)) === c.id);
    survivor.process.kill('SIGCONT');
    // Awake again, the paused instance sees the cluster as the newcomer's and leaves it so.
    await waitUntil('the woken instance to see the newcomer watching', 20_000, async () => (await watcherAsSeenBy(survivor)) === c.id);
    for (let tick = 0; tick < 3; tick += 1) {
      // Three of its ticks (each LEASE_MS / 6): it never claims the cluster back.
      const seen = await waitUntil('a fresh health answer', 5_000, async () => health(survivor));
      assert.equal(seen.clusters.find((x) => x.id === clusterId)?.watchedBy, c.id);
      await new Promise((resolve) => setTimeout(resolve, LEASE_MS / 6));
    }
  });
});
