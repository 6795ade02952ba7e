import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../errors/errors.js';
import { decodeSqlRunnerArgs, encodeSqlRunnerArgs, SQL_RUNNER_MAIN_CLASS } from '@weir/flink-local';
import { flinkYarnCliInvocation, flinkYarnSessionInvocation, isSessionOf, jobDeployTag, jobIdOfTags, renderFlinkConfigYaml, sessionDeployTag, type JarApplicationSpec } from './flink-yarn-cli.js';

const install = { flinkVersion: '1.20.1', libDir: '/opt/weir/flink-yarn/lib', javaHome: '/usr/lib/jvm/java-17' };
const target = { resourceManagerUrl: 'http://rm:8088', hadoopConfDir: '/etc/hadoop/conf', queue: 'streaming', stagingDirectory: 'file:///data/staging' };
const dirs = { confDir: '/work/deploy-1/conf', cliLogFile: '/work/deploy-1/cli.log' };
const spec: JarApplicationSpec = {
  name: 'orders: enrich "eu"', jarPath: '/jars/orders.jar', entryClass: 'com.example.Orders',
  programArgs: ['--window', '10s'], parallelism: 2, flinkConfig: { 'taskmanager.memory.process.size': '2048m', 'yarn.tags': 'mine' },
};

function configOf(yaml: string): Record<string, string> {
  return Object.fromEntries(yaml.trim().split('\n').map((line) => {
    const [, k, v] = /^("(?:[^"\\]|\\.)*"): (.*)$/.exec(line)!;
    return [JSON.parse(k!), JSON.parse(v!)];
  }));
}

test('the CLI runs run-application on YARN with the Hadoop conf first on its classpath and the jar with its arguments last', () => {
  const cli = flinkYarnCliInvocation(install, target, spec, dirs, 'weir-deploy-00ff');
  assert.equal(cli.java, '/usr/lib/jvm/java-17/bin/java');
  const main = cli.args.indexOf('org.apache.flink.client.cli.CliFrontend');
  assert.deepEqual(cli.args.slice(main - 2, main), ['-classpath', '/etc/hadoop/conf:/opt/weir/flink-yarn/lib/*']);
  assert.deepEqual(cli.args.slice(main + 1), ['run-application', '-t', 'yarn-application', '-c', 'com.example.Orders', '/jars/orders.jar', '--window', '10s']);
  assert.equal(cli.env.FLINK_LIB_DIR, '/opt/weir/flink-yarn/lib', 'what Flink ships to the containers');
  assert.equal(cli.env.FLINK_CONF_DIR, '/work/deploy-1/conf');
  assert.equal(cli.env.HADOOP_CONF_DIR, '/etc/hadoop/conf');
});

test('the application is tagged as Weir\'s and by its deployment, whatever the task\'s own options say', () => {
  const config = configOf(flinkYarnCliInvocation(install, target, spec, dirs, 'weir-deploy-00ff').configYaml);
  assert.equal(config['yarn.tags'], 'weir,weir-deploy-00ff');
  assert.equal(config['yarn.application.name'], 'orders: enrich "eu"');
  assert.equal(config['yarn.application.queue'], 'streaming');
  assert.equal(config['yarn.staging-directory'], 'file:///data/staging');
  assert.equal(config['execution.target'], 'yarn-application');
  assert.equal(config['parallelism.default'], '2');
  assert.equal(config['taskmanager.memory.process.size'], '2048m', 'the task\'s option wins over Weir\'s default');
  assert.equal(config['yarn.application-attempts'], '1');
  assert.equal(config['containerized.master.env.JAVA_HOME'], '/usr/lib/jvm/java-17');
});

test('each deployment gets a tag of its own', () => {
  const a = flinkYarnCliInvocation(install, target, spec, dirs).deployTag;
  const b = flinkYarnCliInvocation(install, target, spec, dirs).deployTag;
  assert.match(a, /^weir-deploy-[0-9a-f]{16}$/);
  assert.notEqual(a, b);
});

test('a run\'s application is tagged with its Flink job id, which names the job again from the application\'s tags', () => {
  const jobId = '5f1c0e0a9d8b4c3aa1b2c3d4e5f60718';
  const config = configOf(flinkYarnCliInvocation(install, target, spec, dirs, jobDeployTag(jobId)).configYaml);
  assert.equal(config['yarn.tags'], `weir,weir-job-${jobId}`);
  assert.equal(jobIdOfTags(['weir', `weir-job-${jobId}`]), jobId);
  assert.equal(jobIdOfTags(['weir', 'weir-deploy-00ff']), undefined, 'an application deployed before job tags');
  assert.throws(() => flinkYarnCliInvocation(install, target, spec, dirs, 'weir,evil'), /is not a YARN tag/);
});

test('a hostile value stays one YAML string: a newline cannot add an option', () => {
  const yaml = renderFlinkConfigYaml({ 'yarn.application.name': 'x\nsecurity.ssl.enabled: false' });
  assert.equal(yaml.trim().split('\n').length, 1);
  assert.equal(configOf(yaml)['yarn.application.name'], 'x\nsecurity.ssl.enabled: false');
});

test('a queue, entry class or parallelism that cannot be right is refused before anything runs', () => {
  assert.throws(() => flinkYarnCliInvocation(install, { ...target, queue: 'a b' }, spec, dirs), InputError);
  assert.throws(() => flinkYarnCliInvocation(install, target, { ...spec, entryClass: 'Main; rm -rf /' }, dirs), InputError);
  assert.throws(() => flinkYarnCliInvocation(install, target, { ...spec, parallelism: 0 }, dirs), InputError);
});

