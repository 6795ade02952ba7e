import type { Dispatcher } from 'undici';
import type { z } from 'zod';
import { OutboundDeniedError, type OutboundGuard } from '../outbound/outbound-guard.js';
import { FlinkRejectedError, FlinkUnreachableError, InputError, NotFlinkError } from '../errors/errors.js';

/**
 * The least wait for a call Flink answers only after doing the work: an upload or a jar run (Flink
 * answers a run after the jar's main() has built the job graph), a SQL Gateway session opened or a
 * statement taken. Seconds on a cold or busy JobManager or gateway (Flink's own `web.timeout` allows
 * ten minutes); the short wait for reads would report the call as failed while Flink is still at it.
 */
export const FLINK_SUBMISSION_TIMEOUT_MS = 60_000;

export interface FlinkHttpOptions {
  baseUrl: string;
  timeoutMs: number;
  /** What this endpoint is, for error messages ("JobManager", "SQL Gateway"). */
  label: string;
  fetch?: typeof globalThis.fetch;
  /** Sent with every request, e.g. the Authorization header of a secured REST endpoint. */
  headers?: Record<string, string>;
  /** A leaner transport for plain GETs of JSON (the watcher's hot path); everything else uses fetch. */
  plainGet?: PlainGet;
  /**
   * The gate every request passes (see OutboundGuard); left out only for the cluster Weir starts
   * on this machine itself, and by tests that answer with a fetch of their own.
   */
  outbound?: OutboundGuard;
}

/**
 * What a JSON GET needs of HTTP: the status and the body as text. Failures are
 * thrown as fetch throws them (a TypeError whose `cause` has the error code).
 */
export type PlainGet = (url: string, init: { headers: Record<string, string>; timeoutMs: number; dispatcher?: Dispatcher }) => Promise<{ status: number; text: string }>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  form?: FormData;
  query?: Record<string, string | number | undefined>;
  /** Statuses that count as success besides 2xx (e.g. 404 meaning "not configured"). */
  allowStatus?: number[];
  /** A wait of its own for this request: shorter for a probe of a cluster that did not answer, longer for a submission. */
  timeoutMs?: number;
  /** The answer's media type asked for, when not JSON (YARN's NodeManager refuses a log file asked for as JSON, with a 500). */
  accept?: string;
}

/**
 * The HTTP layer under the typed Flink clients: one place that turns transport
 * failures, Flink's `{errors: [...]}` answers and unexpected shapes into Weir's
 * typed errors, and that validates every answer against its schema.
 */
