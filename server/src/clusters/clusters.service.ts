import { DEFAULT_TEAM_ID, type ClusterAuthRequest, type CreateClusterRequest, type UpdateClusterRequest } from '@weir/contract';
import { auditChanges, type AuditChange } from '../audit/audit-changes.js';
import type { AuditService } from '../audit/audit.service.js';
import { mayAct, SYSTEM_PRINCIPAL, type Principal, type TeamScope } from '../access/principal.js';
import { AppError, ConflictError, ForbiddenError, InputError, NotFoundError } from '../errors/errors.js';
import type { FlinkAddress, FlinkClients } from '../flink/flink-clients.js';
import type { EventBus } from '../events/events.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { assertSecretStaysAtItsDestinations } from '../secrets/secret-destination.js';
import type { YarnClients } from '../yarn/yarn-clients.js';
import { checkYarnTarget } from '../yarn/yarn-target-check.js';
import { authorizationHeader } from './cluster-credentials.js';
import { YarnSessionsService } from './yarn-sessions.service.js';
import type { ClusterRecord, ClustersStore } from './clusters.store.js';

/** A cluster as the service hands it out: the API's fields plus the sealed credentials the clients need. */
export type Cluster = ClusterRecord;

export interface ClusterEvents {
  /** Called after a cluster was added, changed or removed, so watchers can follow. */
  onClustersChanged?: () => void;
  /** Where health changes are published (cluster incidents, live pages). */
  bus?: EventBus;
}

/**
 * The registry of Flink clusters and their health. A cluster is only registered
 * after its addresses answered as Flink does; health is re-checked on a schedule.
 */
export class ClustersService {
  constructor(
    private readonly store: ClustersStore,
    private readonly audit: AuditService,
    private readonly secrets: SecretBox,
    /** Probes new addresses, and keeps each cluster's clients; dropped with the cluster. */
    private readonly flink: FlinkClients,
    /** Proves a YARN target's ResourceManager when the entry is saved and on the health schedule. */
    private readonly yarn: YarnClients,
    private readonly teams: { exists(teamId: string): Promise<boolean> },
    readonly events: ClusterEvents = {},
    private readonly now: () => number = Date.now,
  ) {}

  /** Every cluster (`all`), or those the given teams own and the shared ones. */
  list(scope: TeamScope = 'all'): Promise<Cluster[]> {
    return this.store.list(scope === 'all' ? undefined : scope);
  }

  async get(id: string): Promise<Cluster> {
    const c = await this.store.get(id);
    if (!c) throw new NotFoundError('Cluster', id);
    return c;
  }

  private seal(auth: ClusterAuthRequest): { type: ClusterAuthRequest['type']; sealed: string } {
    return { type: auth.type, sealed: this.secrets.seal(JSON.stringify(auth)) };
  }

  async register(actor: Principal, req: CreateClusterRequest, opts: { isLocal?: boolean } = {}): Promise<Cluster> {
    // Absent: the default team; null: shared by every team, which only a global admin may decide.
    const teamId = req.teamId === undefined ? DEFAULT_TEAM_ID : req.teamId;
    return this.audit.around(actor, 'cluster.create', { type: 'cluster', name: req.name, teamId }, async () => {
      await this.assertMayOwn(actor, teamId);
      if (await this.store.getByName(req.name)) throw new ConflictError(`A cluster named ${req.name} already exists`);
      if (req.kind === 'yarn') return this.registerYarnTarget(req, teamId, opts.isLocal ?? false);
      const address = { headers: req.auth ? authorizationHeader(req.auth) : undefined, isLocal: opts.isLocal };
      const probe = await this.flink.jobManagerAt(req.restUrl, address).probe();
      if (req.gatewayUrl) await this.flink.sqlGatewayAt(req.gatewayUrl, address).probe();
      if (req.historyUrl) await this.probeHistoryServer(req.historyUrl, address);
      const now = this.now();
      const cluster = await this.store.create({
        name: req.name,
        restUrl: req.restUrl,
        gatewayUrl: req.gatewayUrl ?? null,
        historyUrl: req.historyUrl ?? null,
        description: req.description ?? null,
        isLocal: opts.isLocal ?? false,
        teamId,
        auth: req.auth ? this.seal(req.auth) : null,
      });
      const checked = await this.store.recordHealth(cluster.id, {
        health: 'HEALTHY',
        ...probe,
        checkedAt: now,
        error: null,
      });
      this.events.onClustersChanged?.();
      return checked;
    }, { kind: req.kind ?? 'session', restUrl: req.restUrl, gatewayUrl: req.gatewayUrl, auth: req.auth?.type, yarn: req.yarn });
  }

