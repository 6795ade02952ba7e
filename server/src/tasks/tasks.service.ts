import type {
  CreateTaskRequest,
  JarFile,
  Task,
  TaskListQuery,
  TaskPage,
  TaskVersion,
  TaskVersionComparison,
  UpdateTaskRequest,
} from '@weir/contract';
import type { AuditService } from '../audit/audit.service.js';
import { DEFAULT_TEAM_ID, isTerminalRunStatus } from '@weir/contract';
import { defaultTeamFor, mayAct, narrowScope, type Principal, type TeamScope } from '../access/principal.js';
import type { ClustersService } from '../clusters/clusters.service.js';
import type { FlinkClients } from '../flink/flink-clients.js';
import { ConflictError, FlinkUnreachableError, ForbiddenError, InputError, NotFoundError } from '../errors/errors.js';
import { analyzeLineageOnDemand } from '../lineage/lineage-on-demand.js';
import type { JarFilesStore } from './jar-files.store.js';
import { decodeJar, DEFAULT_TASK_CONFIG, encodeJar, mergeConfig, parseConfig, parseVersionConfig, sameAsVersion, sameConfig, type VersionConfig } from './task-config.js';
import { diffLines } from './line-diff.js';
import { taskUpdateChanges } from './task-changes.js';
import { jobConfiguration } from './job-configuration.js';
import { validateScript } from './script-validation.js';
import { planSubmission, ScriptPlanError, type SubmissionPlan } from './gateway-statements.js';
import type { TaskVersionRecord, TaskVersionsStore } from './task-versions.store.js';
import type { TaskRecord, TasksStore } from './tasks.store.js';

/**
 * Tasks and their versions. The draft (tasks.draft_content / draft_config) is what users edit;
 * publishing copies it into an immutable, numbered version, and only versions run. Lifecycle:
 * DEVELOP → (publish) PUBLISHED → (online) ONLINE ⇄ (offline) OFFLINE. Changing the SQL, jar or
 * configuration of a PUBLISHED or OFFLINE task returns it to DEVELOP (its versions stay as they
 * were); an ONLINE task's draft cannot change until it is taken offline.
 */
export class TasksService {
  constructor(
    private readonly deps: {
      tasks: TasksStore;
      versions: TaskVersionsStore;
      clusters: ClustersService;
      flink: FlinkClients;
      jars: JarFilesStore;
      audit: AuditService;
      /** Whether a team exists. */
      teamExists: (teamId: string) => Promise<boolean>;
      log?: { warn(o: unknown, m: string): void };
    },
  ) {}

