import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  buildClasspath,
  clusterConfigEntries,
  DEFAULT_FLINK_VERSION,
  FLINK_TEST_VERSIONS,
  flinkVersionProfile,
  JAVA17_OPTS,
  parseResourceParams,
  renderConfigYaml,
  renderLog4jProperties,
  renderZooKeeperConfig,
  stdoutFileFor,
  taskManagerResourceId,
} from './config.js';
import { defaultCacheDir } from './distribution.js';

// Real output of BashJavaUtils GET_TM_RESOURCE_PARAMS (Flink 1.20.3, 1728m, 4 slots), with a log line mixed in.
const TM_OUTPUT = `INFO  [] - Loading configuration property: taskmanager.memory.process.size, 1728m
BASH_JAVA_UTILS_EXEC_RESULT:-Xmx536870902 -Xms536870902 -XX:MaxDirectMemorySize=268435458 -XX:MaxMetaspaceSize=268435456
BASH_JAVA_UTILS_EXEC_RESULT:-D taskmanager.memory.network.min=134217730b -D taskmanager.cpu.cores=4.0 -D taskmanager.memory.task.off-heap.size=0b -D taskmanager.memory.jvm-metaspace.size=268435456b -D external-resources=none -D taskmanager.memory.jvm-overhead.min=201326592b -D taskmanager.memory.framework.off-heap.size=134217728b -D taskmanager.memory.network.max=134217730b -D taskmanager.memory.framework.heap.size=134217728b -D taskmanager.memory.managed.size=536870920b -D taskmanager.memory.task.heap.size=402653174b -D taskmanager.numberOfTaskSlots=4 -D taskmanager.memory.jvm-overhead.max=201326592b
`;
// Real output of GET_JM_RESOURCE_PARAMS for jobmanager.memory.process.size=1024m.
const JM_OUTPUT = `BASH_JAVA_UTILS_EXEC_RESULT:-Xmx469762048 -Xms469762048 -XX:MaxMetaspaceSize=268435456
BASH_JAVA_UTILS_EXEC_RESULT:-D jobmanager.memory.off-heap.size=134217728b -D jobmanager.memory.jvm-overhead.min=201326592b -D jobmanager.memory.jvm-metaspace.size=268435456b -D jobmanager.memory.heap.size=469762048b -D jobmanager.memory.jvm-overhead.max=201326592b
`;

test('parseResourceParams splits the TaskManager JVM line and the -D line', () => {
  const p = parseResourceParams(TM_OUTPUT);
  assert.deepEqual(p.jvmArgs, ['-Xmx536870902', '-Xms536870902', '-XX:MaxDirectMemorySize=268435458', '-XX:MaxMetaspaceSize=268435456']);
  assert.equal(p.dynamicArgs.length, 26); // 13 × ["-D", "k=v"]
  assert.equal(p.dynamicArgs[0], '-D');
  assert.equal(p.dynamicArgs[1], 'taskmanager.memory.network.min=134217730b');
  assert.equal(p.dynamicProperties['taskmanager.cpu.cores'], '4.0');
  assert.equal(p.dynamicProperties['taskmanager.memory.network.min'], p.dynamicProperties['taskmanager.memory.network.max']);
  assert.equal(p.dynamicProperties['external-resources'], 'none');
});

test('parseResourceParams handles the JobManager output', () => {
  const p = parseResourceParams(JM_OUTPUT);
  assert.deepEqual(p.jvmArgs, ['-Xmx469762048', '-Xms469762048', '-XX:MaxMetaspaceSize=268435456']);
  assert.equal(p.dynamicProperties['jobmanager.memory.heap.size'], '469762048b');
  assert.equal(Object.keys(p.dynamicProperties).length, 5);
});

