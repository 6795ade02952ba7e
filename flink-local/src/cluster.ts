// Starts a local Flink (1.20.x or 2.x) session cluster (JobManager, TaskManagers, SQL Gateway)
// with plain `java` processes: no bin/ scripts, no shell.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
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
  stdoutFileFor,
  tail,
  taskManagerResourceId,
  type ResourceParams,
} from './config.js';
import { ensureFlinkDistribution, requireTool, type FlinkDistribution } from './distribution.js';

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

interface ManagedProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  outFile: string;
  exited: boolean;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  exitPromise: Promise<void>;
}

// ---------------------------------------------------------------- process-wide cleanup

const liveProcesses = new Set<ManagedProcess>();
let exitHookInstalled = false;
let signalHooksInstalled = false;

function killGroup(p: ManagedProcess, signal: NodeJS.Signals): void {
  if (p.exited) return;
  try {
    process.kill(-p.pid, signal); // detached: the JVM leads its own process group
  } catch {
    try {
      process.kill(p.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Waits for a process to exit, keeping the event loop alive meanwhile (children are unref'd). */
async function awaitExit(p: ManagedProcess): Promise<void> {
  const keepAlive = setInterval(() => {}, 1000);
  try {
    await p.exitPromise;
  } finally {
    clearInterval(keepAlive);
  }
}

function killAllNow(): void {
  for (const p of liveProcesses) killGroup(p, 'SIGKILL');
}

function installHooks(handleSignals: boolean): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killAllNow); // synchronous: the last chance to not leave JVMs behind
  }
  if (handleSignals && !signalHooksInstalled) {
    signalHooksInstalled = true;
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const handler = (): void => {
        killAllNow();
        process.removeListener(sig, handler);
        // If nobody else handles the signal, behave like the default (terminate).
        if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
      };
      process.on(sig, handler);
    }
  }
}

// ---------------------------------------------------------------- helpers

/** Resolves if nothing listens on host:port (checked by binding it, and the wildcard address). */
export async function isPortFree(port: number, host: string): Promise<boolean> {
  const tryListen = (h: string): Promise<boolean> =>
    new Promise((res) => {
      const srv = createServer();
      srv.once('error', (err: NodeJS.ErrnoException) => res(err.code !== 'EADDRINUSE' && err.code !== 'EACCES'));
      srv.listen({ port, host: h, exclusive: true }, () => srv.close(() => res(true)));
    });
  return (await tryListen(host)) && (await tryListen('0.0.0.0'));
}

async function assertPortsFree(ports: Array<[string, number]>, host: string): Promise<void> {
  const seen = new Map<number, string>();
  for (const [what, port] of ports) {
    const other = seen.get(port);
    if (other) throw new Error(`Port ${port} is configured twice (${other} and ${what}).`);
    seen.set(port, what);
  }
  for (const [what, port] of ports) {
    if (!(await isPortFree(port, host))) {
      throw new Error(`Port ${port} (${what}) is already in use on ${host}; cannot start local Flink there.`);
    }
  }
}

function readTail(file: string, lines: number): string {
  try {
    return tail(readFileSync(file, 'utf8'), lines);
  } catch {
    return '(no file)';
  }
}

function readFrom(file: string, offset: number): string {
  try {
    const size = statSync(file).size;
    if (size <= offset) return '';
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(size - offset);
      readSync(fd, buf, 0, buf.length, offset);
      return buf.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether something accepts TCP connections on host:port. */
function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      res(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

async function httpJson(url: string): Promise<{ status: number; body: unknown }> {
  const ac = new AbortController();
  const t = setTimeout(() => ac.abort(), 3000);
  try {
    const res = await fetch(url, { signal: ac.signal });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  } finally {
    clearTimeout(t);
  }
}

function runCapture(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code, out }));
  });
}

// ---------------------------------------------------------------- start

