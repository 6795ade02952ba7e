// The YARN target check's decisions, against answers shaped like Hadoop 3.3.6's (`/ws/v1/cluster/info`,
// `/ws/v1/cluster/scheduler` as the local YARN answers them), served by a fetch of the test's own per address.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { InputError } from '../errors/errors.js';
import { checkYarnTarget } from './yarn-target-check.js';
import { YarnResourceManagerClient } from './yarn-rm.client.js';

const confDirs: string[] = [];
after(() => confDirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function confDirNaming(webAddress: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weir-yarn-site-'));
  confDirs.push(dir);
  writeFileSync(join(dir, 'yarn-site.xml'), `<configuration><property><name>yarn.resourcemanager.webapp.address</name><value>${webAddress}</value></property></configuration>`);
  return dir;
}

/** ResourceManagers by host:port, each with its cluster timestamp; any other address refuses the connection. */
function resourceManagers(byAddress: Record<string, number>) {
  const asked: string[] = [];
  const fetch = (async (input: URL | string) => {
    const url = new URL(String(input));
    asked.push(url.host);
    const id = byAddress[url.host];
    if (id === undefined) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const body = url.pathname === '/ws/v1/cluster/info'
      ? { clusterInfo: { id, startedOn: id, state: 'STARTED', haState: 'ACTIVE', hadoopVersion: '3.3.6', resourceManagerVersion: '3.3.6' } }
      : { scheduler: { schedulerInfo: { type: 'fifoScheduler' } } };
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  const rmAt = (baseUrl: string) => new YarnResourceManagerClient({ baseUrl, timeoutMs: 5_000, fetch });
  return { rmAt, asked };
}

const target = (hadoopConfDir: string) => ({ hadoopConfDir, queue: 'default', flinkVersion: '1.20.1' as const });

test('a yarn-site.xml naming the ResourceManager at the REST address is accepted without asking anything more', async () => {
  const { rmAt, asked } = resourceManagers({ 'rm1.corp:8088': 1796000000001 });
  await checkYarnTarget(rmAt('http://rm1.corp:8088'), target(confDirNaming('rm1.corp:8088')), { rmAt });
  assert.deepEqual([...new Set(asked)], ['rm1.corp:8088']);
});

test('another name for the same ResourceManager is accepted: it answers with the same cluster timestamp', async () => {
  const { rmAt } = resourceManagers({ 'rm1.corp:8088': 1796000000001, 'rm1-alias.corp:8088': 1796000000001 });
  await checkYarnTarget(rmAt('http://rm1.corp:8088'), target(confDirNaming('rm1-alias.corp:8088')), { rmAt });
});

test('a yarn-site.xml naming another ResourceManager is refused with both addresses: Flink would deploy where Weir does not watch', async () => {
  const { rmAt } = resourceManagers({ 'rm1.corp:8088': 1796000000001, 'rm2.corp:8088': 1796000000002 });
  const dir = confDirNaming('rm2.corp:8088');
  await assert.rejects(checkYarnTarget(rmAt('http://rm1.corp:8088'), target(dir), { rmAt }), (err: unknown) =>
    err instanceof InputError && err.message === `The yarn-site.xml in ${dir} names the ResourceManager at rm2.corp:8088, another one than at http://rm1.corp:8088: Flink would deploy to one while Weir watches the other`);
});

test('an address Weir cannot reach proves nothing either way, so the target is kept', async () => {
  const { rmAt } = resourceManagers({ 'rm1.corp:8088': 1796000000001 });
  await checkYarnTarget(rmAt('http://rm1.corp:8088'), target(confDirNaming('rm-internal.corp:8088')), { rmAt });
});

test('a yarn-site.xml that is not a Hadoop configuration file, or far too large, is refused before YARN is asked', async () => {
  const { rmAt, asked } = resourceManagers({ 'rm1.corp:8088': 1796000000001 });
  const withDtd = confDirNaming('x:1');
  writeFileSync(join(withDtd, 'yarn-site.xml'), '<!DOCTYPE c [<!ENTITY e SYSTEM "file:///etc/passwd">]><configuration>&e;</configuration>');
  await assert.rejects(checkYarnTarget(rmAt('http://rm1.corp:8088'), target(withDtd), { rmAt }), /is not a Hadoop configuration file Weir reads: it declares a DTD/);
  const huge = confDirNaming('x:1');
  writeFileSync(join(huge, 'yarn-site.xml'), `<configuration>${' '.repeat(1024 * 1024 + 1)}</configuration>`);
  await assert.rejects(checkYarnTarget(rmAt('http://rm1.corp:8088'), target(huge), { rmAt }), /is larger than 1 MB/);
  assert.deepEqual(asked, []);
});
