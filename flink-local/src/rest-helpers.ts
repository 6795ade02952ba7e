// Minimal helpers around the JobManager REST API and SQL Gateway REST v3, used by the
// integration test and the fixture recorder. Not a client library: raw JSON in and out.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export interface RawResponse<T = unknown> {
  status: number;
  body: T;
  /** The body exactly as received (JSON.parse loses precision on e.g. Long.MAX_VALUE). */
  text: string;
}

export async function call<T = any>(
  method: string,
  url: string,
  body?: unknown,
): Promise<RawResponse<T>> {
  const init: RequestInit = { method };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'content-type': 'application/json' };
  }
  const res = await fetch(url, init);
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text.length ? JSON.parse(text) : null;
  } catch {
    /* keep text */
  }
  return { status: res.status, body: parsed as T, text };
}

export async function ok<T = any>(method: string, url: string, body?: unknown): Promise<T> {
  const r = await call<T>(method, url, body);
  if (r.status >= 300) throw new Error(`${method} ${url} → ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  intervalMs = 250,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(intervalMs);
  }
}

export async function waitForJobState(restUrl: string, jobId: string, states: string[], timeoutMs = 60_000): Promise<any> {
  return waitFor(`job ${jobId} in ${states.join('|')}`, timeoutMs, async () => {
    const r = await call('GET', `${restUrl}/jobs/${jobId}`);
    if (r.status === 200 && states.includes(r.body.state)) return r.body;
    if (r.status === 200 && ['FAILED', 'CANCELED', 'FINISHED'].includes(r.body.state) && !states.includes(r.body.state)) {
      throw new Error(`job ${jobId} ended ${r.body.state}, expected ${states.join('|')}`);
    }
    return undefined;
  });
}

export async function uploadJar(restUrl: string, jarPath: string): Promise<{ filename: string; status: string; jarId: string }> {
  const form = new FormData();
  form.append('jarfile', new Blob([readFileSync(jarPath)], { type: 'application/x-java-archive' }), basename(jarPath));
  const res = await fetch(`${restUrl}/jars/upload`, { method: 'POST', body: form });
  const body = (await res.json()) as { filename: string; status: string };
  if (res.status !== 200) throw new Error(`POST /jars/upload → ${res.status}: ${JSON.stringify(body)}`);
  return { ...body, jarId: basename(body.filename) };
}

export interface StatementRun {
  operationHandle: string;
  submit: unknown;
  statuses: unknown[];
  results: unknown[];
  jobId?: string;
}

export class GatewaySession {
  constructor(
    readonly gatewayUrl: string,
    readonly sessionHandle: string,
    readonly openResponse: unknown,
  ) {}

  static async open(gatewayUrl: string, properties: Record<string, string> = {}, sessionName = 'weir-flink-local'): Promise<GatewaySession> {
    const body = await ok('POST', `${gatewayUrl}/v3/sessions`, { sessionName, properties });
    return new GatewaySession(gatewayUrl, body.sessionHandle, body);
  }

  get base(): string {
    return `${this.gatewayUrl}/v3/sessions/${this.sessionHandle}`;
  }

  /** Submits a statement, then fetches result pages from token 0 until EOS (NOT_READY → retry). */
  async run(statement: string, timeoutMs = 120_000): Promise<StatementRun> {
    const submit = await ok('POST', `${this.base}/statements`, { statement });
    const oh: string = submit.operationHandle;
    const run: StatementRun = { operationHandle: oh, submit, statuses: [], results: [] };
    run.statuses.push(await ok('GET', `${this.base}/operations/${oh}/status`));
    let next: string | null = `/v3/sessions/${this.sessionHandle}/operations/${oh}/result/0?rowFormat=JSON`;
    const deadline = Date.now() + timeoutMs;
    while (next) {
      if (Date.now() > deadline) throw new Error(`Timed out fetching results of: ${statement}`);
      const r: RawResponse<any> = await call('GET', `${this.gatewayUrl}${next}`);
      run.results.push(r.body);
      if (r.status !== 200) {
        const err = new Error(`Statement failed: ${statement}\n${JSON.stringify(r.body)}`) as Error & { response?: unknown; run?: StatementRun };
        err.response = r;
        err.run = run;
        throw err;
      }
      if (r.body.jobID) run.jobId = r.body.jobID;
      if (r.body.resultType === 'NOT_READY') {
        await sleep(200);
        continue;
      }
      if (r.body.resultType === 'EOS') break;
      next = r.body.nextResultUri ?? null;
    }
    run.statuses.push(await ok('GET', `${this.base}/operations/${oh}/status`));
    return run;
  }

  async close(): Promise<unknown> {
    return (await call('DELETE', this.base)).body;
  }
}