test('parseResourceParams accepts glued -Dk=v tokens and rejects missing lines', () => {
  const p = parseResourceParams('BASH_JAVA_UTILS_EXEC_RESULT:-Xmx1 -Xms1\nBASH_JAVA_UTILS_EXEC_RESULT:-Da=b -D c=d=e\n');
  assert.deepEqual(p.dynamicProperties, { a: 'b', c: 'd=e' });
  assert.throws(() => parseResourceParams('Error: could not find or load main class\n'), /0 result line/);
  assert.throws(() => parseResourceParams('BASH_JAVA_UTILS_EXEC_RESULT:-Xms1\nBASH_JAVA_UTILS_EXEC_RESULT:-D a=b'), /no -Xmx/);
});

const baseInput = {
  host: '127.0.0.1',
  restPort: 18181,
  rpcPort: 16223,
  gatewayPort: 18183,
  slotsPerTaskManager: 4,
  taskManagerProcessMemory: '1728m',
  jobManagerProcessMemory: '1024m',
  dirs: { tmp: '/d/tmp', checkpoints: '/d/checkpoints', savepoints: '/d/savepoints', webUpload: '/d/web-upload' },
};

test('clusterConfigEntries pins the three public ports and leaves the others ephemeral', () => {
  const m = new Map(clusterConfigEntries(baseInput));
  assert.equal(m.get('rest.port'), '18181');
  assert.equal(m.get('jobmanager.rpc.port'), '16223');
  assert.equal(m.get('sql-gateway.endpoint.rest.port'), '18183');
  for (const k of ['blob.server.port', 'taskmanager.rpc.port', 'taskmanager.data.port', 'metrics.internal.query-service.port']) {
    assert.equal(m.get(k), '0', k);
  }
  assert.equal(m.get('execution.checkpointing.dir'), 'file:///d/checkpoints');
  assert.equal(m.get('execution.checkpointing.savepoint-dir'), 'file:///d/savepoints');
  assert.equal(m.get('web.upload.dir'), '/d/web-upload');
  assert.equal(m.get('io.tmp.dirs'), '/d/tmp');
});

test('clusterConfigEntries omits gateway keys without a gateway and lets extraConfig win', () => {
  const m = new Map(
    clusterConfigEntries({ ...baseInput, gatewayPort: undefined, extraConfig: { 'rest.port': '1', 'state.backend.type': 'hashmap' } }),
  );
  assert.equal(m.has('sql-gateway.endpoint.rest.port'), false);
  assert.equal(m.get('rest.port'), '1');
  assert.equal(m.get('state.backend.type'), 'hashmap');
});

test('renderConfigYaml writes flat keys with quoted values and refuses odd keys', () => {
  const y = renderConfigYaml([['a.b', '1 s'], ['c', 'x: "y"']]);
  assert.match(y, /^a\.b: "1 s"$/m);
  assert.match(y, /^c: "x: \\"y\\""$/m);
  assert.throws(() => renderConfigYaml([['bad key', 'v']]), /Unsupported config key/);
});

test('log4j properties log to ${sys:log.file}', () => {
  assert.match(renderLog4jProperties(), /appender\.main\.fileName = \$\{sys:log\.file\}/);
});

test('small helpers', () => {
  assert.equal(stdoutFileFor('/l/tm-1.log'), '/l/tm-1.out');
  assert.equal(stdoutFileFor('/l/x'), '/l/x.out');
  assert.equal(buildClasspath(['/b.jar', '/a.jar']), '/a.jar:/b.jar');
  assert.equal(taskManagerResourceId(2), 'tm-2');
  assert.equal(JAVA17_OPTS.length, 21); // 20 module flags (8 add-exports, 12 add-opens) + IgnoreUnrecognizedVMOptions
  assert.equal(JAVA17_OPTS[0], '-XX:+IgnoreUnrecognizedVMOptions');
});

