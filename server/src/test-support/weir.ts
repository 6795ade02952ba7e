import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config/config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrations/index.js';
import { createServices, type Services, type ServicesConfig } from '../services.js';

export interface TestWeir {
  services: Services;
  database: Database;
  dataDir: string;
  /** Stops background work and closes the database (the files stay, for a restart). */
  stop(): Promise<void>;
}

/** A Weir core (services, no HTTP) over a database of its own; start again on the same dataDir to test restarts. */
export async function startTestWeir(opts: { dataDir?: string; databaseUrl?: string; config?: Partial<ServicesConfig>; background?: boolean } = {}): Promise<TestWeir> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'weir-test-'));
  const database = await openDatabase(opts.databaseUrl ?? `sqlite:${path.join(dataDir, 'weir.db')}`);
  await migrateToLatest(database);
  const defaults = loadConfig({ WEIR_DATA_DIR: dataDir });
  const services = createServices(database, {
    ...defaults,
    sessionTtlMs: 3_600_000,
    flinkTimeoutMs: 2_000,
    clusterCheckIntervalMs: 2_000,
    checkpointPollMs: 1_000,
    watcher: { intervalMs: 300, reconnectAttempts: 3, reconnectWindowMs: 1_500, probeTimeoutMs: 500, lostAfterMs: 1_000 },
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

/** The HTTP app over a TestWeir, for route tests (inject) and browser tests (listen). */
export async function testApp(weir: TestWeir): Promise<FastifyInstance> {
  return buildApp({ services: weir.services, logLevel: 'silent', sessionTtlMs: 3_600_000 });
}
