// Weir's local YARN: a ResourceManager and a NodeManager as two plain JVMs (not MiniYARNCluster, whose
// single JVM serves the RM's REST API wrongly because both web apps share one filter), on free ports,
// configured in the data folder, ready when the RM's REST lists the NodeManager RUNNING. Stopped
// NodeManager first, so the RM does not spend its shutdown waiting for a node that is leaving.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { JAVA17_OPTS } from './config.js';
import {
  assertPortsFree, httpJson, installHooks, sleep, spawnJava, stopProcesses, waitForProcesses,
  type JavaLaunch, type ManagedProcess,
} from './processes.js';
import {
  YARN_MAIN_CLASSES, YARN_PORT_NAMES, coreSiteEntries, judgeYarnReadiness, renderHadoopXml,
  renderYarnLog4jProperties, yarnSiteEntries, type YarnPorts,
} from './yarn-config.js';
import type { YarnDistribution } from './yarn-distribution.js';
import { isProcessAlive } from './process-alive.js';

export interface LocalYarnOptions {
  distribution: YarnDistribution;
  dataDir: string;
  host?: string;
  /** Default 4096 MB and 4 vcores: room for a JobManager and a TaskManager or two. */
  nodeManagerMemoryMb?: number;
  nodeManagerVcores?: number;
  /** Default 180 s: two JVMs on a busy 2-core machine. */
  readyTimeoutMs?: number;
  /** Kill the JVMs when this Node process exits (tests); the CLI leaves them running. */
  killOnExit?: boolean;
  log?: (line: string) => void;
}

/** Written into the data folder so `yarn stop` (another process) finds what `yarn start` left running. */
export interface LocalYarnState {
  host: string;
  ports: YarnPorts;
  rmUrl: string;
  nodeManagerMemoryMb: number;
  pids: { resourceManager: number; nodeManager: number };
  startupMs: number;
}

export interface LocalYarn extends LocalYarnState {
  dataDir: string;
  confDir: string;
  stop(): Promise<void>;
}

const STATE_FILE = 'local-yarn.json';

/** Ports the kernel hands out as free right now; the daemons bind them moments later. */
async function freePorts(count: number, host: string): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<import('node:net').Server>((res, rej) => {
      const srv = createServer();
      srv.once('error', rej);
      srv.listen({ port: 0, host, exclusive: true }, () => res(srv));
    })),
  );
  const ports = servers.map((s) => (s.address() as import('node:net').AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((res) => s.close(() => res()))));
  return ports;
}

