import { FLINK_JOB_STATUSES, TERMINAL_RUN_STATUSES, type FlinkJobStatus } from '@weir/contract';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordedBody, recordedJobId, restFixture } from './rest-fixtures.js';

/**
 * A stand-in for one Flink 1.20 JobManager's REST API, for benchmarks with more
 * jobs than the local cluster can run. Every answer is BUILT FROM an answer
 * recorded from a real Flink 1.20.3 (flink-local/fixtures/rest): the recording
 * is deep-copied and only ids, names, times and states are substituted, so the
 * shape is Flink's (bench/sim/simulated-jobmanager.test.ts keeps it so).
 *
 * Like Flink, it answers a job's details (/jobs/:jid and the endpoints built
 * from the same execution graph) from a cache that lives `web.refresh-interval`
 * after the first read, while /jobs/overview and /jobs/:jid/status are live.
 */

/** Flink's job statuses (one definition, in the contract). */
export type SimStatus = FlinkJobStatus;

const TERMINAL = new Set<SimStatus>(TERMINAL_RUN_STATUSES);

/** One status change the simulator made, with the time Flink would report for it. */
export interface StatusChange {
  jid: string;
  status: SimStatus;
  at: number;
}

export interface SimulatedJobManagerOptions {
  /** RUNNING jobs present at start. */
  jobs?: number;
  /** Job vertices per job (the recorded streaming job has 2). */
  vertices?: number;
  /** `web.refresh-interval`: how long job details are served from cache (Flink's default 3000; flink-local sets 1000). */
  refreshIntervalMs?: number;
  /** Job names are `${namePrefix}-${n}`. */
  namePrefix?: string;
  /**
   * The simulator's clock (default Date.now): status times and the detail cache's expiry follow
   * it, so a test can move time on by itself instead of waiting for it.
   */
  now?: () => number;
}

interface SimVertex {
  id: string;
  slotSharingGroupId: string;
  name: string;
}

interface SimException {
  at: number;
  /** A task failure that caused a restart, or the global failure that ended the job. */
  kind: 'task' | 'global';
  attempt: number;
}

interface SimJob {
  jid: string;
  name: string;
  vertices: SimVertex[];
  state: SimStatus;
  /** Per status, the last time the job entered it (0 when never), as Flink reports it. */
  timestamps: Record<SimStatus, number>;
  startTime: number;
  endTime: number;
  lastModification: number;
  restarts: number;
  exceptions: SimException[];
}

/** What a cached execution graph holds: the job as it was when the cache entry was made. */
type JobView = Readonly<Omit<SimJob, 'timestamps' | 'exceptions'>> & {
  timestamps: Readonly<Record<SimStatus, number>>;
  exceptions: readonly SimException[];
};

const STATUS_KEYS: readonly SimStatus[] = FLINK_JOB_STATUSES;

// The recordings every answer is built from, loaded once.
const REC = {
  overview: () => recordedBody('overview-with-jobs'),
  config: () => recordedBody('config'),
  jobsOverview: recordedBody<{ jobs: Record<string, unknown>[] }>('jobs-overview'),
  jobs: recordedBody<{ jobs: Record<string, unknown>[] }>('jobs'),
  details: {
    RUNNING: recordedBody<Record<string, unknown>>('job-running'),
    CANCELED: recordedBody<Record<string, unknown>>('job-canceled'),
    FAILED: recordedBody<Record<string, unknown>>('job-failed'),
    FINISHED: recordedBody<Record<string, unknown>>('job-finished'),
  },
  status: recordedBody<Record<string, unknown>>('job-status'),
  exceptionsHealthy: recordedBody<Record<string, unknown>>('job-exceptions-running'),
  exceptionsFailed: recordedBody<{
    'all-exceptions': Record<string, unknown>[];
    exceptionHistory: { entries: Record<string, unknown>[] };
  }>('job-exceptions-failed'),
  checkpoints: recordedBody<Record<string, unknown>>('job-checkpoints'),
  checkpointsJid: recordedJobId('job-checkpoints'),
  checkpointsNow: (restFixture('job-running').body as { now: number }).now,
  checkpointConfig: recordedBody<Record<string, unknown>>('job-checkpoints-config'),
  jobConfig: recordedBody<Record<string, unknown>>('job-config'),
  plan: recordedBody<{ plan: { nodes: Record<string, unknown>[] } }>('job-plan'),
  metricValue: (recordedBody<Record<string, unknown>[]>('job-vertex-metrics-get'))[0]!,
  metricName: (recordedBody<Record<string, unknown>[]>('job-vertex-metrics'))[0]!,
  watermarks: recordedBody<unknown[]>('job-vertex-watermarks'),
  backpressure: recordedBody<{ subtasks: Record<string, unknown>[] }>('job-vertex-backpressure'),
  unknownJob: recordedBody<{ errors: string[] }>('error-unknown-job'),
  unknownJobId: recordedJobId('error-unknown-job'),
  notFound: recordedBody<{ errors: string[] }>('error-not-found'),
};

