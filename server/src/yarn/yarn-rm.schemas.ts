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
  clusterInfo: z.object({ state: z.string(), hadoopVersion: z.string(), resourceManagerVersion: z.string().optional() }),
});

/** How YARN's REST reports an error (a missing application, a refused state change). */
export const YarnRemoteException = z.object({
  RemoteException: z.object({ exception: z.string().optional(), message: z.string().optional(), javaClassName: z.string().optional() }),
});
