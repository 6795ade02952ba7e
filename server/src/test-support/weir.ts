import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.js';
import { loadConfig } from '../config/config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { DEFAULT_OUTBOUND_DENY, OutboundGuard, type OutboundPolicy } from '../outbound/outbound-guard.js';
import { createServices, type Services, type ServicesConfig } from '../services.js';
import { createTestDatabase, testDatabaseChoice } from './databases.js';

/**
 * The outbound rules tests run with: Weir's defaults, plus this machine, where the tests' Flink
 * clusters, webhook receivers and SMTP servers listen. Allowed here on purpose, as an operator
 * would with WEIR_OUTBOUND_ALLOW; a test of the rules themselves uses the defaults.
 */
export const TEST_OUTBOUND_POLICY: OutboundPolicy = { deny: DEFAULT_OUTBOUND_DENY, allow: ['127.0.0.0/8', '::1/128'] };
export const testOutbound = () => new OutboundGuard(TEST_OUTBOUND_POLICY);

export interface TestWeir {
  services: Services;
  database: Database;
  dataDir: string;
  /** Stops background work and closes the database (the files stay, for a restart). */
  stop(): Promise<void>;
}

/**
 * A Weir core (services, no HTTP) over a database of its own; start again on the same dataDir to test
 * restarts. The database is on the engine the run chose with WEIR_TEST_DATABASE (SQLite by default).
 */
export async function startTestWeir(opts: { dataDir?: string; databaseUrl?: string; config?: Partial<ServicesConfig>; background?: boolean } = {}): Promise<TestWeir> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'weir-test-'));
  const database = await openDatabase(opts.databaseUrl ?? (await testDatabaseUrl(dataDir)));
  await migrateToLatest(database);
  const defaults = loadConfig({ WEIR_DATA_DIR: dataDir });
  const services = createServices(database, {
    ...defaults,
    sessionTtlMs: 3_600_000,
    flinkTimeoutMs: 2_000,
    clusterCheckIntervalMs: 2_000,
    checkpointPollMs: 1_000,
    watcher: { intervalMs: 300, reconnectAttempts: 3, reconnectWindowMs: 1_500, probeTimeoutMs: 500, lostAfterMs: 1_000, historyArchiveGraceMs: 2_000, historyUnreachableLimitMs: 120_000 },
    outbound: TEST_OUTBOUND_POLICY,
    ...opts.config,
  });
  if (opts.background !== false) services.startBackgroundWork();
  return {
    services,
    database,
    dataDir,
    async stop() {
      await services.stopBackgroundWork();
      await database.close();
    },
  };
}

/**
 * The database of the test Weir over `dataDir`: SQLite inside the folder, or a fresh database on the
 * server engine the run chose. Its URL is kept in the folder, so a Weir started again on the same
 * folder finds the same database; server databases are dropped when the test process ends.
 */
async function testDatabaseUrl(dataDir: string): Promise<string> {
  const choice = testDatabaseChoice();
  if (choice === 'sqlite') return `sqlite:${path.join(dataDir, 'weir.db')}`;
  const remembered = path.join(dataDir, 'test-database-url');
  if (fs.existsSync(remembered)) return fs.readFileSync(remembered, 'utf8');
  const created = await createTestDatabase(choice);
  fs.writeFileSync(remembered, created.url);
  dropWhenTheProcessEnds(created.drop);
  return created.url;
}

const pendingDrops: (() => Promise<void>)[] = [];

/** The test Weirs are stopped by then (their after-hooks ran), so nothing writes to the databases any more. */
function dropWhenTheProcessEnds(drop: () => Promise<void>): void {
  if (pendingDrops.length === 0) {
    process.once('beforeExit', () => {
      void Promise.allSettled(pendingDrops.splice(0).map((d) => d()));
    });
  }
  pendingDrops.push(drop);
}

/** The HTTP app over a TestWeir, for route tests (inject) and browser tests (listen). */
export async function testApp(weir: TestWeir, options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({ services: weir.services, logLevel: 'silent', sessionTtlMs: 3_600_000, ...options });
}