const RUNNING_ENTRY = REC.jobsOverview.jobs.find((j) => j.state === 'RUNNING')!;
const JOB_METRIC_NAMES = ['numRestarts', 'uptime', 'downtime', 'fullRestarts', 'restartingTime', 'numberOfCompletedCheckpoints', 'lastCheckpointSize'];

export class SimulatedJobManager {
  private readonly jobs = new Map<string, SimJob>();
  private readonly order: string[] = [];
  private readonly detailCache = new Map<string, { view: JobView; expires: number }>();
  private readonly counts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server?: http.Server;
  private hanging = false;
  private seq = 0;
  /** Every status change, oldest first. */
  readonly changes: StatusChange[] = [];
  readonly refreshIntervalMs: number;
  private readonly vertexCount: number;
  private readonly namePrefix: string;
  private readonly now: () => number;
  url = '';
  /**
   * Where this JobManager pushes its status changes, as Weir's listener on Flink 2.x does
   * (flink-local/push-listener): fire and forget, a 2 s timeout, failures dropped. None: no push.
   */
  pushTarget: { url: string; token: string } | undefined;

  private constructor(opts: SimulatedJobManagerOptions) {
    this.refreshIntervalMs = opts.refreshIntervalMs ?? 3000;
    this.vertexCount = Math.max(1, opts.vertices ?? 2);
    this.namePrefix = opts.namePrefix ?? 'sim-job';
    this.now = opts.now ?? Date.now;
  }

  /** Starts the HTTP server on 127.0.0.1 on a free port, with `jobs` RUNNING jobs. */
  static async start(opts: SimulatedJobManagerOptions = {}): Promise<SimulatedJobManager> {
    const sim = new SimulatedJobManager(opts);
    const started = sim.now() - 60_000;
    for (let i = 0; i < (opts.jobs ?? 0); i++) sim.submit({ at: started + i, quietly: true });
    const server = http.createServer((req, res) => sim.handle(req, res));
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sim.server = server;
    sim.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return sim;
  }

