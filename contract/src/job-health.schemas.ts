import { z } from 'zod';
import { EpochMs } from './common.schemas.js';

/** The health checks Weir runs on each running job (PRODUCT.md §7). */
export const HealthCheckName = z.enum(['restarts', 'checkpoint', 'backpressure']);
export type HealthCheckName = z.infer<typeof HealthCheckName>;

/** PASS/FAIL; SKIPPED when the check does not apply (checkpointing off, job not RUNNING, check disabled). */
export const HealthCheckState = z.enum(['PASS', 'FAIL', 'SKIPPED']);
export type HealthCheckState = z.infer<typeof HealthCheckState>;

const duration = (min: number) => z.number().int().min(min).max(7 * 24 * 3600 * 1000);

/**
 * What the checks look for. Defaults: more than 3 restarts in 10 min; no checkpoint completed within
 * max(interval, timeout) × (tolerable failures + 2) (from the job's own checkpoint configuration);
 * Flink's backpressure level HIGH on any vertex for 1 min.
 */
export const HealthCheckSettings = z
  .object({
    restarts: z.object({ enabled: z.boolean(), threshold: z.number().int().min(0).max(10_000), windowMs: duration(1000) }),
    checkpoint: z.object({ enabled: z.boolean() }),
    backpressure: z.object({ enabled: z.boolean(), forMs: duration(0) }),
  })
  .meta({ id: 'HealthCheckSettings' });
export type HealthCheckSettings = z.infer<typeof HealthCheckSettings>;

export const DEFAULT_HEALTH_CHECK_SETTINGS: HealthCheckSettings = {
  restarts: { enabled: true, threshold: 3, windowMs: 10 * 60_000 },
  checkpoint: { enabled: true },
  backpressure: { enabled: true, forMs: 60_000 },
};

export const HealthBand = z.enum(['healthy', 'degraded', 'unhealthy']);
export type HealthBand = z.infer<typeof HealthBand>;

/** One reason the score is below 100. */
/** What a reason is about: one of the checks, or how the run ended (a FAILED end takes every remaining point). */
export const HealthReasonSource = z.enum([...HealthCheckName.options, 'outcome']);
export type HealthReasonSource = z.infer<typeof HealthReasonSource>;

/**
 * What a check found, or how a run ended, as a code with its values, so the web app says it in the
 * reader's language; the English `detail`/`text` beside it stays for older clients and API users.
 * A value whose name ends in `Ms` is a duration in milliseconds, `At` a time (epoch ms).
 */
export const HealthFindingCode = z.enum([
  'restartsOff',
  'restartsOver',
  'restartsWithin',
  'checkpointOff',
  'checkpointingOff',
  'checkpointOverdue',
  'checkpointNoneYet',
  'checkpointRecent',
  'backpressureOff',
  'backpressureNone',
  'backpressureHigh',
  'backpressureUnderLimit',
  'endedFailed',
]);
export type HealthFindingCode = z.infer<typeof HealthFindingCode>;

