// Starts a local Flink (1.20.x or 2.x) session cluster (JobManager, TaskManagers, SQL Gateway)
// with plain `java` processes: no bin/ scripts, no shell.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  buildClasspath,
  clusterConfigEntries,
  flinkVersionProfile,
  MAIN_CLASSES,
  parseResourceParams,
  renderConfigYaml,
  renderLog4jProperties,
  renderZooKeeperConfig,
  tail,
  taskManagerResourceId,
  type ResourceParams,
} from './config.js';
import { ensureFlinkDistribution, requireTool, type FlinkDistribution } from './distribution.js';
import { assertPushSupported, ensurePushListenerJar, pushListenerConfig, type PushTarget } from './push-listener.js';
import {
  acceptsConnections,
  assertPortsFree,
  awaitExit,
  fileSize,
  httpJson,
  installHooks,
  killGroup,
  readFrom,
  runCapture,
  spawnJava,
  stopProcesses,
  waitForProcesses,
  type JavaLaunch,
  type ManagedProcess,
} from './processes.js';

export { isPortFree } from './processes.js';

export interface LocalFlinkOptions {
  /** Holds conf/, log/, tmp/, checkpoints/, savepoints/, web-upload/. Created if missing. */
  dataDir: string;
  /** Default: `ensureFlinkDistribution({ version: flinkVersion })`. */
  distribution?: FlinkDistribution;
  /** Used only without `distribution`. Default DEFAULT_FLINK_VERSION. */
  flinkVersion?: string;
  /** Address everything binds to and advertises. Default '127.0.0.1'. */
  host?: string;
  /** JobManager REST + web UI. Default 8081. */
  restPort?: number;
  /** JobManager RPC (Pekko). Default 6123. */
  rpcPort?: number;
  /** SQL Gateway REST. Default 8083. */
  gatewayPort?: number;
  /** Start the SQL Gateway. Default true. */
  gateway?: boolean;
  /**
   * Also start a Flink HistoryServer on this port. The JobManager then archives every job that ends
   * to `<dataDir>/completed-jobs`, which the HistoryServer reads every second. Default: none.
   */
  historyServerPort?: number;
  /** The HistoryServer's -Xmx. Default '256m'. */
  historyServerHeap?: string;
  /** Default 1. */
  taskManagers?: number;
  /** Default 4. */
  slotsPerTaskManager?: number;
  /** `taskmanager.memory.process.size`. Default '1728m'. */
  taskManagerProcessMemory?: string;
  /** `jobmanager.memory.process.size`. Default '1024m'. */
  jobManagerProcessMemory?: string;
  /** SQL Gateway -Xmx (the gateway has no memory model of its own). Default '512m'. */
  gatewayHeap?: string;
  /** Merged into config.yaml last (wins over generated keys). */
  extraConfig?: Record<string, string>;
  /**
   * ZooKeeper high availability: a standalone ZooKeeper server (Flink's own FlinkZooKeeperQuorumPeer, plain
   * `java`) on `zooKeeperPort`, HA metadata under `<dataDir>/ha`. A JobManager killed and started again then
   * recovers the running jobs (same job ids, from their latest completed checkpoint). Default: no HA.
   */
  highAvailability?: {
    zooKeeperPort: number;
    /** `high-availability.cluster-id`. Default '/weir'. */
    clusterId?: string;
  };
  /**
   * Flink 2.x only: load Weir's push listener (push-listener/) and have the JobManager push each job
   * status change to `url` with `token` (Weir's POST /push/clusters/:id). Default: no push.
   */
  push?: PushTarget;
  /** Extra JVM options for every Flink process. */
  jvmOpts?: string[];
  /** Overall start timeout. Default 180000. */
  startTimeoutMs?: number;
  /** Grace period between SIGTERM and SIGKILL in stop(). Default 15000. */
  stopGraceMs?: number;
  /** Kill this cluster's JVMs when the Node process gets SIGINT/SIGTERM/SIGHUP. Default true. */
  handleSignals?: boolean;
  log?: (line: string) => void;
}