export async function startLocalYarn(opts: LocalYarnOptions): Promise<LocalYarn> {
  const host = opts.host ?? '127.0.0.1';
  const dataDir = resolve(opts.dataDir);
  const log = opts.log ?? (() => {});
  const memoryMb = opts.nodeManagerMemoryMb ?? 4096;
  const vcores = opts.nodeManagerVcores ?? 4;
  if (existsSync(join(dataDir, STATE_FILE))) {
    const old = readState(dataDir);
    if (old && (isProcessAlive(old.pids.resourceManager) || isProcessAlive(old.pids.nodeManager))) {
      throw new Error(`A local YARN from ${dataDir} is still running (RM ${old.rmUrl}); stop it first.`);
    }
  }
  // The NodeManager's work folders and logs are this run's alone; configuration is regenerated.
  for (const sub of ['conf', 'nm-local', 'nm-logs', 'hadoop-tmp']) rmSync(join(dataDir, sub), { recursive: true, force: true });
  const confDir = join(dataDir, 'conf');
  const logDir = join(dataDir, 'log');
  mkdirSync(confDir, { recursive: true });
  mkdirSync(logDir, { recursive: true });

  const portList = await freePorts(YARN_PORT_NAMES.length, host);
  const ports = Object.fromEntries(YARN_PORT_NAMES.map((name, i) => [name, portList[i]])) as unknown as YarnPorts;
  await assertPortsFree(YARN_PORT_NAMES.map((n) => [n, ports[n]]), host);
  const input = { host, ports, dataDir, nodeManagerMemoryMb: memoryMb, nodeManagerVcores: vcores };
  writeFileSync(join(confDir, 'yarn-site.xml'), renderHadoopXml(yarnSiteEntries(input)));
  writeFileSync(join(confDir, 'core-site.xml'), renderHadoopXml(coreSiteEntries(input)));
  writeFileSync(join(confDir, 'log4j.properties'), renderYarnLog4jProperties());

  // The conf folder first: Hadoop finds yarn-site.xml, core-site.xml and log4j.properties on the classpath.
  const classpath = [confDir, ...readdirSync(opts.distribution.libDir).filter((f) => f.endsWith('.jar')).sort()
    .map((f) => join(opts.distribution.libDir, f))].join(':');
  const launch: JavaLaunch = {
    cwd: dataDir,
    env: { ...process.env, HADOOP_CONF_DIR: confDir, YARN_CONF_DIR: confDir },
    logDir,
    log4jFile: join(confDir, 'log4j.properties'),
    versionOpts: JAVA17_OPTS,
    extraOpts: [`-Dhadoop.log.dir=${logDir}`, `-Dyarn.log.dir=${logDir}`],
    log,
  };
  if (opts.killOnExit) installHooks(false);
  const started = Date.now();
  const spawnDaemon = (name: string, mainClass: string, heap: string): ManagedProcess =>
    spawnJava(launch, {
      name, mainClass, classpath, programArgs: [],
      jvm: [`-Xmx${heap}`, `-Dyarn.log.file=${join(logDir, `${name}.log`)}`, `-Dlog4j.configuration=file:${join(confDir, 'log4j.properties')}`],
    });
  const rm = spawnDaemon('resourcemanager', YARN_MAIN_CLASSES.resourceManager, '512m');
  const procs: ManagedProcess[] = [rm];
  const rmUrl = `http://${host}:${ports.rmWeb}`;
  try {
    // The NodeManager registers with the RM's resource tracker; start it once that port answers.
    await waitForProcesses('the ResourceManager REST API', [rm], opts.readyTimeoutMs ?? 180_000, async () =>
      (await httpJson(`${rmUrl}/ws/v1/cluster/info`)).status === 200);
    procs.push(spawnDaemon('nodemanager', YARN_MAIN_CLASSES.nodeManager, '512m'));
    let last = 'no answer yet';
    await waitForProcesses('the NodeManager to be RUNNING on the ResourceManager', procs, opts.readyTimeoutMs ?? 180_000, async () => {
      const verdict = judgeYarnReadiness(
        (await httpJson(`${rmUrl}/ws/v1/cluster/info`)).body,
        (await httpJson(`${rmUrl}/ws/v1/cluster/nodes`)).body,
        memoryMb,
      );
      last = verdict.detail;
      return verdict.ready;
    }).catch((err: Error) => {
      throw new Error(`${err.message}\nLast readiness verdict: ${last}`);
    });
  } catch (err) {
    await stopInOrder(procs.slice().reverse(), log);
    throw err;
  }
  const state: LocalYarnState = {
    host, ports, rmUrl, nodeManagerMemoryMb: memoryMb,
    pids: { resourceManager: rm.pid, nodeManager: procs[1]!.pid },
    startupMs: Date.now() - started,
  };
  writeFileSync(join(dataDir, STATE_FILE), JSON.stringify(state, null, 2) + '\n');
  log(`YARN ready in ${(state.startupMs / 1000).toFixed(1)} s: ResourceManager ${rmUrl}`);
  return {
    ...state, dataDir, confDir,
    stop: async () => {
      await stopInOrder([procs[1]!, rm], log);
      rmSync(join(dataDir, STATE_FILE), { force: true });
    },
  };
}

/** One at a time, in the given order, each until its process is gone. */
async function stopInOrder(procs: ManagedProcess[], log: (line: string) => void): Promise<void> {
  for (const p of procs) {
    await stopProcesses([p], 30_000, log);
    log(`${p.name} (pid ${p.pid}) stopped`);
  }
}

export function readState(dataDir: string): LocalYarnState | undefined {
  try {
    return JSON.parse(readFileSync(join(resolve(dataDir), STATE_FILE), 'utf8')) as LocalYarnState;
  } catch {
    return undefined;
  }
}

/** Whether `pid` is still the YARN daemon we started (a reused pid must not be signalled). */
function isOurDaemon(pid: number, mainClass: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(mainClass);
  } catch {
    return isProcessAlive(pid);
  }
}

async function stopPid(name: string, pid: number, mainClass: string, log: (line: string) => void): Promise<void> {
  if (!isOurDaemon(pid, mainClass)) return;
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-pid, sig); // each daemon leads its own process group
    } catch {
      try { process.kill(pid, sig); } catch { /* gone */ }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 30_000;
  while (isOurDaemon(pid, mainClass)) {
    if (Date.now() > deadline) {
      log(`${name} (pid ${pid}) ignored SIGTERM for 30 s; sending SIGKILL`);
      signal('SIGKILL');
    }
    await sleep(200);
  }
  log(`${name} (pid ${pid}) stopped`);
}

/** Stops what `yarn start` left running from this data folder: NodeManager first, then ResourceManager. */
export async function stopLocalYarnFromState(dataDir: string, log: (line: string) => void = () => {}): Promise<boolean> {
  const state = readState(dataDir);
  if (!state) return false;
  await stopPid('nodemanager', state.pids.nodeManager, YARN_MAIN_CLASSES.nodeManager, log);
  await stopPid('resourcemanager', state.pids.resourceManager, YARN_MAIN_CLASSES.resourceManager, log);
  rmSync(join(resolve(dataDir), STATE_FILE), { force: true });
  return true;
}

