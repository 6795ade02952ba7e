#!/usr/bin/env -S npx tsx
// weir-flink: assemble or run a local Flink cluster (1.20.x by default, or 2.x).
//   npx tsx flink-local/src/cli.ts assemble [--flink-version V] [--cache-dir DIR]
//   npx tsx flink-local/src/cli.ts start [--flink-version V] [--data-dir DIR] [--rest-port N] [--rpc-port N] [--gateway-port N]
//       [--no-gateway] [--task-managers N] [--slots N] [--tm-memory 1728m] [--jm-memory 1024m]
//       [--ha-zookeeper-port N] [--history-port N] [--set key=value ...]
//   npx tsx flink-local/src/cli.ts yarn start|stop [--data-dir DIR] [--nm-memory-mb 4096] [--nm-vcores 4]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_FLINK_VERSION, DEFAULT_HADOOP_VERSION, ensureFlinkDistribution, ensureYarnDistribution, flinkVersionProfile,
  startLocalFlink, startLocalYarn, stopLocalYarnFromState,
} from './index.js';
import { REPO_ROOT } from './distribution.js';

const USAGE = `usage: weir-flink <assemble|start|yarn> [options]
  every command: [--flink-version ${DEFAULT_FLINK_VERSION}] (1.20.x or 2.x; each version has its own .cache/flink-<version>)
  assemble   [--cache-dir DIR]
  start      [--data-dir DIR (default .cache/flink-local-data-<version>)] [--rest-port 8081] [--rpc-port 6123]
             [--gateway-port 8083] [--no-gateway] [--history-port N (starts a HistoryServer)]
             [--task-managers 1] [--slots 4]
             [--tm-memory 1728m] [--jm-memory 1024m] [--ha-zookeeper-port N (ZooKeeper HA; off by default)]
             [--set key=value]...  (foreground; Ctrl-C stops)
             [--push-url URL --push-token T]  (2.x only: the JobManager pushes job status changes to Weir,
             URL = https://weir/push/clusters/<id>, T = GET /api/clusters/<id>/push-token)
  yarn start [--data-dir DIR (default .cache/yarn-local-data)] [--nm-memory-mb 4096] [--nm-vcores 4]
             (Hadoop YARN ${DEFAULT_HADOOP_VERSION}: ResourceManager + NodeManager in the background, on free ports)
  yarn stop  [--data-dir DIR]  (NodeManager first, then ResourceManager; returns when both are gone)`;

const log = (line: string): void => console.log(`[flink-local] ${line}`);