export interface LocalFlinkCluster {
  restUrl: string;
  gatewayUrl?: string;
  /** Set when started with `historyServerPort`. */
  historyUrl?: string;
  dataDir: string;
  logDir: string;
  distribution: FlinkDistribution;
  /** Set when started with `highAvailability`. */
  highAvailability?: { zooKeeperQuorum: string; storageDir: string };
  /** Milliseconds startLocalFlink took (after the distribution was ready). */
  startupMs: number;
  /** SIGTERM to every process group, SIGKILL after the grace period; resolves when all exited. */
  stop(): Promise<void>;
  /** SIGKILL the JobManager (for failure tests). */
  killJobManager(): Promise<void>;
  /** Start the JobManager again on the same ports; resolves when REST answers. */
  startJobManager(): Promise<void>;
  /** SIGKILL TaskManager `index` (1-based). */
  killTaskManager(index: number): Promise<void>;
  /** Start TaskManager `index` (default: a new index); resolves when it registered at the ResourceManager. */
  startTaskManager(index?: number): Promise<void>;
  /** Live pids by role: `jobmanager`, `tm-1`…, `gateway`, `zookeeper` (with HA), `history-server` (with a HistoryServer); undefined when not running. */
  pids(): Record<string, number | undefined>;
}

// ---------------------------------------------------------------- start

/** The options with their defaults filled in. */
type Settings = ReturnType<typeof settingsOf>;

function settingsOf(opts: LocalFlinkOptions) {
  if (!opts || !opts.dataDir) throw new Error('startLocalFlink: dataDir is required');
  const host = opts.host ?? '127.0.0.1';
  const restPort = opts.restPort ?? 8081;
  const withGateway = opts.gateway !== false;
  const gatewayPort = opts.gatewayPort ?? 8083;
  const historyPort = opts.historyServerPort;
  return {
    log: opts.log ?? (() => {}),
    host,
    restPort,
    rpcPort: opts.rpcPort ?? 6123,
    withGateway,
    gatewayPort,
    historyPort,
    tmCount: opts.taskManagers ?? 1,
    startTimeoutMs: opts.startTimeoutMs ?? 180_000,
    stopGraceMs: opts.stopGraceMs ?? 15_000,
    ha: opts.highAvailability,
    dataDir: resolve(opts.dataDir),
    restUrl: `http://${host}:${restPort}`,
    gatewayUrl: withGateway ? `http://${host}:${gatewayPort}` : undefined,
    historyUrl: historyPort === undefined ? undefined : `http://${host}:${historyPort}`,
  };
}

/** The ports the cluster will take, checked before any JVM is spawned so a clash fails at once. */
function portsOf(s: Settings): Array<[string, number]> {
  const ports: Array<[string, number]> = [['JobManager REST', s.restPort], ['JobManager RPC', s.rpcPort]];
  if (s.withGateway) ports.push(['SQL Gateway REST', s.gatewayPort]);
  if (s.ha) ports.push(['ZooKeeper client', s.ha.zooKeeperPort]);
  if (s.historyPort !== undefined) ports.push(['HistoryServer web', s.historyPort]);
  return ports;
}

