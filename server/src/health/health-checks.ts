import type { Cluster, HealthCheckName, HealthCheckResult, HealthCheckSettings, HealthFinding, HealthFindingCode } from '@weir/contract';
import { DEFAULT_HEALTH_CHECK_SETTINGS } from '@weir/contract';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { JobManagerClient } from '../flink/job-manager.client.js';
import { AppError } from '../errors/errors.js';
import type { EventBus } from '../events/events.js';
import type { RunsStore } from '../runs/runs.store.js';
import { endedScore, healthScore, SCORE_WINDOW_MS } from './health-score.js';
import type { CheckedRun, EndedRun, HealthStore } from './health.store.js';
import type { Logger } from '../logging/logger.js';
import { eventLoopTurns } from '../scheduler/event-loop-turns.js';

/** The parts of Flink's checkpoint configuration the checkpoint check needs. */
export interface CheckpointSettings {
  interval: number;
  timeout: number;
  tolerableFailures: number;
}

/** A check's state, what it found in English, and the same as a code for the reader's language. */
type Verdict = Pick<HealthCheckResult, 'state' | 'detail'> & { finding: HealthFinding };

/** How long a running job may go without a completed checkpoint: max(interval, timeout) × (tolerable failures + 2). */
export function checkpointLimitMs(config: CheckpointSettings): number {
  return Math.max(config.interval, config.timeout) * (config.tolerableFailures + 2);
}

export function checkRestarts(restarts: number, settings: HealthCheckSettings['restarts']): Verdict {
  const window = formatMs(settings.windowMs);
  if (!settings.enabled) return { state: 'SKIPPED', detail: 'restart check turned off', finding: found('restartsOff') };
  const params = { restarts, windowMs: settings.windowMs, threshold: settings.threshold };
  return restarts > settings.threshold
    ? { state: 'FAIL', detail: `${restarts} restarts within ${window} (more than ${settings.threshold})`, finding: found('restartsOver', params) }
    : { state: 'PASS', detail: `${restarts} restart${restarts === 1 ? '' : 's'} within ${window}`, finding: found('restartsWithin', params) };
}

/**
 * Counts from the later of the latest completed checkpoint and the run's first RUNNING: a job that
 * keeps failing over and restarting completes none either, so a Flink-internal restart does not
 * reset the clock.
 */
export function checkCheckpoint(input: { config: CheckpointSettings | null; lastCompletedAt: number | null; runningSince: number; now: number; enabled: boolean }): Verdict {
  if (!input.enabled) return { state: 'SKIPPED', detail: 'checkpoint check turned off', finding: found('checkpointOff') };
  if (!input.config) return { state: 'SKIPPED', detail: 'checkpointing is off for this job', finding: found('checkpointingOff') };
  const limit = checkpointLimitMs(input.config);
  const since = Math.max(input.lastCompletedAt ?? 0, input.runningSince);
  const quiet = input.now - since;
  const noneYet = input.lastCompletedAt === null || input.lastCompletedAt < input.runningSince;
  const what = noneYet ? 'no checkpoint completed since the job started' : `latest checkpoint completed ${formatMs(quiet)} ago`;
  const rule = `limit ${formatMs(limit)} = max(interval ${formatMs(input.config.interval)}, timeout ${formatMs(input.config.timeout)}) × (${input.config.tolerableFailures} tolerable + 2)`;
  const params = { quietMs: quiet, limitMs: limit, intervalMs: input.config.interval, timeoutMs: input.config.timeout, tolerable: input.config.tolerableFailures };
  return quiet > limit
    ? { state: 'FAIL', detail: `no checkpoint completed for ${formatMs(quiet)} (${rule})`, finding: found('checkpointOverdue', params) }
    : { state: 'PASS', detail: `${what} (${rule})`, finding: found(noneYet ? 'checkpointNoneYet' : 'checkpointRecent', params) };
}

