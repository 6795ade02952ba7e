import { sql, type Kysely, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../db/database.js';
import { newId } from '../db/ids.js';
import { forUpdate, numberOrNull, paged, type Page, type PageRequest } from '../db/queries.js';
import type { RunSnapshotsTable, RunTransitionsTable, RunsTable, Tables, TasksTable } from '../db/tables.js';
import { inTransaction } from '../db/transactions.js';
import { upsert } from '../db/upsert.js';

/** Flink's globally terminal statuses: a run in one of them never changes again. */
export { TERMINAL_RUN_STATUSES as TERMINAL_STATUSES } from '@weir/contract';
import { StatusNote, TERMINAL_RUN_STATUSES as TERMINAL_STATUSES } from '@weir/contract';

import { decodeSnapshot, type DecodedSnapshot, type SnapshotKind } from './snapshot-schemas.js';
import { parseStoredJson } from '../db/stored-json.js';
export { SNAPSHOT_KINDS, type SnapshotKind } from './snapshot-schemas.js';

/** A detail of a run's job the watcher could not read: its details, or one part of its final snapshot. */
export type RunWarningDetail = 'job' | Exclude<SnapshotKind, 'job'>;

export interface RunWarning {
  detail: RunWarningDetail;
  /** What Flink answered instead, in words. */
  message: string;
  /** When the watcher met it. */
  at: number;
}

export interface RunRecord {
  id: string;
  taskId: string;
  clusterId: string;
  flinkJobId: string;
  jobName: string;
  status: string;
  executionMode: RunsTable['execution_mode'];
  versionId: string | null;
  startTime: number | null;
  endTime: number | null;
  durationMs: number | null;
  restartCount: number;
  lastModification: number | null;
  lost: boolean;
  lostEvidence: string | null;
  unreachableSince: number | null;
  failedProbes: number;
  /** Why the submission never reached Flink: the job id was Weir's choice and Flink never had it. */
  submissionError: string | null;
  /** The YARN application the run is; null for a run on a session cluster. */
  yarnApplicationId: string | null;
  /** The run's own JobManager REST (a YARN application's); null: its cluster entry's. */
  jobManagerUrl: string | null;
  createdAt: number;
  updatedAt: number;
}

/** What Weir saw of a Flink job: the identity plus the facts that Flink reports. */
export interface RunObservation {
  taskId: string;
  clusterId: string;
  flinkJobId: string;
  jobName: string;
  status: string;
  executionMode: RunsTable['execution_mode'];
  versionId?: string | null;
  startTime?: number | null;
  endTime?: number | null;
  durationMs?: number | null;
  lastModification?: number | null;
  /** Where the job runs when it has a JobManager of its own: a YARN application discovered by the watcher. */
  yarnApplicationId?: string | null;
  jobManagerUrl?: string | null;
}

export type RunChanges = Partial<
  Pick<
    RunRecord,
    | 'jobName'
    | 'status'
    | 'versionId'
    | 'startTime'
    | 'endTime'
    | 'durationMs'
    | 'restartCount'
    | 'lastModification'
    | 'lost'
    | 'lostEvidence'
    | 'unreachableSince'
    | 'failedProbes'
    | 'submissionError'
    | 'yarnApplicationId'
    | 'jobManagerUrl'
  >
>;

export interface RunTransition {
  id: string;
  runId: string;
  seq: number;
  fromStatus: string | null;
  toStatus: string;
  at: number;
  source: RunTransitionsTable['source'];
  note: string | null;
  noteCode: StatusNote | null;
}

export interface NewRunTransition {
  toStatus: string;
  at: number;
  source: RunTransitionsTable['source'];
  /** Why, in English and as a code the web app translates. */
  note?: TransitionNote | null;
}

/** A status-history note: its English for logs and alerts, its code for the reader's language. */
export interface TransitionNote {
  text: string;
  code: StatusNote;
}

export interface RunSnapshot {
  kind: SnapshotKind;
  /** The JSON as captured. */
  body: string;
  capturedAt: number;
}

type Db = Kysely<Tables>;

/**
 * Run inside a writer's transaction before it writes: with several instances, the check that the
 * writer still holds the cluster's lease under its fence (instances/cluster-leases.ts), which throws
 * LeaseLostError, and so rolls the write back, when it does not.
 */
export type WriteGuard = (trx: Db) => Promise<void>;

/**
 * How many of the restarts a run shows (its restart count) became known at or after `since`: the
 * count now minus the count known before then. The restart count also takes Flink's own counter, so
 * restarts Weir did not see as RESTARTING (during an outage, between two reads) are counted too.
 * One query for the restart alert rule and the restart health check.
 */
export async function countRestartsSince(db: Pick<Db, 'selectFrom'>, runId: string, since: number): Promise<number> {
  const row = await db
    .selectFrom('runs')
    .select('restart_count')
    .select((eb) =>
      eb
        .selectFrom('run_restart_counts')
        .select((inner) => inner.fn.max('run_restart_counts.restart_count').as('before'))
        .where('run_restart_counts.run_id', '=', runId)
        .where('run_restart_counts.at', '<', since)
        .as('before'),
    )
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!row) return 0;
  return Math.max(0, Number(row.restart_count) - Number(row.before ?? 0));
}