async function main(): Promise<number> {
  const [cmd, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'flink-version': { type: 'string' },
      'cache-dir': { type: 'string' },
      'data-dir': { type: 'string' },
      'rest-port': { type: 'string' },
      'rpc-port': { type: 'string' },
      'gateway-port': { type: 'string' },
      'no-gateway': { type: 'boolean' },
      'history-port': { type: 'string' },
      'task-managers': { type: 'string' },
      slots: { type: 'string' },
      'tm-memory': { type: 'string' },
      'jm-memory': { type: 'string' },
      'ha-zookeeper-port': { type: 'string' },
      set: { type: 'string', multiple: true },
      'push-url': { type: 'string' },
      'push-token': { type: 'string' },
      'nm-memory-mb': { type: 'string' },
      'nm-vcores': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !cmd) {
    console.log(USAGE);
    return cmd ? 0 : 2;
  }
  const int = (v: string | undefined, name: string): number | undefined => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer, got ${v}`);
    return n;
  };

  const distributionOptions = {
    version: values['flink-version'] ?? DEFAULT_FLINK_VERSION,
    ...(values['cache-dir'] ? { cacheDir: values['cache-dir'] } : {}),
    log,
  };
  if (cmd === 'assemble') {
    const d = await ensureFlinkDistribution(distributionOptions);
    console.log(JSON.stringify(d, null, 2));
    return 0;
  }
  if (cmd === 'yarn') {
    const yarnDataDir = values['data-dir'] ?? join(REPO_ROOT, '.cache', 'yarn-local-data');
    if (positionals[0] === 'stop') {
      if (!(await stopLocalYarnFromState(yarnDataDir, log))) log(`no local YARN recorded in ${yarnDataDir}; nothing to stop`);
      return 0;
    }
    if (positionals[0] !== 'start') {
      console.error(USAGE);
      return 2;
    }
    const yarn = await startLocalYarn({
      distribution: await ensureYarnDistribution({ log }),
      dataDir: yarnDataDir,
      nodeManagerMemoryMb: int(values['nm-memory-mb'], 'nm-memory-mb'),
      nodeManagerVcores: int(values['nm-vcores'], 'nm-vcores'),
      log,
    });
    console.log('');
    console.log(`YARN ${DEFAULT_HADOOP_VERSION} is up (ready in ${(yarn.startupMs / 1000).toFixed(1)} s)`);
    console.log(`  ResourceManager UI / REST : ${yarn.rmUrl}`);
    console.log(`  ResourceManager address   : ${yarn.host}:${yarn.ports.rmClient}`);
    console.log(`  Hadoop conf (yarn-site)   : ${yarn.confDir}`);
    console.log(`  PIDs                      : ${JSON.stringify(yarn.pids)}`);
    console.log(`Stop with: npx tsx flink-local/src/cli.ts yarn stop${values['data-dir'] ? ` --data-dir ${values['data-dir']}` : ''}`);
    return 0;
  }
  if (cmd !== 'start') {
    console.error(USAGE);
    return 2;
  }

  const extraConfig: Record<string, string> = {};
  for (const kv of values.set ?? []) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new Error(`--set expects key=value, got ${kv}`);
    extraConfig[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  const distribution = await ensureFlinkDistribution(distributionOptions);
  const opts = {
    // Per version: a 2.x cluster must not find a 1.20 cluster's checkpoints and uploaded jars.
    dataDir: values['data-dir'] ?? join(REPO_ROOT, '.cache', `flink-local-data-${distribution.version}`),
    distribution,
    restPort: int(values['rest-port'], 'rest-port'),
    rpcPort: int(values['rpc-port'], 'rpc-port'),
    gatewayPort: int(values['gateway-port'], 'gateway-port'),
    gateway: !values['no-gateway'],
    historyServerPort: int(values['history-port'], 'history-port'),
    taskManagers: int(values['task-managers'], 'task-managers'),
    slotsPerTaskManager: int(values.slots, 'slots'),
    taskManagerProcessMemory: values['tm-memory'],
    jobManagerProcessMemory: values['jm-memory'],
    highAvailability: values['ha-zookeeper-port'] === undefined ? undefined : { zooKeeperPort: int(values['ha-zookeeper-port'], 'ha-zookeeper-port')! },
    extraConfig,
    push: values['push-url'] ? { url: values['push-url'], token: values['push-token'] ?? '' } : undefined,
    handleSignals: false, // we stop gracefully ourselves below
    log,
  };
  // Drop undefined so the library defaults apply.
  const cleaned = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) as typeof opts & { dataDir: string };
  const cluster = await startLocalFlink(cleaned);

  console.log('');
  console.log(`Flink ${distribution.version} is up (started in ${(cluster.startupMs / 1000).toFixed(1)} s)`);
  console.log(`  Web UI / REST : ${cluster.restUrl}`);
  const newestGatewayApi = flinkVersionProfile(distribution.version).gatewayApiVersion;
  if (cluster.gatewayUrl) console.log(`  SQL Gateway   : ${cluster.gatewayUrl}  (REST v1-${newestGatewayApi}, e.g. ${cluster.gatewayUrl}/${newestGatewayApi}/info)`);
  if (cluster.historyUrl) console.log(`  HistoryServer : ${cluster.historyUrl}`);
  console.log(`  Data dir      : ${cluster.dataDir}`);
  console.log(`  Logs          : ${cluster.logDir}`);
  console.log(`  PIDs          : ${JSON.stringify(cluster.pids())}`);
  console.log('Press Ctrl-C to stop.');

  await new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = (sig: NodeJS.Signals): void => {
      if (stopping) {
        log(`${sig} again: exiting now (JVMs get SIGKILL from the exit hook)`);
        process.exit(130);
      }
      stopping = true;
      log(`${sig}: stopping Flink ...`);
      cluster.stop().then(() => {
        log('stopped');
        resolve();
      }, (e: unknown) => {
        console.error(e);
        resolve();
      });
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    // Keep the event loop alive while the JVMs (unref'd children) run.
    setInterval(() => {}, 1 << 30);
  });
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
