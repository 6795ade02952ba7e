import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FlinkRejectedError } from '../errors/errors.js';
import type { ClusterEndpoint, FlinkClients } from '../flink/flink-clients.js';
import type { SqlErrorDetails, SqlGatewayClient } from '../flink/sql-gateway.client.js';
import { sqlRunnerFailureIn, sqlRunnerFailureText } from '../flink/sql-runner-failure.js';
import { rejectionInScript, type GatewayStatement } from '../tasks/gateway-statements.js';
import type { JarFilesStore } from '../tasks/jar-files.store.js';
import { FIXED_JOB_ID, jobConfiguration } from '../tasks/job-configuration.js';
import type { Deployment, DeploymentTarget } from './deployment-target.js';
import { planScriptOrRefuse, type TableEnvironmentPlan } from './sql-plan.js';
import { sqlRunnerArguments, sqlRunnerRun } from './sql-runner-run.js';
import { jarNoLongerStored, versionJar } from './version-jar.js';

/** A session cluster's endpoints: the JobManager REST, and the SQL Gateway when it has one. */
export interface SessionCluster extends ClusterEndpoint {
  name: string;
  gatewayUrl: string | null;
}

/** A Flink YARN session Weir started (clusters/yarn-sessions.service.ts): it has no SQL Gateway. */
export interface YarnSessionOptions {
  /** Weir's SQL runner jar for a Flink version (flink-local's ensureSqlRunnerJar, the jar a YARN application runs). */
  sqlRunnerJar: (flinkVersion: string) => Promise<string>;
}

/**
 * A session cluster: SQL through its SQL Gateway, a jar through its JobManager, each under the job id Weir
 * chose (operations/README.md, "Submission"). On a YARN session Weir started, which has no SQL Gateway, a SQL
 * task is Weir's SQL runner run as a jar on the JobManager, as a SQL task on a YARN entry runs as an application.
 */
export class SessionTarget implements DeploymentTarget {
  readonly deploysInBackground = false;

  constructor(
    private readonly cluster: SessionCluster,
    private readonly deps: { flink: FlinkClients; jars: JarFilesStore },
    private readonly options: { yarnSession?: YarnSessionOptions } = {},
  ) {}

  /** A script the SQL runner cannot be given (a SET it cannot read, too large) is refused before a run is recorded. */
  refuseUnsupported(kind: Deployment['kind'], _taskName: string, content: string): void {
    if (this.options.yarnSession && kind === 'SQL') sqlRunnerArguments(content, 'streaming');
  }

  submit(deployment: Deployment): Promise<void> {
    if (deployment.kind !== 'SQL') return this.submitJar(deployment);
    return this.options.yarnSession ? this.submitSqlRunner(deployment, this.options.yarnSession) : this.submitSql(deployment);
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

  /**
   * Weir's SQL runner, built for the session's Flink version, uploaded to its JobManager and run there as a jar
   * task is (submitJar), with the same arguments and options a YARN application gets (sqlRunnerRun): the script's
   * SETs in script order, Weir's job id and savepoint last. The JobManager runs the runner's main method inside
   * the request, so a statement Flink refuses comes back as the request's failure, no job started.
   */
  private async submitSqlRunner(deployment: Deployment, yarnSession: YarnSessionOptions): Promise<void> {
    // Planned first: a script that cannot be submitted uploads nothing.
    const run = sqlRunnerRun(deployment);
    const jm = this.deps.flink.jobManager(this.cluster);
    // The version the session's JobManager runs, which is the YARN entry's when the session started.
    const { flinkVersion } = await jm.probe();
    const jarPath = await yarnSession.sqlRunnerJar(flinkVersion);
    const uploaded = await jm.uploadJar(basename(jarPath), new Uint8Array(await readFile(jarPath)));
    try {
      await jm.runJar(uploaded, {
        jobId: deployment.jobId,
        entryClass: run.entryClass,
        args: run.programArgs,
        // No `parallelism`: Flink's JarRunHandler applies it over the options, undoing a script's SET 'parallelism.default'.
        savepointPath: deployment.restore?.path,
        flinkConfiguration: run.flinkConfig,
      });
    } catch (err) {
      throw statementRejection(err, run.plan) ?? err;
    } finally {
      // The job holds its own copy; the upload would otherwise pile up on the JobManager.
      await jm.deleteJar(uploaded).catch(() => undefined);
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

/** Calcite's position in Flink's message ("From line 1, column 5 to …", "at line 1, column 5"). */
const FLINK_POSITION = /(?:at line|from line) (\d+), column (\d+)/i;

/**
 * The SQL runner's failure in Flink's answer to the jar run, as the SQL Gateway path words a rejected statement
 * (its number, line and column in the script); null when the run failed for a reason that is no statement's.
 */
function statementRejection(err: unknown, plan: TableEnvironmentPlan): FlinkRejectedError | null {
  if (!(err instanceof FlinkRejectedError)) return null;
  const errors = (err.details as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return null;
  const failure = sqlRunnerFailureIn(errors.map(String).join('\n'));
  if (!failure) return null;
  // The runner numbers the statements it ran from 1; one it could not have run is not believed.
  const statement = failure.statement !== null && failure.statement <= plan.planned.length ? plan.planned[failure.statement - 1]! : null;
  if (!statement) return new FlinkRejectedError(`Flink rejected the script: ${sqlRunnerFailureText(failure)}`, failure);
  const pos = FLINK_POSITION.exec(failure.message);
  const at = rejectionInScript(failure.message, pos ? { line: Number(pos[1]), column: Number(pos[2]) } : null, statement);
  return new FlinkRejectedError(`Flink rejected statement ${at.statementIndex + 1} (line ${at.line}, column ${at.column}): ${at.message}`, at);
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
