// Deploys a jar as a Flink application on YARN by running Flink's own CLI (the same code path as
// `flink run-application -t yarn-application`), then finds the application by the tag only this
// deployment carries and waits until YARN reports it RUNNING with a JobManager address. On any failure
// the tagged application is killed, so a failed deployment leaves nothing running on YARN.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderLog4jProperties } from '@weir/flink-local';
import { FlinkRejectedError } from '../errors/errors.js';
import {
  flinkYarnCliInvocation, flinkYarnSessionInvocation, newDeployTag, type FlinkCliInvocation, type FlinkYarnInstallation,
  type JarApplicationSpec, type SessionSpec, type YarnTarget,
} from './flink-yarn-cli.js';
import { YARN_ENDED_STATES, type YarnApplication, type YarnResourceManagerClient } from './yarn-rm.client.js';

export interface DeployedApplication {
  applicationId: string;
  jobManagerUrl: string;
  deployTag: string;
  /** From starting the CLI to YARN reporting the application RUNNING with its JobManager address. */
  deployMs: number;
}

export interface DeployOptions {
  /** A folder of Weir's own; each deployment writes its Flink conf and CLI log in a subfolder it removes after, failed or not. */
  workDir: string;
  /** Default 5 minutes: the CLI uploads ~170 MB of jars and YARN starts a JVM on a busy machine. */
  timeoutMs?: number;
  /** How often the ResourceManager is asked while waiting. */
  pollMs?: number;
  log?: (line: string) => void;
  /** Hears the application id as soon as YARN lists the application (before it runs), so a run can show it while it starts. */
  submitted?: (applicationId: string) => Promise<void>;
  /** The tag only this deployment carries (jobDeployTag, sessionDeployTag); default a random one. */
  deployTag?: string;
}

/** The last lines worth showing from the CLI's output: the exception Flink printed, not the banner. */
function cliFailure(output: string, logFile: string): string {
  const printed = output.split('\n').map((l) => l.trim()).filter(Boolean);
  const causes = printed.filter((l) => /Exception|Error|Caused by/.test(l)).slice(-4);
  let logged: string[] = [];
  try {
    logged = readFileSync(logFile, 'utf8').split('\n').filter((l) => / (ERROR|WARN) /.test(l)).slice(-3);
  } catch { /* the CLI may have failed before it logged */ }
  return [...(causes.length ? causes : printed.slice(-4)), ...logged].join('\n').slice(0, 2_000);
}

function runCli(java: string, args: string[], env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; output: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(java, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (d: Buffer): void => { output = (output + d.toString()).slice(-64_000); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(new Error(`Could not run Flink's CLI (${java}): ${err.message}`)); });
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, output, timedOut }); });
  });
}

export class YarnApplicationDeployer {
  constructor(
    private readonly rm: YarnResourceManagerClient,
    private readonly install: FlinkYarnInstallation,
    private readonly target: YarnTarget,
  ) {}

  async deployJar(spec: JarApplicationSpec, opts: DeployOptions): Promise<DeployedApplication> {
    return this.deploy(spec.name, (dirs) => flinkYarnCliInvocation(this.install, this.target, spec, dirs, opts.deployTag), opts);
  }

  /**
   * Starts a Flink YARN session (`yarn-session.sh -d`) and resolves once YARN reports it RUNNING with its
   * JobManager's address; on any failure the tagged application is killed, as for a jar.
   */
  async deploySession(spec: SessionSpec, opts: DeployOptions): Promise<DeployedApplication> {
    return this.deploy(spec.name, (dirs) => flinkYarnSessionInvocation(this.install, this.target, spec, dirs, opts.deployTag ?? newDeployTag()), opts);
  }