test('ZooKeeper high availability: HA keys with the RPC port pinned, and a standalone zoo.cfg', () => {
  const dirs = { tmp: '/d/tmp', checkpoints: '/d/checkpoints', savepoints: '/d/savepoints', webUpload: '/d/web-upload' };
  const base = { host: '127.0.0.1', restPort: 8081, rpcPort: 6123, slotsPerTaskManager: 4, taskManagerProcessMemory: '1728m', jobManagerProcessMemory: '1024m', dirs };
  assert.equal(new Map(clusterConfigEntries(base)).get('high-availability.type'), undefined, 'HA is an option, off by default');
  const conf = new Map(clusterConfigEntries({ ...base, highAvailability: { zooKeeperPort: 2181, storageDir: '/d/ha', clusterId: '/weir' } }));
  assert.equal(conf.get('high-availability.type'), 'zookeeper');
  assert.equal(conf.get('high-availability.zookeeper.quorum'), '127.0.0.1:2181');
  assert.equal(conf.get('high-availability.storageDir'), 'file:///d/ha');
  assert.equal(conf.get('high-availability.cluster-id'), '/weir');
  assert.equal(conf.get('high-availability.jobmanager.port'), '6123', 'with HA this, not jobmanager.rpc.port, fixes the RPC port');

  const zoo = renderZooKeeperConfig({ host: '127.0.0.1', port: 2181, dataDir: '/d/zookeeper' });
  assert.match(zoo, /^clientPort=2181$/m);
  assert.match(zoo, /^clientPortAddress=127\.0\.0\.1$/m);
  assert.match(zoo, /^dataDir=\/d\/zookeeper$/m);
  assert.match(zoo, /^admin\.enableServer=false$/m);
  assert.doesNotMatch(zoo, /^server\./m, 'no peers listed: one standalone server');
});

test('flinkVersionProfile: 1.20.x takes the 1.20.0 example jars, 2.x its own, and both the SQL Gateway they serve', () => {
  assert.deepEqual(
    ['1.20.3', '2.3.0'].map((v) => { const p = flinkVersionProfile(v); return [p.version, p.examplesVersion, p.gatewayApiVersion]; }),
    [['1.20.3', '1.20.0', 'v3'], ['2.3.0', '2.3.0', 'v4']],
  );
  assert.ok(flinkVersionProfile('2.3.0').javaOpts.includes('--add-opens=java.base/java.util=ALL-UNNAMED'));
});

test('flinkVersionProfile refuses versions local Flink does not run, and anything that is not a version', () => {
  for (const bad of ['1.19.1', '3.0.0', '2.3', '2.3.0-SNAPSHOT', '../../etc', '']) {
    assert.throws(() => flinkVersionProfile(bad), /1\.20|2\.x|look like/, bad);
  }
});

test('each version has its own cache folder; the default is the newest complete 1.20.x', () => {
  assert.match(defaultCacheDir('2.3.0'), /[/]\.cache[/]flink-2\.3\.0$/);
  assert.equal(defaultCacheDir(), defaultCacheDir(DEFAULT_FLINK_VERSION));
  assert.match(DEFAULT_FLINK_VERSION, /^1\.20\.\d+$/);
  assert.deepEqual([...FLINK_TEST_VERSIONS].map((v) => v.split('.')[0]), ['1', '2']);
});

test('clusterConfigEntries with a HistoryServer: the JobManager archives where the HistoryServer reads', () => {
  const without = new Map(clusterConfigEntries(baseInput));
  assert.equal(without.has('jobmanager.archive.fs.dir'), false, 'no archive without a HistoryServer');
  const m = new Map(clusterConfigEntries({ ...baseInput, historyServer: { port: 18182, archiveDir: '/d/completed-jobs', webDir: '/d/history-web' } }));
  assert.equal(m.get('jobmanager.archive.fs.dir'), 'file:///d/completed-jobs');
  assert.equal(m.get('historyserver.archive.fs.dir'), m.get('jobmanager.archive.fs.dir'));
  assert.equal(m.get('historyserver.web.port'), '18182');
  assert.equal(m.get('historyserver.web.address'), baseInput.host);
  assert.equal(m.get('historyserver.archive.fs.refresh-interval'), '1 s');
});
