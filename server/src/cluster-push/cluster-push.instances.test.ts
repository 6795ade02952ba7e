// Push with two Weir instances on one server database (PostgreSQL, MariaDB), as behind a load
// balancer: a push may reach either instance. A token rotated on one is refused on the other at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_PRINCIPAL } from '../access/principal.js';
import { createTestDatabase } from '../test-support/databases.js';
import { fakeFlink, type FakeEndpoint } from '../test-support/fake-flink.js';
import { startTestWeir, testApp, type TestWeir } from '../test-support/weir.js';

const LEASE = { ttlMs: 3_000, tickMs: 500 };
/** Instances of one Weir share WEIR_SECRET_KEY, from which the push tokens are derived. */
const SECRET_KEY = 'ef'.repeat(32);
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
        const weir = await startTestWeir({ databaseUrl: database.url, config: { secretKey: SECRET_KEY, clusterLeases: { ...LEASE, instanceId: `${name}-${engine}` } } });
        weirs.push(weir);
        apps.push(await testApp(weir));
      }
      clusterId = (await weirs[0]!.services.clusters.register(SYSTEM_PRINCIPAL, { name: `app-${engine}`, restUrl: flink.url })).id;
      adminToken = (await weirs[0]!.services.auth.createToken(SYSTEM_PRINCIPAL, `ops-${engine}`, 'admin')).secret;
    });

    after(async () => {
      for (const app of apps) await app.close();
      for (const weir of weirs) await weir.stop().catch(() => undefined);
      await flink?.close();
      await drop?.();
    });

    const push = (app: FastifyInstance, token: string) =>
      app.inject({ method: 'POST', url: `/push/clusters/${clusterId}`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: JSON.stringify(notice) });

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
