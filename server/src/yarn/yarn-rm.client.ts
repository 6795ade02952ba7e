import type { z } from 'zod';
import { FlinkHttp, type FlinkHttpOptions } from '../flink/flink-http.js';
import { FlinkRejectedError, InputError } from '../errors/errors.js';
import * as S from './yarn-rm.schemas.js';

export type YarnApplicationState = z.output<typeof S.YarnApplicationState>;
export type YarnFinalStatus = z.output<typeof S.YarnFinalStatus>;

/** One YARN application as Weir sees it, whatever the ResourceManager's JSON looked like. */
export interface YarnApplication {
  id: string;
  name: string;
  user: string;
  queue: string | null;
  state: YarnApplicationState;
  finalStatus: YarnFinalStatus;
  type: string;
  tags: string[];
  /** YARN's own words on why it ended (or why it waits); the evidence for a run's final status. */
  diagnostics: string;
  trackingUrl: string | null;
  /**
   * The JobManager's REST address for a Flink application: Flink registers its ApplicationMaster with
   * the REST port as the "RPC" port, so YARN's amRPCAddress is where the JobManager answers.
   */
  jobManagerUrl: string | null;
  startedAt: number;
  finishedAt: number | null;
}

export interface ApplicationFilter {
  /** Any of these tags (YARN compares them lower-cased). */
  tags?: string[];
  types?: string[];
  states?: YarnApplicationState[];
}

/** The application states after which YARN runs nothing more for it. */
export const YARN_ENDED_STATES: ReadonlySet<YarnApplicationState> = new Set(['FINISHED', 'FAILED', 'KILLED']);

const HOST_PORT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}:\d{1,5}$/;