/**
 * Runs (one Flink job execution each), their status history and their captured REST snapshots.
 * Keeps the tasks.latest_* columns (status, start and end time, duration, Flink job id, restarts, lost)
 * equal to the latest run's, in the same transaction.
 */
export class RunsStore {
  constructor(
    private readonly database: Database,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.database.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRun(row);
  }

  async getByJob(clusterId: string, flinkJobId: string): Promise<RunRecord | undefined> {
    const row = await this.database.db
      .selectFrom('runs')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('flink_job_id', '=', flinkJobId)
      .executeTakeFirst();
    return row && toRun(row);
  }

  /** The run a YARN application is on a cluster entry; for applications deployed before they carried their job id as a tag. */
  async getByYarnApplication(clusterId: string, applicationId: string): Promise<RunRecord | undefined> {
    const row = await this.database.db
      .selectFrom('runs')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('yarn_application_id', '=', applicationId)
      .executeTakeFirst();
    return row && toRun(row);
  }

  /**
   * Records a job seen on a cluster: inserts the run when (clusterId, flinkJobId) is new, otherwise
   * updates the observed facts given (the task it belongs to never changes). A new run becomes
   * its task's latest unless the task already has a later one (by start time, else creation time).
   * Safe to repeat and to race: exactly one caller gets `created: true`.
   */
  async upsertByJob(observation: RunObservation, guard?: WriteGuard): Promise<{ run: RunRecord; created: boolean }> {
    return inTransaction(this.database.db, async (trx) => {
      await guard?.(trx);
      const now = this.now();
      const row: Selectable<RunsTable> = {
        id: newId(now),
        task_id: observation.taskId,
        cluster_id: observation.clusterId,
        flink_job_id: observation.flinkJobId,
        job_name: observation.jobName,
        status: observation.status,
        execution_mode: observation.executionMode,
        version_id: observation.versionId ?? null,
        start_time: observation.startTime ?? null,
        end_time: observation.endTime ?? null,
        duration_ms: observation.durationMs ?? null,
        restart_count: 0,
        last_modification: observation.lastModification ?? null,
        lost: 0,
        lost_evidence: null,
        unreachable_since: null,
        failed_probes: 0,
        submission_error: null,
        yarn_application_id: observation.yarnApplicationId ?? null,
        job_manager_url: observation.jobManagerUrl ?? null,
        created_at: now,
        updated_at: now,
      };
      // Lock the task first: concurrent inserts for one task then agree on which run is latest.
      await forUpdate(
        trx.selectFrom('tasks').select('id').where('id', '=', observation.taskId),
        this.database.dialect,
      ).executeTakeFirst();
      const existing = await forUpdate(
        trx
          .selectFrom('runs')
          .selectAll()
          .where('cluster_id', '=', observation.clusterId)
          .where('flink_job_id', '=', observation.flinkJobId),
        this.database.dialect,
      ).executeTakeFirst();

      if (!existing) {
        await trx.insertInto('runs').values(row).execute();
        await this.adoptAsLatestIfNewer(trx, toRun(row));
        return { run: toRun(row), created: true };
      }

      const changes: RunChanges = { jobName: observation.jobName, status: observation.status };
      if (observation.versionId !== undefined) changes.versionId = observation.versionId;
      if (observation.startTime !== undefined) changes.startTime = observation.startTime;
      if (observation.endTime !== undefined) changes.endTime = observation.endTime;
      if (observation.durationMs !== undefined) changes.durationMs = observation.durationMs;
      if (observation.lastModification !== undefined) changes.lastModification = observation.lastModification;
      if (observation.yarnApplicationId !== undefined) changes.yarnApplicationId = observation.yarnApplicationId;
      if (observation.jobManagerUrl !== undefined) changes.jobManagerUrl = observation.jobManagerUrl;
      const run = await this.applyChanges(trx, existing.id, changes);
      return { run: run ?? toRun(existing), created: false };
    });
  }