  private async deploy(name: string, invocation: (dirs: { confDir: string; cliLogFile: string }) => FlinkCliInvocation, opts: DeployOptions): Promise<DeployedApplication> {
    // A wrong or stopped ResourceManager is said in a second, not after the CLI's Hadoop client has retried for
    // minutes; and Weir will need this REST address to find the application, so it is checked first.
    const info = await this.rm.clusterInfo();
    if (info.state !== 'STARTED') throw new FlinkRejectedError(`YARN ResourceManager at ${this.rm.baseUrl} is ${info.state}, not STARTED`);
    const started = Date.now();
    const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
    const log = opts.log ?? (() => {});
    const deployDir = join(opts.workDir, `deploy-${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    const confDir = join(deployDir, 'conf');
    const cliLogFile = join(deployDir, 'cli.log');
    const cli = invocation({ confDir, cliLogFile });
    const spec = { name };
    mkdirSync(confDir, { recursive: true });
    writeFileSync(join(confDir, 'config.yaml'), cli.configYaml);
    // Flink ships log4j.properties to the containers: their JobManager and TaskManager logs come from it.
    writeFileSync(join(confDir, 'log4j.properties'), renderLog4jProperties());
    writeFileSync(join(confDir, 'log4j-cli.properties'), renderLog4jProperties());
    log(`deploying ${spec.name} to YARN at ${this.target.resourceManagerUrl} (tag ${cli.deployTag})`);
    // The caller hears of the application once, as soon as YARN lists it, or when the deployment failed: a
    // failed application's container logs hold why (a missing class is named nowhere else), so it is said then too.
    let told = false;
    const submitted = async (applicationId: string): Promise<void> => {
      if (told) return;
      told = true;
      await opts.submitted?.(applicationId);
    };
    try {
      const run = await runCli(cli.java, cli.args, cli.env, timeoutMs);
      if (run.timedOut) throw new FlinkRejectedError(`Flink's CLI did not finish deploying ${spec.name} to YARN within ${Math.round(timeoutMs / 1000)} s`);
      if (run.code !== 0) {
        throw new FlinkRejectedError(`Flink's CLI could not deploy ${spec.name} to YARN (exit code ${run.code}):\n${cliFailure(run.output, cliLogFile)}`);
      }
      const app = await this.waitForJobManager(cli.deployTag, started + timeoutMs, opts.pollMs ?? 500, submitted);
      const deployed = { applicationId: app.id, jobManagerUrl: app.jobManagerUrl!, deployTag: cli.deployTag, deployMs: Date.now() - started };
      log(`${spec.name} is YARN application ${deployed.applicationId}, JobManager ${deployed.jobManagerUrl}, after ${deployed.deployMs} ms`);
      return deployed;
    } catch (err) {
      const [tagged] = await this.rm.applications({ tags: [cli.deployTag] }).catch(() => []);
      if (tagged) await submitted(tagged.id).catch(() => undefined);
      await this.killTagged(cli.deployTag, log);
      throw err;
    } finally {
      // Flink has uploaded what it needs; a failure's evidence is in the error's message.
      rmSync(deployDir, { recursive: true, force: true });
    }
  }

  /** Waits for the application this tag marks to be RUNNING with its JobManager's address, or to end. */
  private async waitForJobManager(deployTag: string, deadline: number, pollMs: number, submitted: (applicationId: string) => Promise<void>): Promise<YarnApplication> {
    let last: YarnApplication | undefined;
    while (Date.now() < deadline) {
      [last] = await this.rm.applications({ tags: [deployTag] });
      if (last) await submitted(last.id);
      if (last && YARN_ENDED_STATES.has(last.state)) {
        throw new FlinkRejectedError(`YARN application ${last.id} ended ${last.state} (${last.finalStatus}) before its JobManager answered: ${last.diagnostics.slice(0, 1_000)}`);
      }
      if (last?.state === 'RUNNING' && last.jobManagerUrl) return last;
      await new Promise((r) => setTimeout(r, pollMs));
    }
    throw new FlinkRejectedError(
      last ? `YARN application ${last.id} is still ${last.state}, without a JobManager address` : `YARN lists no application tagged ${deployTag}`,
    );
  }

  private async killTagged(deployTag: string, log: (line: string) => void): Promise<void> {
    try {
      for (const app of await this.rm.applications({ tags: [deployTag] })) {
        if (YARN_ENDED_STATES.has(app.state)) continue;
        log(`killing ${app.id}, left by a failed deployment`);
        await this.rm.kill(app.id);
      }
    } catch (err) {
      log(`could not clean up after a failed deployment (tag ${deployTag}): ${(err as Error).message}`);
    }
  }
}
