import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_FLINK_VERSION, ensureFlinkDistribution, startLocalFlink, type LocalFlinkCluster, type LocalFlinkOptions } from '@weir/flink-local';
import { JobManagerClient } from '../flink/job-manager.client.js';
import { SqlGatewayClient } from '../flink/sql-gateway.client.js';

export interface TestFlink {
  restUrl: string;
  gatewayUrl: string;
  examples: { wordCount: string; topSpeedWindowing: string };
  jm: JobManagerClient;
  gateway: SqlGatewayClient;
  /** Only for clusters this test started itself (so it may kill their processes). */
  cluster?: LocalFlinkCluster;
  /** Stops the cluster when this test started it; the shared one is left alone. Call from an after() hook. */
  stop(): Promise<void>;
}

/**
 * The Flink version under test: `npm test` runs the integration phase once per version and says
 * which in WEIR_TEST_FLINK_VERSION, so that example jars and clusters of a test's own match the
 * shared cluster. Tests never compare against a version string; they read the cluster's.
 */
export const TEST_FLINK_VERSION = process.env.WEIR_TEST_FLINK_VERSION || DEFAULT_FLINK_VERSION;

function testDistribution() {
  return ensureFlinkDistribution({ version: TEST_FLINK_VERSION });
}

function clients(restUrl: string, gatewayUrl: string) {
  return {
    jm: new JobManagerClient({ baseUrl: restUrl, timeoutMs: 10_000 }),
    gateway: new SqlGatewayClient({ baseUrl: gatewayUrl, timeoutMs: 10_000 }),
  };
}

/**
 * The shared test cluster `npm test` starts (WEIR_TEST_FLINK_*), or, when a test
 * file runs on its own, a cluster started for it. Never a skip: no Flink fails.
 */
export async function sharedTestFlink(): Promise<TestFlink> {
  const restUrl = process.env.WEIR_TEST_FLINK_REST;
  const gatewayUrl = process.env.WEIR_TEST_FLINK_GATEWAY;
  const distribution = await testDistribution();
  if (restUrl && gatewayUrl) return { restUrl, gatewayUrl, examples: distribution.examples, ...clients(restUrl, gatewayUrl), stop: async () => undefined };
  return ownTestFlink({ restPort: 18081, rpcPort: 16123, gatewayPort: 18083, slotsPerTaskManager: 8 });
}

/** A cluster of this test's own, for tests that kill Flink processes; the caller stops it (after hook). */
export async function ownTestFlink(options: Omit<LocalFlinkOptions, 'dataDir'> & { dataDir?: string }): Promise<TestFlink> {
  const distribution = await testDistribution();
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'weir-flink-'));
  const cluster = await startLocalFlink({ distribution, ...options, dataDir });
  const gatewayUrl = cluster.gatewayUrl ?? '';
  return { restUrl: cluster.restUrl, gatewayUrl, examples: distribution.examples, cluster, ...clients(cluster.restUrl, gatewayUrl), stop: () => cluster.stop() };
}

/** Runs a script of statements in a fresh gateway session; returns the job ids it submitted. */
export async function runSql(flink: TestFlink, statements: string[], properties: Record<string, string> = {}): Promise<string[]> {
  const session = await flink.gateway.openSession(`weir-test-${process.pid}`, properties);
  const jobs: string[] = [];
  try {
    for (const statement of statements) {
      const result = await flink.gateway.execute(session, statement);
      if (result.jobId) jobs.push(result.jobId);
    }
  } finally {
    await flink.gateway.closeSession(session);
  }
  return jobs;
}

/** Uploads a jar and runs it; returns the job id. */
export async function runJar(flink: TestFlink, jarPath: string, opts: { args?: string[]; parallelism?: number } = {}): Promise<string> {
  const jarId = await flink.jm.uploadJar(path.basename(jarPath), new Uint8Array(fs.readFileSync(jarPath)));
  return flink.jm.runJar(jarId, { args: opts.args, parallelism: opts.parallelism });
}

/** A streaming datagen → blackhole job; tables are named per call so scripts never collide. */
export function streamingJobSql(name: string, opts: { rowsPerSecond?: number } = {}): string[] {
  return [
    `SET 'pipeline.name' = '${name}'`,
    `CREATE TEMPORARY TABLE src_${safe(name)} (id BIGINT, v STRING) WITH ('connector' = 'datagen', 'rows-per-second' = '${opts.rowsPerSecond ?? 5}')`,
    `CREATE TEMPORARY TABLE snk_${safe(name)} (id BIGINT, v STRING) WITH ('connector' = 'blackhole')`,
    `INSERT INTO snk_${safe(name)} SELECT id, v FROM src_${safe(name)}`,
  ];
}

/**
 * A streaming job that fails at run time on its first row (an integer division by zero), with
 * no restarts: INITIALIZING → CREATED → RUNNING → FAILING → FAILED within about a second.
 */
export function failingJobSql(name: string): string[] {
  const t = safe(name);
  return [
    `SET 'restart-strategy.type' = 'none'`,
    `SET 'pipeline.name' = '${name}'`,
    `CREATE TEMPORARY TABLE src_${t} (id BIGINT) WITH ('connector'='datagen','rows-per-second'='2','fields.id.kind'='sequence','fields.id.start'='1','fields.id.end'='1000000')`,
    `CREATE TEMPORARY TABLE snk_${t} (x BIGINT) WITH ('connector'='blackhole')`,
    `INSERT INTO snk_${t} SELECT 100 / (id - id) FROM src_${t}`,
  ];
}

/** The id in a checkpoint's path (`…/chk-42`). */
export function checkpointIdOf(checkpointPath: string): number {
  return Number(/chk-(\d+)$/.exec(checkpointPath)?.[1]);
}

/**
 * The ids of the checkpoints in a job's checkpoint folder (a `file:` path's folder on this
 * machine) that Flink completed, i.e. wrote their metadata, oldest first. What Flink kept is
 * read here, not from its REST answer, which it serves from a cache.
 */
export function completedCheckpointsOnDisk(checkpointDir: string): number[] {
  return fs
    .readdirSync(checkpointDir)
    .filter((name) => /^chk-\d+$/.test(name) && fs.existsSync(path.join(checkpointDir, name, '_metadata')))
    .map(checkpointIdOf)
    .sort((a, b) => a - b);
}

export function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_');
}

/**
 * Polls `probe` until it gives a value. undefined, null and false all mean "not yet": Flink
 * clients answer null for "nothing there" (no completed checkpoint, no restore), and a wait on
 * one of those must keep waiting, not return the null.
 */
export async function waitUntil<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined | null | false>, intervalMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