export const HealthFinding = z
  .object({
    code: HealthFindingCode,
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .meta({ id: 'HealthFinding' });
export type HealthFinding = z.infer<typeof HealthFinding>;

/** How long a check's failure weighed in the score's window: failing now, or passing again since a time. */
export const HealthFailingSpan = z.object({
  now: z.boolean(),
  /** The share of the window spent failing, 0–1. */
  share: z.number().min(0).max(1),
  windowMs: z.number().int(),
  /** When the check passed again (null while it still fails). */
  passingSince: EpochMs.nullable(),
});
export type HealthFailingSpan = z.infer<typeof HealthFailingSpan>;

export const HealthReason = z.object({
  check: HealthReasonSource,
  /** Points taken off the score. */
  penalty: z.number().int(),
  /** The reason in English. */
  text: z.string(),
  /** What failed, as a code (absent in scores kept before Weir gave codes: show `text`). */
  finding: HealthFinding.optional(),
  /** For a check: how long it failed in the window. Absent for how the run ended. */
  failing: HealthFailingSpan.optional(),
});
export type HealthReason = z.infer<typeof HealthReason>;

/** A check's result as recorded: a new row each time its state (or what failed) changes. */
export const HealthCheckResult = z.object({
  check: HealthCheckName,
  state: HealthCheckState,
  /** What the check found, in English. */
  detail: z.string(),
  /** The same as a code (absent for results recorded before Weir gave codes: show `detail`). */
  finding: HealthFinding.optional(),
  at: EpochMs,
});
export type HealthCheckResult = z.infer<typeof HealthCheckResult>;

export const RunHealth = z
  .object({
    runId: z.string(),
    taskId: z.string(),
    /** 0–100 from the check results of the last 30 minutes; null until the checks first ran. */
    score: z.number().int().min(0).max(100).nullable(),
    band: HealthBand.nullable(),
    reasons: z.array(HealthReason),
    /** The latest result of each check. */
    checks: z.array(HealthCheckResult),
    /** Every result recorded in the last 30 minutes (plus the one in force at its start), oldest first. */
    history: z.array(HealthCheckResult),
    evaluatedAt: EpochMs.nullable(),
    /**
     * Set once the run has ended and its score is the one it ended with: the status it ended in and
     * when (the score no longer changes; a FAILED end scores 0). Null while the run goes on.
     */
    endedStatus: z.enum(['FINISHED', 'CANCELED', 'FAILED']).nullable(),
    endedAt: EpochMs.nullable(),
    /** The failed run this one was automatically restarted from. */
    restartedFromRunId: z.string().nullable(),
    /** The run that automatically restarted this one, when it failed. */
    restartedAsRunId: z.string().nullable(),
  })
  .meta({ id: 'RunHealth' });
export type RunHealth = z.infer<typeof RunHealth>;

/** Where an automatic restart takes its state from, tried in order; `none` starts without state. */
export const AutoRestartSource = z.enum(['latest-checkpoint', 'latest-savepoint', 'none']);
export type AutoRestartSource = z.infer<typeof AutoRestartSource>;

export const AutoRestartPolicy = z
  .object({
    enabled: z.boolean(),
    /** At most this many automatic restarts within `windowMs`; the next failure stops it. */
    maxAttempts: z.number().int().min(1).max(100),
    windowMs: duration(1000),
    /** Delay before attempt k (1-based, within the window): min(initial × multiplier^(k-1), max). */
    backoffInitialMs: z.number().int().min(0).max(3600_000),
    backoffMultiplier: z.number().min(1).max(10),
    backoffMaxMs: z.number().int().min(0).max(24 * 3600_000),
    sources: z.array(AutoRestartSource).min(1).max(3),
  })
  .meta({ id: 'AutoRestartPolicy' });
export type AutoRestartPolicy = z.infer<typeof AutoRestartPolicy>;

export const DEFAULT_AUTO_RESTART_POLICY: AutoRestartPolicy = {
  enabled: false,
  maxAttempts: 3,
  windowMs: 30 * 60_000,
  backoffInitialMs: 10_000,
  backoffMultiplier: 2,
  backoffMaxMs: 5 * 60_000,
  sources: ['latest-checkpoint', 'latest-savepoint'],
};

/**
 * Why Weir stopped restarting a task, as a code with its values, so the web app says it in the
 * reader's language; `error` is what the submission or the cluster answered, quoted as it is.
 * `…Ms` values are durations.
 */
export const AutoRestartStop = z
  .discriminatedUnion('code', [
    /** `attempts` automatic restarts within the policy's window (`windowMs`), at most `maxAttempts`. */
    z.object({ code: z.literal('attemptsUsedUp'), params: z.object({ attempts: z.number().int(), windowMs: z.number().int(), maxAttempts: z.number().int() }) }),
    /** Attempt `attempt` could not be submitted from any source. */
    z.object({ code: z.literal('notSubmitted'), params: z.object({ attempt: z.number().int(), error: z.string() }) }),
    /** Attempt `attempt` waited `waitedMs` for the cluster to answer, as long as the policy's window. */
    z.object({ code: z.literal('clusterUnreachable'), params: z.object({ attempt: z.number().int(), waitedMs: z.number().int(), error: z.string() }) }),
  ])
  .meta({ id: 'AutoRestartStop' });
export type AutoRestartStop = z.infer<typeof AutoRestartStop>;

export const AutoRestartAttempt = z.object({
  id: z.string(),
  failedRunId: z.string(),
  /** Null until submitted (or when the submission failed). */
  newRunId: z.string().nullable(),
  attempt: z.number().int(),
  state: z.enum(['SCHEDULED', 'SUBMITTED', 'FAILED']),
  dueAt: EpochMs,
  /** Which source the state came from, and its path. */
  restoredFrom: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: EpochMs,
});
export type AutoRestartAttempt = z.infer<typeof AutoRestartAttempt>;

export const TaskHealth = z
  .object({
    taskId: z.string(),
    autoRestart: AutoRestartPolicy,
    checks: HealthCheckSettings,
    /** EXHAUSTED: attempts ran out (or a restart could not be submitted); Weir stopped restarting this task. */
    autoRestartState: z.enum(['IDLE', 'EXHAUSTED']),
    autoRestartReason: z.string().nullable(),
    autoRestartStateAt: EpochMs.nullable(),
    attempts: z.array(AutoRestartAttempt),
  })
  .meta({ id: 'TaskHealth' });
export type TaskHealth = z.infer<typeof TaskHealth>;

export const UpdateHealthChecksRequest = HealthCheckSettings;
