// The answers of a YARN ResourceManager's REST API (`/ws/v1/cluster/...`, Hadoop 3.3) that Weir reads,
// validated here so nothing else parses YARN JSON. Only the fields Weir uses are required; YARN adds
// fields between releases and omits some until they exist (trackingUrl before the AM registers).
import { z } from 'zod';

/** YARN's application states, in the order an application passes them. */
export const YarnApplicationState = z.enum([
  'NEW', 'NEW_SAVING', 'SUBMITTED', 'ACCEPTED', 'RUNNING', 'FINISHED', 'FAILED', 'KILLED',
]);
/** What the application itself reported at its end; UNDEFINED while it runs. */
export const YarnFinalStatus = z.enum(['UNDEFINED', 'SUCCEEDED', 'FAILED', 'KILLED', 'ENDED']);

/** `application_<cluster timestamp>_<sequence>`: checked before an id reaches a URL or a message. */
export const YARN_APPLICATION_ID = /^application_\d{1,20}_\d{1,10}$/;

export const YarnApp = z.object({
  id: z.string().regex(YARN_APPLICATION_ID),
  name: z.string(),
  user: z.string(),
  queue: z.string().optional(),
  state: YarnApplicationState,
  finalStatus: YarnFinalStatus,
  applicationType: z.string(),
  /** Comma-separated and lower-cased by YARN; absent or empty when there are none. */
  applicationTags: z.string().optional(),
  diagnostics: z.string().optional(),
  trackingUrl: z.string().optional(),
  /** `host:port` the ApplicationMaster registered; Flink registers its JobManager's REST port there. */
  amRPCAddress: z.string().optional(),
  startedTime: z.number(),
  finishedTime: z.number(),
});

/** YARN answers an empty list as `{"apps": null}`. */
export const YarnAppsAnswer = z.object({
  apps: z.object({ app: z.array(YarnApp).optional() }).nullable(),
});

export const YarnAppAnswer = z.object({ app: YarnApp });

export const YarnClusterInfoAnswer = z.object({
  clusterInfo: z.object({
    state: z.string(),
    hadoopVersion: z.string(),
    resourceManagerVersion: z.string().optional(),
    /** The cluster timestamp: with startedOn, tells one ResourceManager from another behind different addresses. */
    id: z.number().optional(),
    startedOn: z.number().optional(),
  }),
});

/** How YARN's REST reports an error (a missing application, a refused state change). */
export const YarnRemoteException = z.object({
  RemoteException: z.object({ exception: z.string().optional(), message: z.string().optional(), javaClassName: z.string().optional() }),
});

/**
 * A queue of the scheduler's answer (`/ws/v1/cluster/scheduler`): the capacity scheduler nests
 * children under `queues.queue`, the fair scheduler under `childQueues.queue` (with full names).
 */
export interface YarnQueueNode {
  queueName: string;
  queuePath?: string | undefined;
  queues?: { queue?: YarnQueueNode[] | YarnQueueNode | undefined } | null | undefined;
  childQueues?: { queue?: YarnQueueNode[] | YarnQueueNode | undefined } | null | undefined;
}
export const YarnQueueNode: z.ZodType<YarnQueueNode> = z.lazy(() => {
  const children = z.object({ queue: z.union([z.array(YarnQueueNode), YarnQueueNode]).optional() }).nullish();
  return z.object({ queueName: z.string(), queuePath: z.string().optional(), queues: children, childQueues: children });
});

/** The scheduler and its queues; the FIFO scheduler has one queue, `default`, and lists none. */
export const YarnSchedulerAnswer = z.object({
  scheduler: z.object({
    schedulerInfo: z.object({
      type: z.string(),
      queueName: z.string().optional(),
      queues: z.object({ queue: z.union([z.array(YarnQueueNode), YarnQueueNode]).optional() }).nullish(),
      rootQueue: YarnQueueNode.optional(),
    }),
  }),
});

/** `container_[e<epoch>_]<cluster timestamp>_<application>_<attempt>_<sequence>`. */
export const YARN_CONTAINER_ID = /^container_(?:e\d{1,10}_)?\d{1,20}_\d{1,10}_\d{1,10}_\d{1,12}$/;
/** A NodeManager's web address as the ResourceManager reports it. */
export const YARN_NODE_ADDRESS = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}:\d{1,5}$/;

/** `/ws/v1/cluster/apps/{id}/appattempts`: each attempt's ApplicationMaster container, kept after the end. */
export const YarnAppAttemptsAnswer = z.object({
  appAttempts: z.object({
    appAttempt: z.array(z.object({
      id: z.number(),
      containerId: z.string().regex(YARN_CONTAINER_ID).optional(),
      nodeHttpAddress: z.string().regex(YARN_NODE_ADDRESS).optional(),
      startTime: z.number(),
    })).optional(),
  }).nullable(),
});

/** `/ws/v1/cluster/nodes`: the NodeManagers, whose web addresses serve container logs. */
export const YarnNodesAnswer = z.object({
  nodes: z.object({
    node: z.array(z.object({ id: z.string(), state: z.string(), nodeHTTPAddress: z.string().regex(YARN_NODE_ADDRESS) })).optional(),
  }).nullable(),
});

/** A NodeManager's `/ws/v1/node/apps/{id}`: the application's containers on that node, listed only while it runs there. */
export const YarnNodeAppAnswer = z.object({
  app: z.object({ id: z.string(), state: z.string(), containerids: z.array(z.string().regex(YARN_CONTAINER_ID)).optional() }),
});

/** A NodeManager's `/ws/v1/node/containers/{id}/logs`: the container's log files, on disk until the NodeManager deletes them. */
export const YarnContainerLogsAnswer = z.object({
  containerLogsInfo: z.object({
    containerLogInfo: z.array(z.object({ fileName: z.string().regex(/^[\w.-]{1,200}$/), fileSize: z.coerce.number().int().nonnegative() })).optional(),
  }),
});
