// How Weir asks Flink's own CLI to deploy a jar as a YARN application: the command line, environment and
// config.yaml, built here without I/O so the unit tests pin what Flink gets. Running it is
// yarn-application-deployer.ts.
import { randomBytes } from 'node:crypto';
import { delimiter, join } from 'node:path';
import { JAVA17_OPTS } from '@weir/flink-local';
import { InputError } from '../errors/errors.js';

/** Every application Weir deploys carries this tag, so the ResourceManager's list tells Weir's own from others'. */
export const WEIR_YARN_TAG = 'weir';
/** A YARN session Weir started carries this tag too: an application that is not one run's, which a sweep of Weir's ended runs must leave alone. */
export const WEIR_SESSION_TAG = 'weir-session';

/** Where a Flink client for YARN is installed on Weir's machine (flink-local assembles one). */
export interface FlinkYarnInstallation {
  flinkVersion: string;
  /** Flink's lib/ plus flink-yarn and Hadoop's client: the CLI's classpath, shipped to the containers as it is. */
  libDir: string;
  /** The Java the CLI runs on, and the one the containers are told to use (YARN gives them no JAVA_HOME of their own). */
  javaHome: string;
}

/** A YARN cluster Weir deploys onto. */
export interface YarnTarget {
  resourceManagerUrl: string;
  /** Holds yarn-site.xml and core-site.xml; first on the CLI's classpath, where Flink reads them. */
  hadoopConfDir: string;
  queue?: string;
  /** Where Flink uploads the application's files; Flink's default is the file system's home folder. */
  stagingDirectory?: string;
}

export interface JarApplicationSpec {
  /** The YARN application name. */
  name: string;
  jarPath: string;
  entryClass?: string;
  programArgs?: string[];
  parallelism?: number;
  /** Flink options for this application; they win over Weir's defaults below. */
  flinkConfig?: Record<string, string>;
}

export interface FlinkCliInvocation {
  java: string;
  args: string[];
  env: Record<string, string>;
  configYaml: string;
  /** The tag only this deployment carries: how Weir finds the application id YARN gave it. */
  deployTag: string;
}

/** A YARN tag or queue name: YARN lower-cases tags and limits them to 100 ASCII characters. */
const SAFE_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const JAVA_CLASS_NAME = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*){0,50}$/;

export function newDeployTag(): string {
  return `weir-deploy-${randomBytes(8).toString('hex')}`;
}

const JOB_TAG_PREFIX = 'weir-job-';

/**
 * The deploy tag of a run's application: its Flink job id, which Weir records (with the run) before the CLI starts,
 * so a Weir that stopped mid-deployment finds the application again even when its id was never recorded.
 */
export function jobDeployTag(jobId: string): string {
  return `${JOB_TAG_PREFIX}${jobId.toLowerCase()}`;
}

const SESSION_TAG_PREFIX = 'weir-session-';

/**
 * The deploy tag of a YARN session Weir starts: its cluster entry's id, recorded (STARTING) before the CLI starts, so a
 * Weir that stopped while the session started finds its application again, as jobDeployTag does for a run's.
 * YARN lower-cases tags; entry ids are upper-case, so the tag is compared lower-cased (sessionIdOfTags).
 */
export function sessionDeployTag(clusterId: string): string {
  return `${SESSION_TAG_PREFIX}${clusterId.toLowerCase()}`;
}

/** Whether an application's tags name this session entry (sessionDeployTag). */
export function isSessionOf(tags: readonly string[], clusterId: string): boolean {
  return tags.includes(sessionDeployTag(clusterId));
}

/** The Flink job id an application's tags name (jobDeployTag), if any. */
export function jobIdOfTags(tags: readonly string[]): string | undefined {
  const tag = tags.find((t) => t.startsWith(JOB_TAG_PREFIX));
  return tag ? tag.slice(JOB_TAG_PREFIX.length) : undefined;
}

/**
 * Weir's defaults for an application JobManager and TaskManager: small enough that a JobManager and a
 * TaskManager fit a 4 GiB NodeManager twice over, with a single attempt so a jar that fails at start
 * ends the application instead of YARN restarting it.
 */