/** Backpressure HIGH on some vertex continuously since `highSince` (null: not high now). */
export function checkBackpressure(input: { enabled: boolean; highSince: number | null; vertex: string | null; now: number; forMs: number }): Verdict {
  if (!input.enabled) return { state: 'SKIPPED', detail: 'backpressure check turned off', finding: found('backpressureOff') };
  if (input.highSince === null) return { state: 'PASS', detail: 'no vertex back-pressured HIGH', finding: found('backpressureNone') };
  const lasted = input.now - input.highSince;
  const params = { vertex: input.vertex ?? '', lastedMs: lasted, limitMs: input.forMs };
  return lasted >= input.forMs
    ? { state: 'FAIL', detail: `backpressure HIGH on ${input.vertex} for ${formatMs(lasted)} (limit ${formatMs(input.forMs)})`, finding: found('backpressureHigh', params) }
    : { state: 'PASS', detail: `backpressure HIGH on ${input.vertex} for ${formatMs(lasted)}, under the limit of ${formatMs(input.forMs)}`, finding: found('backpressureUnderLimit', params) };
}

function found(code: HealthFindingCode, params: HealthFinding['params'] = {}): HealthFinding {
  return { code, params };
}

/** Ended runs found by the walk over the table scored per cycle at most (after an upgrade every old run is scored once, a batch at a time). */
const ENDED_RUNS_PER_CYCLE = 200;

/** Runs the walk for unscored ended runs looks at per cycle: a bounded query (about 5 ms on SQLite), whatever the table holds. */
const UNSCORED_WINDOW = 10_000;

/** Live runs read per query: each query over SQLite holds the server while it runs. */
const CHECKED_RUNS_PAGE = 500;

/** A FAIL whose detail changed is written again at most this often, so the reasons stay current without a row per cycle. */
const REFRESH_FAIL_DETAIL_MS = 60_000;

/**
 * Runs the health checks of every job that has not ended, on a schedule: restarts over a threshold
 * within a window, no completed checkpoint in time, backpressure HIGH for a duration. Each check's
 * result is stored when its state changes (a log the score reads), published as `run.health`
 * (alert rules of kind health-check follow it), and the run's score is stored for the overview.
 *
 * Per cycle it reads, for each RUNNING job: its checkpoint configuration once, and the
 * back-pressure level of each vertex that has a downstream (a sink cannot be back-pressured).
 */
export class HealthChecker {
  private readonly checkpointConfigs = new Map<string, CheckpointSettings | null>();
  private readonly highSince = new Map<string, { since: number; vertex: string }>();
  /** The runs the last cycle checked. */
  private lastChecked: ReadonlySet<string> = new Set();
  /** Where the walk for ended runs without a score goes on from (null: the start of the table). */
  private unscoredAfter: string | null = null;

  constructor(
    private readonly deps: {
      store: HealthStore;
      runs: RunsStore;
      clusters: Pick<ClustersService, 'list'>;
      flink: Pick<FlinkClients, 'jobManagerOfRun'>;
      checkpoints: { lastCompletedCheckpointAt(runId: string): Promise<number | null> };
      bus: EventBus;
      /** Several instances: the clusters this one watches (the others' runs are checked by their instance). */
      watches?: (clusterId: string) => boolean;
      log: Logger;
      now?: () => number;
    },
  ) {}

  private now(): number {
    return (this.deps.now ?? Date.now)();
  }