  /** The tasks of the teams in `scope` (`all`: every team's), narrowed by the query. */
  async list(query: TaskListQuery, scope: TeamScope = 'all'): Promise<TaskPage> {
    const teamIds = narrowScope(scope, query.teamId);
    const page = await this.deps.tasks.list({
      ...(teamIds ? { teamIds } : {}),
      nameContains: query.q,
      lifecycles: query.lifecycle,
      kinds: query.kind,
      clusterIds: query.clusterId ? [query.clusterId] : undefined,
      sortBy: query.sort,
      sortDirection: query.order,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return page;
  }

  async get(id: string): Promise<Task> {
    return this.toTask(await this.record(id));
  }

  /** The stored task, or NOT_FOUND. */
  async record(id: string): Promise<TaskRecord> {
    const task = await this.deps.tasks.get(id);
    if (!task) throw new NotFoundError('Task', id);
    return task;
  }

  async create(actor: Principal, req: CreateTaskRequest): Promise<Task> {
    const teamId = await this.teamForNewTask(actor, req.teamId);
    return this.deps.audit.around(actor, 'task.create', { type: 'task', name: req.name, teamId }, async () => {
      await this.assertClusterServes(req.clusterId, teamId);
      if (await this.deps.tasks.getByName(req.name)) throw new ConflictError(`A task named ${req.name} already exists`);
      if (req.kind === 'SQL' && req.jar) throw new InputError('A SQL task has no jar; give its script as `sql`');
      if (req.kind === 'JAR' && req.sql !== undefined) throw new InputError('A jar task has no SQL; give its jar as `jar`');
      if (req.jar) await this.requireJar(req.jar.jarId);
      const config = mergeConfig(DEFAULT_TASK_CONFIG, req.config);
      const created = await this.deps.tasks.create({
        name: req.name,
        kind: req.kind,
        executionMode: req.executionMode ?? 'STREAMING',
        clusterId: req.clusterId,
        teamId,
        owner: req.owner ?? actor.name,
        description: req.description ?? null,
        draftContent: req.kind === 'SQL' ? (req.sql ?? '') : encodeJar(req.jar),
        draftConfig: JSON.stringify(config),
      });
      return this.toTask(created);
    });
  }

  /**
   * The team a new task goes to: the one named (where the caller must be an operator), else the
   * default team when the caller operates there, else the caller's only team where they operate.
   */
  private async teamForNewTask(actor: Principal, requested: string | undefined): Promise<string> {
    if (requested !== undefined) {
      if (!(await this.deps.teamExists(requested)) || !mayAct(actor, requested, 'viewer')) throw new InputError(`No such team: ${requested}`);
      if (!mayAct(actor, requested, 'operator')) throw new ForbiddenError('Making a task in a team needs the operator role there');
      return requested;
    }
    const teamId = defaultTeamFor(actor, 'operator', DEFAULT_TEAM_ID);
    if (teamId === undefined) throw new InputError('Choose the team the task belongs to (teamId)');
    return teamId;
  }

  /** A task runs only on a cluster of its own team, or on one every team shares. */
  private async assertClusterServes(clusterId: string, teamId: string): Promise<void> {
    const cluster = await this.deps.clusters.get(clusterId).catch(() => undefined);
    if (!cluster) throw new InputError(`Cluster ${clusterId} does not exist`);
    if (cluster.teamId !== null && cluster.teamId !== teamId) {
      throw new InputError(`Cluster ${cluster.name} belongs to another team; choose one of the task's team or a shared cluster`);
    }
  }

  async update(actor: Principal, id: string, req: UpdateTaskRequest): Promise<Task> {
    const task = await this.record(id);
    const clusters = req.clusterId !== undefined && req.clusterId !== task.clusterId
      ? { before: await this.clusterName(task.clusterId), after: await this.clusterName(req.clusterId) }
      : undefined;
    return this.deps.audit.around(actor, 'task.update', { type: 'task', id, name: task.name }, async () => {
      if (req.clusterId !== undefined && req.clusterId !== task.clusterId) await this.assertClusterServes(req.clusterId, task.teamId);
      if (req.name && req.name !== task.name && (await this.deps.tasks.getByName(req.name))) {
        throw new ConflictError(`A task named ${req.name} already exists`);
      }
      if (req.sql !== undefined && task.kind !== 'SQL') throw new InputError(`Task ${task.name} is a ${task.kind} task; it has no SQL`);
      if (req.jar !== undefined && task.kind !== 'JAR') throw new InputError(`Task ${task.name} is a ${task.kind} task; it has no jar`);
      if (req.jar) await this.requireJar(req.jar.jarId);
      if (req.clusterId && req.clusterId !== task.clusterId) {
        await this.deps.clusters.get(req.clusterId).catch(() => {
          throw new InputError(`Cluster ${req.clusterId} does not exist`);
        });
      }

      const draftContent = req.sql !== undefined ? req.sql : req.jar ? encodeJar(req.jar) : task.draftContent;
      const config = req.config ? mergeConfig(parseConfig(task.draftConfig), req.config) : parseConfig(task.draftConfig);
      const draftConfig = JSON.stringify(config);
      const executionMode = req.executionMode ?? task.executionMode;
      const draftChanged = draftContent !== task.draftContent || draftConfig !== task.draftConfig || executionMode !== task.executionMode;
      const clusterChanged = req.clusterId !== undefined && req.clusterId !== task.clusterId;

      if (task.kind === 'EXTERNAL' && (draftChanged || clusterChanged)) {
        throw new ConflictError(`Task ${task.name} was discovered on its cluster, not submitted by Weir; only its name, owner and description can change`);
      }
      if (task.lifecycle === 'ONLINE' && (draftChanged || clusterChanged)) {
        throw new ConflictError(
          `Task ${task.name} is ONLINE: its SQL, jar, configuration and cluster cannot change while it runs; take it offline first`,
        );
      }
      let lifecycle = task.lifecycle;
      if (draftChanged && task.kind !== 'EXTERNAL') {
        // Published versions are never edited in place: a changed draft must be published again to
        // run; a draft changed back to the current version is published as it stands.
        const current = task.currentVersionId ? await this.deps.versions.get(task.currentVersionId) : undefined;
        const matches = current !== undefined && sameAsVersion({ draftContent, draftConfig, executionMode }, current);
        if (!matches && (lifecycle === 'PUBLISHED' || lifecycle === 'OFFLINE')) lifecycle = 'DEVELOP';
        else if (matches && lifecycle === 'DEVELOP') lifecycle = 'PUBLISHED';
      }
      const updated = await this.deps.tasks.update(id, {
        name: req.name,
        owner: req.owner,
        description: req.description,
        clusterId: req.clusterId,
        executionMode: req.executionMode,
        draftContent,
        draftConfig,
        lifecycle,
      });
      return this.toTask(updated!);
    }, { changes: taskUpdateChanges(task, req, clusters) });
  }

  /** A cluster's name for the audit log; its id when it is gone. */
  private async clusterName(clusterId: string): Promise<string> {
    return (await this.deps.clusters.get(clusterId).catch(() => undefined))?.name ?? clusterId;
  }

  async remove(actor: Principal, id: string): Promise<void> {
    const task = await this.record(id);
    await this.deps.audit.around(actor, 'task.delete', { type: 'task', id, name: task.name }, async () => {
      if (task.latestStatus && !isTerminalRunStatus(task.latestStatus) && task.kind !== 'EXTERNAL') {
        throw new ConflictError(`Task ${task.name} has a job in status ${task.latestStatus}; stop it (take the task offline) before deleting the task`);
      }
      await this.deps.tasks.delete(id);
    });
  }

  /**
   * Copies the draft into the next immutable version and marks the task PUBLISHED. A SQL script is
   * first validated by the task's cluster's SQL Gateway (see validateScript); when that gateway
   * cannot be reached, publishing refuses with FLINK_UNREACHABLE unless the caller asked to publish
   * unvalidated, and the audit entry says which of the two happened.
   */
  async publish(actor: Principal, id: string, note?: string, { unvalidated = false }: { unvalidated?: boolean } = {}): Promise<TaskVersion> {
    const task = await this.record(id);
    // Filled in as publishing goes; the audit records it when the call ends, however it ends.
    const auditDetail: PublishAuditDetail = { note };
    return this.deps.audit.around(actor, 'task.publish', { type: 'task', id, name: task.name }, async () => {
      if (task.kind === 'EXTERNAL') throw new ConflictError(`Task ${task.name} was discovered on its cluster; only tasks written in Weir can be published`);
      if (task.lifecycle === 'ONLINE') throw new ConflictError(`Task ${task.name} is ONLINE; take it offline before publishing a new version`);
      const current = task.currentVersionId ? await this.deps.versions.get(task.currentVersionId) : undefined;
      const config = parseConfig(task.draftConfig);
      const versionConfig = JSON.stringify({ ...config, executionMode: task.executionMode } satisfies VersionConfig);
      if (current && current.content === task.draftContent && sameConfig(current.config, versionConfig)) {
        throw new ConflictError(`Version ${current.version} of ${task.name} already has this content and configuration; change the draft first`);
      }
      let lineage: string | null = null;
      if (task.kind === 'SQL') {
        if (!task.draftContent.trim()) throw new InputError(`Task ${task.name} has no SQL yet`);
        let plan: SubmissionPlan;
        try {
          plan = planSubmission(task.draftContent);
        } catch (err) {
          if (!(err instanceof ScriptPlanError)) throw err;
          const { message, line, column, statementIndex } = err.problem;
          throw new InputError(`The script cannot be submitted: ${message} (line ${line}, column ${column})`, { message, line, column, statementIndex });
        }
        Object.assign(auditDetail, await this.validate(task, plan, { ...config, executionMode: task.executionMode }, unvalidated));
        lineage = JSON.stringify(await analyzeLineageOnDemand(task.draftContent));
      } else {
        const jar = decodeJar(task.draftContent);
        if (!jar) throw new InputError(`Task ${task.name} has no jar yet; upload one with POST /api/jars`);
        await this.requireJar(jar.jarId);
      }
      if (config.savepointStrategy === 'path' && !config.savepointPath) {
        throw new InputError('The savepoint strategy "path" needs a savepoint path');
      }
      const version = await this.deps.versions.createNext({
        taskId: id,
        content: task.draftContent,
        config: versionConfig,
        lineage,
        createdBy: actor.name,
        note: note ?? null,
      });
      await this.deps.tasks.update(id, { lifecycle: 'PUBLISHED' });
      return toVersion(version, task.kind);
    }, auditDetail);
  }

  /** The gateway's verdict on a script, or why there was none (only when `unvalidated` allows it). */
  private async validate(task: TaskRecord, plan: SubmissionPlan, config: VersionConfig, unvalidated: boolean): Promise<PublishAuditDetail> {
    const cluster = await this.deps.clusters.get(task.clusterId);
    let cannotValidate: string;
    if (!cluster.gatewayUrl) {
      cannotValidate = `Cluster ${cluster.name} has no SQL Gateway address to validate the script with`;
    } else {
      try {
        const session = { name: `weir-validate-${task.name}`, properties: jobConfiguration(config, { 'pipeline.name': task.name }) };
        await validateScript(this.deps.flink.sqlGateway(cluster), task.draftContent, plan, session);
        return { validation: 'passed' };
      } catch (err) {
        if (!(err instanceof FlinkUnreachableError)) throw err;
        cannotValidate = `The SQL Gateway of cluster ${cluster.name} cannot be reached to validate the script: ${err.message}`;
      }
    }
    if (!unvalidated) throw new FlinkUnreachableError(`${cannotValidate}. Publish it unvalidated to publish it anyway.`, { canPublishUnvalidated: true });
    return { validation: 'skipped', unvalidated: true, reason: cannotValidate };
  }

  async listVersions(id: string): Promise<TaskVersion[]> {
    const task = await this.record(id);
    return (await this.deps.versions.listByTask(id)).map((v) => toVersion(v, task.kind));
  }

  async getVersion(id: string, version: number): Promise<TaskVersion> {
    const task = await this.record(id);
    const found = await this.deps.versions.getByNumber(id, version);
    if (!found) throw new NotFoundError(`Version ${version} of task`, task.name);
    return toVersion(found, task.kind);
  }

  async compare(id: string, from: number, to: number): Promise<TaskVersionComparison> {
    const [a, b] = await Promise.all([this.getVersion(id, from), this.getVersion(id, to)]);
    return {
      from: a,
      to: b,
      content: diffLines(contentText(a), contentText(b)),
      config: diffLines(JSON.stringify(a.config, null, 2), JSON.stringify(b.config, null, 2)),
    };
  }

  async uploadJar(actor: Principal, fileName: string, content: Uint8Array): Promise<JarFile> {
    return this.deps.audit.around(actor, 'jar.upload', { type: 'jar', name: fileName }, () => this.deps.jars.save(fileName, content), {
      size: content.length,
    });
  }

  private async requireJar(jarId: string): Promise<JarFile> {
    const jar = await this.deps.jars.get(jarId);
    if (!jar) throw new InputError(`Jar ${jarId} does not exist; upload it with POST /api/jars first`);
    return jar;
  }

  async toTask(task: TaskRecord): Promise<Task> {
    const current = task.currentVersionId ? await this.deps.versions.get(task.currentVersionId) : undefined;
    const jar = task.kind === 'JAR' ? decodeJar(task.draftContent) : null;
    const jarFile = jar ? await this.deps.jars.get(jar.jarId) : undefined;
    return {
      id: task.id,
      name: task.name,
      kind: task.kind,
      lifecycle: task.lifecycle,
      executionMode: task.executionMode,
      clusterId: task.clusterId,
      teamId: task.teamId,
      owner: task.owner,
      description: task.description,
      currentVersionId: task.currentVersionId,
      latestRunId: task.latestRunId,
      latestStatus: task.latestStatus,
      latestStartTime: task.latestStartTime,
      createdAt: task.createdAt,
      updatedAt: task.updatedAt,
      sql: task.kind === 'SQL' ? task.draftContent : null,
      jar: jar ? { ...jar, fileName: jarFile?.fileName ?? null } : null,
      config: parseConfig(task.draftConfig),
      currentVersion: current?.version ?? null,
      hasUnpublishedChanges: task.kind !== 'EXTERNAL' && (!current || !sameAsVersion(task, current)),
    };
  }
}

/** What the audit keeps of a publish: the note, and whether the gateway validated the script. */
interface PublishAuditDetail {
  note?: string;
  validation?: 'passed' | 'skipped';
  /** Set when the caller asked to publish unvalidated and the gateway could not validate. */
  unvalidated?: true;
  reason?: string;
}

function contentText(version: TaskVersion): string {
  return version.sql ?? JSON.stringify(version.jar, null, 2);
}

export function toVersion(record: TaskVersionRecord, kind: TaskRecord['kind']): TaskVersion {
  const { executionMode, ...taskConfig } = parseVersionConfig(record);
  return {
    id: record.id,
    taskId: record.taskId,
    version: record.version,
    sql: kind === 'SQL' ? record.content : null,
    jar: kind === 'JAR' ? decodeJar(record.content) : null,
    config: taskConfig,
    executionMode,
    lineage: record.lineage ? (JSON.parse(record.lineage) as unknown) : null,
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    note: record.note,
  };
}
