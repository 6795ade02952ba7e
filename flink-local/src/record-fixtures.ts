// Records real JobManager REST and SQL Gateway REST v3 responses from a local Flink into
// flink-local/fixtures/<version>/ (for the simulated JobManager and typed-client unit tests).
// Run once per version: npx tsx flink-local/src/record-fixtures.ts [--flink-version 2.3.0]
//   [--rest-port 18381 --rpc-port 16423 --gateway-port 18383]
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_FLINK_VERSION, ensureFlinkDistribution, flinkVersionProfile, startLocalFlink } from './index.js';
import { call, GatewaySession, ok, sleep, uploadJar, waitFor, waitForJobState } from './rest-helpers.js';

const { values: args } = parseArgs({
  options: {
    'flink-version': { type: 'string', default: DEFAULT_FLINK_VERSION },
    'rest-port': { type: 'string', default: '18381' },
    'rpc-port': { type: 'string', default: '16423' },
    'gateway-port': { type: 'string', default: '18383' },
  },
});
const VERSION = flinkVersionProfile(args['flink-version']).version;
const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', VERSION);
const log = (l: string): void => console.log(`[record] ${l}`);

interface Fixture {
  description: string;
  request: { method: string; url: string; body?: unknown };
  status: number;
  body: unknown;
  /** Present only when the body does not survive JSON.parse/stringify unchanged (e.g. 9223372036854775807). */
  rawBody?: string;
}

