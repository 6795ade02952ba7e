import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { CreateClusterRequest } from '@weir/contract';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type WeirConfig } from './config/config.js';
import { openDatabase, sqliteFileOf } from './db/database.js';
import { claimSqliteFile, SqliteInUseError } from './startup/sqlite-owner.js';
import { migrateToLatest } from './db/migrations/index.js';
import { createServices, type Services } from './services.js';
import { SYSTEM_PRINCIPAL } from './access/principal.js';
import { createInitialAdmin, initialPasswordFile } from './auth/initial-admin.js';
import { SecretKeyMismatchError, verifySecretKey } from './secrets/secret-key-check.js';
import { SettingsStore } from './settings/settings.store.js';
import { prepareDataDir } from './startup/data-dir.js';

const LOCAL_CLUSTER_NAME = 'local';
const LOCAL_YARN_NAME = 'local-yarn';

/** Services are created before the HTTP app (and its logger) exist; this forwards to it once it does. */
const startupLogger = {
  target: undefined as undefined | { info: (o: unknown, m: string) => void; warn: (o: unknown, m: string) => void; error: (o: unknown, m: string) => void },
  info(o: unknown, m: string) {
    this.target?.info(o, m);
  },
  warn(o: unknown, m: string) {
    (this.target ?? console).warn(o, m);
  },
  error(o: unknown, m: string) {
    (this.target ?? console).error(o, m);
  },
};

/** Start-up failures the operator can fix; printed as one clear line, no stack trace. */
class StartupError extends Error {}

async function main(): Promise<void> {
  const config = loadConfig();
  prepareDataDir(config.dataDir);
  await assertPortFree(config.host, config.port);

  const sqliteFile = sqliteFileOf(config.databaseUrl);
  let releaseSqlite = () => undefined as void;
  if (sqliteFile) {
    try {
      releaseSqlite = claimSqliteFile(sqliteFile);
    } catch (err) {
      if (err instanceof SqliteInUseError) throw new StartupError(err.message);
      throw err;
    }
  }

  let database;
  try {
    database = await openDatabase(config.databaseUrl);
  } catch (err) {
    throw new StartupError(`Cannot open the database (WEIR_DATABASE_URL): ${(err as Error).message}`);
  }
  await migrateToLatest(database);

  const services = createServices(database, config, startupLogger);
  try {
    const storedSecret = async () => (await services.clusters.list()).find((cluster) => cluster.authSealed)?.authSealed ?? undefined;
    await verifySecretKey(new SettingsStore(database), services.secrets, storedSecret);
  } catch (err) {
    await database.close().catch(() => undefined);
    if (err instanceof SecretKeyMismatchError) throw new StartupError(err.message);
    throw err;
  }
  const admin = await createInitialAdmin(services.auth, config.dataDir, config.adminPassword);
  const passwordFile = initialPasswordFile(config.dataDir);

  const app = await buildApp({
    services,
    logLevel: config.logLevel,
    webDir: config.webDir,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    sessionTtlMs: config.sessionTtlMs,
  });
  startupLogger.target = app.log;
  services.startBackgroundWork();

  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(config.port);
    throw err;
  }

  const url = `http://${config.host}:${config.port}`;
  const login = admin.generatedPassword
    ? `user "admin", password ${admin.generatedPassword} (generated now and shown once; also in ${passwordFile} until you change it)`
    : config.adminPassword
      ? 'user "admin" with the password from WEIR_ADMIN_PASSWORD'
      : fs.existsSync(passwordFile)
        ? `user "admin", password in ${passwordFile}`
        : 'your existing account';

  // Signals are handled before Weir says it runs: a stop sent right after that line closes the
  // database and releases the embedded one's owner file instead of killing the process half-way.
  let stopLocalFlink: () => Promise<void> = async () => undefined;
  let stopLocalYarn: () => Promise<void> = async () => undefined;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await services.stopBackgroundWork().catch(() => undefined);
    await app.close().catch(() => undefined);
    await stopLocalFlink().catch(() => undefined);
    await stopLocalYarn().catch(() => undefined);
    await database.close().catch(() => undefined);
    releaseSqlite();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  console.log(`\nWeir is running at ${url}\nLog in with ${login}\n`);
  stopLocalFlink = await startLocalFlinkIfWanted(config, services, app.log);
  stopLocalYarn = await startLocalYarnIfWanted(config, services, app.log);
}

/**
 * WEIR_LOCAL_YARN=on: starts a local YARN in the background (its first start assembles Hadoop from Maven
 * Central) and registers it as the YARN target "local-yarn", with the Flink it ships assembled too.
 * It listens on free ports, so the entry's address is brought up to date at each start.
 */