  /**
   * A JobManager without a server of its own, answering at `url` through `handle`: a fleet of
   * thousands shares one server (sim-fleet.ts), since one listening socket per JobManager would
   * exhaust the process's file descriptors at 10,000.
   */
  static detached(url: string, opts: SimulatedJobManagerOptions = {}): SimulatedJobManager {
    const sim = new SimulatedJobManager(opts);
    const started = sim.now() - 60_000;
    for (let i = 0; i < (opts.jobs ?? 0); i++) sim.submit({ at: started + i, quietly: true });
    sim.url = url;
    return sim;
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  jobIds(): string[] {
    return [...this.order];
  }

  statusOf(jid: string): SimStatus | undefined {
    return this.jobs.get(jid)?.state;
  }

  /**
   * Submits a job the way Flink runs one: INITIALIZING, CREATED and RUNNING
   * (the three within a few ms, as recorded). Returns its job id.
   */
  submit(opts: { name?: string; at?: number; quietly?: boolean } = {}): string {
    const at = opts.at ?? this.now();
    const jid = randomBytes(16).toString('hex');
    const n = ++this.seq;
    const vertices = Array.from({ length: this.vertexCount }, () => ({ id: randomBytes(16).toString('hex'), slotSharingGroupId: '', name: '' }));
    const group = randomBytes(16).toString('hex');
    const templates = REC.details.RUNNING.vertices as { name: string }[];
    vertices.forEach((v, i) => {
      v.slotSharingGroupId = group;
      v.name = i === 0 ? templates[0]!.name : i === vertices.length - 1 ? templates.at(-1)!.name : `Calc[${i + 4}]`;
    });
    const timestamps = Object.fromEntries(STATUS_KEYS.map((s) => [s, 0])) as Record<SimStatus, number>;
    const job: SimJob = { jid, name: opts.name ?? `${this.namePrefix}-${n}`, vertices, state: 'INITIALIZING', timestamps, startTime: at, endTime: -1, lastModification: at, restarts: 0, exceptions: [] };
    this.jobs.set(jid, job);
    this.order.push(jid);
    for (const [status, offset] of [['INITIALIZING', 0], ['CREATED', 2], ['RUNNING', 5]] as const) this.enter(job, status, at + offset, opts.quietly);
    return jid;
  }

  /** Moves a job to a status now (or at `at`), recording the change. */
  setStatus(jid: string, status: SimStatus, at = this.now()): void {
    const job = this.jobs.get(jid);
    if (!job) throw new Error(`no simulated job ${jid}`);
    if (job.state === status) return;
    if (status === 'RESTARTING') {
      job.restarts += 1;
      job.exceptions.unshift({ at, kind: 'task', attempt: job.restarts - 1 });
    }
    if (status === 'FAILING') job.exceptions.unshift({ at, kind: 'task', attempt: job.restarts });
    if (status === 'FAILED') job.exceptions.unshift({ at, kind: 'global', attempt: job.restarts });
    job.exceptions.length = Math.min(job.exceptions.length, 16); // web.exception-history-size
    this.enter(job, status, at);
  }

  /** A restart as Flink's fixed-delay strategy does it: RESTARTING now, RUNNING after `delayMs`. */
  restart(jid: string, delayMs = 1000): void {
    this.setStatus(jid, 'RESTARTING');
    this.later(delayMs, () => this.jobs.get(jid)?.state === 'RESTARTING' && this.setStatus(jid, 'RUNNING'));
  }

  /** A cancel: CANCELLING now, CANCELED once the tasks stopped. */
  cancel(jid: string, delayMs = 150): void {
    this.setStatus(jid, 'CANCELLING');
    this.later(delayMs, () => this.setStatus(jid, 'CANCELED'));
  }

  /** A failure with restarts exhausted: FAILING now, FAILED once the tasks stopped. */
  fail(jid: string, delayMs = 100): void {
    this.setStatus(jid, 'FAILING');
    this.later(delayMs, () => this.setStatus(jid, 'FAILED'));
  }

  /** Requests served since the last reset, by route (`/jobs/:jid/exceptions`). */
  requestCounts(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  resetRequestCounts(): void {
    this.counts.clear();
  }

  /**
   * From now on accepts connections and requests but never answers them, as a JobManager behind a
   * network that drops packets: the costliest way to be unreachable for a watcher (each request
   * waits for its timeout). Held requests are counted as 'unanswered'.
   */
  hang(): void {
    this.hanging = true;
  }

  get reachable(): boolean {
    return !this.hanging;
  }

  private later(ms: number, fn: () => unknown): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private enter(job: SimJob, status: SimStatus, at: number, quietly = false): void {
    job.state = status;
    job.timestamps[status] = at;
    job.lastModification = at;
    if (TERMINAL.has(status)) job.endTime = at;
    if (!quietly) this.changes.push({ jid: job.jid, status, at });
    if (!quietly && this.pushTarget) this.push(job.jid, status, at, this.pushTarget);
  }

  private push(jobId: string, status: SimStatus, timestamp: number, target: { url: string; token: string }): void {
    void fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ jobId, status, timestamp }),
      signal: AbortSignal.timeout(2_000),
    }).then((res) => res.body?.cancel(), () => undefined);
  }

  /** The job as Flink's execution graph cache would hand it out now. */
  private cachedView(job: SimJob, now: number): JobView {
    const cached = this.detailCache.get(job.jid);
    if (cached && now < cached.expires) return cached.view;
    const view: JobView = { ...job, timestamps: { ...job.timestamps }, exceptions: [...job.exceptions] };
    if (this.refreshIntervalMs > 0) this.detailCache.set(job.jid, { view, expires: now + this.refreshIntervalMs });
    return view;
  }

  // ---- HTTP ----

  handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.hanging) {
      this.counts.set('unanswered', (this.counts.get('unanswered') ?? 0) + 1);
      return;
    }
    const url = new URL(req.url ?? '/', 'http://sim');
    const parts = url.pathname.split('/').filter(Boolean);
    const now = this.now();
    let route = 'unknown';
    let status = 200;
    let body: unknown;
    try {
      [route, body] = this.route(req.method ?? 'GET', parts, url.searchParams, now);
      if (body === undefined) {
        status = 404;
        body = route.startsWith('/jobs/:jid') ? this.unknownJob(parts[1] ?? '') : REC.notFound;
      }
    } catch (err) {
      status = 500;
      body = { errors: ['Internal server error.', String(err)] };
    }
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private route(method: string, p: string[], query: URLSearchParams, now: number): [string, unknown] {
    if (method !== 'GET') return [`${method} /${p.join('/')}`, undefined];
    if (p.length === 1 && p[0] === 'overview') return ['/overview', this.overview()];
    if (p.length === 1 && p[0] === 'config') return ['/config', this.dashboardConfig()];
    if (p[0] !== 'jobs') return [`/${p.join('/')}`, undefined];
    if (p.length === 1) return ['/jobs', this.jobList()];
    if (p.length === 2 && p[1] === 'overview') return ['/jobs/overview', this.jobsOverview(now)];
    const rest = p.slice(2);
    const vertexRoute = rest[0] === 'vertices' ? `/vertices/:vid/${rest.slice(2).join('/')}` : '';
    const route = `/jobs/:jid${vertexRoute || (rest.length ? `/${rest.join('/')}` : '')}`;
    const job = this.jobs.get(p[1]!);
    if (!job) return [route, undefined];
    switch (route) {
      case '/jobs/:jid':
        return [route, this.details(this.cachedView(job, now), now)];
      case '/jobs/:jid/status':
        return [route, { ...REC.status, status: job.state }];
      case '/jobs/:jid/exceptions':
        return [route, this.exceptions(this.cachedView(job, now))];
      case '/jobs/:jid/checkpoints':
        return [route, this.checkpoints(this.cachedView(job, now), now)];
      case '/jobs/:jid/checkpoints/config':
        return [route, structuredClone(REC.checkpointConfig)];
      case '/jobs/:jid/config':
        return [route, { ...structuredClone(REC.jobConfig), jid: job.jid, name: job.name }];
      case '/jobs/:jid/plan':
        return [route, { ...REC.plan, plan: this.plan(this.cachedView(job, now)) }];
      case '/jobs/:jid/metrics':
        return [route, this.metrics(query.get('get'), { numRestarts: job.restarts, fullRestarts: job.restarts })];
    }
    const vertex = job.vertices.find((v) => v.id === rest[1]);
    if (!vertex) return [route, undefined];
    switch (route) {
      case '/jobs/:jid/vertices/:vid/watermarks':
        return [route, structuredClone(REC.watermarks)];
      case '/jobs/:jid/vertices/:vid/backpressure':
        return [route, this.backpressure(now)];
      case '/jobs/:jid/vertices/:vid/metrics':
        return [route, this.metrics(query.get('get'), {})];
    }
    return [route, undefined];
  }

  // ---- answers, each from its recording ----

  private overview() {
    const body = REC.overview();
    const jobs = [...this.jobs.values()];
    const count = (...s: SimStatus[]) => jobs.filter((j) => s.includes(j.state)).length;
    const slots = Math.max(jobs.length, 1);
    return {
      ...body,
      taskmanagers: Math.ceil(slots / 8),
      'slots-total': slots,
      'slots-available': slots - count('RUNNING', 'RESTARTING', 'CREATED', 'INITIALIZING', 'CANCELLING', 'FAILING'),
      'jobs-running': count('RUNNING', 'RESTARTING', 'CREATED', 'INITIALIZING', 'CANCELLING', 'FAILING', 'RECONCILING'),
      'jobs-finished': count('FINISHED'),
      'jobs-cancelled': count('CANCELED'),
      'jobs-failed': count('FAILED'),
    };
  }

  private dashboardConfig() {
    return { ...REC.config(), 'refresh-interval': this.refreshIntervalMs };
  }

  private jobList() {
    const tpl = REC.jobs.jobs[0]!;
    return { ...REC.jobs, jobs: this.order.map((jid) => ({ ...tpl, id: jid, status: this.jobs.get(jid)!.state })) };
  }

  private jobsOverview(now: number) {
    const tplTasks = RUNNING_ENTRY.tasks as Record<string, number>;
    return {
      jobs: this.order.map((jid) => {
        const j = this.jobs.get(jid)!;
        const end = j.endTime;
        return {
          ...RUNNING_ENTRY,
          jid: j.jid,
          name: j.name,
          'start-time': j.startTime,
          'end-time': end,
          duration: (end > 0 ? end : now) - j.startTime,
          state: j.state,
          'last-modification': j.lastModification,
          tasks: taskCounts(tplTasks, j.state, j.vertices.length, false),
        };
      }),
    };
  }

  private details(view: JobView, now: number) {
    const tpl = (REC.details as Record<string, Record<string, unknown>>)[view.state] ?? REC.details.RUNNING;
    const body = structuredClone(tpl) as Record<string, unknown> & { vertices: Record<string, unknown>[]; timestamps: Record<string, number> };
    const end = view.endTime;
    const vertexTpl = body.vertices;
    body.jid = view.jid;
    body.name = view.name;
    body.state = view.state;
    body['start-time'] = view.startTime;
    body['end-time'] = end;
    body.duration = (end > 0 ? end : now) - view.startTime;
    body.now = now;
    body.timestamps = Object.fromEntries(Object.keys(body.timestamps).map((k) => [k, view.timestamps[k as SimStatus] ?? 0]));
    const vertexStatus = executionStatus(view.state);
    body.vertices = view.vertices.map((v, i) => {
      const t = structuredClone(vertexTpl[Math.min(i, vertexTpl.length - 1)]!);
      return {
        ...t,
        id: v.id,
        slotSharingGroupId: v.slotSharingGroupId,
        name: v.name,
        status: vertexStatus,
        'start-time': view.timestamps.RUNNING,
        'end-time': end,
        duration: (end > 0 ? end : now) - view.timestamps.RUNNING,
        tasks: taskCounts(t.tasks as Record<string, number>, view.state, 1, true),
      };
    });
    body['status-counts'] = taskCounts(body['status-counts'] as Record<string, number>, view.state, view.vertices.length, true);
    body.plan = this.plan(view);
    return body;
  }

  private plan(view: JobView) {
    const nodes = REC.plan.plan.nodes;
    const sink = nodes.find((n) => n.inputs)!;
    const source = nodes.find((n) => !n.inputs)!;
    return {
      ...REC.plan.plan,
      jid: view.jid,
      name: view.name,
      nodes: [...view.vertices].reverse().map((v, i, all) => {
        const isSource = i === all.length - 1;
        const node = structuredClone(isSource ? source : sink) as Record<string, unknown> & { inputs?: Record<string, unknown>[] };
        node.id = v.id;
        node.description = `${v.name}<br/>`;
        if (node.inputs) node.inputs = [{ ...node.inputs[0], id: all[i + 1]!.id }];
        return node;
      }),
    };
  }

  private exceptions(view: JobView) {
    if (!view.exceptions.length) return structuredClone(REC.exceptionsHealthy);
    const rec = REC.exceptionsFailed;
    const [globalTpl, taskTpl] = rec.exceptionHistory.entries as [Record<string, unknown> & { concurrentExceptions: Record<string, unknown>[] }, Record<string, unknown>];
    const taskName = (attempt: number) => `${view.vertices[0]!.name} (1/1) - execution #${attempt}`;
    const entries = view.exceptions.map((e) => {
      if (e.kind === 'global') {
        const g = structuredClone(globalTpl);
        g.timestamp = e.at;
        g.concurrentExceptions = g.concurrentExceptions.map((c) => ({ ...c, timestamp: e.at - 1, taskName: taskName(e.attempt) }));
        return g;
      }
      return { ...structuredClone(taskTpl), timestamp: e.at, taskName: taskName(e.attempt) };
    });
    const latest = view.exceptions[0]!;
    return {
      ...structuredClone(rec),
      timestamp: latest.at,
      'all-exceptions': rec['all-exceptions'].map((a) => ({ ...a, task: `${view.vertices[0]!.name} (1/1)`, timestamp: latest.at })),
      exceptionHistory: { ...rec.exceptionHistory, entries },
    };
  }

  private checkpoints(view: JobView, now: number) {
    return rebase(REC.checkpoints, REC.checkpointsJid, view.jid, now - REC.checkpointsNow);
  }

  private metrics(get: string | null, values: Record<string, number>) {
    if (!get) return JOB_METRIC_NAMES.map((id) => ({ ...REC.metricName, id }));
    return get.split(',').map((id) => ({ ...REC.metricValue, id, value: String(values[id] ?? 0) }));
  }

  private backpressure(now: number) {
    return { ...structuredClone(REC.backpressure), 'end-timestamp': now };
  }

  private unknownJob(jid: string) {
    return { errors: REC.unknownJob.errors.map((e) => e.replaceAll(REC.unknownJobId, jid)) };
  }
}

