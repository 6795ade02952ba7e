import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  coreSiteEntries, judgeYarnReadiness, renderHadoopXml, YARN_PORT_NAMES, yarnSiteEntries, type YarnPorts,
} from './yarn-config.js';

const ports: YarnPorts = {
  rmClient: 41001, rmScheduler: 41002, rmResourceTracker: 41003, rmAdmin: 41004,
  rmWeb: 41005, nmRpc: 41006, nmLocalizer: 41007, nmWeb: 41008,
};
const input = { host: '127.0.0.1', ports, dataDir: '/data/yarn', nodeManagerMemoryMb: 4096, nodeManagerVcores: 4 };

test('yarn-site puts every daemon port on the chosen host, each port once', () => {
  const site = new Map(yarnSiteEntries(input));
  assert.equal(site.get('yarn.resourcemanager.address'), '127.0.0.1:41001');
  assert.equal(site.get('yarn.resourcemanager.webapp.address'), '127.0.0.1:41005');
  assert.equal(site.get('yarn.nodemanager.webapp.address'), '127.0.0.1:41008');
  const used = [...site.values()].flatMap((v) => /^127\.0\.0\.1:(\d+)$/.exec(v)?.[1] ?? []).map(Number).sort();
  assert.deepEqual(used, YARN_PORT_NAMES.map((n) => ports[n]).sort());
});

test('yarn-site sizes a small FIFO NodeManager working in the data folder', () => {
  const site = new Map(yarnSiteEntries(input));
  assert.match(site.get('yarn.resourcemanager.scheduler.class')!, /\.fifo\.FifoScheduler$/);
  assert.equal(site.get('yarn.nodemanager.resource.memory-mb'), '4096');
  assert.equal(site.get('yarn.nodemanager.resource.cpu-vcores'), '4');
  assert.equal(site.get('yarn.nodemanager.local-dirs'), '/data/yarn/nm-local');
  assert.equal(site.get('yarn.nodemanager.log-dirs'), '/data/yarn/nm-logs');
  assert.equal(site.get('yarn.node-attribute.fs-store.root-dir'), 'file:///data/yarn/node-attribute');
  assert.equal(site.get('yarn.nodemanager.vmem-check-enabled'), 'false');
});

test('containers get only the conf folder from the node, so a JobManager finds yarn-site.xml', () => {
  assert.equal(new Map(yarnSiteEntries(input)).get('yarn.application.classpath'), '/data/yarn/conf');
});

test('core-site uses the local file system, no HDFS', () => {
  const core = new Map(coreSiteEntries(input));
  assert.equal(core.get('fs.defaultFS'), 'file:///');
  assert.equal(core.get('hadoop.tmp.dir'), '/data/yarn/hadoop-tmp');
});

test('renderHadoopXml writes one escaped property per entry', () => {
  const xml = renderHadoopXml([['a.b', 'x<y&z'], ['c', '1']]);
  assert.match(xml, /^<\?xml version="1.0"\?>\n<configuration>\n/);
  assert.match(xml, /<property><name>a\.b<\/name><value>x&lt;y&amp;z<\/value><\/property>/);
  assert.equal(xml.match(/<property>/g)?.length, 2);
});

const started = { clusterInfo: { state: 'STARTED' } };
const node = (state: string, memory = 4096) => ({ nodes: { node: [{ state, nodeHostName: 'localhost', totalResource: { memory, vCores: 4 } }] } });

test('YARN is ready only when the RM is STARTED and a NodeManager is RUNNING with the configured memory', () => {
  assert.deepEqual(judgeYarnReadiness(started, node('RUNNING'), 4096), {
    ready: true, detail: 'NodeManager localhost RUNNING with 4096 MB / 4 vcores',
  });
});

test('each not-ready case says what is missing', () => {
  assert.match(judgeYarnReadiness({ clusterInfo: { state: 'INITED' } }, node('RUNNING'), 4096).detail, /state is INITED, not STARTED/);
  assert.match(judgeYarnReadiness('<html>', node('RUNNING'), 4096).detail, /state is unknown/);
  // The RM answers `"nodes": null` before any NodeManager registered.
  assert.match(judgeYarnReadiness(started, { nodes: null }, 4096).detail, /no NodeManager has registered/);
  assert.match(judgeYarnReadiness(started, node('NEW'), 4096).detail, /no NodeManager is RUNNING \(states: NEW\)/);
  assert.match(judgeYarnReadiness(started, node('RUNNING', 2048), 4096).detail, /RUNNING with 2048 MB, expected 4096 MB/);
  for (const [info, nodes] of [[{ clusterInfo: { state: 'INITED' } }, node('RUNNING')], [started, node('UNHEALTHY')]] as const) {
    assert.equal(judgeYarnReadiness(info, nodes, 4096).ready, false);
  }
});