export function applicationFlinkConfig(install: FlinkYarnInstallation, target: YarnTarget, spec: JarApplicationSpec, deployTag: string): Record<string, string> {
  // Weir makes the tag (newDeployTag, jobDeployTag): one that is not a single YARN tag is a bug here, not the caller's input.
  if (!SAFE_NAME.test(deployTag)) throw new Error(`"${deployTag.slice(0, 80)}" is not a YARN tag`);
  if (target.queue !== undefined && !SAFE_NAME.test(target.queue)) throw new InputError(`"${target.queue.slice(0, 80)}" is not a YARN queue name`);
  if (spec.entryClass !== undefined && !JAVA_CLASS_NAME.test(spec.entryClass)) {
    throw new InputError(`"${spec.entryClass.slice(0, 80)}" is not a Java class name`);
  }
  if (spec.parallelism !== undefined && !(Number.isInteger(spec.parallelism) && spec.parallelism >= 1 && spec.parallelism <= 10_000)) {
    throw new InputError(`parallelism must be a whole number from 1 to 10000, not ${spec.parallelism}`);
  }
  return {
    'jobmanager.memory.process.size': '1024m',
    'taskmanager.memory.process.size': '1024m',
    'taskmanager.numberOfTaskSlots': '1',
    'yarn.application-attempts': '1',
    'env.java.opts.all': JAVA17_OPTS.join(' '),
    'containerized.master.env.JAVA_HOME': install.javaHome,
    'containerized.taskmanager.env.JAVA_HOME': install.javaHome,
    ...(spec.flinkConfig ?? {}),
    // What Weir relies on to find and name the application: not overridable by the task's options.
    'execution.target': 'yarn-application',
    'yarn.application.name': spec.name,
    'yarn.tags': [WEIR_YARN_TAG, deployTag].join(','),
    ...(target.queue !== undefined ? { 'yarn.application.queue': target.queue } : {}),
    ...(target.stagingDirectory !== undefined ? { 'yarn.staging-directory': target.stagingDirectory } : {}),
    ...(spec.parallelism !== undefined ? { 'parallelism.default': String(spec.parallelism) } : {}),
  };
}

/** A YARN session's resources, as Weir asks Flink for them. */
export interface SessionSpec {
  /** The YARN application name. */
  name: string;
  slotsPerTaskManager: number;
  jobManagerMemoryMb: number;
  taskManagerMemoryMb: number;
}

/**
 * A Flink YARN session (`yarn-session.sh -d`): a JobManager that starts TaskManagers of the given size as jobs
 * need slots. One application attempt, as for Weir's applications: a session that cannot start ends instead of
 * YARN retrying it, and a restarted ApplicationMaster would have lost its jobs anyway (no HA storage).
 */
export function sessionFlinkConfig(install: FlinkYarnInstallation, target: YarnTarget, spec: SessionSpec, deployTag: string, propertiesDir: string): Record<string, string> {
  if (!SAFE_NAME.test(deployTag)) throw new Error(`"${deployTag.slice(0, 80)}" is not a YARN tag`);
  if (target.queue !== undefined && !SAFE_NAME.test(target.queue)) throw new InputError(`"${target.queue.slice(0, 80)}" is not a YARN queue name`);
  const whole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;
  if (!whole(spec.slotsPerTaskManager, 1, 64) || !whole(spec.jobManagerMemoryMb, 768, 65_536) || !whole(spec.taskManagerMemoryMb, 1024, 262_144)) {
    throw new InputError(`A YARN session needs 1-64 slots per TaskManager, a JobManager of 768-65536 MB and TaskManagers of 1024-262144 MB, not ${spec.slotsPerTaskManager} slots, ${spec.jobManagerMemoryMb} MB and ${spec.taskManagerMemoryMb} MB`);
  }
  return {
    'yarn.application-attempts': '1',
    'env.java.opts.all': JAVA17_OPTS.join(' '),
    'containerized.master.env.JAVA_HOME': install.javaHome,
    'containerized.taskmanager.env.JAVA_HOME': install.javaHome,
    'jobmanager.memory.process.size': `${spec.jobManagerMemoryMb}m`,
    'taskmanager.memory.process.size': `${spec.taskManagerMemoryMb}m`,
    'taskmanager.numberOfTaskSlots': String(spec.slotsPerTaskManager),
    'execution.target': 'yarn-session',
    'execution.attached': 'false',
    'yarn.application.name': spec.name,
    'yarn.tags': [WEIR_YARN_TAG, WEIR_SESSION_TAG, deployTag].join(','),
    // The CLI writes the session's id to a .yarn-properties file, by default in the machine's shared temp folder,
    // where another `flink run` would pick the session up: Weir keeps it in the deployment's own folder.
    'yarn.properties-file.location': propertiesDir,
    ...(target.queue !== undefined ? { 'yarn.application.queue': target.queue } : {}),
    ...(target.stagingDirectory !== undefined ? { 'yarn.staging-directory': target.stagingDirectory } : {}),
  };
}

