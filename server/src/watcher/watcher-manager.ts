import type { Cluster } from '@weir/contract';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { EventBus } from '../events/events.js';
import type { ClusterLeases } from '../instances/cluster-leases.js';
import type { RunsStore } from '../runs/runs.store.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { TasksStore } from '../tasks/tasks.store.js';
import { ClusterWatcher, type CycleReport, type WatcherSettings } from './cluster-watcher.js';
import type { Logger } from '../logging/logger.js';
import type { YarnClients } from '../yarn/yarn-clients.js';
import { YarnWatcher, type YarnEntrySessions } from './yarn-watcher.js';
import type { DeploymentsInProgress } from '../deployment/deployments-in-progress.js';
import type { RunOperationsInProgress } from '../deployment/run-operations-in-progress.js';

/**
 * Keeps one ClusterWatcher per registered cluster that this instance holds the lease of (all of
 * them when it runs alone), each on its own schedule, and follows the registry and the leases as
 * clusters are added, changed, removed, taken over or handed to another instance.
 */
export class WatcherManager {
  private readonly watchers = new Map<string, ClusterWatcher>();
  /** YARN entries: their runs are applications, each followed at its own JobManager (yarn-watcher.ts). */
  private readonly yarnWatchers = new Map<string, YarnWatcher>();
  private syncing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      clusters: ClustersService;
      flink: FlinkClients;
      runs: RunsStore;
      tasks: TasksStore;
      events: EventBus;
      scheduler: Scheduler;
      settings: WatcherSettings;
      flinkTimeoutMs: number;
      log: Logger;
      onCycle?: (clusterId: string, report: CycleReport) => void;
      /** Several instances on one database: which clusters this one watches. Without it, all. */
      leases?: ClusterLeases;
      /** The ResourceManagers of YARN entries; without them YARN entries are not watched. */
      yarn?: YarnClients;
      /** Where YARN deployments stage their jars (deployment-targets.ts), cleaned after a kill; without it, nothing is removed. */
      yarnStagingDirectory?: string;
      /** The deployments in progress in this process: the YARN watcher leaves their runs to them. */
      deploymentsInProgress?: DeploymentsInProgress;
      /** The runs a stop or cancel of this process is ending (deployment/run-operations-in-progress.ts). */
      runOperationsInProgress?: RunOperationsInProgress;
      /** The YARN sessions Weir started: each YARN entry's watcher tells them true by what YARN reports. */
      yarnSessions?: YarnEntrySessions;
    },
  ) {}

  /** Starts watchers for every registered cluster (and re-checks the registry periodically). */
  start(): void {
    this.deps.leases?.onChange(() => void this.sync());
    this.deps.scheduler.schedule({ name: 'watcher-registry-sync', instance: 'each', intervalMs: 10_000, timeoutMs: 10_000, run: () => this.sync() });
  }

  private mine(clusterId: string): boolean {
    return this.deps.leases?.holds(clusterId) ?? true;
  }

  /** Called when the registry changed; serialised so two syncs never race. */
  sync(): Promise<void> {
    this.syncing = this.syncing.then(() => this.doSync()).catch((err) => this.deps.log.error({ err }, 'watcher sync failed'));
    return this.syncing;
  }

  private async doSync(): Promise<void> {
    // A watcher given up and later regained starts anew from the database: another instance watched meanwhile.
    // A YARN target has no JobManager at its address (it is the ResourceManager's): its runs are followed by its YARN view.
    const all = (await this.deps.clusters.list()).filter((c) => this.mine(c.id));
    this.syncYarn(all.filter((c) => c.kind === 'yarn'));
    // A YARN session Weir started is watched while it runs (and while a stop cancels its runs): not before its
    // JobManager exists, and not after Weir stopped it on purpose, so a stopped session raises no RECONNECTING.
    const clusters = all.filter((c) => c.kind === 'session' && (!c.yarnSession || c.yarnSession.state === 'RUNNING' || c.yarnSession.state === 'STOPPING'));
    const ids = new Set(clusters.map((c) => c.id));
    for (const [id] of this.watchers) {
      if (!ids.has(id)) {
        this.deps.scheduler.cancel(taskName(id));
        this.watchers.delete(id);
      }
    }
    for (const cluster of clusters) {
      const existing = this.watchers.get(cluster.id);
      const { jm, history } = this.clientsFor(cluster);
      if (existing) {
        existing.retarget(cluster, jm, history);
        continue;
      }
      const watcher = new ClusterWatcher(cluster, jm, {
        runs: this.deps.runs,
        tasks: this.deps.tasks,
        events: this.deps.events,
        history,
        // A YARN session Weir started has one application attempt: a job its live JobManager stops listing is going
        // down with it (YARN killing it, someone shutting it down), and the YARN entry's watcher ends such a run in
        // YARN's words. Concluded lost here, the run would be UNKNOWN for good before YARN was asked.
        settings: cluster.yarnSession ? { ...this.deps.settings, lostAfterMs: Number.POSITIVE_INFINITY } : this.deps.settings,
        log: this.deps.log,
        // The cluster answers the watcher while its record still says UNREACHABLE (the health check
        // runs every few seconds): check it now, so the run pages, which do not call an unreachable
        // cluster, show live data as soon as the statuses do.
        onAnswering: () => this.deps.clusters.check(cluster.id),
        ...(this.deps.leases ? { writeGuard: () => this.deps.leases!.writeGuard(cluster.id) } : {}),
      });
      this.watchers.set(cluster.id, watcher);
      this.deps.scheduler.schedule({
        name: taskName(cluster.id),
        // On every instance; a cycle runs only where the cluster's lease is held.
        instance: 'each',
        intervalMs: this.deps.settings.intervalMs,
        // A calm cluster's run first waits out its longer cycle (see watch-cadence.ts), so its timeout includes that wait.
        timeoutMs: Math.max(this.deps.flinkTimeoutMs * 4, 10_000) + Math.max(0, (this.deps.settings.calmIntervalMs ?? 0) - this.deps.settings.intervalMs),
        nextDelayMs: () => watcher.nextDelayMs(),
        run: async (signal) => {
          await watcher.waitWhileCalm(signal);
          // Between the lease running out and the next sync, the watcher must not write.
          if (signal.aborted || !this.mine(cluster.id)) return;
          const report = await watcher.cycle({ signal });
          this.deps.onCycle?.(cluster.id, report);
        },
      });
    }
  }

  /** One YarnWatcher per YARN entry held, on the same schedule as a session cluster's watcher. */
  private syncYarn(clusters: Cluster[]): void {
    const ids = new Set(clusters.map((c) => c.id));
    for (const [id] of this.yarnWatchers) {
      if (!ids.has(id)) {
        this.deps.scheduler.cancel(yarnTaskName(id));
        this.yarnWatchers.delete(id);
      }
    }
    const yarn = this.deps.yarn;
    if (!yarn) return;
    for (const cluster of clusters) {
      const rm = yarn.resourceManagerAt(cluster.restUrl);
      const existing = this.yarnWatchers.get(cluster.id);
      if (existing) {
        existing.retarget(cluster, rm);
        continue;
      }
      const watcher = new YarnWatcher(cluster, rm, {
        runs: this.deps.runs,
        tasks: this.deps.tasks,
        events: this.deps.events,
        flink: this.deps.flink,
        settings: this.deps.settings,
        log: this.deps.log,
        stagingDirectory: this.deps.yarnStagingDirectory ?? '',
        deployingHere: (flinkJobId: string) => this.deps.deploymentsInProgress?.has(flinkJobId) ?? false,
        endingHere: (runId: string) => this.deps.runOperationsInProgress?.has(runId) ?? false,
        // Alone (SQLite: one instance per database file), every deployment in progress is this process's own.
        onlyInstance: !this.deps.leases,
        // A failed SQL run's JobManager files, read from the NodeManager that held them.
        nodeManagerAt: (node: string) => yarn.nodeManagerAt(node, { isLocal: cluster.isLocal }),
        ...(this.deps.yarnSessions ? { sessions: this.deps.yarnSessions } : {}),
        ...(this.deps.leases ? { writeGuard: () => this.deps.leases!.writeGuard(cluster.id) } : {}),
      });
      this.yarnWatchers.set(cluster.id, watcher);
      this.deps.scheduler.schedule({
        name: yarnTaskName(cluster.id),
        instance: 'each',
        intervalMs: this.deps.settings.intervalMs,
        // One ResourceManager request, then one read per running application's JobManager.
        timeoutMs: Math.max(this.deps.flinkTimeoutMs * 4, 10_000),
        run: async (signal) => {
          if (signal.aborted || !this.mine(cluster.id)) return;
          const report = await watcher.cycle({ signal });
          this.deps.onCycle?.(cluster.id, report);
        },
      });
    }
  }

  /** The last finished cycle of each cluster's watcher, by cluster id (none yet: absent). */
  lastCycles(): Map<string, { finishedAt: number; durationMs: number }> {
    const cycles = new Map<string, { finishedAt: number; durationMs: number }>();
    for (const [clusterId, watcher] of this.watchers) if (watcher.lastCycle) cycles.set(clusterId, watcher.lastCycle);
    for (const [clusterId, watcher] of this.yarnWatchers) if (watcher.lastCycle) cycles.set(clusterId, watcher.lastCycle);
    return cycles;
  }

  /** The other instance that watches the cluster, when another one does. */
  watchedElsewhere(clusterId: string): string | undefined {
    if (this.mine(clusterId)) return undefined;
    return this.deps.leases?.view().owners.get(clusterId);
  }

  watcherFor(clusterId: string): ClusterWatcher | undefined {
    return this.watchers.get(clusterId);
  }

  /**
   * The cluster pushed a status change: its watcher reads it at the next cycle. False when this
   * instance does not watch it (another does, or it is not registered): the push service then relays
   * the wake-up to the other instances (ClusterPushService.pushed), and polling covers a lost one.
   */
  pushed(clusterId: string): boolean {
    if (!this.mine(clusterId)) return false;
    const watcher = this.watchers.get(clusterId);
    watcher?.pushed();
    return watcher !== undefined;
  }

  /** Runs one cycle of a cluster's watcher now (force refresh); resolves when it is recorded. */
  async refreshNow(clusterId: string): Promise<CycleReport | undefined> {
    if (!this.mine(clusterId)) return undefined;
    const yarn = this.yarnWatchers.get(clusterId);
    if (yarn) return yarn.cycle();
    return this.watchers.get(clusterId)?.cycle({ force: true });
  }

  /** The watcher's own clients, kept by FlinkClients per cluster while its addresses and credentials stay the same. */
  private clientsFor(cluster: Cluster) {
    return { jm: this.deps.flink.watcherClient(cluster), history: this.deps.flink.historyClient(cluster) };
  }
}

function taskName(clusterId: string): string {
  return `watch-cluster-${clusterId}`;
}

function yarnTaskName(clusterId: string): string {
  return `watch-yarn-${clusterId}`;
}