  /** Changes a run's facts; keeps its task's latest_* columns in step when it is the latest run. */
  async update(id: string, changes: RunChanges): Promise<RunRecord | undefined> {
    return inTransaction(this.database.db, (trx) => this.applyChanges(trx, id, changes));
  }

  /** Makes a run its task's latest run (for example a resubmission that must show at once). */
  async makeLatest(id: string): Promise<boolean> {
    return inTransaction(this.database.db, async (trx) => {
      const run = await trx.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
      if (!run) return false;
      await this.setTaskLatest(trx, toRun(run));
      return true;
    });
  }

  /**
   * Appends a status change with the next seq. A no-op (returns the existing transition with
   * `appended: false`) when the latest transition already has this status and time, so a retried
   * write or a re-observed change is recorded once.
   */
  async appendTransition(
    runId: string,
    transition: NewRunTransition,
  ): Promise<{ transition: RunTransition; appended: boolean }> {
    return inTransaction(this.database.db, async (trx) => {
      // Serialise writers of one run so seq numbers never collide.
      const run = await forUpdate(trx.selectFrom('runs').select('id').where('id', '=', runId), this.database.dialect)
        .executeTakeFirst();
      if (!run) throw new Error(`Run ${runId} does not exist`);
      const last = await this.lastTransitionRow(trx, runId);
      const { row, appended } = await this.appendAfter(trx, runId, last, transition);
      return { transition: toTransition(row), appended };
    });
  }

  /**
   * What the watcher learns of a job in one read, written in one transaction: the status changes
   * (each skipped when it repeats the latest one, as appendTransition does), then the run's facts,
   * which may depend on which changes were new (`changesFor`), then a snapshot. One commit instead
   * of one per change, update and snapshot: at thousands of jobs most of SQLite's cost is commits.
   */
  async recordObservation(
    runId: string,
    transitions: NewRunTransition[],
    changesFor: (appended: RunTransition[]) => RunChanges,
    snapshot?: { kind: SnapshotKind; body: string; capturedAt: number },
    guard?: WriteGuard,
  ): Promise<{ appended: RunTransition[]; run: RunRecord | undefined }> {
    return inTransaction(this.database.db, async (trx) => {
      await guard?.(trx);
      if (!(await this.lockTaskThenRun(trx, runId))) throw new Error(`Run ${runId} does not exist`);
      let last = await this.lastTransitionRow(trx, runId);
      const appended: RunTransition[] = [];
      for (const transition of transitions) {
        const result = await this.appendAfter(trx, runId, last, transition);
        if (result.appended) appended.push(toTransition(result.row));
        last = result.row;
      }
      const run = await this.writeChanges(trx, runId, changesFor(appended));
      if (snapshot) await upsertSnapshot({ db: trx, dialect: this.database.dialect }, runId, snapshot.kind, snapshot.body, snapshot.capturedAt);
      return { appended, run };
    });
  }

  private lastTransitionRow(trx: Db, runId: string): Promise<Selectable<RunTransitionsTable> | undefined> {
    return trx.selectFrom('run_transitions').selectAll().where('run_id', '=', runId).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  }

  /** Inserts `transition` after `last` unless it repeats it (same status, same time). */
  private async appendAfter(
    trx: Db,
    runId: string,
    last: Selectable<RunTransitionsTable> | undefined,
    transition: NewRunTransition,
  ): Promise<{ row: Selectable<RunTransitionsTable>; appended: boolean }> {
    if (last && last.to_status === transition.toStatus && Number(last.at) === transition.at) return { row: last, appended: false };
    const row: Selectable<RunTransitionsTable> = {
      id: newId(),
      run_id: runId,
      seq: last ? Number(last.seq) + 1 : 1,
      from_status: last?.to_status ?? null,
      to_status: transition.toStatus,
      at: transition.at,
      source: transition.source,
      note: transition.note?.text ?? null,
      note_code: transition.note ? JSON.stringify(transition.note.code) : null,
    };
    await trx.insertInto('run_transitions').values(row).execute();
    return { row, appended: true };
  }

