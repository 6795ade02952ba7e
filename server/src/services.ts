import path from 'node:path';
import { ConfigError, type WeirConfig } from './config/config.js';
import type { Database } from './db/database.js';
import { createAlerting } from './alerts/alerting.js';
import { AuditService } from './audit/audit.service.js';
import { AuditStore } from './audit/audit.store.js';
import { ApiTokensStore } from './auth/api-tokens.store.js';
import { AuthService } from './auth/auth.service.js';
import { forgetInitialPassword } from './auth/initial-admin.js';
import { LdapLogin } from './auth/ldap/ldap-login.js';
import { SessionsStore } from './auth/sessions.store.js';
import { OidcLogin } from './auth/oidc/oidc-login.js';
import { UsersStore } from './auth/users.store.js';
import { sealedCredentialHeaders } from './clusters/cluster-credentials.js';
import { ClustersService } from './clusters/clusters.service.js';
import { ClustersStore } from './clusters/clusters.store.js';
import { EventBus } from './events/events.js';
import { FlinkClients } from './flink/flink-clients.js';
import { LiveStreams, type LiveStreamSettings } from './events/live-streams.js';
import { EventAudience } from './events/event-audience.js';
import { createJobHealth } from './health/job-health.js';
import { LineageService } from './lineage/lineage.service.js';
import { LineageStore } from './lineage/lineage.store.js';
import { DEFAULT_LOG_CAPTURE_SETTINGS, LogCaptureService } from './log-captures/log-captures.service.js';
import { LogCapturesStore } from './log-captures/log-captures.store.js';
import { MetricSampler } from './metrics/metric-sampler.js';
import { StoredMetricSource } from './metrics/metric-source.js';
import { MetricsExportService } from './metrics-export/metrics-export.service.js';
import { MetricsExportStore } from './metrics-export/metrics-export.store.js';
import { MetricsService } from './metrics/metrics.service.js';
import { MetricsStore } from './metrics/metrics.store.js';
import { OverviewService } from './overview/overview.service.js';
import { PreferencesService } from './preferences/preferences.service.js';
import { PreferencesStore } from './preferences/preferences.store.js';
import { OperationsService } from './operations/operations.service.js';
import { OverviewStore } from './overview/overview.store.js';
import { OutboundGuard } from './outbound/outbound-guard.js';
import { YarnClients } from './yarn/yarn-clients.js';
import { RunDetailService } from './run-detail/run-detail.service.js';
import { RunsStore } from './runs/runs.store.js';
import { SavepointsStore } from './runs/savepoints.store.js';
import { SavepointPoliciesStore } from './savepoints/savepoint-policies.store.js';
import { SavepointPolicyService } from './savepoints/savepoint-policy.service.js';
import { SavepointScheduler } from './savepoints/savepoint-scheduler.js';
import { SavepointCatalogService } from './savepoints/savepoint-catalog.service.js';
import { SavepointRetentionService } from './savepoints/savepoint-retention.service.js';
import { Scheduler } from './scheduler/scheduler.js';
import { SecretBox } from './secrets/secret-box.js';
import { PushTokens } from './cluster-push/push-tokens.js';
import { ClusterPushService } from './cluster-push/cluster-push.service.js';
import { PushTokenGenerationsStore } from './cluster-push/push-token-generations.store.js';
import { JarFilesStore } from './tasks/jar-files.store.js';
import { TaskVersionsStore } from './tasks/task-versions.store.js';
import { TasksService } from './tasks/tasks.service.js';
import { SqlAuthoringService } from './sql-authoring/sql-authoring.service.js';
import { TasksStore } from './tasks/tasks.store.js';
import { CheckpointTracker } from './watcher/checkpoint-tracker.js';
import { DeploymentTargets, yarnStagingDirectory } from './deployment/deployment-targets.js';
import { DeploymentsInProgress } from './deployment/deployments-in-progress.js';
import { RunOperationsInProgress } from './deployment/run-operations-in-progress.js';
import { YarnSessionsService, yarnSessionsWorkDir } from './clusters/yarn-sessions.service.js';
import { WatcherManager } from './watcher/watcher-manager.js';
import { ClusterLeases, newInstanceId } from './instances/cluster-leases.js';
import { EventRelay } from './events/event-relay.js';
import { LeasesStore } from './instances/leases.store.js';
import { TeamsStore } from './teams/teams.store.js';
import { TeamsService } from './teams/teams.service.js';
import { teamOfAuditTarget } from './teams/audit-team.js';
import { quietLogger, type Logger } from './logging/logger.js';