export function toYarnApplication(app: z.output<typeof S.YarnApp>): YarnApplication {
  const am = app.amRPCAddress?.trim() ?? '';
  return {
    id: app.id,
    name: app.name,
    user: app.user,
    queue: app.queue ?? null,
    state: app.state,
    finalStatus: app.finalStatus,
    type: app.applicationType,
    tags: (app.applicationTags ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    diagnostics: app.diagnostics ?? '',
    trackingUrl: app.trackingUrl || null,
    // Only while it runs: an ended application's address is a port someone else may hold now.
    jobManagerUrl: app.state === 'RUNNING' && HOST_PORT.test(am) ? `http://${am}` : null,
    startedAt: app.startedTime,
    finishedAt: app.finishedTime > 0 ? app.finishedTime : null,
  };
}

export function assertApplicationId(id: string): void {
  if (!S.YARN_APPLICATION_ID.test(id)) throw new InputError(`"${id.slice(0, 80)}" is not a YARN application id`);
}

/**
 * Typed client for a YARN ResourceManager's REST API (Hadoop 3.3): list applications, read one, kill one.
 * Every answer is validated; transport failures and odd answers become Weir's typed errors through the
 * same HTTP layer as the Flink clients, YARN's own `RemoteException` answers a FlinkRejectedError naming YARN.
 */
export class YarnResourceManagerClient {
  private readonly http: FlinkHttp;

  constructor(options: Omit<FlinkHttpOptions, 'label'>) {
    this.http = new FlinkHttp({ ...options, label: 'YARN ResourceManager' });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Proves the address is a ResourceManager, and that it has started. */
  async clusterInfo(): Promise<{ state: string; hadoopVersion: string; identity: string | null }> {
    const { clusterInfo } = await this.http.json('/ws/v1/cluster/info', S.YarnClusterInfoAnswer);
    const identity = clusterInfo.id === undefined ? null : `${clusterInfo.id}/${clusterInfo.startedOn ?? ''}`;
    return { state: clusterInfo.state, hadoopVersion: clusterInfo.hadoopVersion, identity };
  }

  /**
   * The queues an application may name: each queue's full path (`root.a.b`) and its own name (`b`), as
   * YARN 3.3 accepts either. The FIFO scheduler has the one queue `default`.
   */
  async queues(): Promise<{ scheduler: string; queues: Set<string> }> {
    const { schedulerInfo: info } = (await this.http.json('/ws/v1/cluster/scheduler', S.YarnSchedulerAnswer)).scheduler;
    const queues = new Set<string>();
    if (info.type === 'fifoScheduler') return { scheduler: info.type, queues: new Set(['default']) };
    const visit = (node: S.YarnQueueNode, parent: string): void => {
      const path = node.queuePath ?? (node.queueName.includes('.') || !parent ? node.queueName : `${parent}.${node.queueName}`);
      queues.add(path);
      queues.add(path.slice(path.lastIndexOf('.') + 1));
      for (const child of [node.queues?.queue, node.childQueues?.queue].flat()) if (child) visit(child, path);
    };
    if (info.rootQueue) visit(info.rootQueue, '');
    else visit({ queueName: info.queueName ?? 'root', queues: info.queues }, '');
    return { scheduler: info.type, queues };
  }

  async applications(filter: ApplicationFilter = {}): Promise<YarnApplication[]> {
    const list = (values?: string[]): string | undefined => (values?.length ? values.join(',') : undefined);
    const answer = await this.http.json('/ws/v1/cluster/apps', S.YarnAppsAnswer, {
      query: {
        applicationTags: list(filter.tags?.map((t) => t.toLowerCase())),
        applicationTypes: list(filter.types),
        states: list(filter.states),
      },
    });
    return (answer.apps?.app ?? []).map(toYarnApplication);
  }

  /**
   * Each attempt's ApplicationMaster container (for Flink: the JobManager) and the NodeManager it ran on,
   * newest attempt first. YARN keeps these after the application ends, when it lists no other container.
   */
  async applicationMasters(id: string): Promise<Array<{ containerId: string; nodeHttpAddress: string }>> {
    assertApplicationId(id);
    const answer = await this.http.json(`/ws/v1/cluster/apps/${id}/appattempts`, S.YarnAppAttemptsAnswer);
    return (answer.appAttempts?.appAttempt ?? [])
      .slice()
      .sort((a, b) => b.id - a.id)
      .flatMap((a) => (a.containerId && a.nodeHttpAddress ? [{ containerId: a.containerId, nodeHttpAddress: a.nodeHttpAddress }] : []));
  }

  /** The web addresses of the NodeManagers the ResourceManager knows (running or not: ended containers' logs stay on their node). */
  async nodeAddresses(): Promise<string[]> {
    const answer = await this.http.json('/ws/v1/cluster/nodes', S.YarnNodesAnswer);
    return [...new Set((answer.nodes?.node ?? []).map((n) => n.nodeHTTPAddress))];
  }

  /** The application, or null when the ResourceManager does not know it (never submitted, or forgotten). */
  async application(id: string): Promise<YarnApplication | null> {
    assertApplicationId(id);
    const answer = await this.http.jsonOrNull(`/ws/v1/cluster/apps/${id}`, S.YarnAppAnswer);
    return answer ? toYarnApplication(answer.app) : null;
  }

  /**
   * Asks YARN to kill the application. YARN answers 202 while the kill is under way; callers that need
   * the end wait for `application(id)` to show an ended state. Killing an ended application is a no-op.
   */
  async kill(id: string): Promise<void> {
    assertApplicationId(id);
    const path = `/ws/v1/cluster/apps/${id}/state`;
    const res = await this.http.send(path, { method: 'PUT', body: { state: 'KILLED' }, allowStatus: [400, 403, 404] });
    const text = await res.text();
    if (res.status === 200 || res.status === 202) return;
    throw this.rejection('PUT', path, res.status, text);
  }

  private rejection(method: string, path: string, status: number, text: string): FlinkRejectedError {
    let message = `HTTP ${status}`;
    try {
      const parsed = S.YarnRemoteException.safeParse(JSON.parse(text));
      if (parsed.success) message = parsed.data.RemoteException.message?.split('\n')[0]?.slice(0, 500) ?? message;
    } catch {
      /* not JSON: the status says enough */
    }
    return new FlinkRejectedError(`YARN ResourceManager rejected ${method} ${path}: ${message}`, { status });
  }
}