/** The execution state Flink shows for a job's tasks while the job is in `state`. */
function executionStatus(state: SimStatus): string {
  switch (state) {
    case 'INITIALIZING':
    case 'CREATED':
      return 'CREATED';
    case 'RESTARTING':
    case 'CANCELED':
    case 'SUSPENDED':
      return 'CANCELED';
    case 'CANCELLING':
    case 'FAILING':
      return 'CANCELING';
    default:
      return state;
  }
}

/** The recorded task-count record with every count 0 except the tasks' current state (`total` kept). */
function taskCounts(template: Record<string, number>, state: SimStatus, tasks: number, upper: boolean): Record<string, number> {
  const current = executionStatus(state);
  const key = (s: string) => (upper ? s.toUpperCase() : s.toLowerCase());
  const out: Record<string, number> = {};
  for (const k of Object.keys(template)) out[k] = k === 'total' ? tasks : 0;
  if (state === 'FAILED' || state === 'FAILING') {
    out[key('FAILED')] = 1;
    out[key(state === 'FAILED' ? 'CANCELED' : 'CANCELING')] = tasks - 1;
  } else {
    out[key(current)] = tasks;
  }
  return out;
}

/** A deep copy with a job id replaced in every string and every epoch-millisecond time moved by `shiftMs`. */
function rebase(value: unknown, fromJid: string, toJid: string, shiftMs: number): unknown {
  if (typeof value === 'string') return value.includes(fromJid) ? value.replaceAll(fromJid, toJid) : value;
  if (typeof value === 'number') return value > 1e12 && value < 1e13 ? value + shiftMs : value;
  if (Array.isArray(value)) return value.map((v) => rebase(v, fromJid, toJid, shiftMs));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebase(v, fromJid, toJid, shiftMs)]));
  }
  return value;
}