export type ServicesConfig = Pick<WeirConfig, 'sessionTtlMs' | 'sessionLifetimeMs' | 'flinkTimeoutMs' | 'secretKey' | 'dataDir' | 'watcher' | 'clusterCheckIntervalMs' | 'checkpointPollMs' | 'outbound'> & Partial<Pick<WeirConfig, 'publicUrl' | 'metrics' | 'metricsExportToken' | 'clusterLeases' | 'identity' | 'logCaptures' | 'yarnDeployments'>> & {
  /** Limits of the live event streams (default DEFAULT_LIVE_STREAM_SETTINGS). */
  liveStreams?: LiveStreamSettings;
  /** Job health checks run this often (default 10 s). */
  healthCheckIntervalMs?: number;
  /** The clock sessions and tokens expire by (default Date.now); tests move it instead of waiting. */
  authClock?: () => number;
};

/** How users log in besides Weir passwords; a sealed client secret is opened here, with the key. */
function identityProviders(config: ServicesConfig, secrets: SecretBox, auth: AuthService, log: Logger) {
  const oidcSettings = config.identity?.oidc;
  let oidc: OidcLogin | undefined;
  if (oidcSettings) {
    const secret = oidcSettings.clientSecret;
    let clientSecret: string | undefined;
    try {
      clientSecret = secret && SecretBox.isSealed(secret) ? secrets.open(secret) : secret;
    } catch {
      throw new ConfigError('Invalid configuration:\n  WEIR_OIDC_CLIENT_SECRET: sealed with another key than WEIR_SECRET_KEY, or altered');
    }
    oidc = new OidcLogin({ ...oidcSettings, clientSecret, publicUrl: config.publicUrl ?? 'http://127.0.0.1:8888', timeoutMs: 10_000 }, secrets);
  }
  return {
    localLogin: config.identity?.localLogin ?? 'on',
    oidc,
    /** Present when WEIR_LDAP_URL is set. */
    ldap: config.identity?.ldap ? new LdapLogin(auth, config.identity.ldap, log) : undefined,
  };
}

/**
 * The composition root: every store and service, wired once. Background work
 * (health checks, watchers) starts only with startBackgroundWork(), so tools
 * that only need the routes (the OpenAPI generator) start nothing.
 */
