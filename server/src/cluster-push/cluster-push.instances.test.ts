// Push with two Weir instances on one server database (PostgreSQL, MariaDB), as behind a load
// balancer: a push may reach either instance. One that reaches the instance not watching the cluster
// is relayed to the one that does and ends its calm wait; a token rotated on one instance is refused
// on the other at once.
import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { createTestDatabase } from '../test-support/databases.js';
import { fakeFlink, type FakeEndpoint } from '../test-support/fake-flink.js';
import { waitUntil } from '../test-support/flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

const LEASE = { ttlMs: 3_000, tickMs: 500 };
/** Instances of one Weir share WEIR_SECRET_KEY, from which the push tokens are derived. */
const SECRET_KEY = 'ef'.repeat(32);
/** So long that a read within the test's waits cannot be a scheduled one: only a wake-up explains it. */
const CALM_INTERVAL_MS = 120_000;
const WATCHER = { intervalMs: 300, calmIntervalMs: CALM_INTERVAL_MS, calmAfterMs: 1_000, reconnectAttempts: 3, reconnectWindowMs: 1_500, probeTimeoutMs: 500, lostAfterMs: 1_000, historyArchiveGraceMs: 2_000, historyUnreachableLimitMs: 120_000 };
const notice = { jobId: 'a'.repeat(32), status: 'CANCELED', timestamp: 1_765_000_000_000 };

for (const engine of ['postgres', 'mysql'] as const) {
  describe(`cluster push on two Weir instances on one ${engine} database`, () => {
    let drop: () => Promise<void>;
    let flink: FakeEndpoint;
    const weirs: TestWeir[] = [];
    const apps: FastifyInstance[] = [];
    let clusterId: string;
    let adminToken: string;

    before(async () => {
      const database = await createTestDatabase(engine);
      drop = database.drop;
      flink = await fakeFlink();
      for (const name of ['push-a', 'push-b']) {
        const weir = await startTestWeir({ databaseUrl: database.url, config: { secretKey: SECRET_KEY, watcher: WATCHER, clusterLeases: { ...LEASE, instanceId: `${name}-${engine}` } } });
        weirs.push(weir);
        apps.push(await testApp(weir));
      }
      clusterId = (await weirs[0]!.services.clusters.register(SYSTEM_PRINCIPAL, { name: `app-${engine}`, restUrl: flink.url })).id;
      adminToken = (await weirs[0]!.services.auth.createToken(SYSTEM_PRINCIPAL, `ops-${engine}`, 'admin')).secret;
    });

    after(async () => {
      mock.restoreAll();
      for (const app of apps) await app.close();
      for (const weir of weirs) await weir.stop().catch(() => undefined);
      await flink?.close();
      await drop?.();
    });

    const push = (app: FastifyInstance, token: string) =>
      app.inject({ method: 'POST', url: `/push/clusters/${clusterId}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify(notice) });

    it("ends the lease holder's calm wait with a push sent to the other instance", async () => {
      const holder = await waitUntil('one instance to watch the cluster', 30_000, async () => {
        const watching = weirs.filter((w) => w.services.watchers.watcherFor(clusterId) !== undefined);
        return watching.length === 1 ? watching[0] : undefined;
      });
      const receiver = apps[weirs.indexOf(weirs.find((w) => w !== holder)!)]!;
      const handed: Array<{ by: 'holder' | 'receiver'; watched: boolean }> = [];
      for (const [by, weir] of [['holder', holder], ['receiver', weirs.find((w) => w !== holder)!]] as const) {
        const watchers = weir.services.watchers;
        const original = watchers.pushed.bind(watchers);
        watchers.pushed = (id: string) => {
          const watched = original(id);
          handed.push({ by, watched });
          return watched;
        };
      }

      // Know when the watcher is inside a calm wait. Its first one is a random part of the interval
      // (watch-cadence.ts): take all of it, so no scheduled read comes within the test's waits.
      mock.method(Math, 'random', () => 0.999);
      const watcher = holder.services.watchers.watcherFor(clusterId)!;
      let inCalmWait = false;
      const waitWhileCalm = watcher.waitWhileCalm.bind(watcher);
      watcher.waitWhileCalm = async (signal?: AbortSignal) => {
        inCalmWait = watcher.isCalm();
        try {
          await waitWhileCalm(signal);
        } finally {
          inCalmWait = false;
        }
      };
      // A wait already running began before the method was wrapped: end it, so the next one is seen.
      watcher.wake();
      await waitUntil('the watcher to wait out its calm interval', 30_000, async () => inCalmWait, 50);

      const pushedAt = Date.now();
      const res = await push(receiver, await holder.services.clusterPush.currentToken(clusterId));
      assert.equal(res.statusCode, 202, res.body);
      await waitUntil("the holder's watcher to read the cluster after the push", CALM_INTERVAL_MS / 4, async () => (watcher.lastCycle?.finishedAt ?? 0) > pushedAt, 50);
      console.log(`${engine}: the lease holder read the cluster ${Date.now() - pushedAt} ms after a push to the other instance (calm interval ${CALM_INTERVAL_MS / 1000} s)`);
      assert.deepEqual(handed, [{ by: 'receiver', watched: false }, { by: 'holder', watched: true }], 'the receiver does not watch it and relays the push; the holder wakes');
    });

    it('refuses a token rotated on one instance on the other at once, and takes the new one there', async () => {
      const [a, b] = apps as [FastifyInstance, FastifyInstance];
      const old = await weirs[1]!.services.clusterPush.currentToken(clusterId);
      assert.equal((await push(b, old)).statusCode, 202, 'the second instance takes the token before the rotation');
      const rotated = await a.inject({ method: 'POST', url: `/api/clusters/${clusterId}/push-token/rotate`, headers: { authorization: `Bearer ${adminToken}` } });
      assert.equal(rotated.statusCode, 200, rotated.body);
      const { token } = rotated.json() as { token: string };
      // No waiting: the second instance reads the generation from the database on each push.
      assert.equal((await push(b, old)).statusCode, 401, 'the old token is refused on the other instance at once');
      assert.equal((await push(b, token)).statusCode, 202);
      assert.equal((await push(a, old)).statusCode, 401);
      assert.equal((await push(a, token)).statusCode, 202);
    });
  });
}