test('a SQL task runs Weir\'s SQL runner with its statements as base64 arguments that no SQL can turn into CLI options', () => {
  const statements = [
    "CREATE TABLE s (x STRING) WITH ('connector' = 'datagen')",
    "INSERT INTO k SELECT '-c evil.Main --detached' || x FROM s -- \"; rm -rf / \n -D a=b",
  ];
  // As yarn-application-target.ts builds it from sqlRunnerRun (deployment/sql-runner-run.test.ts).
  const sql: JarApplicationSpec = {
    name: 'orders', jarPath: '/cache/weir-flink-sql-runner.jar', entryClass: SQL_RUNNER_MAIN_CLASS, programArgs: encodeSqlRunnerArgs('streaming', statements),
    parallelism: 3, flinkConfig: { 'pipeline.name': 'orders', '$internal.pipeline.job-id': 'ab'.repeat(16) },
  };
  const cli = flinkYarnCliInvocation(install, target, sql, dirs, 'weir-deploy-00ff');
  const main = cli.args.indexOf('org.apache.flink.client.cli.CliFrontend');
  const tail = cli.args.slice(main + 1);
  assert.deepEqual(tail.slice(0, 7), ['run-application', '-t', 'yarn-application', '-c', SQL_RUNNER_MAIN_CLASS, '/cache/weir-flink-sql-runner.jar', 'streaming']);
  const programArgs = tail.slice(6);
  assert.equal(programArgs.length, 3, 'the mode, then one argument per statement');
  for (const arg of programArgs.slice(1)) assert.match(arg, /^[A-Za-z0-9+/]+=*$/, 'base64 only: no space, quote, newline or leading dash');
  assert.deepEqual(decodeSqlRunnerArgs(programArgs), { mode: 'streaming', statements });
  const config = configOf(cli.configYaml);
  assert.equal(config['pipeline.name'], 'orders');
  assert.equal(config['$internal.pipeline.job-id'], 'ab'.repeat(16));
  assert.equal(config['parallelism.default'], '3');
  assert.equal(config['yarn.application.name'], 'orders');
});

test("a YARN session is Flink's yarn-session in detached mode, tagged as Weir's session, its id file kept in the deployment's folder", () => {
  const cli = flinkYarnSessionInvocation(install, target, { name: 'shared', slotsPerTaskManager: 4, jobManagerMemoryMb: 1536, taskManagerMemoryMb: 4096 }, dirs, 'weir-deploy-0a0b');
  const main = cli.args.indexOf('org.apache.flink.yarn.cli.FlinkYarnSessionCli');
  assert.deepEqual(cli.args.slice(main - 2, main), ['-classpath', '/etc/hadoop/conf:/opt/weir/flink-yarn/lib/*']);
  assert.deepEqual(cli.args.slice(main + 1), ['-d']);
  const config = configOf(cli.configYaml);
  assert.equal(config['yarn.tags'], 'weir,weir-session,weir-deploy-0a0b');
  assert.equal(config['execution.target'], 'yarn-session');
  assert.equal(config['execution.attached'], 'false');
  assert.equal(config['taskmanager.numberOfTaskSlots'], '4');
  assert.equal(config['jobmanager.memory.process.size'], '1536m');
  assert.equal(config['taskmanager.memory.process.size'], '4096m');
  assert.equal(config['yarn.application.queue'], 'streaming');
  assert.equal(config['yarn.properties-file.location'], '/work/deploy-1/conf', 'not the shared temp folder, where another flink run would find it');
  assert.equal(config['yarn.application-attempts'], '1');
});

test('a YARN session asking for no slot, a huge slot count or absurd memory is refused before the CLI runs', () => {
  for (const spec of [
    { slotsPerTaskManager: 0, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 },
    { slotsPerTaskManager: 100_000, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 },
    { slotsPerTaskManager: 2, jobManagerMemoryMb: 10 ** 9, taskManagerMemoryMb: 1024 },
    { slotsPerTaskManager: 2, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1.5 },
  ]) {
    assert.throws(() => flinkYarnSessionInvocation(install, target, { name: 's', ...spec }, dirs), InputError, JSON.stringify(spec));
  }
});

test("a session's own tag names its entry as YARN keeps it (lower-cased), so the next Weir finds the session by its entry id", () => {
  const tag = sessionDeployTag('01M98VXX7FAFQW5R8JHRKDPCEY');
  assert.equal(tag, 'weir-session-01m98vxx7fafqw5r8jhrkdpcey');
  const cli = flinkYarnSessionInvocation(install, target, { name: 'shared', slotsPerTaskManager: 1, jobManagerMemoryMb: 1024, taskManagerMemoryMb: 1024 }, dirs, tag);
  const tags = configOf(cli.configYaml)['yarn.tags']!.split(',');
  assert.deepEqual(tags, ['weir', 'weir-session', tag]);
  assert.equal(isSessionOf(tags, '01M98VXX7FAFQW5R8JHRKDPCEY'), true);
  assert.equal(isSessionOf(tags, '01M98VXX7FAFQW5R8JHRKDPCEZ'), false, "another entry's session");
  assert.equal(isSessionOf(['weir', 'weir-session'], '01M98VXX7FAFQW5R8JHRKDPCEY'), false);
});
