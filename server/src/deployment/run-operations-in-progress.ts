/**
 * The runs an operation of this Weir process is ending now: a stop (with or without a savepoint) or a cancel that is
 * still reading the job's end, or its savepoint, at the run's JobManager. The YARN watcher asks it before it shuts an
 * application down: an application's JobManager outlives its job only until Weir ends it (docs/deployment-targets.md),
 * and ending it while the operation still reads there made the operation fail with "cannot be reached", or lose the
 * savepoint it had just taken. The application is ended by the watcher's next cycle after the operation is over.
 */
export class RunOperationsInProgress {
  /** How many operations are ending each run (a stop and a cancel may overlap). */
  private readonly counts = new Map<string, number>();

  async around<T>(runId: string, operation: () => Promise<T>): Promise<T> {
    this.counts.set(runId, (this.counts.get(runId) ?? 0) + 1);
    try {
      return await operation();
    } finally {
      const left = (this.counts.get(runId) ?? 1) - 1;
      if (left > 0) this.counts.set(runId, left);
      else this.counts.delete(runId);
    }
  }

  has(runId: string): boolean {
    return this.counts.has(runId);
  }
}
