import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { forEachDatabase } from '../../test-support/databases.js';
import { migrateDown, migrateToLatest } from './index.js';

const MIGRATION = '2026-11-27-005-task-latest-run-facts';
const T0 = 1_700_000_000_000;

forEachDatabase(`migration ${MIGRATION}`, (getDb) => {
  it("fills the new tasks.latest_* columns from each task's latest run, and leaves tasks that never ran empty", async () => {
    const database = getDb();
    // Back to the schema before this migration (and any later ones).
    const executed = async () => (await database.db.selectFrom('kysely_migration' as never).select('name' as never).execute()).map((r) => (r as { name: string }).name);
    while ((await executed()).includes(MIGRATION)) await migrateDown(database);

    const db = database.db as unknown as Kysely<any>;
    const task = (id: string, latestRunId: string | null, status: string | null) => ({
      id, name: id, kind: 'SQL', lifecycle: 'ONLINE', execution_mode: 'STREAMING', cluster_id: 'c1', owner: null, description: null,
      draft_content: '', draft_config: '{}', current_version_id: null, latest_run_id: latestRunId, latest_status: status,
      latest_start_time: latestRunId ? T0 : null, created_at: T0, updated_at: T0,
    });
    const run = (id: string, taskId: string, jobId: string, facts: { status: string; end: number | null; duration: number | null; restarts: number; lost: number }) => ({
      id, task_id: taskId, cluster_id: 'c1', flink_job_id: jobId, job_name: taskId, status: facts.status, execution_mode: 'STREAMING',
      version_id: null, start_time: T0, end_time: facts.end, duration_ms: facts.duration, restart_count: facts.restarts,
      last_modification: null, lost: facts.lost, lost_evidence: null, unreachable_since: null, failed_probes: 0, created_at: T0, updated_at: T0,
    });
    await db.insertInto('tasks').values([task('finished', 'r2', 'FINISHED'), task('lost', 'r3', 'UNKNOWN'), task('never', null, null)]).execute();
    await db
      .insertInto('runs')
      .values([
        run('r1', 'finished', 'a'.repeat(32), { status: 'FAILED', end: T0 + 1, duration: 1, restarts: 9, lost: 0 }),
        run('r2', 'finished', 'b'.repeat(32), { status: 'FINISHED', end: T0 + 60_000, duration: 60_000, restarts: 2, lost: 0 }),
        run('r3', 'lost', 'c'.repeat(32), { status: 'UNKNOWN', end: null, duration: 7000, restarts: 0, lost: 1 }),
      ])
      .execute();

    await migrateToLatest(database);
    const rows = await db
      .selectFrom('tasks')
      .select(['id', 'latest_flink_job_id', 'latest_end_time', 'latest_duration_ms', 'latest_restart_count', 'latest_lost'])
      .orderBy('id')
      .execute();
    const n = (v: unknown) => (v === null ? null : Number(v));
    assert.deepEqual(
      rows.map((r) => [r.id, r.latest_flink_job_id, n(r.latest_end_time), n(r.latest_duration_ms), n(r.latest_restart_count), n(r.latest_lost)]),
      [
        ['finished', 'b'.repeat(32), T0 + 60_000, 60_000, 2, 0],
        ['lost', 'c'.repeat(32), null, 7000, 0, 1],
        ['never', null, null, null, null, null],
      ],
    );
  });
});
