import { AppError, FlinkRejectedError } from '../errors/errors.js';
import type { ClusterEndpoint, FlinkClients } from '../flink/flink-clients.js';
import type { SqlErrorDetails, SqlGatewayClient } from '../flink/sql-gateway.client.js';
import { rejectionInScript, type GatewayStatement } from '../tasks/gateway-statements.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import { FIXED_JOB_ID, jobConfiguration } from '../tasks/job-configuration.js';
import type { Deployment, DeploymentTarget } from './deployment-target.js';
import { planScriptOrRefuse } from './sql-plan.js';
import { jarNoLongerStored, versionJar } from './version-jar.js';

/** A session cluster's endpoints: the JobManager REST, and the SQL Gateway when it has one. */
export interface SessionCluster extends ClusterEndpoint {
  name: string;
  gatewayUrl: string | null;
}

/**
 * A session cluster someone else started: SQL through its SQL Gateway, a jar through its
 * JobManager, each under the job id Weir chose (operations/README.md, "Submission").
 */
export class SessionTarget implements DeploymentTarget {
  readonly deploysInBackground = false;

  constructor(
    private readonly cluster: SessionCluster,
    private readonly deps: { flink: FlinkClients; jars: JarFilesStore },
    /** A YARN session Weir started: Flink's YARN session has no SQL Gateway. */
    private readonly options: { yarnSession?: boolean } = {},
  ) {}

  refuseUnsupported(kind: Deployment['kind'], taskName: string): void {
    if (this.options.yarnSession && kind === 'SQL') {
      throw new AppError('NOT_YET_SUPPORTED', `Task ${taskName} is a SQL task; a YARN session has no SQL Gateway, so Weir runs only jar tasks on it so far`);
    }
  }

  submit(deployment: Deployment): Promise<void> {
    return deployment.kind === 'SQL' ? this.submitSql(deployment) : this.submitJar(deployment);
  }

  knowsJob(jobId: string): Promise<boolean | null> {
    return this.deps.flink.jobManager(this.cluster).jobExists(jobId).catch(() => null);
  }

  private async submitSql({ taskName, content, config, jobId, restore }: Deployment): Promise<void> {
    const plan = planScriptOrRefuse(content);
    const gateway = this.deps.flink.sqlGateway(this.cluster);
    const session = await gateway.openSession(`weir-${taskName}`, jobConfiguration(config, { 'pipeline.name': taskName }));
    try {
      for (const statement of plan.setup) await execute(gateway, session, statement);
      const jobConfig: Record<string, string> = { [FIXED_JOB_ID]: jobId };
      if (restore) jobConfig['execution.savepoint.path'] = restore.path;
      const result = await execute(gateway, session, plan.job, jobConfig);
      if (result.jobId !== jobId) {
        throw new FlinkRejectedError(`The SQL Gateway started job ${result.jobId ?? '(none)'} instead of ${jobId}; is ${FIXED_JOB_ID} supported by this Flink version?`);
      }
    } finally {
      await gateway.closeSession(session).catch(() => undefined);
    }
  }

  private async submitJar({ content, config, jobId, restore }: Deployment): Promise<void> {
    const spec = versionJar(content);
    const jar = await this.deps.jars.read(spec.jarId);
    if (!jar) throw jarNoLongerStored(spec.jarId);
    const jm = this.deps.flink.jobManager(this.cluster);
    const uploaded = await jm.uploadJar(jar.file.fileName, jar.content);
    try {
      await jm.runJar(uploaded, {
        jobId,
        entryClass: spec.entryClass ?? undefined,
        args: spec.args,
        parallelism: config.parallelism,
        savepointPath: restore?.path,
        flinkConfiguration: jobConfiguration(config, {}),
      });
    } finally {
      // The job holds its own copy; the upload would otherwise pile up on the JobManager.
      await jm.deleteJar(uploaded).catch(() => undefined);
    }
  }
}

/** One statement; a rejection comes back with its position in the task's script. */
async function execute(gateway: SqlGatewayClient, session: string, statement: GatewayStatement, executionConfig?: Record<string, string>) {
  try {
    return await gateway.execute(session, statement.text, { executionConfig });
  } catch (err) {
    if (!(err instanceof FlinkRejectedError)) throw err;
    const details = err.details as Partial<SqlErrorDetails> | undefined;
    const at = rejectionInScript(details?.message ?? err.message, details?.position, statement);
    throw new FlinkRejectedError(`Flink rejected statement ${at.statementIndex + 1} (line ${at.line}, column ${at.column}): ${at.message}`, at);
  }
}
