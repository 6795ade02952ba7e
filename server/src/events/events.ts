import type { ClusterHealth } from '@weir/contract';

/** Every status a run can have: Flink's own, plus Weir's RECONNECTING and UNKNOWN (defined once, in the contract). */
export type { RunStatus } from '@weir/contract';
import type { RunStatus } from '@weir/contract';

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
      /** Set when Weir, not Flink, changed the status because the whole cluster could not be reached (or vanished jobs after it). */
      cause?: 'cluster-unreachable';
    } & RunRef)
  | ({ type: 'run.exception'; at: number; exceptionName: string; message: string; failedTask: string | null } & RunRef)
  | ({ type: 'run.checkpoint'; at: number; checkpointId: number; outcome: 'COMPLETED' | 'FAILED'; failure?: string; isSavepoint: boolean } & RunRef)
  | ({ type: 'run.health'; at: number; check: 'restarts' | 'checkpoint' | 'backpressure'; state: 'PASS' | 'FAIL'; detail: string } & RunRef)
  | ({ type: 'task.auto-restart'; outcome: 'exhausted'; at: number; reason: string; attempts: number } & RunRef)
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
type Listener = (event: WeirEvent) => void | Promise<void>;

/**
 * In-process publish/subscribe. Listeners run after the publisher's write is
 * committed; a failing listener is logged and does not affect the others.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  constructor(private readonly log: { error: (o: unknown, m: string) => void } = console) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: WeirEvent): void {
    for (const l of this.listeners) {
      try {
        const r = l(event);
        if (r && typeof (r as Promise<void>).catch === 'function') {
          (r as Promise<void>).catch((err) => this.log.error({ err, type: event.type }, 'event listener failed'));
        }
      } catch (err) {
        this.log.error({ err, type: event.type }, 'event listener failed');
      }
    }
  }
}