  async evaluate(signal?: AbortSignal): Promise<{ runs: number; requests: number }> {
    const turn = eventLoopTurns();
    const settingsByTask = await this.deps.store.checkSettingsByTask();
    const clusters = new Map((await this.deps.clusters.list()).map((c) => [c.id, c]));
    const checked = new Set<string>();
    let requests = 0;
    for (let afterId: string | null = null; ; ) {
      const page = await this.deps.store.checkedRuns({ afterId, limit: CHECKED_RUNS_PAGE });
      for (const run of page) {
        if (signal?.aborted) return { runs: checked.size, requests };
        if (this.deps.watches && !this.deps.watches(run.clusterId)) continue;
        checked.add(run.runId);
        const settings = settingsByTask.get(run.taskId) ?? DEFAULT_HEALTH_CHECK_SETTINGS;
        try {
          requests += await this.evaluateRun(run, settings, clusters.get(run.clusterId));
        } catch (err) {
          this.deps.log.error({ err, runId: run.runId }, 'health checks of a run failed');
        }
        await turn();
      }
      if (page.length < CHECKED_RUNS_PAGE) break;
      afterId = page.at(-1)!.runId;
    }

    for (const run of await this.endedRunsToScore(checked)) {
      if (signal?.aborted) break;
      try {
        await this.scoreEnded(run, settingsByTask.get(run.taskId) ?? DEFAULT_HEALTH_CHECK_SETTINGS);
      } catch (err) {
        this.deps.log.error({ err, runId: run.runId }, 'scoring a run that ended failed');
      }
      await turn();
    }
    for (const id of this.checkpointConfigs.keys()) if (!checked.has(id)) this.checkpointConfigs.delete(id);
    for (const id of this.highSince.keys()) if (!checked.has(id)) this.highSince.delete(id);
    return { runs: checked.size, requests };
  }

  /**
   * The ended runs to score this cycle. A run this instance checked last cycle and not now has just
   * ended (or was lost): those are asked for by id, so a run's end is scored at the next cycle
   * without a look over the whole table. A run that ended while no one checked it (before Weir
   * started, or while another instance took its cluster over) is found by walking the table a
   * window at a time: at 1,000,000 runs one lap takes 100 cycles.
   */
  private async endedRunsToScore(checked: ReadonlySet<string>): Promise<EndedRun[]> {
    const left = [...this.lastChecked].filter((id) => !checked.has(id));
    this.lastChecked = checked;
    const found = new Map<string, EndedRun>();
    for (const run of await this.deps.store.endedUnscored(left)) found.set(run.runId, run);
    const earlier = await this.deps.store.endedUnscoredAfter(this.unscoredAfter, UNSCORED_WINDOW, ENDED_RUNS_PER_CYCLE);
    this.unscoredAfter = earlier.next;
    for (const run of earlier.runs) found.set(run.runId, run);
    return [...found.values()];
  }

  private async evaluateRun(run: CheckedRun, settings: HealthCheckSettings, cluster: Cluster | undefined): Promise<number> {
    const now = this.now();
    let requests = 0;
    const verdicts = new Map<HealthCheckName, Verdict>();
    verdicts.set('restarts', checkRestarts(await this.deps.store.restartsSince(run.runId, now - settings.restarts.windowMs), settings.restarts));

    const reachable = cluster && cluster.health !== 'UNREACHABLE' && cluster.health !== 'NOT_FLINK';
    if (run.status === 'RUNNING' && cluster && reachable) {
      const jm = this.deps.flink.jobManagerOfRun(cluster, run);
      try {
        if (!this.checkpointConfigs.has(run.runId)) {
          requests += 1;
          const config = await jm.checkpointConfig(run.flinkJobId);
          if (config) await this.deps.runs.saveSnapshot(run.runId, 'checkpoint_config', JSON.stringify(config), now);
          this.checkpointConfigs.set(
            run.runId,
            config && { interval: config.interval, timeout: config.timeout, tolerableFailures: config.tolerable_failed_checkpoints ?? 0 },
          );
        }
        verdicts.set(
          'checkpoint',
          checkCheckpoint({
            enabled: settings.checkpoint.enabled,
            config: this.checkpointConfigs.get(run.runId) ?? null,
            lastCompletedAt: await this.deps.checkpoints.lastCompletedCheckpointAt(run.runId),
            runningSince: run.firstRunningAt,
            now,
          }),
        );
        if (settings.backpressure.enabled) {
          const { high, requests: n } = await this.highVertex(run, jm);
          requests += n;
          if (high) {
            const current = this.highSince.get(run.runId);
            if (!current || current.vertex !== high) this.highSince.set(run.runId, { since: now, vertex: high });
          } else {
            this.highSince.delete(run.runId);
          }
        }
        const high = this.highSince.get(run.runId);
        verdicts.set('backpressure', checkBackpressure({ enabled: settings.backpressure.enabled, highSince: high?.since ?? null, vertex: high?.vertex ?? null, now, forMs: settings.backpressure.forMs }));
      } catch (err) {
        // The watcher reports an unreachable cluster; the checks that need Flink keep their last result.
        if (!(err instanceof AppError)) throw err;
      }
    }

    const latest = await this.deps.store.latestResults(run.runId);
    for (const [check, verdict] of verdicts) {
      const previous = latest.get(check);
      const changed = !previous || previous.state !== verdict.state;
      const refresh = previous?.state === 'FAIL' && verdict.state === 'FAIL' && previous.detail !== verdict.detail && now - previous.at >= REFRESH_FAIL_DETAIL_MS;
      if (!changed && !refresh) continue;
      await this.deps.store.appendResult(run.runId, { check, ...verdict, at: now });
      const wasFailing = previous?.state === 'FAIL';
      const failing = verdict.state === 'FAIL';
      if (changed && wasFailing !== failing) {
        const ref = await this.deps.store.runRef(run.runId);
        if (ref) this.deps.bus.publish({ type: 'run.health', at: now, check, state: failing ? 'FAIL' : 'PASS', detail: verdict.detail, finding: verdict.finding, ...ref });
      }
    }

    const score = healthScore(await this.deps.store.resultsSince(run.runId, now - SCORE_WINDOW_MS), now);
    await this.deps.store.saveScore({ runId: run.runId, taskId: run.taskId, score: score.score, reasons: score.reasons, evaluatedAt: now });
    return requests;
  }

