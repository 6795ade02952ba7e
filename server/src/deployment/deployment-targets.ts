import { AppError } from '../errors/errors.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import type { DeploymentTarget } from './deployment-target.js';
import { SessionTarget, type SessionCluster } from './session-target.js';

/** Each cluster entry's target, chosen by what the entry is. */
export class DeploymentTargets {
  constructor(private readonly deps: { flink: FlinkClients; jars: JarFilesStore }) {}

  of(cluster: SessionCluster & { kind: 'session' | 'yarn' }): DeploymentTarget {
    // YarnApplicationTarget can deploy a jar, but nothing records or watches the application's JobManager
    // yet: a run submitted now would stay INITIALIZING unseen (docs/deployment-targets.md).
    if (cluster.kind === 'yarn') {
      throw new AppError('NOT_YET_SUPPORTED', `Cluster ${cluster.name} is a YARN target; Weir cannot deploy runs to YARN yet`);
    }
    return new SessionTarget(cluster, this.deps);
  }
}
