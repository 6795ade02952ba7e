// Pure helpers: config.yaml / log4j2 generation, BashJavaUtils output parsing,
// JVM flags and classpath. No I/O here, so it can be unit-tested quickly.

/**
 * The Flink a local cluster runs when nobody asks for another: the newest 1.20.x patch whose
 * every artifact the assembly needs (runtime, table planner, SQL Gateway) Maven Central serves.
 */
export const DEFAULT_FLINK_VERSION = '1.20.3';

/** Versions `npm test` runs the integration phase against, one cluster each, in this order. */
export const FLINK_TEST_VERSIONS: readonly string[] = [DEFAULT_FLINK_VERSION, '2.3.0'];

/**
 * The Java 17 module flags that Flink's shipped config.yaml puts in
 * `env.java.opts.all`. Only the bin/ scripts read that key; plain `java`
 * launches must pass the flags themselves.
 */
export const JAVA17_OPTS: readonly string[] = [
  '-XX:+IgnoreUnrecognizedVMOptions',
  '--add-exports=java.base/sun.net.util=ALL-UNNAMED',
  '--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED',
  '--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED',
  '--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang.reflect=ALL-UNNAMED',
  '--add-opens=java.base/java.text=ALL-UNNAMED',
  '--add-opens=java.base/java.time=ALL-UNNAMED',
  '--add-opens=java.base/java.util=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED',
];

/**
 * Everything that depends on the Flink version, in one place, so the assembly, the cluster start
 * and the CLI never compare version strings themselves.
 */
export interface FlinkVersionProfile {
  version: string;
  major: number;
  minor: number;
  /**
   * The flink-examples-streaming version whose `WordCount` and `TopSpeedWindowing` classifier jars
   * Central serves: for 1.20 only 1.20.0 has them (1.20.1 onwards were published without), while
   * every 2.x release ships its own.
   */
  examplesVersion: string;
  /** JVM flags every process needs (the bin/ scripts take them from `env.java.opts.all`). */
  javaOpts: readonly string[];
  /** The newest SQL Gateway REST API version: 2.x adds V4 beside V1–V3. */
  gatewayApiVersion: 'v3' | 'v4';
}

/** Reads a version such as `1.20.3` or `2.3.0`; throws for anything Weir does not run locally. */
export function flinkVersionProfile(version: string): FlinkVersionProfile {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(version);
  if (!m) throw new Error(`Flink version must look like 1.20.3 or 2.3.0, got ${JSON.stringify(version)}`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major === 1 && minor === 20) {
    return { version, major, minor, examplesVersion: '1.20.0', javaOpts: JAVA17_OPTS, gatewayApiVersion: 'v3' };
  }
  if (major === 2) {
    // 2.x's shipped config.yaml lists the same module flags (measured: 2.3.0 starts and runs SQL and jars with them).
    return { version, major, minor, examplesVersion: version, javaOpts: JAVA17_OPTS, gatewayApiVersion: 'v4' };
  }
  throw new Error(`Local Flink runs 1.20.x or 2.x; ${version} is not supported`);
}

export const MAIN_CLASSES = {
  jobManager: 'org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint',
  taskManager: 'org.apache.flink.runtime.taskexecutor.TaskManagerRunner',
  sqlGateway: 'org.apache.flink.table.gateway.SqlGateway',
  historyServer: 'org.apache.flink.runtime.webmonitor.history.HistoryServer',
  bashJavaUtils: 'org.apache.flink.runtime.util.bash.BashJavaUtils',
  /** Flink's own ZooKeeper launcher (flink-runtime); the server classes come from lib/'s flink-shaded-zookeeper-3. */
  zooKeeper: 'org.apache.flink.runtime.zookeeper.FlinkZooKeeperQuorumPeer',
} as const;

export interface ClusterConfigInput {
  host: string;
  restPort: number;
  rpcPort: number;
  gatewayPort?: number | undefined;
  slotsPerTaskManager: number;
  taskManagerProcessMemory: string;
  jobManagerProcessMemory: string;
  dirs: { tmp: string; checkpoints: string; savepoints: string; webUpload: string };
  /** ZooKeeper high availability: the quorum's client port and the folder for HA metadata. */
  highAvailability?: { zooKeeperPort: number; storageDir: string; clusterId: string } | undefined;
  /** The JobManager archives ended jobs to `archiveDir`, and a HistoryServer on `port` serves them. */
  historyServer?: { port: number; archiveDir: string; webDir: string } | undefined;
  extraConfig?: Record<string, string> | undefined;
}

