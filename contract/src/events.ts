// The events Weir publishes, as types only: the server's event bus, the relay between instances and
// the browser's stream (GET /api/events, each event's JSON as an SSE message's data) all carry these.
import type { ClusterHealth } from './clusters.schemas.js';
import type { AutoRestartStop, HealthCheckName, HealthFinding } from './job-health.schemas.js';
import type { StatusNote } from './runs.schemas.js';
import type { RunStatus } from './status.schemas.js';

/** Which run an event is about, with the names a reader needs without looking them up. */
export interface RunRef {
  runId: string;
  taskId: string;
  taskName: string;
  clusterId: string;
  clusterName: string;
  flinkJobId: string;
  jobName: string;
}

/**
 * What the watcher tells the rest of Weir (alerts, health, the browser's live
 * updates). Facts, in the order they happened; `at` is when Flink says it
 * happened where Flink says so, otherwise when Weir saw it.
 */
export type WeirEvent =
  | ({ type: 'run.discovered'; status: RunStatus; at: number } & RunRef)
  | ({
      type: 'run.status';
      from: RunStatus | null;
      to: RunStatus;
      at: number;
      restartCount: number;
      note?: string;
      /** The note as a code, when it has one (as the status history keeps it). */
      noteCode?: StatusNote;
      /** Set when Weir, not Flink, changed the status because the whole cluster could not be reached (or vanished jobs after it). */
      cause?: 'cluster-unreachable';
    } & RunRef)
  | ({ type: 'run.exception'; at: number; exceptionName: string; message: string; failedTask: string | null } & RunRef)
  | ({ type: 'run.checkpoint'; at: number; checkpointId: number; outcome: 'COMPLETED' | 'FAILED'; failure?: string; isSavepoint: boolean } & RunRef)
  | ({ type: 'run.health'; at: number; check: HealthCheckName; state: 'PASS' | 'FAIL'; detail: string; /** The detail as a code (absent when relayed by an instance from before codes). */ finding?: HealthFinding } & RunRef)
  /** `reason` in English, `stop` the same as a code (absent when relayed by an instance from before codes). */
  | ({ type: 'task.auto-restart'; outcome: 'exhausted'; at: number; reason: string; stop?: AutoRestartStop; attempts: number } & RunRef)
  /** A savepoint Weir had taken (by a user, a token or the schedule) completed or failed. */
  | ({ type: 'run.savepoint'; at: number; outcome: 'COMPLETED' | 'FAILED'; savepointId: string; path: string | null; failure: string | null; takenBy: string | null } & RunRef)
  | { type: 'cluster.health'; clusterId: string; clusterName: string; from: ClusterHealth | null; to: ClusterHealth; at: number; error: string | null }
  /**
   * A credential stopped being good: a token revoked, a session logged out, or a user disabled or
   * given another role (`scope: 'user'`: every session of the user but `keepSessionId`, and the
   * user's tokens). Open event streams of it end (see live-streams.ts). Never sent to browsers.
   */
  | { type: 'credentials.revoked'; at: number; scope: 'token' | 'session' | 'user'; id: string; keepSessionId?: string };

export type WeirEventType = WeirEvent['type'];

/** The event of one type (or of one of several). */
export type WeirEventOf<T extends WeirEventType> = Extract<WeirEvent, { type: T }>;

/** The events GET /api/events sends to a page: exceptions, checkpoints and the rest stay server-side (alerts, health). */
export type LiveEvent = WeirEventOf<'run.discovered' | 'run.status' | 'cluster.health'>;