export async function startLocalFlink(opts: LocalFlinkOptions): Promise<LocalFlinkCluster> {
  if (!opts || !opts.dataDir) throw new Error('startLocalFlink: dataDir is required');
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const restPort = opts.restPort ?? 8081;
  const rpcPort = opts.rpcPort ?? 6123;
  const withGateway = opts.gateway !== false;
  const gatewayPort = opts.gatewayPort ?? 8083;
  const historyPort = opts.historyServerPort;
  const tmCount = opts.taskManagers ?? 1;
  const startTimeoutMs = opts.startTimeoutMs ?? 180_000;
  const stopGraceMs = opts.stopGraceMs ?? 15_000;
  const jvmOpts = opts.jvmOpts ?? [];
  const ha = opts.highAvailability;

  requireTool('java', ['-version'], 'to run local Flink');
  const distribution = opts.distribution ??
    (await ensureFlinkDistribution({ ...(opts.flinkVersion ? { version: opts.flinkVersion } : {}), log }));
  const profile = flinkVersionProfile(distribution.version);

  // Ports first: fail at once, before any JVM is spawned.
  const ports: Array<[string, number]> = [['JobManager REST', restPort], ['JobManager RPC', rpcPort]];
  if (withGateway) ports.push(['SQL Gateway REST', gatewayPort]);
  if (ha) ports.push(['ZooKeeper client', ha.zooKeeperPort]);
  if (historyPort !== undefined) ports.push(['HistoryServer web', historyPort]);
  await assertPortsFree(ports, host);

  const t0 = Date.now();
  const dataDir = resolve(opts.dataDir);
  const dirs = {
    conf: join(dataDir, 'conf'),
    log: join(dataDir, 'log'),
    tmp: join(dataDir, 'tmp'),
    checkpoints: join(dataDir, 'checkpoints'),
    savepoints: join(dataDir, 'savepoints'),
    webUpload: join(dataDir, 'web-upload'),
    plugins: join(dataDir, 'plugins'), // processes run with cwd=dataDir; Flink looks for ./plugins
    ...(ha ? { ha: join(dataDir, 'ha'), zooKeeper: join(dataDir, 'zookeeper') } : {}),
    completedJobs: join(dataDir, 'completed-jobs'),
    historyWeb: join(dataDir, 'history-web'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });

  const entries = clusterConfigEntries({
    host,
    restPort,
    rpcPort,
    gatewayPort: withGateway ? gatewayPort : undefined,
    slotsPerTaskManager: opts.slotsPerTaskManager ?? 4,
    taskManagerProcessMemory: opts.taskManagerProcessMemory ?? '1728m',
    jobManagerProcessMemory: opts.jobManagerProcessMemory ?? '1024m',
    dirs,
    highAvailability: ha && { zooKeeperPort: ha.zooKeeperPort, storageDir: dirs.ha!, clusterId: ha.clusterId ?? '/weir' },
    historyServer: historyPort === undefined ? undefined : { port: historyPort, archiveDir: dirs.completedJobs, webDir: dirs.historyWeb },
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

  const libJars = readdirSync(distribution.libDir).filter((f) => f.endsWith('.jar')).map((f) => join(distribution.libDir, f));
  const classpath = buildClasspath(libJars);
  const gatewayJar = join(distribution.optDir, `flink-sql-gateway-${distribution.version}.jar`);
  const gatewayClasspath = `${classpath}:${gatewayJar}`;
  const env: NodeJS.ProcessEnv = { ...process.env, FLINK_CONF_DIR: dirs.conf };
  delete env.FLINK_ENV_JAVA_OPTS;

  async function resourceParams(kind: 'GET_TM_RESOURCE_PARAMS' | 'GET_JM_RESOURCE_PARAMS'): Promise<ResourceParams> {
    const args = ['-cp', classpath, MAIN_CLASSES.bashJavaUtils, kind, '--configDir', dirs.conf];
    const r = await runCapture('java', args, env);
    if (r.code !== 0) {
      throw new Error(`BashJavaUtils ${kind} failed (exit ${r.code}):\n${tail(r.out, 20)}`);
    }
    return parseResourceParams(r.out);
  }
  const [jmParams, tmParams] = await Promise.all([
    resourceParams('GET_JM_RESOURCE_PARAMS'),
    resourceParams('GET_TM_RESOURCE_PARAMS'),
  ]);
  log(`JobManager JVM: ${jmParams.jvmArgs.join(' ')}`);
  log(`TaskManager JVM: ${tmParams.jvmArgs.join(' ')}`);

  installHooks(opts.handleSignals !== false);

  function spawnJava(name: string, mainClass: string, jvm: string[], cp: string, programArgs: string[]): ManagedProcess {
    const logFile = join(dirs.log, `${name}.log`);
    const outFile = stdoutFileFor(logFile);
    const fd = openSync(outFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn(
        'java',
        [
          ...profile.javaOpts,
          ...jvm,
          ...jvmOpts,
          `-Dlog.file=${logFile}`,
          `-Dlog4j.configurationFile=file:${log4jFile}`,
          '-classpath',
          cp,
          mainClass,
          ...programArgs,
        ],
        { cwd: dataDir, env, detached: true, stdio: ['ignore', fd, fd] },
      );
    } finally {
      closeSync(fd);
    }
    if (child.pid === undefined) throw new Error(`Could not spawn java for ${name}`);
    child.unref();
    const p: ManagedProcess = {
      name,
      child,
      pid: child.pid,
      logFile,
      outFile,
      exited: false,
      exitCode: null,
      exitSignal: null,
      exitPromise: Promise.resolve(),
    };
    p.exitPromise = new Promise((res) => {
      child.once('exit', (code, signal) => {
        p.exited = true;
        p.exitCode = code;
        p.exitSignal = signal;
        liveProcesses.delete(p);
        res();
      });
    });
    liveProcesses.add(p);
    log(`started ${name} (pid ${p.pid}), log ${logFile}`);
    return p;
  }

  let jobManager: ManagedProcess | undefined;
  let gatewayProc: ManagedProcess | undefined;
  let zooKeeperProc: ManagedProcess | undefined;
  let historyProc: ManagedProcess | undefined;
  const taskManagers = new Map<number, ManagedProcess>();

  const spawnJobManager = (): ManagedProcess =>
    spawnJava('jobmanager', MAIN_CLASSES.jobManager, jmParams.jvmArgs, classpath, [
      ...jmParams.dynamicArgs,
      '--configDir',
      dirs.conf,
      '--executionMode',
      'cluster',
    ]);
  const spawnTaskManager = (index: number): ManagedProcess =>
    spawnJava(taskManagerResourceId(index), MAIN_CLASSES.taskManager, ['-XX:+UseG1GC', ...tmParams.jvmArgs], classpath, [
      '--configDir',
      dirs.conf,
      ...tmParams.dynamicArgs,
      '-D',
      `taskmanager.resource-id=${taskManagerResourceId(index)}`,
    ]);
  const spawnZooKeeper = (): ManagedProcess =>
    spawnJava('zookeeper', MAIN_CLASSES.zooKeeper, ['-Xmx128m', '-XX:+UseG1GC'], classpath, ['--zkConfigFile', zooKeeperConfigFile, '--peerId', '1']);
  const spawnGateway = (): ManagedProcess =>
    spawnJava('sql-gateway', MAIN_CLASSES.sqlGateway, [`-Xmx${opts.gatewayHeap ?? '512m'}`, '-XX:+UseG1GC'], gatewayClasspath, []);

  const spawnHistoryServer = (): ManagedProcess =>
    spawnJava('history-server', MAIN_CLASSES.historyServer, [`-Xmx${opts.historyServerHeap ?? '256m'}`], classpath, ['--configDir', dirs.conf]);

  const restUrl = `http://${host}:${restPort}`;
  const gatewayUrl = withGateway ? `http://${host}:${gatewayPort}` : undefined;
  const historyUrl = historyPort === undefined ? undefined : `http://${host}:${historyPort}`;

  /** Polls `check` until true; throws with the log tail if a watched process dies. */
  async function waitUntil(what: string, watched: ManagedProcess[], timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const p of watched) {
        if (p.exited) {
          throw new Error(
            `${p.name} (pid ${p.pid}) exited during start (code ${p.exitCode}, signal ${p.exitSignal}) while waiting for ${what}.\n` +
              `--- last lines of ${p.logFile} ---\n${readTail(p.logFile, 30)}\n` +
              `--- last lines of ${p.outFile} ---\n${readTail(p.outFile, 15)}`,
          );
        }
      }
      try {
        if (await check()) return;
      } catch {
        /* not up yet */
      }
      if (Date.now() > deadline) {
        const logs = watched.map((p) => `--- last lines of ${p.logFile} ---\n${readTail(p.logFile, 15)}`).join('\n');
        throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${logs}`);
      }
      await sleep(250);
    }
  }

  const restReady = async (): Promise<boolean> => (await httpJson(`${restUrl}/overview`)).status === 200;
  const registeredTaskManagers = async (): Promise<number> => {
    const r = await httpJson(`${restUrl}/overview`);
    return r.status === 200 ? Number((r.body as { taskmanagers?: number }).taskmanagers ?? 0) : -1;
  };

  async function stopProcesses(procs: ManagedProcess[], graceMs: number): Promise<void> {
    const live = procs.filter((p) => !p.exited);
    for (const p of live) killGroup(p, 'SIGTERM');
    let timeout: NodeJS.Timeout | undefined;
    const timer = new Promise<'timeout'>((res) => (timeout = setTimeout(() => res('timeout'), graceMs)));
    const all = Promise.all(live.map((p) => p.exitPromise)).then(() => 'done' as const);
    const first = await Promise.race([all, timer]);
    clearTimeout(timeout);
    if (first === 'timeout') {
      for (const p of live) if (!p.exited) {
        log(`${p.name} (pid ${p.pid}) ignored SIGTERM for ${graceMs} ms; sending SIGKILL`);
        killGroup(p, 'SIGKILL');
      }
      await Promise.all(live.map(awaitExit));
    }
  }

  const allProcs = (): ManagedProcess[] =>
    [historyProc, gatewayProc, ...taskManagers.values(), jobManager, zooKeeperProc].filter((p): p is ManagedProcess => p !== undefined);

  try {
    if (ha) {
      // ZooKeeper first: the JobManager's leader election needs it, and would otherwise spend its start retrying.
      zooKeeperProc = spawnZooKeeper();
      await waitUntil(`ZooKeeper on port ${ha.zooKeeperPort}`, [zooKeeperProc], startTimeoutMs, () => acceptsConnections(host, ha.zooKeeperPort));
      log(`ZooKeeper up at ${host}:${ha.zooKeeperPort} after ${Date.now() - t0} ms`);
    }
    // All JVMs start together: TMs retry registration until the RM is up, the gateway needs nothing.
    jobManager = spawnJobManager();
    for (let i = 1; i <= tmCount; i++) taskManagers.set(i, spawnTaskManager(i));
    if (withGateway) gatewayProc = spawnGateway();
    if (historyUrl) historyProc = spawnHistoryServer();
    const watched = allProcs();
    await waitUntil('JobManager REST', watched, startTimeoutMs, restReady);
    log(`JobManager REST up at ${restUrl} after ${Date.now() - t0} ms`);
    await waitUntil(`${tmCount} TaskManager(s) registered`, watched, Math.max(1000, startTimeoutMs - (Date.now() - t0)),
      async () => (await registeredTaskManagers()) === tmCount);
    log(`${tmCount} TaskManager(s) registered after ${Date.now() - t0} ms`);
    if (gatewayUrl) {
      await waitUntil('SQL Gateway /v3/info', watched, Math.max(1000, startTimeoutMs - (Date.now() - t0)),
        async () => (await httpJson(`${gatewayUrl}/v3/info`)).status === 200);
      log(`SQL Gateway up at ${gatewayUrl} after ${Date.now() - t0} ms`);
    }
    if (historyUrl) {
      // The HistoryServer writes its /config file once its web server is up.
      await waitUntil('HistoryServer /config', watched, Math.max(1000, startTimeoutMs - (Date.now() - t0)),
        async () => (await httpJson(`${historyUrl}/config`)).status === 200);
      log(`HistoryServer up at ${historyUrl} after ${Date.now() - t0} ms`);
    }
  } catch (err) {
    await stopProcesses(allProcs(), 2000);
    throw err;
  }
  const startupMs = Date.now() - t0;

  const cluster: LocalFlinkCluster = {
    restUrl,
    ...(gatewayUrl ? { gatewayUrl } : {}),
    ...(historyUrl ? { historyUrl } : {}),
    dataDir,
    logDir: dirs.log,
    distribution,
    ...(ha ? { highAvailability: { zooKeeperQuorum: `${host}:${ha.zooKeeperPort}`, storageDir: dirs.ha! } } : {}),
    startupMs,
    async stop() {
      await stopProcesses(allProcs(), stopGraceMs);
    },
    async killJobManager() {
      if (!jobManager || jobManager.exited) return;
      killGroup(jobManager, 'SIGKILL');
      await awaitExit(jobManager);
    },
    async startJobManager() {
      if (jobManager && !jobManager.exited) throw new Error(`JobManager is still running (pid ${jobManager.pid})`);
      await assertPortsFree([['JobManager REST', restPort], ['JobManager RPC', rpcPort]], host);
      jobManager = spawnJobManager();
      await waitUntil('JobManager REST', [jobManager], startTimeoutMs, restReady);
    },
    async killTaskManager(index: number) {
      const p = taskManagers.get(index);
      if (!p) throw new Error(`No TaskManager with index ${index} (have ${[...taskManagers.keys()].join(', ')})`);
      killGroup(p, 'SIGKILL');
      await awaitExit(p);
    },
    async startTaskManager(index?: number) {
      const i = index ?? Math.max(0, ...taskManagers.keys()) + 1;
      const existing = taskManagers.get(i);
      if (existing && !existing.exited) throw new Error(`TaskManager ${i} is still running (pid ${existing.pid})`);
      const logFile = join(dirs.log, `${taskManagerResourceId(i)}.log`);
      // Log files are appended to across restarts: only look at what this run writes.
      const offset = fileSize(logFile);
      const p = spawnTaskManager(i);
      taskManagers.set(i, p);
      await waitUntil(`TaskManager ${i} registration`, [p], startTimeoutMs, async () => {
        const text = readFrom(p.logFile, fileSize(p.logFile) < offset ? 0 : offset);
        return /Successful registration at resource manager/.test(text);
      });
    },
    pids() {
      const out: Record<string, number | undefined> = {};
      out.jobmanager = jobManager && !jobManager.exited ? jobManager.pid : undefined;
      for (const [i, p] of taskManagers) out[taskManagerResourceId(i)] = p.exited ? undefined : p.pid;
      if (withGateway) out.gateway = gatewayProc && !gatewayProc.exited ? gatewayProc.pid : undefined;
      if (ha) out.zookeeper = zooKeeperProc && !zooKeeperProc.exited ? zooKeeperProc.pid : undefined;
      if (historyUrl) out['history-server'] = historyProc && !historyProc.exited ? historyProc.pid : undefined;
      return out;
    },
  };
  return cluster;
}