/** Flat `key: value` pairs that go into config.yaml, in order. */
export function clusterConfigEntries(input: ClusterConfigInput): Array<[string, string]> {
  const h = input.host;
  const entries: Array<[string, string]> = [
    ['jobmanager.rpc.address', h],
    ['jobmanager.rpc.port', String(input.rpcPort)],
    ['jobmanager.bind-host', h],
    ['jobmanager.memory.process.size', input.jobManagerProcessMemory],
    ['taskmanager.host', h],
    ['taskmanager.bind-host', h],
    ['taskmanager.numberOfTaskSlots', String(input.slotsPerTaskManager)],
    ['taskmanager.memory.process.size', input.taskManagerProcessMemory],
    // Every port except REST, JM RPC and gateway is ephemeral, so two clusters
    // can run side by side (these are Flink's defaults, pinned here on purpose).
    ['taskmanager.rpc.port', '0'],
    ['taskmanager.data.port', '0'],
    ['blob.server.port', '0'],
    ['metrics.internal.query-service.port', '0'],
    // TMs start together with the JM; if the RM is not up yet they would wait the default 10 s.
    ['cluster.registration.error-delay', '1 s'],
    ['parallelism.default', '1'],
    ['rest.address', h],
    ['rest.bind-address', h],
    ['rest.port', String(input.restPort)],
    ['web.upload.dir', input.dirs.webUpload],
    ['web.tmpdir', input.dirs.tmp],
    ['io.tmp.dirs', input.dirs.tmp],
    ['execution.checkpointing.dir', toFileUri(input.dirs.checkpoints)],
    ['execution.checkpointing.savepoint-dir', toFileUri(input.dirs.savepoints)],
    ['restart-strategy.type', 'fixed-delay'],
    ['restart-strategy.fixed-delay.attempts', '3'],
    ['restart-strategy.fixed-delay.delay', '1 s'],
    ['jobstore.expiration-time', '3600'],
    ['metrics.fetcher.update-interval', '1 s'],
    // The REST API caches a job's details for this long; Weir waits for details that agree with
    // /jobs/overview before recording a change, so a shorter cache means faster exact history.
    ['web.refresh-interval', '1000'],
    ['web.exception-history-size', '16'],
    ['execution.target', 'remote'],
  ];
  if (input.gatewayPort !== undefined) {
    entries.push(['sql-gateway.endpoint.rest.address', h]);
    entries.push(['sql-gateway.endpoint.rest.bind-address', h]);
    entries.push(['sql-gateway.endpoint.rest.port', String(input.gatewayPort)]);
  }
  if (input.highAvailability) {
    const ha = input.highAvailability;
    entries.push(['high-availability.type', 'zookeeper']);
    entries.push(['high-availability.zookeeper.quorum', `${h}:${ha.zooKeeperPort}`]);
    // Job graphs, completed-checkpoint pointers and blobs the next leader recovers from; ZooKeeper holds only their paths.
    entries.push(['high-availability.storageDir', toFileUri(ha.storageDir)]);
    entries.push(['high-availability.cluster-id', ha.clusterId]);
    // With HA the JobManager's RPC port comes from this option, not jobmanager.rpc.port (which would be ignored and
    // leave the port random); TaskManagers find the leader through ZooKeeper either way.
    entries.push(['high-availability.jobmanager.port', String(input.rpcPort)]);
  }
  if (input.historyServer) {
    const archive = toFileUri(input.historyServer.archiveDir);
    entries.push(['jobmanager.archive.fs.dir', archive]);
    entries.push(['historyserver.archive.fs.dir', archive]);
    // Flink's default is 10 s; a short interval lets a test wait for the archive to appear.
    entries.push(['historyserver.archive.fs.refresh-interval', '1 s']);
    entries.push(['historyserver.web.address', h]);
    entries.push(['historyserver.web.port', String(input.historyServer.port)]);
    entries.push(['historyserver.web.tmpdir', input.historyServer.webDir]);
  }
  const merged = new Map(entries);
  for (const [k, v] of Object.entries(input.extraConfig ?? {})) merged.set(k, v);
  return [...merged.entries()];
}

function toFileUri(path: string): string {
  return 'file://' + (path.startsWith('/') ? '' : '/') + path;
}

/** A YAML double-quoted scalar; JSON string escaping is a subset of YAML's. */
export function yamlQuote(value: string): string {
  return JSON.stringify(value);
}

/** Renders flat dotted keys as YAML 1.2 (Flink's standard parser accepts flat keys). */
export function renderConfigYaml(entries: Array<[string, string]>): string {
  const lines = ['# Generated by @weir/flink-local. Rewritten on every start.'];
  for (const [k, v] of entries) {
    if (!/^[A-Za-z0-9_.\-]+$/.test(k)) throw new Error(`Unsupported config key: ${JSON.stringify(k)}`);
    lines.push(`${k}: ${yamlQuote(v)}`);
  }
  return lines.join('\n') + '\n';
}