const written: string[] = [];
function save(name: string, description: string, method: string, url: string, status: number, body: unknown, reqBody?: unknown, text?: string): void {
  const path = new URL(url).pathname + new URL(url).search;
  const f: Fixture = { description, request: { method, url: path, ...(reqBody !== undefined ? { body: reqBody } : {}) }, status, body };
  if (text !== undefined && typeof body !== 'string' && JSON.stringify(body) !== text) f.rawBody = text;
  const file = join(OUT, `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(f, null, 2) + '\n');
  written.push(name);
}

async function rec(name: string, description: string, method: string, url: string, reqBody?: unknown): Promise<any> {
  const r = await call(method, url, reqBody);
  save(name, description, method, url, r.status, r.body, reqBody, r.text);
  return r.body;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  const dist = await ensureFlinkDistribution({ version: VERSION, log });
  const dataDir = mkdtempSync(join(tmpdir(), 'weir-flink-fixtures-'));
  const ports = { restPort: Number(args['rest-port']), rpcPort: Number(args['rpc-port']), gatewayPort: Number(args['gateway-port']) };
  const cluster = await startLocalFlink({ dataDir, distribution: dist, ...ports, log });
  const profile = flinkVersionProfile(dist.version);
  const R = cluster.restUrl;
  const G = cluster.gatewayUrl!;
  try {
    await rec('rest/overview', 'GET /overview, idle cluster with 1 TM (4 slots)', 'GET', `${R}/overview`);
    await rec('rest/config', 'GET /config (dashboard config)', 'GET', `${R}/config`);
    await rec('rest/taskmanagers', 'GET /taskmanagers, one TM with taskmanager.resource-id=tm-1', 'GET', `${R}/taskmanagers`);
    await rec('rest/jobmanager-config', 'GET /jobmanager/config', 'GET', `${R}/jobmanager/config`);
    await rec('rest/jobs-overview-empty', 'GET /jobs/overview before any job', 'GET', `${R}/jobs/overview`);
    await rec('rest/error-unknown-job', 'GET /jobs/:jid for a job id that does not exist', 'GET', `${R}/jobs/00000000000000000000000000000000`);
    await rec('rest/error-not-found', 'GET of an unknown REST path', 'GET', `${R}/no/such/path`);
    await rec('gateway/info', 'GET /v3/info', 'GET', `${G}/v3/info`);
    await rec('gateway/api-versions', 'GET /api_versions', 'GET', `${G}/api_versions`);
    if (profile.major >= 2) {
      // Only 2.x: the application layer above jobs, and the gateway's V4.
      await rec('rest/applications-overview-empty', 'GET /applications/overview before any job (2.x only)', 'GET', `${R}/applications/overview`);
      await rec('gateway/info-v4', 'GET /v4/info (2.x only)', 'GET', `${G}/v4/info`);
    }

    // ---- SQL Gateway: session + streaming INSERT with checkpointing
    const openReq = { sessionName: 'weir-fixtures', properties: { 'execution.runtime-mode': 'streaming' } };
    const opened = await rec('gateway/session-open', 'POST /v3/sessions', 'POST', `${G}/v3/sessions`, openReq);
    const s = new GatewaySession(G, opened.sessionHandle, opened);
    await rec('gateway/session-get', 'GET /v3/sessions/:sh (session properties)', 'GET', s.base);

    async function statement(prefix: string, stmt: string, describe: string): Promise<{ oh: string; jobId?: string }> {
      const sub = await rec(`gateway/${prefix}-submit`, `POST statements: ${describe}`, 'POST', `${s.base}/statements`, { statement: stmt });
      const oh: string = sub.operationHandle;
      await rec(`gateway/${prefix}-status-early`, `GET operation status right after submit: ${describe}`, 'GET', `${s.base}/operations/${oh}/status`);
      let token: string | null = `${s.base}/operations/${oh}/result/0?rowFormat=JSON`;
      let page = 0;
      let sawNotReady = false;
      let jobId: string | undefined;
      while (token) {
        const r: { status: number; body: any; text: string } = await call('GET', token);
        if (r.status !== 200) {
          save(`gateway/${prefix}-result-error`, `GET result (token 0) of a failing statement: ${describe}`, 'GET', token, r.status, r.body, undefined, r.text);
          break;
        }
        if (r.body.resultType === 'NOT_READY') {
          if (!sawNotReady) save(`gateway/${prefix}-result-not-ready`, `GET result while NOT_READY: ${describe}`, 'GET', token, r.status, r.body);
          sawNotReady = true;
          await sleep(200);
          continue;
        }
        save(`gateway/${prefix}-result-${page}`, `GET result page ${page} (${r.body.resultType}): ${describe}`, 'GET', token, r.status, r.body, undefined, r.text);
        if (r.body.jobID) jobId = r.body.jobID;
        if (r.body.resultType === 'EOS') break;
        token = r.body.nextResultUri ? `${G}${r.body.nextResultUri}` : null;
        page++;
      }
      await rec(`gateway/${prefix}-status-final`, `GET operation status at the end: ${describe}`, 'GET', `${s.base}/operations/${oh}/status`);
      return { oh, ...(jobId ? { jobId } : {}) };
    }

    await statement('create-table', `CREATE TABLE src (id BIGINT, name STRING, ts AS LOCALTIMESTAMP, WATERMARK FOR ts AS ts) WITH ('connector'='datagen', 'rows-per-second'='5')`, 'CREATE TABLE (datagen)');
    await s.run(`CREATE TABLE snk (id BIGINT, name STRING, ts TIMESTAMP(3)) WITH ('connector'='blackhole')`);
    await statement('set', `SET 'execution.checkpointing.interval' = '2s'`, "SET 'execution.checkpointing.interval' = '2s'");
    await s.run(`SET 'pipeline.name' = 'weir-fixture-streaming'`);
    const insert = await statement('insert', `INSERT INTO snk SELECT * FROM src`, 'INSERT INTO (streaming, starts a job)');
    await statement('error-syntax', `SELECT *\nFROM WHERE x`, 'syntax error on line 2');
    await statement('error-validation', `SELECT * FROM nosuch`, 'validation error (unknown table)');
    await statement('show-tables', `SHOW TABLES`, 'SHOW TABLES (query-like result with rows)');

    const jid = insert.jobId!;
    await waitForJobState(R, jid, ['RUNNING']);
    await waitFor('tasks RUNNING', 60_000, async () => {
      const j = await ok('GET', `${R}/jobs/${jid}`);
      return j.vertices.every((v: any) => v.status === 'RUNNING') ? true : undefined;
    });
    await waitFor('2 completed checkpoints', 60_000, async () => {
      const c = await ok('GET', `${R}/jobs/${jid}/checkpoints`);
      return c.counts.completed >= 2 ? true : undefined;
    });
    await sleep(2500); // let metrics.fetcher pick up numbers

    // ---- a bounded jar job (WordCount) for "finished"
    const up = await uploadJar(R, dist.examples.wordCount);
    save('rest/jars-upload', 'POST /jars/upload (multipart field jarfile)', 'POST', `${R}/jars/upload`, 200, { filename: up.filename, status: up.status });
    await rec('rest/jars', 'GET /jars after one upload', 'GET', `${R}/jars`);
    const run = await rec('rest/jars-run', 'POST /jars/:id/run with {} (WordCount, built-in data)', 'POST', `${R}/jars/${up.jarId}/run`, {});
    const wcJid: string = run.jobid;
    await waitForJobState(R, wcJid, ['FINISHED']);

    // ---- a SQL job that fails at runtime (exceptions history)
    await s.run(`SET 'pipeline.name' = 'weir-fixture-failing'`);
    await s.run(`SET 'execution.checkpointing.interval' = '0'`).catch(() => undefined);
    await s.run(`RESET 'execution.checkpointing.interval'`);
    await s.run(`SET 'restart-strategy.type' = 'fixed-delay'`);
    await s.run(`SET 'restart-strategy.fixed-delay.attempts' = '1'`);
    await s.run(`CREATE TABLE bad_src (s STRING) WITH ('connector'='datagen', 'rows-per-second'='5', 'fields.s.length'='3')`);
    await s.run(`CREATE TABLE bad_snk (i INT) WITH ('connector'='blackhole')`);
    const failing = await s.run(`INSERT INTO bad_snk SELECT CAST(s AS INT) FROM bad_src`);
    const failedJid = failing.jobId!;
    await waitForJobState(R, failedJid, ['FAILED'], 90_000).catch(async (e) => {
      log(`failing job did not fail: ${String(e)}`);
    });

    // ---- job-level recordings (streaming job still RUNNING)
    await rec('rest/jobs-overview', 'GET /jobs/overview with a RUNNING streaming job, a FINISHED jar job and a FAILED SQL job', 'GET', `${R}/jobs/overview`);
    await rec('rest/jobs', 'GET /jobs', 'GET', `${R}/jobs`);
    await rec('rest/overview-with-jobs', 'GET /overview with jobs', 'GET', `${R}/overview`);
    if (profile.major >= 2) {
      await rec('rest/applications-overview', 'GET /applications/overview with the three jobs (2.x only)', 'GET', `${R}/applications/overview`);
    }
    const job = await rec('rest/job-running', 'GET /jobs/:jid, streaming SQL job RUNNING (checkpointing 2s)', 'GET', `${R}/jobs/${jid}`);
    await rec('rest/job-finished', 'GET /jobs/:jid, WordCount FINISHED', 'GET', `${R}/jobs/${wcJid}`);
    await rec('rest/job-failed', 'GET /jobs/:jid, SQL job FAILED by a runtime CAST error', 'GET', `${R}/jobs/${failedJid}`);
    await rec('rest/job-status', 'GET /jobs/:jid/status', 'GET', `${R}/jobs/${jid}/status`);
    await rec('rest/job-exceptions-running', 'GET /jobs/:jid/exceptions, healthy job', 'GET', `${R}/jobs/${jid}/exceptions`);
    await rec('rest/job-exceptions-failed', 'GET /jobs/:jid/exceptions?maxExceptions=10, failed job', 'GET', `${R}/jobs/${failedJid}/exceptions?maxExceptions=10`);
    const cps = await rec('rest/job-checkpoints', 'GET /jobs/:jid/checkpoints (>= 2 completed)', 'GET', `${R}/jobs/${jid}/checkpoints`);
    await rec('rest/job-checkpoints-config', 'GET /jobs/:jid/checkpoints/config (interval 2s)', 'GET', `${R}/jobs/${jid}/checkpoints/config`);
    await rec('rest/job-checkpoints-config-disabled', 'GET /jobs/:jid/checkpoints/config for a job without checkpointing (WordCount)', 'GET', `${R}/jobs/${wcJid}/checkpoints/config`);
    await rec('rest/job-checkpoints-disabled', 'GET /jobs/:jid/checkpoints for a job without checkpointing (WordCount)', 'GET', `${R}/jobs/${wcJid}/checkpoints`);
    const latestId = cps?.latest?.completed?.id;
    if (latestId !== undefined) {
      await rec('rest/job-checkpoint-details', 'GET /jobs/:jid/checkpoints/details/:cpid', 'GET', `${R}/jobs/${jid}/checkpoints/details/${latestId}`);
    }
    await rec('rest/job-config', 'GET /jobs/:jid/config', 'GET', `${R}/jobs/${jid}/config`);
    await rec('rest/job-plan', 'GET /jobs/:jid/plan', 'GET', `${R}/jobs/${jid}/plan`);
    const vid: string = job.vertices[0].id;
    await rec('rest/job-vertex', 'GET /jobs/:jid/vertices/:vid', 'GET', `${R}/jobs/${jid}/vertices/${vid}`);
    const names = await rec('rest/job-vertex-metrics', 'GET /jobs/:jid/vertices/:vid/metrics (names only)', 'GET', `${R}/jobs/${jid}/vertices/${vid}/metrics`);
    const pick = (names as Array<{ id: string }>).map((m) => m.id).filter((id) => /^0\.(numRecordsOut|numRecordsOutPerSecond|busyTimeMsPerSecond|backPressuredTimeMsPerSecond|currentOutputWatermark)$/.test(id));
    await rec('rest/job-vertex-metrics-get', 'GET /jobs/:jid/vertices/:vid/metrics?get=... (values are strings)', 'GET', `${R}/jobs/${jid}/vertices/${vid}/metrics?get=${pick.join(',')}`);
    await rec('rest/job-vertex-subtasks-metrics-agg', 'GET /jobs/:jid/vertices/:vid/subtasks/metrics?get=numRecordsOut&agg=min,max,sum,avg', 'GET', `${R}/jobs/${jid}/vertices/${vid}/subtasks/metrics?get=numRecordsOut&agg=min,max,sum,avg`);
    await rec('rest/job-vertex-watermarks', 'GET /jobs/:jid/vertices/:vid/watermarks', 'GET', `${R}/jobs/${jid}/vertices/${vid}/watermarks`);
    await rec('rest/job-vertex-backpressure', 'GET /jobs/:jid/vertices/:vid/backpressure (first call)', 'GET', `${R}/jobs/${jid}/vertices/${vid}/backpressure`);
    await rec('rest/jobmanager-metrics', 'GET /jobmanager/metrics (names)', 'GET', `${R}/jobmanager/metrics`);
    await rec('rest/jobmanager-logs', 'GET /jobmanager/logs', 'GET', `${R}/jobmanager/logs`);
    await rec('rest/taskmanager-detail', 'GET /taskmanagers/tm-1', 'GET', `${R}/taskmanagers/tm-1`);

    // ---- savepoint + cancel
    const trig = await rec('rest/savepoint-trigger', 'POST /jobs/:jid/savepoints (target-directory omitted: uses execution.checkpointing.savepoint-dir)', 'POST', `${R}/jobs/${jid}/savepoints`, { 'cancel-job': false });
    const sp = await waitFor('savepoint', 60_000, async () => {
      const r = await ok('GET', `${R}/jobs/${jid}/savepoints/${trig['request-id']}`);
      return r.status.id === 'COMPLETED' ? r : undefined;
    });
    save('rest/savepoint-status-completed', 'GET /jobs/:jid/savepoints/:triggerid once COMPLETED', 'GET', `${R}/jobs/${jid}/savepoints/${trig['request-id']}`, 200, sp);
    await rec('rest/job-cancel', 'PATCH /jobs/:jid?mode=cancel', 'PATCH', `${R}/jobs/${jid}?mode=cancel`);
    await waitForJobState(R, jid, ['CANCELED']);
    await rec('rest/job-canceled', 'GET /jobs/:jid after cancel', 'GET', `${R}/jobs/${jid}`);
    await rec('gateway/session-close', 'DELETE /v3/sessions/:sh', 'DELETE', s.base);

    writeFileSync(
      join(OUT, 'README.md'),
      `# Recorded Flink ${dist.version} responses\n\n` +
        `Recorded ${new Date().toISOString()} by \`npx tsx flink-local/src/record-fixtures.ts\` from a real local cluster ` +
        `(JobManager REST ${R}, SQL Gateway ${G}). Each file: \`{ description, request: { method, url, body? }, status, body }\`; ` +
        `bodies are verbatim (ids, timestamps and ports are those of the recording run). Where JSON.parse would change a value ` +
        `(Flink sends Long.MAX_VALUE = 9223372036854775807 as checkpoint interval when checkpointing is off), \`rawBody\` holds the exact text.\n\n` +
        written.map((n) => `- \`${n}.json\``).join('\n') + '\n',
    );
    log(`wrote ${written.length} fixtures to ${OUT}`);
  } finally {
    await cluster.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
