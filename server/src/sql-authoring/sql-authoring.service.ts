import { createHash, randomUUID } from 'node:crypto';
import {
  SQL_PREVIEW_DEFAULT_ROWS,
  SQL_PREVIEW_DEFAULT_SECONDS,
  SQL_PREVIEW_MAX_ROWS,
  SQL_PREVIEW_MAX_SECONDS,
  TERMINAL_RUN_STATUSES,
  type SqlCatalog,
  type SqlPreview,
  type SqlPreviewEvent,
  type SqlPreviewRequest,
  type SqlProblem,
  type SqlSyntaxCheck,
  type SqlValidation,
} from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import type { Principal } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { FlinkRejectedError, InputError } from '../errors/errors.js';
import { readCatalogs } from '../flink/sql-catalog.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import type { SqlGatewayClient } from '../flink/sql-gateway.client.js';
import { jobConfiguration } from '../tasks/job-configuration.js';
import { executeInScript, validateScript } from '../tasks/script-validation.js';
import { isSecretOption, MASK } from '../tasks/sql-secrets.js';
import { JOB_KINDS, splitScript } from '../tasks/sql-script.js';
import { asTyped, planSubmission, ScriptPlanError } from '../tasks/gateway-statements.js';
import { parseConfig } from '../tasks/task-config.js';
import type { TaskRecord } from '../tasks/tasks.store.js';
import { CatalogCache } from './catalog-cache.js';
import { PreviewSlots, type PreviewLimits } from './preview-slots.js';
import { problemOfPlan, problemOfRejection, syntaxProblems } from './sql-problem.js';

/** Per statement; the planner's first statement in a session takes seconds. */
const STATEMENT_TIMEOUT_MS = 60_000;
/** The rows a preview keeps, as JSON: a wide table of long strings stays well inside one answer. */
const PREVIEW_MAX_BYTES = 2_000_000;
/** How long a cancelled preview job may take to leave Flink's list of running jobs before Weir says so. */
const JOB_END_WAIT_MS = 20_000;
const CATALOG_LIMITS = { maxCatalogs: 10, maxDatabases: 50, maxTables: 200, timeoutMs: STATEMENT_TIMEOUT_MS };
/**
 * How long a catalog listing is answered from memory: long enough that opening the editor again,
 * or several people opening one task, reads the gateway once; short enough that a table created
 * outside Weir shows up while one is still writing the statement that uses it.
 */
const CATALOG_TTL_MS = 30_000;

/**
 * Authoring help for a FlinkSQL task, all through the task's cluster's SQL Gateway in a session of
 * its own that is closed however the call ends: validation with Flink's plan, the catalogs the
 * script sees, and a bounded preview of a query's rows whose job is always cancelled.
 */
export class SqlAuthoringService {
  constructor(
    private readonly deps: {
      task: (id: string) => Promise<TaskRecord>;
      clusters: ClustersService;
      flink: FlinkClients;
      audit: AuditService;
      log?: { warn(o: unknown, m: string): void };
      /** How many previews run at once, per user or token and per cluster (DEFAULT_PREVIEW_LIMITS when unset). */
      previewLimits?: PreviewLimits;
    },
  ) {
    this.previewSlots = new PreviewSlots(deps.previewLimits);
  }

  private readonly previewSlots: PreviewSlots;

  private readonly catalogs = new CatalogCache<SqlCatalog>({ ttlMs: CATALOG_TTL_MS, maxEntries: 100 });

  /** The script's syntax problems as lineage reads it (see syntaxProblems). */
  async syntax(script: string): Promise<SqlSyntaxCheck> {
    return { problems: await syntaxProblems(script) };
  }

  /** Whether the script would run: Flink validates every statement and explains the job statement, starting nothing. */
  async validate(taskId: string, script: string | undefined): Promise<SqlValidation> {
    const { task, cluster, text, gateway } = await this.context(taskId, script);
    let plan;
    try {
      plan = planSubmission(text);
    } catch (err) {
      if (err instanceof ScriptPlanError) return { valid: false, plan: null, problem: problemOfPlan(err.problem) };
      throw err;
    }
    try {
      const explained = await validateScript(gateway, text, plan, this.session(task, 'validate'));
      return { valid: true, plan: explained, problem: null };
    } catch (err) {
      const problem = problemOfRejection(err);
      if (problem) return { valid: false, plan: null, problem };
      throw err;
    } finally {
      // Validating runs the script's DDL: a CREATE in a catalog that outlives the session (Hive,
      // JDBC) changed what every script on the cluster sees.
      if (plan.setup.some((s) => s.kind === 'DDL')) this.catalogs.forgetCluster(cluster.id);
    }
  }