  /** A run's status history, oldest first. */
  async listTransitions(runId: string): Promise<RunTransition[]> {
    const rows = await this.database.db
      .selectFrom('run_transitions')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('seq')
      .execute();
    return rows.map(toTransition);
  }

  /** Runs on a cluster that are not FINISHED, CANCELED or FAILED: the ones a watcher follows. */
  async listNonTerminalByCluster(clusterId: string): Promise<RunRecord[]> {
    const rows = await this.database.db
      .selectFrom('runs')
      .selectAll()
      .where('cluster_id', '=', clusterId)
      .where('status', 'not in', [...TERMINAL_STATUSES])
      .orderBy('id')
      .execute();
    return rows.map(toRun);
  }

  /** Runs of a task, newest first (by start time, else creation time), one page at a time. */
  async listByTask(taskId: string, page: PageRequest = {}): Promise<Page<RunRecord>> {
    const { limit, offset } = paged(page);
    const [rows, total] = await Promise.all([
      this.database.db
        .selectFrom('runs')
        .selectAll()
        .where('task_id', '=', taskId)
        .orderBy((eb) => eb.fn.coalesce('start_time', 'created_at'), 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
      this.database.db
        .selectFrom('runs')
        .select((eb) => eb.fn.countAll().as('count'))
        .where('task_id', '=', taskId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toRun), total: Number(total.count) };
  }

  /** Stores (or replaces) one captured REST answer for a run. */
  async saveSnapshot(runId: string, kind: SnapshotKind, body: string, capturedAt: number = this.now(), guard?: WriteGuard): Promise<void> {
    await this.guarded(guard, (target) => upsertSnapshot(target, runId, kind, body, capturedAt));
  }

  /** One saved snapshot, decoded as its kind; undefined when there is none or it cannot be read as one. */
  async getSnapshot<K extends SnapshotKind>(runId: string, kind: K): Promise<DecodedSnapshot<K> | undefined> {
    const row = await this.database.db
      .selectFrom('run_snapshots')
      .select(['body', 'captured_at'])
      .where('run_id', '=', runId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    const data = row && decodeSnapshot(kind, row.body);
    return data === undefined ? undefined : { capturedAt: Number(row!.captured_at), data };
  }

  /**
   * One kind of snapshot of many runs, in one statement (the savepoint catalog reads up to 100 runs'
   * checkpoints), each decoded as its kind; a run without one, or whose copy cannot be read as one, is left out.
   */
  async getSnapshotsOf<K extends SnapshotKind>(runIds: readonly string[], kind: K): Promise<Map<string, DecodedSnapshot<K>>> {
    const decoded = new Map<string, DecodedSnapshot<K>>();
    if (runIds.length === 0) return decoded;
    const rows = await this.database.db
      .selectFrom('run_snapshots')
      .select(['run_id', 'body', 'captured_at'])
      .where('run_id', 'in', [...runIds])
      .where('kind', '=', kind)
      .execute();
    for (const row of rows) {
      const data = decodeSnapshot(kind, row.body);
      if (data !== undefined) decoded.set(row.run_id, { capturedAt: Number(row.captured_at), data });
    }
    return decoded;
  }

  /** Every snapshot of a run, by kind. */
  async getSnapshots(runId: string): Promise<RunSnapshot[]> {
    const rows = await this.database.db
      .selectFrom('run_snapshots')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('kind')
      .execute();
    return rows.map(toSnapshot);
  }

  /** How many probes of their unreachable cluster failed, for many runs in one statement (no other fact changes). */
  async setFailedProbes(runIds: readonly string[], failedProbes: number, guard?: WriteGuard): Promise<void> {
    if (!runIds.length) return;
    await this.guarded(guard, (target) => target.db.updateTable('runs').set({ failed_probes: failedProbes }).where('id', 'in', [...runIds]).execute());
  }

  /** Records (or replaces) the warning for one detail of the run's job. */
  async recordWarning(runId: string, warning: RunWarning, guard?: WriteGuard): Promise<void> {
    await this.guarded(guard, (target) => upsert(target, 'run_warnings', { run_id: runId, detail: warning.detail, message: warning.message, at: warning.at }, ['run_id', 'detail'], ['message', 'at']));
  }

  /** The detail reads well again. */
  async clearWarning(runId: string, detail: RunWarningDetail, guard?: WriteGuard): Promise<void> {
    await this.guarded(guard, (target) => target.db.deleteFrom('run_warnings').where('run_id', '=', runId).where('detail', '=', detail).execute());
  }

  /**
   * A write on its own, or, given a guard (a watcher's lease check), inside a transaction that runs
   * the guard first, so a writer that lost its cluster's lease writes nothing.
   */
  private async guarded(guard: WriteGuard | undefined, write: (target: Pick<Database, 'db' | 'dialect'>) => Promise<unknown>): Promise<void> {
    if (!guard) {
      await write(this.database);
      return;
    }
    await inTransaction(this.database.db, async (trx) => {
      await guard(trx);
      await write({ db: trx, dialect: this.database.dialect });
    });
  }

  /** What the watcher could not read about the run's job, oldest first. */
  async listWarnings(runId: string): Promise<RunWarning[]> {
    const rows = await this.database.db.selectFrom('run_warnings').selectAll().where('run_id', '=', runId).orderBy('at').orderBy('detail').execute();
    return rows.map((row) => ({ detail: row.detail as RunWarningDetail, message: row.message, at: Number(row.at) }));
  }

  private async applyChanges(trx: Db, id: string, changes: RunChanges): Promise<RunRecord | undefined> {
    if (!(await this.lockTaskThenRun(trx, id))) return undefined;
    return this.writeChanges(trx, id, changes);
  }

  /**
   * Locks the run's task, then the run: always in this order (as upsertByJob), so concurrent
   * writers cannot deadlock, and writers of one run's transitions never pick the same seq. SQLite
   * needs no row locks (one writer at a time). False when the run does not exist.
   */
  private async lockTaskThenRun(trx: Db, id: string): Promise<boolean> {
    if (this.database.dialect === 'sqlite') return (await trx.selectFrom('runs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    const owner = await trx.selectFrom('runs').select('task_id').where('id', '=', id).executeTakeFirst();
    if (!owner) return false;
    await trx.selectFrom('tasks').select('id').where('id', '=', owner.task_id).forUpdate().executeTakeFirst();
    await trx.selectFrom('runs').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
    return true;
  }

  private async writeChanges(trx: Db, id: string, changes: RunChanges): Promise<RunRecord | undefined> {
    const set: Updateable<RunsTable> = { updated_at: this.now() };
    if (changes.jobName !== undefined) set.job_name = changes.jobName;
    if (changes.status !== undefined) set.status = changes.status;
    if (changes.versionId !== undefined) set.version_id = changes.versionId;
    if (changes.startTime !== undefined) set.start_time = changes.startTime;
    if (changes.endTime !== undefined) set.end_time = changes.endTime;
    if (changes.durationMs !== undefined) set.duration_ms = changes.durationMs;
    if (changes.restartCount !== undefined) set.restart_count = changes.restartCount;
    if (changes.lastModification !== undefined) set.last_modification = changes.lastModification;
    if (changes.lost !== undefined) set.lost = changes.lost ? 1 : 0;
    if (changes.lostEvidence !== undefined) set.lost_evidence = changes.lostEvidence;
    if (changes.unreachableSince !== undefined) set.unreachable_since = changes.unreachableSince;
    if (changes.failedProbes !== undefined) set.failed_probes = changes.failedProbes;
    if (changes.submissionError !== undefined) set.submission_error = changes.submissionError;
    if (changes.yarnApplicationId !== undefined) set.yarn_application_id = changes.yarnApplicationId;
    if (changes.jobManagerUrl !== undefined) set.job_manager_url = changes.jobManagerUrl;
    if (changes.restartCount !== undefined) await this.logRestartCount(trx, id, changes.restartCount);
    await trx.updateTable('runs').set(set).where('id', '=', id).execute();

    const row = await trx.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const run = toRun(row);
    await trx.updateTable('tasks').set(latestFacts(run)).where('id', '=', run.taskId).where('latest_run_id', '=', run.id).execute();
    return run;
  }

  /** Logs a restart count that grew, with when it became known (read by countRestartsSince), in one statement. */
  private async logRestartCount(trx: Db, id: string, restartCount: number): Promise<void> {
    const now = this.now();
    await trx
      .insertInto('run_restart_counts')
      .columns(['id', 'run_id', 'restart_count', 'at'])
      .expression((eb) =>
        eb
          .selectFrom('runs')
          .select([sql.val(newId(now)).as('id'), 'id as run_id', sql.val(restartCount).as('restart_count'), sql.val(now).as('at')])
          .where('id', '=', id)
          .where('restart_count', '<', restartCount),
      )
      .execute();
  }

  private async adoptAsLatestIfNewer(trx: Db, run: RunRecord): Promise<void> {
    const current = await trx
      .selectFrom('tasks')
      .leftJoin('runs', 'runs.id', 'tasks.latest_run_id')
      .select(['tasks.latest_run_id', 'runs.start_time', 'runs.created_at'])
      .where('tasks.id', '=', run.taskId)
      .executeTakeFirst();
    if (!current) return;
    const currentKey =
      current.latest_run_id === null ? null : Number(current.start_time ?? current.created_at ?? Number.NEGATIVE_INFINITY);
    if (currentKey === null || (run.startTime ?? run.createdAt) >= currentKey) await this.setTaskLatest(trx, run);
  }

  private async setTaskLatest(trx: Db, run: RunRecord): Promise<void> {
    await trx
      .updateTable('tasks')
      .set({ latest_run_id: run.id, ...latestFacts(run) })
      .where('id', '=', run.taskId)
      .execute();
  }
}

/** The latest run's facts as `tasks` holds them, so the overview filters and sorts without reading runs. */
function latestFacts(run: RunRecord): Updateable<TasksTable> {
  return {
    latest_status: run.status,
    latest_start_time: run.startTime,
    latest_flink_job_id: run.flinkJobId,
    latest_end_time: run.endTime,
    latest_duration_ms: run.durationMs,
    latest_restart_count: run.restartCount,
    latest_lost: run.lost ? 1 : 0,
  };
}

function toRun(row: Selectable<RunsTable>): RunRecord {
  return {
    id: row.id,
    taskId: row.task_id,
    clusterId: row.cluster_id,
    flinkJobId: row.flink_job_id,
    jobName: row.job_name,
    status: row.status,
    executionMode: row.execution_mode,
    versionId: row.version_id,
    startTime: numberOrNull(row.start_time),
    endTime: numberOrNull(row.end_time),
    durationMs: numberOrNull(row.duration_ms),
    restartCount: Number(row.restart_count),
    lastModification: numberOrNull(row.last_modification),
    lost: Number(row.lost) === 1,
    lostEvidence: row.lost_evidence,
    unreachableSince: numberOrNull(row.unreachable_since),
    failedProbes: Number(row.failed_probes),
    submissionError: row.submission_error ?? null,
    yarnApplicationId: row.yarn_application_id ?? null,
    jobManagerUrl: row.job_manager_url ?? null,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

function upsertSnapshot(target: Pick<Database, 'db' | 'dialect'>, runId: string, kind: SnapshotKind, body: string, capturedAt: number): Promise<void> {
  return upsert(target, 'run_snapshots', { run_id: runId, kind, body, captured_at: capturedAt }, ['run_id', 'kind'], ['body', 'captured_at']);
}

function toTransition(row: Selectable<RunTransitionsTable>): RunTransition {
  return {
    id: row.id,
    runId: row.run_id,
    seq: Number(row.seq),
    fromStatus: row.from_status,
    toStatus: row.to_status,
    at: Number(row.at),
    source: row.source,
    note: row.note,
    // A code this Weir does not understand is left out, and the English note is shown.
    noteCode: parseStoredJson(StatusNote, row.note_code),
  };
}


function toSnapshot(row: Selectable<RunSnapshotsTable>): RunSnapshot {
  return { kind: row.kind as SnapshotKind, body: row.body, capturedAt: Number(row.captured_at) };
}
