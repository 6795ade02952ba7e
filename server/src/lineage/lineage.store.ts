import type { Database } from '../db/database.js';
import type { TasksTable } from '../db/tables.js';

/** A SQL task's current published version, with its stored lineage (JSON) when it has one. */
export interface CurrentLineageRow {
  taskId: string;
  taskName: string;
  lifecycle: TasksTable['lifecycle'];
  /** The status of the task's latest run (kept on the task by the watcher); null when it never ran. */
  latestStatus: string | null;
  versionId: string;
  version: number;
  /** JSON; null when it was never computed (versions published before lineage was stored). */
  lineage: string | null;
}

/** The reads global lineage needs; lineage is written through TaskVersionsStore.setLineage. */
export class LineageStore {
  constructor(private readonly database: Database) {}

  /** Every SQL task that has a published version, with that version's lineage; by task name. With `teamIds`, only those teams' tasks. */
  async currentVersions(teamIds?: readonly string[]): Promise<CurrentLineageRow[]> {
    if (teamIds?.length === 0) return [];
    const rows = await this.database.db
      .selectFrom('tasks')
      .innerJoin('task_versions', 'task_versions.id', 'tasks.current_version_id')
      .select([
        'tasks.id as task_id',
        'tasks.name as task_name',
        'tasks.lifecycle as lifecycle',
        'tasks.latest_status as latest_status',
        'task_versions.id as version_id',
        'task_versions.version as version',
        'task_versions.lineage as lineage',
      ])
      .where('tasks.kind', '=', 'SQL')
      .$if(teamIds !== undefined, (q) => q.where('tasks.team_id', 'in', [...teamIds!]))
      .orderBy('tasks.name')
      .orderBy('tasks.id')
      .execute();
    return rows.map((r) => ({
      taskId: r.task_id,
      taskName: r.task_name,
      lifecycle: r.lifecycle,
      latestStatus: r.latest_status,
      versionId: r.version_id,
      version: Number(r.version),
      lineage: r.lineage,
    }));
  }
}
