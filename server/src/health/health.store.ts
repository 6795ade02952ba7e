import { sql, type Kysely, type Selectable } from 'kysely';
import {
  DEFAULT_AUTO_RESTART_POLICY,
  DEFAULT_HEALTH_CHECK_SETTINGS,
  TERMINAL_RUN_STATUSES,
  type AutoRestartAttempt,
  type AutoRestartPolicy,
  type HealthCheckName,
  type HealthCheckResult,
  type HealthCheckSettings,
  type HealthReason,
  HealthFinding,
} from '@weir/contract';
import type { Database } from '../db/database.js';
import type { RunRef } from '../events/events.js';
import { newId } from '../db/ids.js';
import { insertIfAbsent, upsert } from '../db/upsert.js';
import type { AutoRestartAttemptsTable, RunHealthTable, TaskHealthTable } from './health-tables.js';
import './health-tables.js';
import { countRestartsSince } from '../runs/runs.store.js';
import type { EndedStatus } from './health-score.js';
import { parseStoredJson } from '../db/stored-json.js';

export interface TaskHealthRecord {
  taskId: string;
  autoRestart: AutoRestartPolicy;
  checks: HealthCheckSettings;
  autoRestartState: TaskHealthTable['auto_restart_state'];
  autoRestartReason: string | null;
  autoRestartStateAt: number | null;
}

export interface StoredRunHealth {
  runId: string;
  taskId: string;
  score: number;
  reasons: HealthReason[];
  evaluatedAt: number;
  /** Set when this is the score the run ended with. */
  ended?: { status: EndedStatus; at: number } | null;
}

/** A run that ended and has no score of its end yet. */
export interface EndedRun {
  runId: string;
  taskId: string;
  status: EndedStatus;
  /** When it ended: Flink's end time, else when Weir last changed it. */
  endedAt: number;
}

/** A run the checks look at: not FINISHED, CANCELED or FAILED, and not lost. */
export interface CheckedRun {
  runId: string;
  taskId: string;
  clusterId: string;
  flinkJobId: string;
  /** The run's own JobManager (a YARN application's); null: its cluster's. */
  jobManagerUrl: string | null;
  status: string;
  /** When it first ran (RUNNING), else its start or creation. */
  firstRunningAt: number;
}

const TERMINAL = [...TERMINAL_RUN_STATUSES];

/** Ids per `in (…)`: well under every engine's limit on bound parameters. */
const IDS_PER_QUERY = 500;

function toEndedRun(row: { id: string; task_id: string; status: string; end_time: number | string | null; updated_at: number | string }): EndedRun {
  return { runId: row.id, taskId: row.task_id, status: row.status as EndedStatus, endedAt: Number(row.end_time ?? row.updated_at) };
}

/** Every query of job health: task settings and auto-restart state, attempts, check results, scores. */
export class HealthStore {
  constructor(
    private readonly database: Pick<Database, 'db' | 'dialect'>,
    private readonly now: () => number = Date.now,
  ) {}

  // --- per-task settings and auto-restart state ---

  async taskHealth(taskId: string): Promise<TaskHealthRecord> {
    const row = await this.database.db.selectFrom('task_health').selectAll().where('task_id', '=', taskId).executeTakeFirst();
    return toTaskHealth(taskId, row);
  }

  /** Tasks with auto-restart turned on. */
  async autoRestartTaskIds(): Promise<string[]> {
    const rows = await this.database.db.selectFrom('task_health').select(['task_id', 'auto_restart']).where('auto_restart', 'is not', null).execute();
    return rows.filter((row) => (JSON.parse(row.auto_restart!) as AutoRestartPolicy).enabled).map((row) => row.task_id);
  }

  /** Check settings of every task that has its own (the others use the defaults). */
  async checkSettingsByTask(): Promise<Map<string, HealthCheckSettings>> {
    const rows = await this.database.db.selectFrom('task_health').select(['task_id', 'checks']).where('checks', 'is not', null).execute();
    return new Map(rows.map((row) => [row.task_id, JSON.parse(row.checks!) as HealthCheckSettings]));
  }

  async savePolicy(taskId: string, policy: AutoRestartPolicy, by: string): Promise<void> {
    await this.ensureRow(taskId, by);
    // A saved policy is a fresh start: an operator looked at the task.
    await this.database.db
      .updateTable('task_health')
      .set({ auto_restart: JSON.stringify(policy), auto_restart_state: 'IDLE', auto_restart_reason: null, auto_restart_state_at: this.now(), updated_by: by, updated_at: this.now() })
      .where('task_id', '=', taskId)
      .execute();
  }