  /**
   * What the script's session sees once the script's statements that start no job have run
   * (so the tables it creates are listed). Kept a short while per cluster and script (see
   * CatalogCache) unless `refresh`; connector credentials are masked unless `seesSecrets`.
   */
  async catalog(taskId: string, script: string | undefined, seesSecrets: boolean, opts: { refresh?: boolean } = {}): Promise<SqlCatalog> {
    const { task, cluster, text, gateway } = await this.context(taskId, script);
    const session = this.session(task, 'catalog');
    const key = createHash('sha256').update(JSON.stringify([cluster.gatewayUrl, session.properties, text])).digest('hex');
    const listing = await this.catalogs.get(cluster.id, key, async () => {
      const handle = await gateway.openSession(session.name, session.properties);
      try {
        const problem = await this.runSetup(gateway, handle, text);
        return { ...(await readCatalogs(gateway, handle, CATALOG_LIMITS)), problem, listedAt: Date.now() };
      } finally {
        await gateway.closeSession(handle).catch(() => undefined);
      }
    }, opts);
    // A copy: the kept listing is shared by every caller, and each sees credentials or not.
    const copy = structuredClone(listing);
    if (!seesSecrets) {
      for (const table of copy.catalogs.flatMap((c) => c.databases.flatMap((d) => d.tables))) {
        for (const name of Object.keys(table.options)) if (isSecretOption(name)) table.options[name] = MASK;
      }
    }
    return copy;
  }

  /**
   * Runs one query after the script's statements that start no job and returns its first rows
   * (collected from the stream `streamPreview` gives).
   */
  async preview(actor: Principal, taskId: string, req: SqlPreviewRequest, signal?: AbortSignal): Promise<SqlPreview> {
    const columns: SqlPreview['columns'] = [];
    const rows: SqlPreview['rows'] = [];
    let limits = { maxRows: 0, timeoutSeconds: 0 };
    const end = await this.streamPreview(actor, taskId, req, signal, (event) => {
      if (event.type === 'started') limits = { maxRows: event.maxRows, timeoutSeconds: event.timeoutSeconds };
      else if (event.type === 'columns') columns.push(...event.columns);
      else if (event.type === 'rows') rows.push(...event.rows);
    });
    return { columns, rows, stoppedBy: end.stoppedBy, jobId: end.jobId, jobEnded: end.jobEnded, ...limits };
  }

  /**
   * Runs one query after the script's statements that start no job and hands its rows to `emit`
   * page by page, as the gateway yields them. The server's caps bound rows, bytes and time whatever
   * the request asks; `signal` stops it early (the user pressed Stop, the page went away). However it
   * ends, the gateway operation is closed, the query's Flink job cancelled, and Weir waits until
   * Flink's job list shows it ended. Errors found before the query runs (the script, the query's
   * form) are thrown before anything is emitted. Audited, since it starts a job on the cluster.
   */
  async streamPreview(
    actor: Principal,
    taskId: string,
    req: SqlPreviewRequest,
    signal: AbortSignal | undefined,
    emit: (event: Exclude<SqlPreviewEvent, { type: 'end' | 'error' | 'alive' }>) => void,
  ): Promise<Extract<SqlPreviewEvent, { type: 'end' }>> {
    const { task, text, gateway, cluster } = await this.context(taskId, req.script);
    const query = singleQuery(req.query);
    const maxRows = Math.min(req.maxRows ?? SQL_PREVIEW_DEFAULT_ROWS, SQL_PREVIEW_MAX_ROWS);
    const timeoutSeconds = Math.min(req.timeoutSeconds ?? SQL_PREVIEW_DEFAULT_SECONDS, SQL_PREVIEW_MAX_SECONDS);
    const jobName = `weir-preview-${task.name}-${randomUUID().slice(0, 8)}`;
    const detail: Record<string, unknown> = { maxRows, timeoutSeconds, jobName };
    let jobEnded = false;
    // Each preview is a job on the cluster: a user, and the cluster, get a few at once (429 beyond).
    const release = this.previewSlots.take(actor, cluster.id, cluster.name);
    const end = await this.deps.audit.around(actor, 'task.preview', { type: 'task', id: task.id, name: task.name }, async () => {
      const session = this.session(task, 'preview', { 'pipeline.name': jobName });
      // A preview keeps no state worth restoring: no checkpoints, nothing retained after the cancel.
      delete session.properties['execution.checkpointing.interval'];
      delete session.properties['execution.checkpointing.externalized-checkpoint-retention'];
      const handle = await gateway.openSession(session.name, session.properties);
      let operation: string | null = null;
      let jobId: string | null = null;
      try {
        const problem = await this.runSetup(gateway, handle, text);
        if (problem) throw new InputError(`Flink rejects statement ${(problem.statementIndex ?? 0) + 1} of the script (line ${problem.line}, column ${problem.column}): ${problem.message}`, problem);
        const deadline = Date.now() + timeoutSeconds * 1000;
        try {
          operation = await gateway.submitStatement(handle, query.text);
          emit({ type: 'started', maxRows, timeoutSeconds });
          let columnsSent = false;
          const read = await gateway.readRows(handle, operation, {
            maxRows,
            maxBytes: PREVIEW_MAX_BYTES,
            deadline,
            signal,
            onJobId: (id) => {
              jobId = id;
              detail.jobId = id;
              emit({ type: 'job', jobId: id });
            },
            onRows: (rows, columns) => {
              if (!columnsSent) emit({ type: 'columns', columns });
              columnsSent = true;
              emit({ type: 'rows', rows });
            },
          });
          if (!columnsSent && read.columns.length) emit({ type: 'columns', columns: read.columns });
          detail.rows = read.rowCount;
          detail.stoppedBy = read.stoppedBy;
          return { type: 'end' as const, stoppedBy: read.stoppedBy, rowCount: read.rowCount, jobId: read.jobId };
        } catch (err) {
          if (!(err instanceof FlinkRejectedError)) throw err;
          const details = err.details as { message?: string; position?: { line: number; column: number } | null } | undefined;
          const at = asTyped(query).toScript(details?.position ?? { line: 1, column: 1 });
          const message = details?.message ?? err.message;
          throw new InputError(`Flink rejects the query (line ${at.line}, column ${at.column}): ${message}`, { message, line: at.line, column: at.column, endLine: null, endColumn: null, statementIndex: null } satisfies SqlProblem);
        }
      } finally {
        if (operation) await gateway.closeOperation(handle, operation).catch(() => undefined);
        jobEnded = await this.endPreviewJob(this.deps.flink.jobManager(cluster), jobId, jobName);
        detail.jobEnded = jobEnded;
        await gateway.closeSession(handle).catch(() => undefined);
      }
    }, detail).finally(release);
    return { ...end, jobEnded };
  }

