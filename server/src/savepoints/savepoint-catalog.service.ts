import type { SavepointCatalogEntry } from '@weir/contract';
import { NotFoundError } from '../errors/errors.js';
import { savedStatesOf } from '../flink/saved-states.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { SavepointsStore } from '../runs/savepoints.store.js';
import type { TaskVersionsStore } from '../tasks/task-versions.store.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { buildCatalog, type CatalogRun } from './catalog-entries.js';
import { knownMissing } from '../flink/state-paths.js';

/** How many of a task's newest runs the catalog reads Flink's checkpoint history of. */
const RUNS_READ = 100;

/** A task's savepoint catalog: see buildCatalog. Reads only what Weir stored; asks Flink nothing. */
export class SavepointCatalogService {
  constructor(
    private readonly deps: {
      savepoints: SavepointsStore;
      runs: RunsStore;
      tasks: TasksStore;
      versions: TaskVersionsStore;
      isMissing?: (path: string) => boolean;
    },
  ) {}

  async catalog(taskId: string): Promise<SavepointCatalogEntry[]> {
    if (!(await this.deps.tasks.get(taskId))) throw new NotFoundError('Task', taskId);
    const [stored, { items: runs }, versions] = await Promise.all([
      this.deps.savepoints.listAllByTask(taskId),
      this.deps.runs.listByTask(taskId, { limit: RUNS_READ }),
      this.deps.versions.listByTask(taskId),
    ]);
    const checkpoints = await this.deps.runs.getSnapshotsOf(runs.map((run) => run.id), 'checkpoints');
    const catalogRuns: CatalogRun[] = runs.map((run) => {
      const snapshot = checkpoints.get(run.id);
      return { id: run.id, taskId: run.taskId, flinkJobId: run.flinkJobId, versionId: run.versionId, savedStates: snapshot ? savedStatesOf(snapshot.data) : undefined };
    });
    return buildCatalog({ stored, runs: catalogRuns, versionNumbers: new Map(versions.map((v) => [v.id, v.version])), isMissing: this.deps.isMissing ?? knownMissing });
  }
}