  async saveChecks(taskId: string, checks: HealthCheckSettings, by: string): Promise<void> {
    await this.ensureRow(taskId, by);
    await this.database.db.updateTable('task_health').set({ checks: JSON.stringify(checks), updated_by: by, updated_at: this.now() }).where('task_id', '=', taskId).execute();
  }

  /** Sets the auto-restart state; false when it already had it (so only one instance reports a change). */
  async setAutoRestartState(taskId: string, state: TaskHealthTable['auto_restart_state'], reason: string | null): Promise<boolean> {
    await this.ensureRow(taskId, 'system');
    const result = await this.database.db
      .updateTable('task_health')
      .set({ auto_restart_state: state, auto_restart_reason: reason, auto_restart_state_at: this.now() })
      .where('task_id', '=', taskId)
      .where('auto_restart_state', '!=', state)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private async ensureRow(taskId: string, by: string): Promise<void> {
    await insertIfAbsent(
      this.database,
      'task_health',
      { task_id: taskId, auto_restart: null, checks: null, auto_restart_state: 'IDLE', auto_restart_reason: null, auto_restart_state_at: null, updated_by: by, updated_at: this.now() },
      ['task_id'],
    );
  }

  // --- auto-restart attempts ---

  /** Records an attempt for a failed run unless one exists; exactly one racing caller gets it back. */
  async scheduleAttempt(a: { taskId: string; failedRunId: string; attempt: number; dueAt: number }): Promise<AutoRestartAttempt | undefined> {
    const row: Selectable<AutoRestartAttemptsTable> = {
      id: newId(this.now()),
      task_id: a.taskId,
      failed_run_id: a.failedRunId,
      new_run_id: null,
      attempt: a.attempt,
      state: 'SCHEDULED',
      due_at: a.dueAt,
      claimed_at: null,
      restored_from: null,
      error: null,
      created_at: this.now(),
    };
    return (await insertIfAbsent(this.database, 'auto_restart_attempts', row, ['failed_run_id'])) ? toAttempt(row) : undefined;
  }

  async attemptForFailedRun(failedRunId: string): Promise<AutoRestartAttempt | undefined> {
    const row = await this.database.db.selectFrom('auto_restart_attempts').selectAll().where('failed_run_id', '=', failedRunId).executeTakeFirst();
    return row && toAttempt(row);
  }

  async attemptForNewRun(newRunId: string): Promise<AutoRestartAttempt | undefined> {
    const row = await this.database.db.selectFrom('auto_restart_attempts').selectAll().where('new_run_id', '=', newRunId).executeTakeFirst();
    return row && toAttempt(row);
  }

  /** Attempts made for a task since `since` (all states: a failed submission used up its attempt too), except the one for `exceptFailedRunId`. */
  async attemptsSince(taskId: string, since: number, exceptFailedRunId?: string): Promise<number> {
    let query = this.database.db
      .selectFrom('auto_restart_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('task_id', '=', taskId)
      .where('created_at', '>=', since);
    if (exceptFailedRunId) query = query.where('failed_run_id', '!=', exceptFailedRunId);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async listAttempts(taskId: string, limit = 50): Promise<AutoRestartAttempt[]> {
    const rows = await this.database.db.selectFrom('auto_restart_attempts').selectAll().where('task_id', '=', taskId).orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toAttempt);
  }

  /**
   * Takes the due attempts for this instance: each is claimed by a conditional update, so two
   * instances never submit the same attempt. A claim older than `leaseMs` (its instance died) is taken over.
   */
  async claimDueAttempts(leaseMs: number): Promise<AutoRestartAttempt[]> {
    const now = this.now();
    const due = await this.database.db
      .selectFrom('auto_restart_attempts')
      .selectAll()
      .where('state', '=', 'SCHEDULED')
      .where('due_at', '<=', now)
      .orderBy('due_at')
      .limit(20)
      .execute();
    const claimed: AutoRestartAttempt[] = [];
    for (const row of due) {
      const result = await this.database.db
        .updateTable('auto_restart_attempts')
        .set({ claimed_at: now })
        .where('id', '=', row.id)
        .where('state', '=', 'SCHEDULED')
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', now - leaseMs)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) > 0) claimed.push(toAttempt({ ...row, claimed_at: now }));
    }
    return claimed;
  }

  /** Puts a claimed attempt back to wait until `dueAt`, saying why (it keeps its number: nothing was submitted). */
  async postponeAttempt(id: string, dueAt: number, reason: string): Promise<void> {
    await this.database.db.updateTable('auto_restart_attempts').set({ due_at: dueAt, claimed_at: null, error: reason }).where('id', '=', id).execute();
  }

  async finishAttempt(id: string, outcome: { state: 'SUBMITTED' | 'FAILED'; newRunId?: string | null; restoredFrom?: string | null; error?: string | null }): Promise<void> {
    await this.database.db
      .updateTable('auto_restart_attempts')
      .set({ state: outcome.state, new_run_id: outcome.newRunId ?? null, restored_from: outcome.restoredFrom ?? null, error: outcome.error ?? null })
      .where('id', '=', id)
      .execute();
  }

  // --- run links ---

  async setRestartedFrom(runId: string, failedRunId: string): Promise<void> {
    await this.runsWithLink().updateTable('runs').set({ restarted_from_run_id: failedRunId }).where('id', '=', runId).execute();
  }

  async restartLinks(runId: string): Promise<{ restartedFromRunId: string | null; restartedAsRunId: string | null }> {
    const db = this.runsWithLink();
    const from = await db.selectFrom('runs').select('restarted_from_run_id').where('id', '=', runId).executeTakeFirst();
    const as = await db.selectFrom('runs').select('id').where('restarted_from_run_id', '=', runId).orderBy('id').executeTakeFirst();
    return { restartedFromRunId: from?.restarted_from_run_id ?? null, restartedAsRunId: as?.id ?? null };
  }

  /**
   * Whether someone stopped the run on purpose: it went through CANCELLING, or an operation on it
   * (stop, cancel, savepoint-and-stop) was recorded in the audit log since `since`.
   */
  async stoppedOnPurpose(runId: string, since: number): Promise<boolean> {
    const cancelling = await this.database.db
      .selectFrom('run_transitions')
      .select('id')
      .where('run_id', '=', runId)
      .where('to_status', '=', 'CANCELLING')
      .executeTakeFirst();
    if (cancelling) return true;
    const operation = await this.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('target_id', '=', runId)
      .where('at', '>=', since)
      .where('outcome', '=', 'success')
      .where((eb) => eb.or([eb('action', 'like', '%stop%'), eb('action', 'like', '%cancel%')]))
      .executeTakeFirst();
    return Boolean(operation);
  }

  /** The names an event about a run carries. */
  async runRef(runId: string): Promise<RunRef | undefined> {
    const row = await this.database.db
      .selectFrom('runs')
      .innerJoin('tasks', 'tasks.id', 'runs.task_id')
      .leftJoin('clusters', 'clusters.id', 'runs.cluster_id')
      .select(['runs.id', 'runs.task_id', 'tasks.name as task_name', 'runs.cluster_id', 'clusters.name as cluster_name', 'runs.flink_job_id', 'runs.job_name'])
      .where('runs.id', '=', runId)
      .executeTakeFirst();
    return (
      row && {
        runId: row.id,
        taskId: row.task_id,
        taskName: row.task_name,
        clusterId: row.cluster_id,
        clusterName: row.cluster_name ?? row.cluster_id,
        flinkJobId: row.flink_job_id,
        jobName: row.job_name,
      }
    );
  }

  /** The runs table with the column this feature added to it. */
  private runsWithLink(): Kysely<{ runs: { id: string; restarted_from_run_id: string | null } }> {
    return this.database.db as unknown as Kysely<{ runs: { id: string; restarted_from_run_id: string | null } }>;
  }

  // --- check results and scores ---

  /**
   * Runs the checks look at, a page at a time in id order (`afterId` is the last id of the page
   * before): one query over every live run held SQLite, and so the server, for 0.4 s at 7,000 runs.
   */
  async checkedRuns(page: { afterId: string | null; limit: number }): Promise<CheckedRun[]> {
    let query = this.database.db
      .selectFrom('runs')
      .select(['runs.id', 'runs.task_id', 'runs.cluster_id', 'runs.flink_job_id', 'runs.job_manager_url', 'runs.status', 'runs.start_time', 'runs.created_at'])
      .select((eb) =>
        eb
          .selectFrom('run_transitions')
          .select(sql<number>`min(${sql.ref('run_transitions.at')})`.as('at'))
          .whereRef('run_transitions.run_id', '=', 'runs.id')
          .where('run_transitions.to_status', '=', 'RUNNING')
          .as('first_running_at'),
      )
      .where('runs.status', 'not in', TERMINAL)
      .where('runs.lost', '=', 0);
    if (page.afterId !== null) query = query.where('runs.id', '>', page.afterId);
    const rows = await query.orderBy('runs.id').limit(page.limit).execute();
    return rows.map((row) => ({
      runId: row.id,
      taskId: row.task_id,
      clusterId: row.cluster_id,
      flinkJobId: row.flink_job_id,
      jobManagerUrl: row.job_manager_url,
      status: row.status,
      firstRunningAt: Number(row.first_running_at ?? row.start_time ?? row.created_at),
    }));
  }

  /** Those of `runIds` that ended and have no score of their end yet (asked IDS_PER_QUERY at a time). */
  async endedUnscored(runIds: readonly string[]): Promise<EndedRun[]> {
    const ended: EndedRun[] = [];
    for (let i = 0; i < runIds.length; i += IDS_PER_QUERY) {
      const rows = await this.endedUnscoredQuery().where('runs.id', 'in', runIds.slice(i, i + IDS_PER_QUERY)).orderBy('runs.id').execute();
      ended.push(...rows.map(toEndedRun));
    }
    return ended;
  }

  /**
   * Ended runs with no score of their end, looked for among the `window` runs after `afterId` in id
   * order (at most `limit` of them): a bounded slice of the table per call, however many runs it
   * holds. A query for "any such run" scanned all of them each time and took 0.8 s at 1,000,000 runs.
   * `next` is where the following call goes on from; null once the end of the table is reached.
   */
  async endedUnscoredAfter(afterId: string | null, window: number, limit: number): Promise<{ runs: EndedRun[]; next: string | null }> {
    // The slice is read by its key alone and filtered here: given the status as well, a planner may
    // walk the status index over every ended run instead (SQLite did, 0.4–0.9 s at 1,000,000 runs).
    let slice = this.database.db.selectFrom('runs').select(['id', 'task_id', 'status', 'end_time', 'updated_at']);
    if (afterId !== null) slice = slice.where('id', '>', afterId);
    const rows = await slice.orderBy('id').limit(window).execute();
    if (rows.length === 0) return { runs: [], next: null };
    const ended = rows.filter((row) => TERMINAL.includes(row.status as (typeof TERMINAL)[number]));
    const scored = new Set<string>();
    for (let i = 0; i < ended.length; i += IDS_PER_QUERY) {
      const ids = ended.slice(i, i + IDS_PER_QUERY).map((row) => row.id);
      const found = await this.database.db.selectFrom('run_health').select('run_id').where('run_id', 'in', ids).where('ended_status', 'is not', null).execute();
      for (const row of found) scored.add(row.run_id);
    }
    const runs = ended.filter((row) => !scored.has(row.id)).slice(0, limit).map(toEndedRun);
    if (runs.length === limit) return { runs, next: runs.at(-1)!.runId };
    return { runs, next: rows.length < window ? null : rows.at(-1)!.id };
  }

  private endedUnscoredQuery() {
    return this.database.db
      .selectFrom('runs')
      .leftJoin('run_health', 'run_health.run_id', 'runs.id')
      .select(['runs.id', 'runs.task_id', 'runs.status', 'runs.end_time', 'runs.updated_at'])
      .where('runs.status', 'in', TERMINAL)
      .where('run_health.ended_status', 'is', null);
  }

  restartsSince(runId: string, since: number): Promise<number> {
    return countRestartsSince(this.database.db, runId, since);
  }

  /** The latest result of each check of a run. */
  async latestResults(runId: string): Promise<Map<HealthCheckName, HealthCheckResult>> {
    const rows = await this.database.db.selectFrom('health_check_results').selectAll().where('run_id', '=', runId).orderBy('id', 'desc').limit(200).execute();
    const latest = new Map<HealthCheckName, HealthCheckResult>();
    for (const row of rows) if (!latest.has(row.check_name)) latest.set(row.check_name, toResult(row));
    return latest;
  }

  async appendResult(runId: string, result: HealthCheckResult): Promise<void> {
    await this.database.db
      .insertInto('health_check_results')
      .values({ id: newId(this.now()), run_id: runId, check_name: result.check, state: result.state, detail: result.detail, finding: result.finding ? JSON.stringify(result.finding) : null, at: result.at })
      .execute();
  }

  /** Results since `since`, plus for each check the one in force at `since`; oldest first. */
  async resultsSince(runId: string, since: number): Promise<HealthCheckResult[]> {
    const recent = await this.database.db
      .selectFrom('health_check_results')
      .selectAll()
      .where('run_id', '=', runId)
      .where('at', '>=', since)
      .orderBy('at')
      .orderBy('id')
      .execute();
    const before = await this.database.db
      .selectFrom('health_check_results')
      .selectAll()
      .where('run_id', '=', runId)
      .where('at', '<', since)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    const inForce = new Map<string, (typeof before)[number]>();
    for (const row of before) if (!inForce.has(row.check_name)) inForce.set(row.check_name, row);
    return [...inForce.values(), ...recent].map(toResult).sort((a, b) => a.at - b.at);
  }

  async saveScore(health: StoredRunHealth): Promise<void> {
    await upsert(
      this.database,
      'run_health',
      {
        run_id: health.runId,
        task_id: health.taskId,
        score: health.score,
        reasons: JSON.stringify(health.reasons),
        evaluated_at: health.evaluatedAt,
        ended_status: health.ended?.status ?? null,
        ended_at: health.ended?.at ?? null,
      },
      ['run_id'],
      ['score', 'reasons', 'evaluated_at', 'ended_status', 'ended_at'],
    );
  }

  async score(runId: string): Promise<StoredRunHealth | undefined> {
    const row = await this.database.db.selectFrom('run_health').selectAll().where('run_id', '=', runId).executeTakeFirst();
    return row && toStoredHealth(row);
  }

  /** Scores of many runs at once (the overview's page). */
  async scores(runIds: readonly string[]): Promise<Map<string, StoredRunHealth>> {
    if (runIds.length === 0) return new Map();
    const rows = await this.database.db.selectFrom('run_health').selectAll().where('run_id', 'in', [...runIds]).execute();
    return new Map(rows.map((row) => [row.run_id, toStoredHealth(row)]));
  }
}

function toStoredHealth(row: Selectable<RunHealthTable>): StoredRunHealth {
  return {
    runId: row.run_id,
    taskId: row.task_id,
    score: Number(row.score),
    reasons: JSON.parse(row.reasons) as HealthReason[],
    evaluatedAt: Number(row.evaluated_at),
    ended: row.ended_status ? { status: row.ended_status, at: Number(row.ended_at) } : null,
  };
}

function toTaskHealth(taskId: string, row: Selectable<TaskHealthTable> | undefined): TaskHealthRecord {
  return {
    taskId,
    autoRestart: row?.auto_restart ? { ...DEFAULT_AUTO_RESTART_POLICY, ...(JSON.parse(row.auto_restart) as AutoRestartPolicy) } : DEFAULT_AUTO_RESTART_POLICY,
    checks: row?.checks ? { ...DEFAULT_HEALTH_CHECK_SETTINGS, ...(JSON.parse(row.checks) as HealthCheckSettings) } : DEFAULT_HEALTH_CHECK_SETTINGS,
    autoRestartState: row?.auto_restart_state ?? 'IDLE',
    autoRestartReason: row?.auto_restart_reason ?? null,
    autoRestartStateAt: row?.auto_restart_state_at == null ? null : Number(row.auto_restart_state_at),
  };
}

function toAttempt(row: Selectable<AutoRestartAttemptsTable>): AutoRestartAttempt {
  return {
    id: row.id,
    failedRunId: row.failed_run_id,
    newRunId: row.new_run_id,
    attempt: Number(row.attempt),
    state: row.state,
    dueAt: Number(row.due_at),
    restoredFrom: row.restored_from,
    error: row.error,
    createdAt: Number(row.created_at),
  };
}

function toResult(row: { check_name: HealthCheckName; state: HealthCheckResult['state']; detail: string; finding: string | null; at: number }): HealthCheckResult {
  // A finding this Weir does not understand is left out, and the English detail is shown.
  const finding = parseStoredJson(HealthFinding, row.finding);
  return { check: row.check_name, state: row.state, detail: row.detail, ...(finding ? { finding } : {}), at: Number(row.at) };
}

