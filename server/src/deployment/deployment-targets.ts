import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Cluster } from '@weir/contract';
import { ensureFlinkYarnDistribution, ensureSqlRunnerJar } from '@weir/flink-local';
import { AppError, ConflictError } from '../errors/errors.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import type { Logger } from '../logging/logger.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import type { FlinkYarnInstallation } from '../yarn/flink-yarn-cli.js';
import type { YarnClients } from '../yarn/yarn-clients.js';
import type { DeploymentTarget } from './deployment-target.js';
import { SessionTarget, type SessionCluster } from './session-target.js';
import { YarnApplicationTarget } from './yarn-application-target.js';

/** Where YARN deployments keep their files on Weir's machine, and the Java they run Flink's CLI on. */
export interface YarnDeploymentSettings {
  /** Each deployment's Flink configuration and CLI log (removed after), and `staging/`, where Flink uploads the application's jars. */
  workDir: string;
  /** null: the `java` on PATH. */
  javaHome: string | null;
}

/** Where Flink's CLI uploads each application's jars (`.flink/<application id>` below it), as a Flink file URI. */
export function yarnStagingDirectory(settings: YarnDeploymentSettings): string {
  return `file://${join(settings.workDir, 'staging')}`;
}

/** Each cluster entry's target, chosen by what the entry is. */
export class DeploymentTargets {
  private javaHome: string | undefined;

  constructor(
    private readonly deps: {
      flink: FlinkClients;
      jars: JarFilesStore;
      yarn?: YarnClients;
      yarnDeployments?: YarnDeploymentSettings;
      log?: Logger;
    },
  ) {}

  of(cluster: SessionCluster & Pick<Cluster, 'kind' | 'yarn' | 'yarnSession'>): DeploymentTarget {
    if (cluster.kind !== 'yarn') {
      if (!cluster.yarnSession) return new SessionTarget(cluster, this.deps);
      if (cluster.yarnSession.state !== 'RUNNING') {
        throw new ConflictError(`The YARN session ${cluster.name} is ${cluster.yarnSession.state}; jobs are submitted to a RUNNING session only`);
      }
      // A YARN session has no SQL Gateway: a SQL task runs the SQL runner a SQL task on a YARN entry runs.
      return new SessionTarget(cluster, this.deps, { yarnSession: { sqlRunnerJar: (flinkVersion) => this.sqlRunnerJar(flinkVersion) } });
    }
    const { yarn, yarnDeployments: settings } = this.deps;
    if (!cluster.yarn || !yarn || !settings) {
      throw new AppError('NOT_YET_SUPPORTED', `Cluster ${cluster.name} is a YARN target; this Weir is not set up to deploy to YARN`);
    }
    const { flinkVersion, hadoopConfDir, queue } = cluster.yarn;
    const log = this.deps.log;
    return new YarnApplicationTarget(
      yarn.resourceManagerAt(cluster.restUrl),
      { resourceManagerUrl: cluster.restUrl, hadoopConfDir, queue, stagingDirectory: yarnStagingDirectory(settings) },
      {
        install: () => this.installation(flinkVersion),
        jars: this.deps.jars,
        workDir: join(settings.workDir, 'deployments'),
        ...(log ? { log: (line: string) => log.info({ cluster: cluster.name }, line) } : {}),
      },
    );
  }

  /**
   * The Flink client for YARN of the entry's version: assembled from Maven Central the first time (flink-local),
   * instant after. The JobManager and TaskManagers run this same Flink, shipped with the application.
   */
  async installation(flinkVersion: string): Promise<FlinkYarnInstallation> {
    const dist = await ensureFlinkYarnDistribution({ flinkVersion, ...(this.deps.log ? { log: (line: string) => this.deps.log!.info({ flinkVersion }, line) } : {}) });
    return { flinkVersion, libDir: dist.libDir, javaHome: this.javaHomeNow() };
  }

  /** Weir's SQL runner jar for a Flink version: built with Maven the first time (6-7 s), instant after. */
  sqlRunnerJar(flinkVersion: string): Promise<string> {
    const log = this.deps.log;
    return ensureSqlRunnerJar(flinkVersion, log ? (line) => log.info({ flinkVersion }, line) : undefined);
  }

  private javaHomeNow(): string {
    this.javaHome ??= this.deps.yarnDeployments?.javaHome ?? javaHomeOnPath();
    return this.javaHome;
  }
}

/** The home of the `java` on PATH (…/bin/java resolved through its links, two folders up). */
function javaHomeOnPath(): string {
  try {
    return dirname(dirname(realpathSync(execFileSync('sh', ['-c', 'command -v java'], { encoding: 'utf8' }).trim())));
  } catch {
    throw new AppError('NOT_YET_SUPPORTED', "No java on PATH: Weir runs Flink's own client to deploy to YARN; set JAVA_HOME");
  }
}