/** The folders under the data folder, created. Processes run with cwd=dataDir, where Flink looks for ./plugins. */
function prepareDataDir(s: Settings) {
  const at = (name: string) => join(s.dataDir, name);
  const dirs = {
    conf: at('conf'),
    log: at('log'),
    tmp: at('tmp'),
    checkpoints: at('checkpoints'),
    savepoints: at('savepoints'),
    webUpload: at('web-upload'),
    plugins: at('plugins'),
    ...(s.ha ? { ha: at('ha'), zooKeeper: at('zookeeper') } : {}),
    completedJobs: at('completed-jobs'),
    historyWeb: at('history-web'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return dirs;
}

type Dirs = ReturnType<typeof prepareDataDir>;

/** Writes config.yaml, log4j.properties and (with HA) zoo.cfg into conf/. */
function writeConfiguration(s: Settings, opts: LocalFlinkOptions, dirs: Dirs): { log4jFile: string; zooKeeperConfigFile: string } {
  const { ha, host } = s;
  const entries = clusterConfigEntries({
    host,
    restPort: s.restPort,
    rpcPort: s.rpcPort,
    gatewayPort: s.withGateway ? s.gatewayPort : undefined,
    slotsPerTaskManager: opts.slotsPerTaskManager ?? 4,
    taskManagerProcessMemory: opts.taskManagerProcessMemory ?? '1728m',
    jobManagerProcessMemory: opts.jobManagerProcessMemory ?? '1024m',
    dirs,
    highAvailability: ha && { zooKeeperPort: ha.zooKeeperPort, storageDir: dirs.ha!, clusterId: ha.clusterId ?? '/weir' },
    historyServer: s.historyPort === undefined ? undefined : { port: s.historyPort, archiveDir: dirs.completedJobs, webDir: dirs.historyWeb },
    extraConfig: {
      // A killed JobManager keeps its leadership until its ZooKeeper session expires (60 s by default); the
      // next one waits that long. 10 s keeps failover tests short without expiring sessions on a busy machine.
      ...(ha ? { 'high-availability.zookeeper.client.session-timeout': '10 s' } : {}),
      ...opts.extraConfig,
    },
  });
  writeFileSync(join(dirs.conf, 'config.yaml'), renderConfigYaml(entries));
  const log4jFile = join(dirs.conf, 'log4j.properties');
  writeFileSync(log4jFile, renderLog4jProperties());
  const zooKeeperConfigFile = join(dirs.conf, 'zoo.cfg');
  if (ha) writeFileSync(zooKeeperConfigFile, renderZooKeeperConfig({ host, port: ha.zooKeeperPort, dataDir: dirs.zooKeeper! }));
  return { log4jFile, zooKeeperConfigFile };
}

/** The JVM arguments Flink's own memory model gives the JobManager and TaskManagers for this configuration. */
async function memoryParams(classpath: string, confDir: string, env: NodeJS.ProcessEnv): Promise<{ jm: ResourceParams; tm: ResourceParams }> {
  const read = async (kind: 'GET_TM_RESOURCE_PARAMS' | 'GET_JM_RESOURCE_PARAMS'): Promise<ResourceParams> => {
    const r = await runCapture('java', ['-cp', classpath, MAIN_CLASSES.bashJavaUtils, kind, '--configDir', confDir], env);
    if (r.code !== 0) throw new Error(`BashJavaUtils ${kind} failed (exit ${r.code}):\n${tail(r.out, 20)}`);
    return parseResourceParams(r.out);
  };
  const [jm, tm] = await Promise.all([read('GET_JM_RESOURCE_PARAMS'), read('GET_TM_RESOURCE_PARAMS')]);
  return { jm, tm };
}

/** The cluster's processes by role, each started (again) by its own spawner. */
class ClusterProcesses {
  jobManager: ManagedProcess | undefined;
  gateway: ManagedProcess | undefined;
  zooKeeper: ManagedProcess | undefined;
  historyServer: ManagedProcess | undefined;
  readonly taskManagers = new Map<number, ManagedProcess>();

  constructor(
    private readonly launch: JavaLaunch,
    private readonly classpath: string,
    private readonly gatewayClasspath: string,
    private readonly memory: { jm: ResourceParams; tm: ResourceParams },
    private readonly confDir: string,
    private readonly zooKeeperConfigFile: string,
    private readonly opts: LocalFlinkOptions,
  ) {}

  spawnJobManager(): ManagedProcess {
    this.jobManager = spawnJava(this.launch, {
      name: 'jobmanager',
      mainClass: MAIN_CLASSES.jobManager,
      jvm: this.memory.jm.jvmArgs,
      classpath: this.classpath,
      programArgs: [...this.memory.jm.dynamicArgs, '--configDir', this.confDir, '--executionMode', 'cluster'],
    });
    return this.jobManager;
  }

  spawnTaskManager(index: number): ManagedProcess {
    const p = spawnJava(this.launch, {
      name: taskManagerResourceId(index),
      mainClass: MAIN_CLASSES.taskManager,
      jvm: ['-XX:+UseG1GC', ...this.memory.tm.jvmArgs],
      classpath: this.classpath,
      programArgs: ['--configDir', this.confDir, ...this.memory.tm.dynamicArgs, '-D', `taskmanager.resource-id=${taskManagerResourceId(index)}`],
    });
    this.taskManagers.set(index, p);
    return p;
  }

  spawnZooKeeper(): ManagedProcess {
    this.zooKeeper = spawnJava(this.launch, {
      name: 'zookeeper',
      mainClass: MAIN_CLASSES.zooKeeper,
      jvm: ['-Xmx128m', '-XX:+UseG1GC'],
      classpath: this.classpath,
      programArgs: ['--zkConfigFile', this.zooKeeperConfigFile, '--peerId', '1'],
    });
    return this.zooKeeper;
  }

  spawnGateway(): ManagedProcess {
    this.gateway = spawnJava(this.launch, {
      name: 'sql-gateway',
      mainClass: MAIN_CLASSES.sqlGateway,
      jvm: [`-Xmx${this.opts.gatewayHeap ?? '512m'}`, '-XX:+UseG1GC'],
      classpath: this.gatewayClasspath,
      programArgs: [],
    });
    return this.gateway;
  }

  spawnHistoryServer(): ManagedProcess {
    this.historyServer = spawnJava(this.launch, {
      name: 'history-server',
      mainClass: MAIN_CLASSES.historyServer,
      jvm: [`-Xmx${this.opts.historyServerHeap ?? '256m'}`],
      classpath: this.classpath,
      programArgs: ['--configDir', this.confDir],
    });
    return this.historyServer;
  }

  /** Every process, in the order they are stopped: the JobManager after its TaskManagers, ZooKeeper last. */
  all(): ManagedProcess[] {
    return [this.historyServer, this.gateway, ...this.taskManagers.values(), this.jobManager, this.zooKeeper].filter((p): p is ManagedProcess => p !== undefined);
  }
}

/** Starts every process and waits, by condition, until each answers: ZooKeeper, REST, all TaskManagers registered, the gateway, the HistoryServer. */
async function startAll(s: Settings, procs: ClusterProcesses, t0: number): Promise<void> {
  const left = () => Math.max(1000, s.startTimeoutMs - (Date.now() - t0));
  if (s.ha) {
    // ZooKeeper first: the JobManager's leader election needs it, and would otherwise spend its start retrying.
    const zk = procs.spawnZooKeeper();
    await waitForProcesses(`ZooKeeper on port ${s.ha.zooKeeperPort}`, [zk], s.startTimeoutMs, () => acceptsConnections(s.host, s.ha!.zooKeeperPort));
    s.log(`ZooKeeper up at ${s.host}:${s.ha.zooKeeperPort} after ${Date.now() - t0} ms`);
  }
  // All JVMs start together: TMs retry registration until the RM is up, the gateway needs nothing.
  procs.spawnJobManager();
  for (let i = 1; i <= s.tmCount; i++) procs.spawnTaskManager(i);
  if (s.withGateway) procs.spawnGateway();
  if (s.historyUrl) procs.spawnHistoryServer();
  const watched = procs.all();
  await waitForProcesses('JobManager REST', watched, s.startTimeoutMs, () => restReady(s.restUrl));
  s.log(`JobManager REST up at ${s.restUrl} after ${Date.now() - t0} ms`);
  await waitForProcesses(`${s.tmCount} TaskManager(s) registered`, watched, left(), async () => (await registeredTaskManagers(s.restUrl)) === s.tmCount);
  s.log(`${s.tmCount} TaskManager(s) registered after ${Date.now() - t0} ms`);
  if (s.gatewayUrl) {
    const gatewayUrl = s.gatewayUrl;
    await waitForProcesses('SQL Gateway /v3/info', watched, left(), async () => (await httpJson(`${gatewayUrl}/v3/info`)).status === 200);
    s.log(`SQL Gateway up at ${gatewayUrl} after ${Date.now() - t0} ms`);
  }
  if (s.historyUrl) {
    const historyUrl = s.historyUrl;
    // The HistoryServer writes its /config file once its web server is up.
    await waitForProcesses('HistoryServer /config', watched, left(), async () => (await httpJson(`${historyUrl}/config`)).status === 200);
    s.log(`HistoryServer up at ${historyUrl} after ${Date.now() - t0} ms`);
  }
}

async function restReady(restUrl: string): Promise<boolean> {
  return (await httpJson(`${restUrl}/overview`)).status === 200;
}

async function registeredTaskManagers(restUrl: string): Promise<number> {
  const r = await httpJson(`${restUrl}/overview`);
  return r.status === 200 ? Number((r.body as { taskmanagers?: number }).taskmanagers ?? 0) : -1;
}

export async function startLocalFlink(opts: LocalFlinkOptions): Promise<LocalFlinkCluster> {
  const s = settingsOf(opts);
  requireTool('java', ['-version'], 'to run local Flink');
  const distribution = opts.distribution ??
    (await ensureFlinkDistribution({ ...(opts.flinkVersion ? { version: opts.flinkVersion } : {}), log: s.log }));
  await assertPortsFree(portsOf(s), s.host);

  // The listener jar joins lib/'s jars on the classpath; the shared lib/ cache stays as Maven assembled it.
  if (opts.push) assertPushSupported(distribution.version);
  const pushJar = opts.push ? await ensurePushListenerJar(distribution.version, s.log) : undefined;
  const configured = opts.push ? { ...opts, extraConfig: { ...pushListenerConfig(opts.push), ...opts.extraConfig } } : opts;

  const t0 = Date.now();
  const dirs = prepareDataDir(s);
  const { log4jFile, zooKeeperConfigFile } = writeConfiguration(s, configured, dirs);
  const libJars = readdirSync(distribution.libDir).filter((f) => f.endsWith('.jar')).map((f) => join(distribution.libDir, f));
  const classpath = buildClasspath(pushJar ? [...libJars, pushJar] : libJars);
  const gatewayClasspath = `${classpath}:${join(distribution.optDir, `flink-sql-gateway-${distribution.version}.jar`)}`;
  const env: NodeJS.ProcessEnv = { ...process.env, FLINK_CONF_DIR: dirs.conf };
  delete env.FLINK_ENV_JAVA_OPTS;
  const memory = await memoryParams(classpath, dirs.conf, env);
  s.log(`JobManager JVM: ${memory.jm.jvmArgs.join(' ')}`);
  s.log(`TaskManager JVM: ${memory.tm.jvmArgs.join(' ')}`);

  installHooks(opts.handleSignals !== false);
  const launch: JavaLaunch = { cwd: s.dataDir, env, logDir: dirs.log, log4jFile, versionOpts: flinkVersionProfile(distribution.version).javaOpts, extraOpts: opts.jvmOpts ?? [], log: s.log };
  const procs = new ClusterProcesses(launch, classpath, gatewayClasspath, memory, dirs.conf, zooKeeperConfigFile, opts);
  try {
    await startAll(s, procs, t0);
  } catch (err) {
    await stopProcesses(procs.all(), 2000, s.log);
    throw err;
  }
  return handleOf(s, procs, distribution, dirs, Date.now() - t0);
}

/** What the caller holds of a started cluster: its addresses, and stopping or restarting its parts. */
function handleOf(s: Settings, procs: ClusterProcesses, distribution: FlinkDistribution, dirs: Dirs, startupMs: number): LocalFlinkCluster {
  const { ha, host } = s;
  return {
    restUrl: s.restUrl,
    ...(s.gatewayUrl ? { gatewayUrl: s.gatewayUrl } : {}),
    ...(s.historyUrl ? { historyUrl: s.historyUrl } : {}),
    dataDir: s.dataDir,
    logDir: dirs.log,
    distribution,
    ...(ha ? { highAvailability: { zooKeeperQuorum: `${host}:${ha.zooKeeperPort}`, storageDir: dirs.ha! } } : {}),
    startupMs,
    async stop() {
      await stopProcesses(procs.all(), s.stopGraceMs, s.log);
    },
    async killJobManager() {
      const jm = procs.jobManager;
      if (!jm || jm.exited) return;
      killGroup(jm, 'SIGKILL');
      await awaitExit(jm);
    },
    async startJobManager() {
      const jm = procs.jobManager;
      if (jm && !jm.exited) throw new Error(`JobManager is still running (pid ${jm.pid})`);
      await assertPortsFree([['JobManager REST', s.restPort], ['JobManager RPC', s.rpcPort]], host);
      await waitForProcesses('JobManager REST', [procs.spawnJobManager()], s.startTimeoutMs, () => restReady(s.restUrl));
    },
    async killTaskManager(index: number) {
      const p = procs.taskManagers.get(index);
      if (!p) throw new Error(`No TaskManager with index ${index} (have ${[...procs.taskManagers.keys()].join(', ')})`);
      killGroup(p, 'SIGKILL');
      await awaitExit(p);
    },
    async startTaskManager(index?: number) {
      const i = index ?? Math.max(0, ...procs.taskManagers.keys()) + 1;
      const existing = procs.taskManagers.get(i);
      if (existing && !existing.exited) throw new Error(`TaskManager ${i} is still running (pid ${existing.pid})`);
      const logFile = join(dirs.log, `${taskManagerResourceId(i)}.log`);
      // Log files are appended to across restarts: only look at what this run writes.
      const offset = fileSize(logFile);
      const p = procs.spawnTaskManager(i);
      await waitForProcesses(`TaskManager ${i} registration`, [p], s.startTimeoutMs, async () => {
        const text = readFrom(p.logFile, fileSize(p.logFile) < offset ? 0 : offset);
        return /Successful registration at resource manager/.test(text);
      });
    },
    pids() {
      const live = (p: ManagedProcess | undefined) => (p && !p.exited ? p.pid : undefined);
      const out: Record<string, number | undefined> = { jobmanager: live(procs.jobManager) };
      for (const [i, p] of procs.taskManagers) out[taskManagerResourceId(i)] = live(p);
      if (s.withGateway) out.gateway = live(procs.gateway);
      if (ha) out.zookeeper = live(procs.zooKeeper);
      if (s.historyUrl) out['history-server'] = live(procs.historyServer);
      return out;
    },
  };
}
