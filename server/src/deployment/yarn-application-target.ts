import { ensureSqlRunnerJar } from '@weir/flink-local';
import { JobManagerClient } from '../flink/job-manager.client.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import { FIXED_JOB_ID, jobConfiguration } from '../tasks/job-configuration.js';
import { jobDeployTag, type FlinkYarnInstallation, type JarApplicationSpec, type YarnTarget } from '../yarn/flink-yarn-cli.js';
import { YarnApplicationDeployer } from '../yarn/yarn-application-deployer.js';
import { findRunningFlinkApplications, killApplicationAndStagedFiles, type FlinkApplications } from '../yarn/yarn-applications.js';
import type { YarnApplication, YarnResourceManagerClient } from '../yarn/yarn-rm.client.js';
import type { Deployment, DeploymentTarget, RunPlacement } from './deployment-target.js';
import { SAVEPOINT_PATH, sqlRunnerArguments, sqlRunnerRun } from './sql-runner-run.js';
import { jarNoLongerStored, versionJar } from './version-jar.js';

/** Flink's option that, set to false, keeps an application cluster up after its job reached a terminal state. */
export const KEEP_CLUSTER_AFTER_JOB = 'execution.shutdown-on-application-finish';

/**
 * The JobManager outlives its job, so Weir can still read the job's end and the result of a stop with a savepoint
 * there; the YARN watcher shuts the application down once the run's end is recorded.
 */
function keepClusterAfterJob(flinkConfig: Record<string, string>): Record<string, string> {
  return { ...flinkConfig, [KEEP_CLUSTER_AFTER_JOB]: 'false' };
}

/** Where a run deployed as a YARN application is: its application and the JobManager Weir follows. */
export interface YarnDeployedRun {
  applicationId: string;
  jobManagerUrl: string;
}

/**
 * A YARN cluster where each run is a Flink application of its own (application mode), started by Flink's
 * CLI through yarn-application-deployer.ts, under the job id Weir chose. A jar task runs its own jar; a SQL
 * task runs Weir's SQL runner (flink-local/sql-runner) with the statements Weir planned; stopping
 * a run that answers is its JobManager's REST, as for every target; `forceEnd` is for one that does not.
 */
export class YarnApplicationTarget implements DeploymentTarget {
  /** Flink's CLI uploads the jars and YARN starts two JVMs: 30-120 s measured, too long to hold a request. */
  readonly deploysInBackground = true;
  private readonly deployed = new Map<string, YarnDeployedRun>();

  constructor(
    private readonly rm: YarnResourceManagerClient,
    private readonly yarn: YarnTarget & { stagingDirectory: string },
    private readonly deps: {
      /** The Flink client for YARN; a function when it may still have to be assembled (the first deployment of a version). */
      install: FlinkYarnInstallation | (() => Promise<FlinkYarnInstallation>);
      jars: JarFilesStore;
      /** Weir's SQL runner jar for a Flink version; default: built by flink-local once per version. */
      sqlRunnerJar?: (flinkVersion: string) => Promise<string>;
      workDir: string;
      timeoutMs?: number;
      log?: (line: string) => void;
    },
  ) {}

  /**
   * A SQL script that cannot be planned is refused as a session cluster refuses it, and one the SQL runner cannot
   * be given (a SET it cannot read, statements too long for a command line) too, before a run is recorded.
   */
  refuseUnsupported(kind: Deployment['kind'], taskName: string, content: string): void {
    if (kind !== 'SQL') return;
    sqlRunnerArguments(content, 'streaming');
  }

  async submit(deployment: Deployment, placed?: (placement: RunPlacement) => Promise<void>): Promise<void> {
    const run = await this.deploy(deployment, placed && ((applicationId) => placed({ yarnApplicationId: applicationId, jobManagerUrl: null })));
    await placed?.({ yarnApplicationId: run.applicationId, jobManagerUrl: run.jobManagerUrl });
  }

  /**
   * Deploys the run and says where it runs; resolves once YARN reports it RUNNING with its JobManager's address.
   * `submitted` hears the application id as soon as YARN lists it (still ACCEPTED).
   */
  async deploy({ jobId, taskName, kind, content, config, restore }: Deployment, submitted?: (applicationId: string) => Promise<void>): Promise<YarnDeployedRun> {
    let spec: JarApplicationSpec;
    let install: FlinkYarnInstallation;
    if (kind === 'SQL') {
      // Planned and checked (the size of the arguments) before the runner is built or Flink's client assembled:
      // a script that cannot be submitted never reaches YARN.
      const { entryClass, programArgs, flinkConfig } = sqlRunnerRun({ jobId, taskName, content, config, restore });
      install = await this.installation();
      const jarPath = await (this.deps.sqlRunnerJar ?? ((v: string) => ensureSqlRunnerJar(v, this.deps.log)))(install.flinkVersion);
      // No `parallelism`: it would win over a script's SET 'parallelism.default' (sqlRunnerRun).
      spec = { name: taskName, jarPath, entryClass, programArgs, flinkConfig: keepClusterAfterJob(flinkConfig) };
    } else {
      const jar = versionJar(content);
      const jarPath = await this.deps.jars.contentFile(jar.jarId);
      if (!jarPath) throw jarNoLongerStored(jar.jarId);
      install = await this.installation();
      // A jar names its own job.
      const flinkConfig: Record<string, string> = { ...jobConfiguration(config, {}), [FIXED_JOB_ID]: jobId };
      if (restore) flinkConfig[SAVEPOINT_PATH] = restore.path;
      spec = { name: taskName, jarPath, entryClass: jar.entryClass ?? undefined, programArgs: jar.args, parallelism: config.parallelism, flinkConfig: keepClusterAfterJob(flinkConfig) };
    }
    const deployer = new YarnApplicationDeployer(this.rm, install, this.yarn);
    const app = await deployer.deployJar(
      spec,
      // Tagged with the job id recorded before this call: a Weir that stops before YARN's application id is recorded finds it by that tag.
      { workDir: this.deps.workDir, timeoutMs: this.deps.timeoutMs, log: this.deps.log, deployTag: jobDeployTag(jobId), ...(submitted ? { submitted } : {}) },
    );
    const run = { applicationId: app.applicationId, jobManagerUrl: app.jobManagerUrl };
    this.deployed.set(jobId, run);
    return run;
  }

  private async installation(): Promise<FlinkYarnInstallation> {
    return typeof this.deps.install === 'function' ? this.deps.install() : this.deps.install;
  }

  /**
   * Whether the run's JobManager knows the job; null when it does not answer. A deployment that failed left
   * nothing running on YARN (the deployer kills what it started), so its job is nowhere Weir could read it: false.
   */
  async knowsJob(jobId: string): Promise<boolean | null> {
    const run = this.deployed.get(jobId);
    if (!run) return false;
    return new JobManagerClient({ baseUrl: run.jobManagerUrl, timeoutMs: 10_000 }).jobExists(jobId).catch(() => null);
  }

  /** The Flink applications holding or waiting for containers: Weir's own (tagged `weir`) and others'. */
  findRunning(): Promise<FlinkApplications> {
    return findRunningFlinkApplications(this.rm);
  }

  /**
   * Ends a run whose JobManager no longer answers: a kill through YARN, whose final state and diagnostics are
   * the evidence; then the staging folder its JobManager had no chance to remove (the uploaded jars).
   */
  async forceEnd(applicationId: string): Promise<YarnApplication> {
    return killApplicationAndStagedFiles(this.rm, this.yarn.stagingDirectory, applicationId);
  }
}
