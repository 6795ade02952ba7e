/**
 * The runs whose deployment this Weir process is carrying out now (a YARN deployment runs in the background for
 * 30-120 s). The YARN watcher asks it before it reconciles a run still INITIALIZING: only a deployment that is
 * in progress nowhere was left behind by a Weir that stopped.
 */
export class DeploymentsInProgress {
  /** By the run's Flink job id: chosen before the run is recorded, so no cycle sees the run without it. */
  private readonly jobIds = new Set<string>();

  begin(flinkJobId: string): void {
    this.jobIds.add(flinkJobId);
  }

  end(flinkJobId: string): void {
    this.jobIds.delete(flinkJobId);
  }

  has(flinkJobId: string): boolean {
    return this.jobIds.has(flinkJobId);
  }
}