/** log4j2 properties: one rolling file at ${sys:log.file}, as Flink's log4j.properties. */
export function renderLog4jProperties(): string {
  return [
    '# Generated by @weir/flink-local',
    'monitorInterval = 0',
    'rootLogger.level = INFO',
    'rootLogger.appenderRef.file.ref = MainAppender',
    'logger.pekko.name = org.apache.pekko',
    'logger.pekko.level = INFO',
    'logger.kafka.name = org.apache.kafka',
    'logger.kafka.level = INFO',
    'logger.hadoop.name = org.apache.hadoop',
    'logger.hadoop.level = WARN',
    'logger.zookeeper.name = org.apache.zookeeper',
    'logger.zookeeper.level = INFO',
    'logger.netty.name = org.jboss.netty.channel.DefaultChannelPipeline',
    'logger.netty.level = OFF',
    'appender.main.name = MainAppender',
    'appender.main.type = RollingFile',
    'appender.main.append = true',
    'appender.main.fileName = ${sys:log.file}',
    'appender.main.filePattern = ${sys:log.file}.%i',
    'appender.main.layout.type = PatternLayout',
    'appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n',
    'appender.main.policies.type = Policies',
    'appender.main.policies.size.type = SizeBasedTriggeringPolicy',
    'appender.main.policies.size.size = 100MB',
    'appender.main.strategy.type = DefaultRolloverStrategy',
    'appender.main.strategy.max = 5',
    '',
  ].join('\n');
}

export const BASH_JAVA_UTILS_PREFIX = 'BASH_JAVA_UTILS_EXEC_RESULT:';

export interface ResourceParams {
  /** JVM options, e.g. ["-Xmx536870902", "-Xms536870902", ...]. */
  jvmArgs: string[];
  /** Dynamic properties as program arguments, e.g. ["-D", "taskmanager.cpu.cores=4.0", ...]. */
  dynamicArgs: string[];
  /** The same dynamic properties as a map. */
  dynamicProperties: Record<string, string>;
}

/**
 * Parses BashJavaUtils GET_TM_RESOURCE_PARAMS / GET_JM_RESOURCE_PARAMS output:
 * other lines are logs; the last two prefixed lines are JVM args and `-D k=v` args.
 */
export function parseResourceParams(output: string): ResourceParams {
  const results = output
    .split(/\r?\n/)
    .filter((l) => l.startsWith(BASH_JAVA_UTILS_PREFIX))
    .map((l) => l.slice(BASH_JAVA_UTILS_PREFIX.length).trim());
  if (results.length < 2) {
    throw new Error(
      `BashJavaUtils printed ${results.length} result line(s), expected 2. Output:\n${tail(output, 20)}`,
    );
  }
  const jvmLine = results[results.length - 2]!;
  const dynLine = results[results.length - 1]!;
  const jvmArgs = jvmLine.split(/\s+/).filter(Boolean);
  const tokens = dynLine.split(/\s+/).filter(Boolean);
  const dynamicArgs: string[] = [];
  const dynamicProperties: Record<string, string> = {};
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let kv: string | undefined;
    if (t === '-D') kv = tokens[++i];
    else if (t.startsWith('-D')) kv = t.slice(2);
    else throw new Error(`Unexpected token in BashJavaUtils dynamic line: ${t}`);
    if (!kv || !kv.includes('=')) throw new Error(`Malformed dynamic property in BashJavaUtils output: ${dynLine}`);
    const eq = kv.indexOf('=');
    dynamicProperties[kv.slice(0, eq)] = kv.slice(eq + 1);
    dynamicArgs.push('-D', kv);
  }
  if (!jvmArgs.some((a) => a.startsWith('-Xmx'))) {
    throw new Error(`BashJavaUtils JVM line has no -Xmx: ${jvmLine}`);
  }
  return { jvmArgs, dynamicArgs, dynamicProperties };
}

export function tail(text: string, lines: number): string {
  const all = text.split(/\r?\n/);
  while (all.length && all[all.length - 1] === '') all.pop();
  return all.slice(-lines).join('\n');
}

/** `-Dlog.file=/x/tm-1.log` → stdout goes to `/x/tm-1.out`, where Flink's REST `/stdout` looks. */
export function stdoutFileFor(logFile: string): string {
  return logFile.endsWith('.log') ? logFile.slice(0, -4) + '.out' : logFile + '.out';
}

/** Sorted jar list joined with ':' (as config.sh does; we have no flink-dist jar). */
export function buildClasspath(jars: string[]): string {
  return [...jars].sort().join(':');
}

export function taskManagerResourceId(index: number): string {
  return `tm-${index}`;
}

/**
 * zoo.cfg for one standalone ZooKeeper server (FlinkZooKeeperQuorumPeer runs ZooKeeperServerMain when no
 * `server.N` peers are listed). The admin HTTP server is off: it would take port 8080.
 */
export function renderZooKeeperConfig(input: { host: string; port: number; dataDir: string }): string {
  return [
    '# Generated by @weir/flink-local. Rewritten on every start.',
    'tickTime=2000',
    'initLimit=10',
    'syncLimit=5',
    `dataDir=${input.dataDir}`,
    `clientPort=${input.port}`,
    `clientPortAddress=${input.host}`,
    'admin.enableServer=false',
    'maxClientCnxns=0',
    '',
  ].join('\n');
}