  /**
   * Cancels the preview's job and waits until Flink lists it as ended. Closing the gateway's
   * operation already cancels a query's job; the JobManager is asked as well, by id, or by the
   * job's unique name when the gateway never said the id (reading failed before it did).
   */
  private async endPreviewJob(jm: JobManagerClient, jobId: string | null, jobName: string): Promise<boolean> {
    const deadline = Date.now() + JOB_END_WAIT_MS;
    const terminal = TERMINAL_RUN_STATUSES as readonly string[];
    let asked = new Set<string>();
    for (;;) {
      let running: string[];
      try {
        running = (await jm.jobsOverview()).filter((j) => (j.jid === jobId || j.name === jobName) && !terminal.includes(j.state)).map((j) => j.jid);
      } catch (err) {
        this.deps.log?.warn({ err, jobName }, 'could not read the job list to confirm a preview job ended');
        return false;
      }
      if (!running.length) return true;
      for (const id of running.filter((x) => !asked.has(x))) {
        await jm.cancel(id).catch((err: unknown) => this.deps.log?.warn({ err, jobId: id }, 'could not cancel a preview job'));
      }
      asked = new Set([...asked, ...running]);
      if (Date.now() > deadline) {
        this.deps.log?.warn({ jobName, running }, 'a cancelled preview job is still listed as running');
        return false;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Runs the script's statements that start no job, in order; the first one Flink refuses is returned as a problem. */
  private async runSetup(gateway: SqlGatewayClient, session: string, script: string): Promise<SqlProblem | null> {
    const { statements, problems } = splitScript(script);
    for (const statement of statements) {
      if (JOB_KINDS.has(statement.kind)) continue;
      try {
        await executeInScript(gateway, session, script, asTyped(statement));
      } catch (err) {
        const problem = problemOfRejection(err);
        if (problem) return problem;
        throw err;
      }
    }
    return problems[0] ? problemOfPlan(problems[0]) : null;
  }

  private async context(taskId: string, script: string | undefined) {
    const task = await this.deps.task(taskId);
    if (task.kind !== 'SQL') throw new InputError(`Task ${task.name} is not a FlinkSQL task`);
    const cluster = await this.deps.clusters.get(task.clusterId);
    if (!cluster.gatewayUrl) throw new InputError(`Cluster ${cluster.name} has no SQL Gateway address; add one to the cluster to validate, browse or preview SQL`);
    return { task, cluster, text: script ?? task.draftContent, gateway: this.deps.flink.sqlGateway(cluster) };
  }

  /** A session configured as the task's job would be, so the planner accepts what the job would. */
  private session(task: TaskRecord, purpose: string, extra: Record<string, string> = {}) {
    const config = { ...parseConfig(task.draftConfig), executionMode: task.executionMode };
    return { name: `weir-${purpose}-${task.name}`, properties: jobConfiguration(config, { 'pipeline.name': task.name, ...extra }) };
  }
}

/** The preview's query, which must be one SELECT, WITH or VALUES statement. */
function singleQuery(text: string) {
  const { statements, problems } = splitScript(text);
  if (problems[0]) throw new InputError(`The query cannot be read: ${problems[0].message} (line ${problems[0].line}, column ${problems[0].column})`, problemOfPlan(problems[0]));
  if (statements.length !== 1 || statements[0]!.kind !== 'QUERY') {
    throw new InputError('A preview runs exactly one SELECT (or WITH … SELECT, VALUES) statement');
  }
  return statements[0]!;
}