  /** A YARN target is kept once its configuration folder, ResourceManager and queue are proven. */
  private async registerYarnTarget(req: CreateClusterRequest, teamId: string | null, isLocal: boolean): Promise<Cluster> {
    const yarn = req.yarn!;
    await checkYarnTarget(this.yarn.resourceManagerAt(req.restUrl, { isLocal }), yarn, { rmAt: (url) => this.yarn.resourceManagerAt(url, { isLocal }) });
    const cluster = await this.store.create({ name: req.name, kind: 'yarn', restUrl: req.restUrl, description: req.description ?? null, teamId, yarn, isLocal });
    const checked = await this.store.recordHealth(cluster.id, { health: 'HEALTHY', checkedAt: this.now(), error: null, flinkVersion: yarn.flinkVersion });
    this.events.onClustersChanged?.();
    return checked;
  }

  async update(actor: Principal, id: string, req: UpdateClusterRequest): Promise<Cluster> {
    const existing = await this.get(id);
    return this.audit.around(actor, 'cluster.update', { type: 'cluster', id, name: existing.name }, async () => {
      if (req.teamId !== undefined && req.teamId !== existing.teamId) await this.assertMayOwn(actor, req.teamId);
      if (req.name && req.name !== existing.name && (await this.store.getByName(req.name))) {
        throw new ConflictError(`A cluster named ${req.name} already exists`);
      }
      if (existing.kind === 'yarn') return this.updateYarnTarget(existing, req);
      if (req.yarn) throw new InputError(`Cluster ${existing.name} is a session cluster: it has no YARN settings`);
      // The local cluster skips the outbound guard because Weir started it at these addresses: only
      // Weir may move it (at start-up), and its name is how Weir finds it again.
      if (existing.isLocal && actor !== SYSTEM_PRINCIPAL) {
        const moved = (['restUrl', 'gatewayUrl', 'historyUrl'] as const).filter((k) => req[k] !== undefined && (req[k] ?? null) !== (existing[k] ?? null));
        if (moved.length || (req.name !== undefined && req.name !== existing.name)) {
          throw new AppError('VALIDATION', `${[...moved, ...(req.name !== undefined && req.name !== existing.name ? ['name'] : [])].join(', ')} of the local cluster Weir started cannot be changed; register another cluster for other addresses`);
        }
      }
      // Stored credentials stay with the addresses they were entered for: a new address needs them again.
      if (req.auth === undefined && existing.authSealed) {
        assertSecretStaysAtItsDestinations('auth', addressesOf(existing), addressesOf({ ...existing, ...definedFields(req) }));
      }
      // New credentials are proven against the endpoint before they are kept, like a new address.
      const auth = req.auth === undefined ? undefined : req.auth && this.seal(req.auth);
      const headers = req.auth === undefined ? this.flink.headersFor(existing.authSealed) : req.auth ? authorizationHeader(req.auth) : undefined;
      const address = { headers, isLocal: existing.isLocal };
      if ((req.restUrl && req.restUrl !== existing.restUrl) || req.auth) {
        await this.flink.jobManagerAt(req.restUrl ?? existing.restUrl, address).probe();
      }
      if (req.gatewayUrl && req.gatewayUrl !== existing.gatewayUrl) {
        await this.flink.sqlGatewayAt(req.gatewayUrl, address).probe();
      }
      if (req.historyUrl && req.historyUrl !== existing.historyUrl) await this.probeHistoryServer(req.historyUrl, address);
      const updated = await this.store.update(id, { ...req, auth });
      this.events.onClustersChanged?.();
      return this.check(updated.id);
    }, { changes: clusterChanges(existing, req) });
  }

  private async updateYarnTarget(existing: Cluster, req: UpdateClusterRequest): Promise<Cluster> {
    if (req.gatewayUrl !== undefined || req.historyUrl !== undefined || req.auth !== undefined) {
      throw new InputError(`Cluster ${existing.name} is a YARN target: it has no SQL Gateway, HistoryServer or credentials`);
    }
    const restUrl = req.restUrl ?? existing.restUrl;
    const yarn = req.yarn ?? existing.yarn!;
    if (restUrl !== existing.restUrl || req.yarn) await checkYarnTarget(this.yarn.resourceManagerAt(restUrl, existing), yarn, { rmAt: (url) => this.yarn.resourceManagerAt(url, existing) });
    const updated = await this.store.update(existing.id, { name: req.name, restUrl: req.restUrl, description: req.description, teamId: req.teamId, yarn: req.yarn });
    this.events.onClustersChanged?.();
    return this.check(updated.id);
  }

  /** Whether the actor may give a cluster to this team (admin there), or share it (global admin). */
  private async assertMayOwn(actor: Principal, teamId: string | null): Promise<void> {
    if (teamId !== null && !(await this.teams.exists(teamId))) throw new InputError(`No such team: ${teamId}`);
    if (!mayAct(actor, teamId, 'admin')) {
      throw new ForbiddenError(teamId === null ? 'Only a global admin shares a cluster with every team' : 'A cluster goes only to a team you are an admin of');
    }
  }