async function startLocalYarnIfWanted(
  config: WeirConfig,
  services: Services,
  log: { info: (o: unknown, m: string) => void; error: (o: unknown, m: string) => void },
): Promise<() => Promise<void>> {
  if (!config.localYarn.on) return async () => undefined;
  if (!javaAvailable()) {
    console.error('WEIR_LOCAL_YARN=on, but Java was not found: the local YARN is not started.');
    return async () => undefined;
  }
  const { DEFAULT_FLINK_YARN_VERSION, ensureFlinkYarnDistribution, ensureYarnDistribution, startLocalYarn, stopLocalYarnFromState } = await import('@weir/flink-local');
  let yarn: Awaited<ReturnType<typeof startLocalYarn>> | undefined;
  let stopped = false;
  const assemblyLog = (line: string) => log.info({ line }, 'yarn assembly');
  const started = (async () => {
    console.log('Starting the local YARN (its first start assembles Hadoop YARN and Flink for YARN from Maven Central)…');
    // A Weir killed without its shutdown leaves the pair running; the state file in the folder names them.
    await stopLocalYarnFromState(config.localYarn.dataDir);
    yarn = await startLocalYarn({ distribution: await ensureYarnDistribution({ log: assemblyLog }), dataDir: config.localYarn.dataDir });
    if (stopped) return yarn.stop();
    await ensureFlinkYarnDistribution({ log: assemblyLog });
    await registerLocalYarn(services, yarn.rmUrl, yarn.confDir, DEFAULT_FLINK_YARN_VERSION);
    console.log(`Local YARN is up: ResourceManager ${yarn.rmUrl}, Hadoop configuration ${yarn.confDir}; registered as "${LOCAL_YARN_NAME}"`);
  })().catch((err: Error) => {
    log.error({ err }, 'local YARN did not start');
    console.error(`The local YARN did not start: ${err.message}`);
  });
  return async () => {
    stopped = true;
    await started;
    await yarn?.stop();
  };
}

async function registerLocalYarn(services: Services, rmUrl: string, hadoopConfDir: string, flinkVersion: string): Promise<void> {
  // The Flink version is flink-local's default for YARN, one of the versions the contract offers.
  const yarn = { hadoopConfDir, queue: 'default', flinkVersion } as NonNullable<CreateClusterRequest['yarn']>;
  const existing = (await services.clusters.list()).find((c) => c.name === LOCAL_YARN_NAME);
  if (!existing) {
    await services.clusters.register(SYSTEM_PRINCIPAL, { name: LOCAL_YARN_NAME, kind: 'yarn', restUrl: rmUrl, yarn, description: 'YARN started by Weir on this machine', teamId: null }, { isLocal: true });
  } else if (existing.restUrl !== rmUrl || existing.yarn?.hadoopConfDir !== hadoopConfDir) {
    await services.clusters.update(SYSTEM_PRINCIPAL, existing.id, { restUrl: rmUrl, yarn });
  } else {
    await services.clusters.check(existing.id);
  }
}

/** Starts the bundled Flink cluster in the background and registers it as "local". */
async function startLocalFlinkIfWanted(
  config: WeirConfig,
  services: Services,
  log: { info: (o: unknown, m: string) => void; error: (o: unknown, m: string) => void },
): Promise<() => Promise<void>> {
  const mode = config.localFlink.mode;
  if (mode === 'off') return async () => undefined;
  if (mode === 'auto' && !javaAvailable()) {
    console.log('Java was not found, so the local Flink cluster is not started (WEIR_LOCAL_FLINK=auto).');
    return async () => undefined;
  }
  const { ensureFlinkDistribution, startLocalFlink } = await import('@weir/flink-local');
  let cluster: Awaited<ReturnType<typeof startLocalFlink>> | undefined;
  let stopped = false;
  const started = (async () => {
    const version = config.localFlink.version;
    console.log(`Starting the local Flink ${version} cluster (its first start assembles it from Maven Central)…`);
    const distribution = await ensureFlinkDistribution({ version, log: (line) => log.info({ line }, 'flink assembly') });
    cluster = await startLocalFlink({
      distribution,
      dataDir: config.localFlink.dataDir,
      restPort: config.localFlink.restPort,
      rpcPort: config.localFlink.rpcPort,
      gatewayPort: config.localFlink.gatewayPort,
      slotsPerTaskManager: config.localFlink.slots,
    });
    if (stopped) return cluster.stop();
    await registerLocalCluster(services, cluster.restUrl, cluster.gatewayUrl);
    console.log(`Local Flink ${distribution.version} cluster is up: JobManager ${cluster.restUrl}, SQL Gateway ${cluster.gatewayUrl ?? '(none)'}`);
  })().catch((err: Error) => {
    log.error({ err }, 'local Flink cluster did not start');
    console.error(`The local Flink cluster did not start: ${err.message}`);
  });
  return async () => {
    stopped = true;
    await started;
    await cluster?.stop();
  };
}

async function registerLocalCluster(services: Services, restUrl: string, gatewayUrl: string | undefined): Promise<void> {
  const existing = (await services.clusters.list()).find((c) => c.name === LOCAL_CLUSTER_NAME);
  if (!existing) {
    // Shared: every team may run its jobs on the cluster Weir started.
    await services.clusters.register(SYSTEM_PRINCIPAL, { name: LOCAL_CLUSTER_NAME, restUrl, gatewayUrl, description: 'Started by Weir on this machine', teamId: null }, { isLocal: true });
  } else if (existing.restUrl !== restUrl || existing.gatewayUrl !== (gatewayUrl ?? null)) {
    await services.clusters.update(SYSTEM_PRINCIPAL, existing.id, { restUrl, gatewayUrl });
  } else {
    await services.clusters.check(existing.id);
  }
}

function javaAvailable(): boolean {
  try {
    execFileSync('java', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function portInUse(port: number): StartupError {
  return new StartupError(`Port ${port} is already in use; stop what uses it or set WEIR_PORT to another port`);
}

function assertPortFree(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE' ? portInUse(port) : new StartupError(`Cannot listen on ${host}:${port}: ${err.message}`)),
    );
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

main().catch((err) => {
  if (err instanceof StartupError || err instanceof ConfigError) {
    console.error(`Weir did not start: ${err.message}`);
  } else {
    console.error('Weir did not start:', err);
  }
  process.exit(1);
});