  /**
   * The score a run ended with, once: the restart check as of its end (counting every restart the
   * run shows), the other checks as they last were, and the end itself (endedScore). Not published
   * as run.health: the run's own status change is what alerts about its end.
   */
  private async scoreEnded(run: EndedRun, settings: HealthCheckSettings): Promise<void> {
    const at = run.endedAt;
    const restarts = checkRestarts(await this.deps.store.restartsSince(run.runId, at - settings.restarts.windowMs), settings.restarts);
    const previous = (await this.deps.store.latestResults(run.runId)).get('restarts');
    if (!previous || previous.state !== restarts.state || previous.detail !== restarts.detail) await this.deps.store.appendResult(run.runId, { check: 'restarts', ...restarts, at: Math.max(at, previous?.at ?? at) });
    const checks = healthScore(await this.deps.store.resultsSince(run.runId, at - SCORE_WINDOW_MS), Math.max(at, previous?.at ?? at));
    const score = endedScore(checks, { status: run.status, at });
    await this.deps.store.saveScore({ runId: run.runId, taskId: run.taskId, score: score.score, reasons: score.reasons, evaluatedAt: at, ended: { status: run.status, at } });
  }

  /** The first vertex (in the job's order) whose back-pressure level is HIGH, among those with a downstream. */
  private async highVertex(run: CheckedRun, jm: JobManagerClient): Promise<{ high: string | null; requests: number }> {
    const snapshot = await this.deps.runs.getSnapshot(run.runId, 'job');
    if (!snapshot) return { high: null, requests: 0 };
    const job = snapshot.data;
    const upstream = new Set((job.plan?.nodes ?? []).flatMap((n) => (n.inputs ?? []).map((i) => i.id)));
    const candidates = job.vertices.filter((v) => upstream.size === 0 || upstream.has(v.id));
    let requests = 0;
    for (const vertex of candidates) {
      requests += 1;
      const bp = await jm.vertexBackpressure(run.flinkJobId, vertex.id);
      if (bp.level === 'high') return { high: vertex.name, requests };
    }
    return { high: null, requests };
  }
}

function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 2 * 3600_000) return `${Math.round(ms / 60_000)} min`;
  return `${Math.round(ms / 3600_000)} h`;
}