/** config.yaml with one flat key per line; every value JSON-quoted, which YAML reads as the same string. */
export function renderFlinkConfigYaml(config: Record<string, string>): string {
  return Object.entries(config).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join('\n') + '\n';
}

/**
 * `flink run-application -t yarn-application` as the bin/flink script would run it: CliFrontend on the
 * Hadoop conf folder plus the lib/ jars, with FLINK_LIB_DIR naming what to ship to the containers.
 */
export function flinkYarnCliInvocation(
  install: FlinkYarnInstallation, target: YarnTarget, spec: JarApplicationSpec,
  dirs: { confDir: string; cliLogFile: string }, deployTag: string = newDeployTag(),
): FlinkCliInvocation {
  const config = applicationFlinkConfig(install, target, spec, deployTag);
  return cliInvocation(install, target, dirs, deployTag, config, [
    'org.apache.flink.client.cli.CliFrontend',
    'run-application', '-t', 'yarn-application',
    ...(spec.entryClass !== undefined ? ['-c', spec.entryClass] : []),
    spec.jarPath,
    ...(spec.programArgs ?? []),
  ]);
}

/**
 * `yarn-session.sh -d` as Flink's script runs it: FlinkYarnSessionCli in detached mode, which returns once YARN
 * accepted the session's ApplicationMaster and it runs; everything else is in config.yaml.
 */
export function flinkYarnSessionInvocation(
  install: FlinkYarnInstallation, target: YarnTarget, spec: SessionSpec,
  dirs: { confDir: string; cliLogFile: string }, deployTag: string = newDeployTag(),
): FlinkCliInvocation {
  const config = sessionFlinkConfig(install, target, spec, deployTag, dirs.confDir);
  return cliInvocation(install, target, dirs, deployTag, config, ['org.apache.flink.yarn.cli.FlinkYarnSessionCli', '-d']);
}

function cliInvocation(
  install: FlinkYarnInstallation, target: YarnTarget, dirs: { confDir: string; cliLogFile: string },
  deployTag: string, config: Record<string, string>, main: string[],
): FlinkCliInvocation {
  const args = [
    ...JAVA17_OPTS,
    `-Dlog.file=${dirs.cliLogFile}`,
    `-Dlog4j.configurationFile=file:${join(dirs.confDir, 'log4j-cli.properties')}`,
    '-classpath', [target.hadoopConfDir, join(install.libDir, '*')].join(delimiter),
    ...main,
  ];
  return {
    java: join(install.javaHome, 'bin', 'java'),
    args,
    configYaml: renderFlinkConfigYaml(config),
    env: {
      FLINK_CONF_DIR: dirs.confDir,
      FLINK_LIB_DIR: install.libDir,
      HADOOP_CONF_DIR: target.hadoopConfDir,
      YARN_CONF_DIR: target.hadoopConfDir,
      JAVA_HOME: install.javaHome,
    },
    deployTag,
  };
}