  /**
   * A HistoryServer address is proven like the others before it is kept (the watcher sends it the
   * cluster's credentials): it must answer the archived jobs list as Flink's HistoryServer does.
   */
  private async probeHistoryServer(historyUrl: string, address: FlinkAddress): Promise<void> {
    await this.flink.jobManagerAt(historyUrl, { ...address, label: 'HistoryServer' }).probeArchive();
  }

  async remove(actor: Principal, id: string): Promise<void> {
    const existing = await this.get(id);
    await this.audit.around(actor, 'cluster.delete', { type: 'cluster', id, name: existing.name }, async () => {
      YarnSessionsService.refuseRemovalOfLive(existing);
      await this.store.delete(id);
      this.flink.forget(id);
      this.events.onClustersChanged?.();
    });
  }

  /** Checks one cluster now and stores what it found; never throws for an unhealthy cluster. */
  async check(id: string): Promise<Cluster> {
    const cluster = await this.get(id);
    // A YARN session has a JobManager to ask only while it runs: starting, it has none yet; stopped or
    // failed, its entry says so, and no health change (no cluster-unreachable alert) is made of it.
    if (cluster.yarnSession && cluster.yarnSession.state !== 'RUNNING') return cluster;
    const checkedAt = this.now();
    let checked: Cluster;
    try {
      if (cluster.kind === 'yarn') {
        // Its ResourceManager and queue; the folder is checked when it is saved (another instance may not share it).
        await checkYarnTarget(this.yarn.resourceManagerAt(cluster.restUrl, cluster), cluster.yarn!, { conf: false });
        checked = await this.store.recordHealth(id, { health: 'HEALTHY', checkedAt, error: null, flinkVersion: cluster.yarn!.flinkVersion });
      } else {
        const probe = await this.flink.jobManager(cluster).probe();
        checked = await this.store.recordHealth(id, { health: 'HEALTHY', ...probe, checkedAt, error: null });
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const health = err.code === 'NOT_FLINK' || err.code === 'NOT_YARN' ? 'NOT_FLINK' : 'UNREACHABLE';
      checked = await this.store.recordHealth(id, { health, checkedAt, error: err.message });
    }
    if (checked.health !== cluster.health) {
      this.events.bus?.publish({
        type: 'cluster.health',
        clusterId: id,
        clusterName: checked.name,
        from: cluster.health,
        to: checked.health,
        at: checkedAt,
        error: checked.lastError,
      });
    }
    return checked;
  }

  /** Checks every cluster, or those `mine` keeps (with several instances: the ones this instance watches). */
  async checkAll(mine?: (clusterId: string) => boolean): Promise<void> {
    const clusters = (await this.store.list()).filter((c) => !mine || mine(c.id));
    await Promise.all(clusters.map((c) => this.check(c.id)));
  }
}

/** Every address a cluster's credentials are sent to. */
function addressesOf(cluster: Pick<Cluster, 'restUrl' | 'gatewayUrl' | 'historyUrl'>): string[] {
  return [cluster.restUrl, cluster.gatewayUrl, cluster.historyUrl].filter((url): url is string => Boolean(url));
}

/** The fields an update request sets (a field left out keeps its value). */
function definedFields(req: UpdateClusterRequest): Partial<Pick<Cluster, 'restUrl' | 'gatewayUrl' | 'historyUrl'>> {
  return Object.fromEntries(Object.entries({ restUrl: req.restUrl, gatewayUrl: req.gatewayUrl, historyUrl: req.historyUrl }).filter(([, v]) => v !== undefined));
}

/**
 * What a cluster update changed, for the audit log. Credentials are never logged, only their kind:
 * new credentials of the same kind still show as a change, since the secret moved.
 */
function clusterChanges(existing: Cluster, req: UpdateClusterRequest): Record<string, AuditChange> {
  const yarn = (t: Cluster['yarn'] | undefined) => (t === undefined ? undefined : t && `${t.hadoopConfDir} ${t.queue} ${t.flinkVersion}`);
  const changes = auditChanges(
    { name: existing.name, restUrl: existing.restUrl, gatewayUrl: existing.gatewayUrl, historyUrl: existing.historyUrl, teamId: existing.teamId, auth: existing.auth?.type ?? null, yarn: yarn(existing.yarn) },
    { name: req.name, restUrl: req.restUrl, gatewayUrl: req.gatewayUrl, historyUrl: req.historyUrl, teamId: req.teamId, auth: req.auth === undefined ? undefined : (req.auth?.type ?? null), yarn: yarn(req.yarn) },
  );
  if (req.auth) changes.auth = { before: existing.auth?.type ?? null, after: req.auth.type };
  return changes;
}