export class FlinkHttp {
  private readonly fetchImpl: typeof globalThis.fetch;
  constructor(private readonly options: FlinkHttpOptions) {
    this.fetchImpl = options.fetch ?? options.outbound?.fetch(options.timeoutMs) ?? globalThis.fetch;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async json<S extends z.ZodType>(path: string, schema: S, req: RequestOptions = {}): Promise<z.output<S>> {
    // A request with a wait of its own (a probe) goes through fetch: the lean transport's undici
    // timeouts tick coarsely (up to a second late), fetch's abort signal keeps a short wait exact.
    const plain = this.options.plainGet && req.timeoutMs === undefined && (req.method ?? 'GET') === 'GET' && req.body === undefined && !req.form;
    const text = plain ? await this.plainGet(path, req) : await (await this.send(path, req)).text();
    return this.parse(path, schema, text);
  }

  /** Like json(), but a 404 answer is null: the thing is not there (rather than Flink unreachable or odd). */
  async jsonOrNull<S extends z.ZodType>(path: string, schema: S, req: RequestOptions = {}): Promise<z.output<S> | null> {
    const res = await this.send(path, { ...req, allowStatus: [...(req.allowStatus ?? []), 404] });
    if (res.status === 404) return null;
    return this.parse(path, schema, await res.text());
  }

  /** Validates an answer: anything that is not JSON of the expected shape becomes a NotFlinkError, never a bare parse error. */
  private parse<S extends z.ZodType>(path: string, schema: S, text: string): z.output<S> {
    let data: unknown;
    try {
      data = text.length ? JSON.parse(text) : {};
    } catch {
      throw new NotFlinkError(`${this.options.label} at ${this.options.baseUrl} answered ${path} with something that is not JSON`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new NotFlinkError(
        `${this.options.label} at ${this.options.baseUrl} answered ${path} in an unexpected shape: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(root)'} ${i.message}`)
          .join('; ')}`,
        { path },
      );
    }
    return parsed.data;
  }

  async text(path: string, req: RequestOptions = {}): Promise<string> {
    const res = await this.send(path, req);
    return res.text();
  }

  private async plainGet(path: string, req: RequestOptions): Promise<string> {
    let res: { status: number; text: string };
    try {
      res = await this.options.plainGet!(this.url(path, req).toString(), {
        headers: { accept: 'application/json', ...this.options.headers },
        timeoutMs: req.timeoutMs ?? this.options.timeoutMs,
        ...(this.options.outbound ? { dispatcher: this.options.outbound.dispatcher(req.timeoutMs ?? this.options.timeoutMs, { oneConnectionPerOrigin: true }) } : {}),
      });
    } catch (err) {
      throw this.unreachable(err, req);
    }
    if ((res.status >= 200 && res.status < 300) || req.allowStatus?.includes(res.status)) return res.text;
    throw this.refusal(path, req, res.status, res.text);
  }

  private url(path: string, req: RequestOptions): URL {
    assertPlainSegments(path);
    const url = new URL(this.options.baseUrl + path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  private unreachable(err: unknown, req: RequestOptions): FlinkUnreachableError | OutboundDeniedError {
    // A refused destination is the caller's input, not Flink being away: say so, as a 400.
    const denied = [err, (err as { cause?: unknown })?.cause, (err as { cause?: { cause?: unknown } })?.cause?.cause].find((e) => e instanceof OutboundDeniedError);
    if (denied) return denied as OutboundDeniedError;
    return new FlinkUnreachableError(
      `${this.options.label} at ${this.options.baseUrl} cannot be reached: ${describeFetchError(err, req.timeoutMs ?? this.options.timeoutMs)}`,
    );
  }

  /** The error for an answer with a status that is not a success: Flink's own message when it gave one. */
  private refusal(path: string, req: RequestOptions, status: number, text: string): FlinkRejectedError | NotFlinkError {
    const flinkErrors = parseFlinkErrors(text);
    if (flinkErrors) {
      return new FlinkRejectedError(`${this.options.label} rejected ${req.method ?? 'GET'} ${path}: ${firstLine(flinkErrors)}`, {
        status,
        errors: flinkErrors,
      });
    }
    return new NotFlinkError(`${this.options.label} at ${this.options.baseUrl} answered ${path} with HTTP ${status}, not as Flink would`, { status });
  }

  /** Returns the raw response after classifying failures; a non-allowed status throws. */
  async send(path: string, req: RequestOptions = {}): Promise<Response> {
    const url = this.url(path, req);
    const headers: Record<string, string> = { accept: req.accept ?? 'application/json', ...this.options.headers };
    let body: BodyInit | undefined;
    if (req.form) body = req.form;
    else if (req.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: req.method ?? 'GET',
        headers,
        body,
        signal: AbortSignal.timeout(req.timeoutMs ?? this.options.timeoutMs),
        redirect: 'manual',
      });
    } catch (err) {
      throw this.unreachable(err, req);
    }
    if (res.ok || req.allowStatus?.includes(res.status)) return res;
    throw this.refusal(path, req, res.status, await res.text().catch(() => ''));
  }
}

/**
 * Refuses a path with a segment that would leave the resource it names. The clients encode every
 * value they put into a path (a log name, a TaskManager id), but `..` and `.` survive encoding, and
 * the URL parser (and proxies in front of Flink) resolve them, so `/jobmanager/logs/..` would read
 * `/jobmanager`; an encoded `/` or `\` is decoded by some proxies. Checked here, where every request
 * to Flink is built, so no caller can forget it.
 */
function assertPlainSegments(path: string): void {
  for (const segment of path.split('/').slice(1)) {
    let name: string;
    try {
      name = decodeURIComponent(segment);
    } catch {
      throw new InputError(`"${segment.slice(0, 80)}" is not a valid name in a Flink REST path`);
    }
    if (name === '' || name === '.' || name === '..' || name.includes('/') || name.includes('\\')) {
      throw new InputError(`"${name.slice(0, 80)}" is not a valid name in a Flink REST path`);
    }
  }
}

/** Flink reports errors as `{"errors": ["message", "stack trace…"]}`. */
export function parseFlinkErrors(text: string): string[] | undefined {
  try {
    const data = JSON.parse(text) as unknown;
    if (data && typeof data === 'object' && Array.isArray((data as { errors?: unknown }).errors)) {
      return ((data as { errors: unknown[] }).errors).map(String);
    }
  } catch {
    /* not JSON */
  }
  return undefined;
}

function firstLine(errors: string[]): string {
  // Flink puts the useful sentence first and a stack trace after; show the sentence.
  const joined = errors.join('\n');
  const causes = [...joined.matchAll(/Caused by: ([^\n]+)/g)].map((m) => m[1]);
  const head = (errors[0] ?? 'unknown error').split('\n')[0] ?? '';
  const root = causes.at(-1);
  return root && !head.includes(root) ? `${head} (root cause: ${root})` : head;
}

/**
 * For the requests that prove an address is Flink (registering or changing a cluster): any failure
 * is told by its status only. The address is the caller's choice and may be a private service that
 * answers in Flink's error shape; its words must not come back to the caller (nor be stored).
 */
export function withoutAnswerText(label: string, baseUrl: string, path: string) {
  return (err: unknown): never => {
    if (err instanceof FlinkRejectedError) {
      const status = (err.details as { status?: number } | undefined)?.status;
      throw new NotFlinkError(`${label} at ${baseUrl} answered ${path} with HTTP ${status ?? '?'}, not as Flink would`, { status });
    }
    throw err;
  };
}

export function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = e?.cause?.code;
  // undici's own timeouts, as the lean transport meets them
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `no answer within ${timeoutMs} ms`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  return e?.cause?.message ?? e?.message ?? String(err);
}