export function createServices(database: Database, config: ServicesConfig, log: Logger = quietLogger) {
  const bus = new EventBus(log);
  const scheduler = new Scheduler(log);
  const teamsStore = new TeamsStore(database);
  // Every audit entry about a task, run, cluster or alert setting carries its team, for team admins' view of the log.
  const audit = new AuditService(new AuditStore(database), log, Date.now, (target) => teamOfAuditTarget(teamsStore, target));
  const auth = new AuthService(new UsersStore(database), new SessionsStore(database), new ApiTokensStore(database), teamsStore, audit, {
    sessionTtlMs: config.sessionTtlMs,
    sessionLifetimeMs: config.sessionLifetimeMs,
    ...(config.authClock ? { now: config.authClock } : {}),
    events: bus,
    onPasswordChanged: (user) => forgetInitialPassword(config.dataDir, user.username),
    localLogin: config.identity?.localLogin ?? 'on',
  });
  const teams = new TeamsService({ store: teamsStore, audit, membershipChanged: (userId) => auth.membershipChanged(userId) });
  const preferences = new PreferencesService(new PreferencesStore(database));
  const instanceId = config.clusterLeases?.instanceId ?? newInstanceId();
  // What open pages hear: this instance's events, and those of the other instances on the database.
  const relay = EventRelay.forDatabase(bus, database, instanceId, log);
  const liveStreams = new LiveStreams(relay.pages, (principal) => auth.stillValid(principal), config.liveStreams, log, new EventAudience((kind, id) => teamsStore.ownerOf(kind, id)));
  const runs = new RunsStore(database);
  const tasks = new TasksStore(database);
  const overview = new OverviewService(new OverviewStore(database));
  const clusterEvents: { onClustersChanged?: () => void; bus: EventBus } = { bus };
  // Secrets first: clusters seal their credentials with it.
  const secrets = SecretBox.load(config.secretKey, config.dataDir);
  const identity = identityProviders(config, secrets, auth, log);
  // One gate for every request Weir sends out (clusters, alert channels).
  const outbound = new OutboundGuard(config.outbound);
  // Every domain reaches Flink through these clients; the clusters' credentials are opened only as a client is built.
  const flink = new FlinkClients({ timeoutMs: config.flinkTimeoutMs, outbound, headersFor: sealedCredentialHeaders(secrets) });
  const yarn = new YarnClients({ timeoutMs: config.flinkTimeoutMs, outbound });
  const clustersStore = new ClustersStore(database);
  const clusters = new ClustersService(clustersStore, audit, secrets, flink, yarn, { exists: async (id) => (await teamsStore.ownerOf('team', id)) !== undefined }, clusterEvents);
  // Several instances on one server database share the clusters; on SQLite (one file, one
  // instance) every cluster is this instance's, unless a test turns leases on.
  const leaseConfig = config.clusterLeases;
  const leases =
    leaseConfig && (leaseConfig.enabled ?? database.dialect !== 'sqlite')
      ? new ClusterLeases({
          store: new LeasesStore(database),
          clusterIds: async () => (await clusters.list()).map((c) => c.id),
          settings: { ttlMs: leaseConfig.ttlMs, tickMs: leaseConfig.tickMs },
          log,
          instanceId,
        })
      : undefined;
  const yarnDeployments = config.yarnDeployments ?? { workDir: path.join(config.dataDir, 'yarn-deployments'), javaHome: null };
  // The YARN watcher reconciles a run still INITIALIZING only when its deployment is in progress nowhere.
  const deploymentsInProgress = new DeploymentsInProgress();
  const runOperationsInProgress = new RunOperationsInProgress();
  const watchers: WatcherManager = new WatcherManager({
    clusters,
    flink,
    runs,
    tasks,
    events: bus,
    scheduler,
    settings: config.watcher,
    flinkTimeoutMs: config.flinkTimeoutMs,
    log,
    yarn,
    yarnStagingDirectory: yarnStagingDirectory(yarnDeployments),
    deploymentsInProgress,
    runOperationsInProgress,
    // The sessions' service is built further down (it cancels runs through operations); the watchers call it only
    // once background work started, after everything here is built.
    yarnSessions: {
      on: (yarnEntryId) => yarnSessions.sessionsOn(yarnEntryId),
      startingHere: (session) => yarnSessions.startingHere(session),
      stoppingHere: (sessionId) => yarnSessions.stoppingHere(sessionId),
      settleInterruptedStop: (sessionId, outcome) => yarnSessions.settleInterruptedStop(sessionId, outcome),
      adopt: (sessionId, app) => yarnSessions.adoptStarted(sessionId, app),
      end: (sessionId, from, error, applicationId) => yarnSessions.recordEnded(sessionId, from, error, applicationId),
    },
    ...(leases ? { leases } : {}),
  });
  if (leases) scheduler.shareWith(() => leases.holdsOneInstanceLease());
  // A cluster registered here is claimed at once rather than at the next lease tick.
  clusterEvents.onClustersChanged = () => void (leases ? leaseTick() : Promise.resolve()).then(() => watchers.sync());
  let leaseTicks: Promise<void> = Promise.resolve();
  /** Lease ticks one at a time: a tick started by a registration never races the scheduled one. */
  const leaseTick = (): Promise<void> => {
    leaseTicks = leaseTicks.then(() => leases!.tick()).catch((err) => log.warn({ err }, 'cluster lease tick failed'));
    return leaseTicks;
  };
  // Work per cluster (checkpoints, sampled metrics, health checks) is done by the instance that watches it.
  const watches = leases ? (clusterId: string) => leases.holds(clusterId) : undefined;
  const perCluster = watches ? { watches } : {};
  const checkpoints = Object.assign(
    new CheckpointTracker({ clusters, flink, runs, tasks, events: bus, log, ...perCluster, ...(leases ? { writeGuard: (clusterId: string) => leases.writeGuard(clusterId) } : {}) }),
    { knownSince: Date.now() },
  );
  const metricSettings = config.metrics ?? { intervalMs: 10_000, retentionMs: 168 * 3_600_000 };
  const metricsStore = new MetricsStore(database);
  const metricSampler = new MetricSampler({ store: metricsStore, clusters, flink, settings: metricSettings, log, ...perCluster });
  const metrics = new MetricsService({ store: metricsStore, runs, clusters, flink, sampler: metricSampler, audit, settings: metricSettings });
  const savepoints = new SavepointsStore(database);
  const taskVersions = new TaskVersionsStore(database);
  const runDetail = new RunDetailService({ runs, tasks, versions: taskVersions, savepoints, clusters, flink, watchers, checkpoints });
  // The logs that explain a failure, kept when it happens (captured off the watcher's path).
  const logCaptures = new LogCaptureService({ store: new LogCapturesStore(database), runs, clusters, flink, yarn, audit, settings: config.logCaptures ?? DEFAULT_LOG_CAPTURE_SETTINGS, log });
  const jars = new JarFilesStore(path.join(config.dataDir, 'jars'));
  const teamExists = async (teamId: string) => (await teamsStore.ownerOf('team', teamId)) !== undefined;
  const tasksService = new TasksService({ tasks, versions: taskVersions, clusters, flink, jars, audit, teamExists, log });
  const sqlAuthoring = new SqlAuthoringService({ task: (id) => tasksService.record(id), clusters, flink, audit, log });
  const lineage = new LineageService({ store: new LineageStore(database), versions: taskVersions, log });
  const operations = new OperationsService({ tasks, versions: taskVersions, runs, savepoints, clusters, flink, watchers, jars, audit, bus, yarn, yarnDeployments, inProgress: deploymentsInProgress, ending: runOperationsInProgress, log });
  const yarnSessions: YarnSessionsService = new YarnSessionsService({
    clusters,
    store: clustersStore,
    runs,
    flink,
    yarn,
    audit,
    cancelRun: (actor, runId) => operations.cancel(actor, runId),
    installation: (flinkVersion) => new DeploymentTargets({ flink, jars, yarn, yarnDeployments, log }).installation(flinkVersion),
    workDir: yarnSessionsWorkDir(yarnDeployments.workDir),
    stagingDirectory: yarnStagingDirectory(yarnDeployments),
    log,
  });
  const health = createJobHealth({ database, runs, tasks, clusters, flink, checkpoints, audit, log, checkIntervalMs: config.healthCheckIntervalMs ?? 10_000, ...perCluster });
  health.useOperations(operations);
  const alerts = createAlerting({
    database,
    audit,
    secrets,
    outbound,
    publicUrl: config.publicUrl ?? '',
    log,
    checkpoints,
    metrics: new StoredMetricSource(metricsStore),
    autoRestart: { handlesFailure: health.handlesFailure },
  });

  const savepointRetention = new SavepointRetentionService({ savepoints, runs, tasks, clusters, flink, audit });
  const savepointCatalog = new SavepointCatalogService({ savepoints, runs, tasks, versions: taskVersions });
  const savepointPolicyStore = new SavepointPoliciesStore(database);
  const savepointPolicies = new SavepointPolicyService({ policies: savepointPolicyStore, tasks, audit });
  const savepointScheduler = new SavepointScheduler({
    policies: savepointPolicyStore,
    tasks,
    runs,
    savepoints,
    operations,
    retention: savepointRetention,
    log,
  });

  // A push another instance received for a cluster this one watches; one this instance does not watch
  // is ignored here (never relayed again): the instance that watches it heard the same message.
  relay.onWakeUp((clusterId) => void watchers.pushed(clusterId));
  const clusterPush = new ClusterPushService({ tokens: new PushTokens(secrets), generations: new PushTokenGenerationsStore(database), clusters, audit, wake: (clusterId: string) => watchers.pushed(clusterId), relay: (clusterId: string) => void relay.wakeUp(clusterId), publicUrl: config.publicUrl ?? '' });
  const metricsExport = new MetricsExportService({
    store: new MetricsExportStore(database),
    auth,
    bus,
    watcherCycles: () => watchers.lastCycles(),
    checkpoints: () => checkpoints.latestCompleted(),
    scrapeToken: config.metricsExportToken,
  });

  let started = false;
  const startBackgroundWork = () => {
    if (started) return;
    started = true;
    scheduler.schedule({
      name: 'cluster-health',
      // Each instance checks the clusters it watches (all of them when it is alone).
      instance: 'each',
      intervalMs: config.clusterCheckIntervalMs,
      timeoutMs: config.flinkTimeoutMs * 2,
      // Stored, so every instance's pages read the watching instance's result.
      run: () => clusters.checkAll(watches),
    });
    relay.start().catch((err) => log.warn({ err }, 'events of the other instances will not reach this one\'s pages'));
    if (leases) {
      scheduler.schedule({ name: 'cluster-leases', instance: 'each', intervalMs: config.clusterLeases!.tickMs, timeoutMs: config.clusterLeases!.ttlMs, run: () => leaseTick() });
    }
    watchers.start();
    scheduler.schedule({
      name: 'expired-sessions',
      instance: 'one',
      intervalMs: 10 * 60_000,
      timeoutMs: 60_000,
      run: () => auth.deleteExpiredSessions().then(() => undefined),
    });
    scheduler.schedule({
      name: 'checkpoint-tracker',
      instance: 'each',
      intervalMs: config.checkpointPollMs,
      timeoutMs: Math.max(config.checkpointPollMs * 3, 30_000),
      run: (signal) => checkpoints.tick(signal).then(() => undefined),
    });
    scheduler.schedule({
      name: 'metric-sampler',
      instance: 'each',
      intervalMs: metricSettings.intervalMs,
      timeoutMs: Math.max(metricSettings.intervalMs * 3, 30_000),
      run: (signal) => metricSampler.tick(signal).then(() => undefined),
    });
    scheduler.schedule({
      name: 'metric-retention',
      instance: 'one',
      intervalMs: 60_000,
      timeoutMs: 60_000,
      run: () => metricSampler.deleteExpired().then(() => undefined),
    });
    // Savepoints a stopped Weir left PENDING take Flink's result (first round right after start-up).
    // Scheduled savepoints and retention: one instance, every slot taken by compare-and-set.
    scheduler.schedule({
      name: 'savepoint-schedule',
      instance: 'one',
      intervalMs: 1_000,
      timeoutMs: 60_000,
      run: () => savepointScheduler.tick(),
    });
    scheduler.schedule({
      name: 'savepoint-settler',
      instance: 'one',
      intervalMs: 15_000,
      timeoutMs: 60_000,
      run: () => operations.settleOrphanedSavepoints().then(() => undefined),
    });
    logCaptures.start(bus, scheduler);
    alerts.start(bus, scheduler);
    health.start(bus, scheduler);
  };
  const stopBackgroundWork = async () => {
    liveStreams.stop();
    await relay.stop();
    await scheduler.stop();
    await savepointScheduler.idle(5_000);
    // Handed over at once, not after the lease runs out.
    await leaseTicks;
    await leases?.stop().catch((err) => log.warn({ err }, 'could not give the cluster leases up'));
    await logCaptures.stop();
    await alerts.stop();
    await health.stop();
  };

  return { database, bus, relay, liveStreams, scheduler, leases, audit, auth, preferences, teams, teamsStore, identity, clusters, yarnSessions, flink, runs, tasks, overview, watchers, checkpoints, secrets, alerts, metrics, runDetail, logCaptures, tasksService, sqlAuthoring, lineage, operations, savepointCatalog, savepointRetention, savepointPolicies, savepointScheduler, health, metricsExport, clusterPush, startBackgroundWork, stopBackgroundWork };
}
export type Services = ReturnType<typeof createServices>;
