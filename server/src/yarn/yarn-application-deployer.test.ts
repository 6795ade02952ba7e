import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FlinkUnreachableError } from '../errors/errors.js';
import { YarnApplicationDeployer } from './yarn-application-deployer.js';
import { YarnResourceManagerClient } from './yarn-rm.client.js';

/** A port nothing listens on: taken from the kernel and released again. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const { port } = srv.address() as import('node:net').AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test('a ResourceManager that does not answer is a clear error before Flink\'s CLI runs, and leaves no work folder', async () => {
  const rmUrl = `http://127.0.0.1:${await closedPort()}`;
  const workDir = mkdtempSync(join(tmpdir(), 'weir-yarn-deployer-'));
  try {
    const deployer = new YarnApplicationDeployer(
      new YarnResourceManagerClient({ baseUrl: rmUrl, timeoutMs: 5_000 }),
      // A Java that does not exist: had the CLI been started, the error would say it could not run.
      { flinkVersion: '1.20.1', libDir: '/nonexistent/lib', javaHome: '/nonexistent/java' },
      { resourceManagerUrl: rmUrl, hadoopConfDir: '/nonexistent/conf' },
    );
    await assert.rejects(deployer.deployJar({ name: 'orders', jarPath: '/jars/orders.jar' }, { workDir }), (err: unknown) =>
      err instanceof FlinkUnreachableError && err.message.includes(`YARN ResourceManager at ${rmUrl} cannot be reached`));
    assert.deepEqual(existsSync(workDir) ? readdirSync(workDir) : [], []);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});
