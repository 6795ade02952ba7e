import type { z } from 'zod';
import { FlinkRejectedError, FlinkUnreachableError, NotFlinkError } from '../errors/errors.js';

export interface FlinkHttpOptions {
  baseUrl: string;
  timeoutMs: number;
  /** What this endpoint is, for error messages ("JobManager", "SQL Gateway"). */
  label: string;
  fetch?: typeof globalThis.fetch;
  /** Sent with every request, e.g. the Authorization header of a secured REST endpoint. */
  headers?: Record<string, string>;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  body?: unknown;
  form?: FormData;
  query?: Record<string, string | number | undefined>;
  /** Statuses that count as success besides 2xx (e.g. 404 meaning "not configured"). */
  allowStatus?: number[];
}

/**
 * The HTTP layer under the typed Flink clients: one place that turns transport
 * failures, Flink's `{errors: [...]}` answers and unexpected shapes into Weir's
 * typed errors, and that validates every answer against its schema.
 */
export class FlinkHttp {
  private readonly fetchImpl: typeof globalThis.fetch;
  constructor(private readonly options: FlinkHttpOptions) {
    this.fetchImpl = options.fetch ?? globalThis.fetch;
  }

  get baseUrl(): string {
    return this.options.baseUrl;
  }

  async json<S extends z.ZodType>(path: string, schema: S, req: RequestOptions = {}): Promise<z.output<S>> {
    const res = await this.send(path, req);
    const text = await res.text();
    let data: unknown;
    try {
      data = text.length ? JSON.parse(text) : {};
    } catch {
      throw new NotFlinkError(
        `${this.options.label} at ${this.options.baseUrl} answered ${path} with something that is not JSON: ${snippet(text)}`,
      );
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      throw new NotFlinkError(
        `${this.options.label} at ${this.options.baseUrl} answered ${path} in an unexpected shape: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(root)'} ${i.message}`)
          .join('; ')}`,
        { path, sample: snippet(text) },
      );
    }
    return parsed.data;
  }

  async text(path: string, req: RequestOptions = {}): Promise<string> {
    const res = await this.send(path, req);
    return res.text();
  }

  /** Returns the raw response after classifying failures; a non-allowed status throws. */
  async send(path: string, req: RequestOptions = {}): Promise<Response> {
    const url = new URL(this.options.baseUrl + path);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
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
        signal: AbortSignal.timeout(this.options.timeoutMs),
        redirect: 'manual',
      });
    } catch (err) {
      throw new FlinkUnreachableError(
        `${this.options.label} at ${this.options.baseUrl} cannot be reached: ${describeFetchError(err, this.options.timeoutMs)}`,
      );
    }
    if (res.ok || req.allowStatus?.includes(res.status)) return res;
    const text = await res.text().catch(() => '');
    const flinkErrors = parseFlinkErrors(text);
    if (flinkErrors) {
      throw new FlinkRejectedError(`${this.options.label} rejected ${req.method ?? 'GET'} ${path}: ${firstLine(flinkErrors)}`, {
        status: res.status,
        errors: flinkErrors,
      });
    }
    throw new NotFlinkError(
      `${this.options.label} at ${this.options.baseUrl} answered ${path} with HTTP ${res.status}, not as Flink would: ${snippet(text)}`,
      { status: res.status },
    );
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

function snippet(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 160 ? `${one.slice(0, 160)}…` : one || '(empty)';
}

export function describeFetchError(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const code = e?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  if (code === 'ECONNRESET') return 'connection reset';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  return e?.cause?.message ?? e?.message ?? String(err);
}
