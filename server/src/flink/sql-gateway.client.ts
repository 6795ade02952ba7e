import { z } from 'zod';
import { FLINK_SUBMISSION_TIMEOUT_MS, FlinkHttp, withoutAnswerText, type FlinkHttpOptions } from './flink-http.js';
import { FlinkRejectedError, NotFlinkError } from '../errors/errors.js';

const Info = z.looseObject({ productName: z.string(), version: z.string() });
const SessionHandle = z.looseObject({ sessionHandle: z.string() });
const OperationHandle = z.looseObject({ operationHandle: z.string() });
const OperationStatus = z.looseObject({ status: z.string() });
const FetchResult = z.looseObject({
  resultType: z.enum(['NOT_READY', 'PAYLOAD', 'EOS']),
  isQueryResult: z.boolean().optional(),
  jobID: z.string().nullable().optional(),
  resultKind: z.string().optional(),
  results: z
    .looseObject({
      columns: z.array(z.looseObject({ name: z.string(), logicalType: z.looseObject({ type: z.string() }).optional() })).optional(),
      data: z.array(z.looseObject({ kind: z.string(), fields: z.array(z.unknown()) })).optional(),
    })
    .optional(),
  nextResultUri: z.string().nullable().optional(),
});

/** A row as the gateway sends it: the changelog kind (+I, -U, +U, -D) and the values. */
export interface ChangelogRow {
  kind: string;
  fields: unknown[];
}

export interface ResultColumn {
  name: string;
  type: string | null;
}

/** Why reading a result stopped: it ended, or one of the caller's limits was reached first. */
export type ReadStop = 'END' | 'ROW_LIMIT' | 'BYTE_LIMIT' | 'TIME_LIMIT' | 'CANCELLED';

export interface RowsRead {
  columns: ResultColumn[];
  /** The rows read, unless they were handed to `onRows` as they came. */
  rows: ChangelogRow[];
  rowCount: number;
  jobId: string | null;
  stoppedBy: ReadStop;
}

export interface ReadLimits {
  maxRows: number;
  /** Bound on the JSON size of the rows kept; the row that would pass it is not kept. */
  maxBytes: number;
  /** Epoch milliseconds after which reading stops. */
  deadline: number;
  /** Aborted when the caller no longer wants the rows (the user stopped, the client went away). */
  signal?: AbortSignal;
  /** Told the job id as soon as the gateway names it, so the caller can cancel the job however reading ends. */
  onJobId?: (jobId: string) => void;
  /**
   * Handed each page's rows as the gateway yields them (with the result's columns, known by the
   * first page that has rows), instead of keeping them all until reading ends.
   */
  onRows?: (rows: ChangelogRow[], columns: ResultColumn[]) => void;
}

export interface StatementResult {
  /** Set when the statement submitted a Flink job (INSERT, statement set). */
  jobId: string | null;
  resultKind: string | null;
  columns: string[];
  rows: unknown[][];
}

/** Where in the statement Flink located an error (1-based), when it says. */
export interface SqlErrorPosition {
  line: number;
  column: number;
}

export interface SqlErrorDetails {
  message: string;
  position: SqlErrorPosition | null;
  exception: string | null;
}

/**
 * Typed client for the Flink SQL Gateway REST API (v3, Flink 1.20): sessions,
 * statements, results, and Flink's error reports turned into a message with a
 * line and column.
 */
export class SqlGatewayClient {
  private readonly http: FlinkHttp;
  /**
   * How long the gateway may take to answer a call that makes it work before it answers: opening a
   * session (its catalogs and modules) and taking a statement. A busy gateway took longer than the
   * read timeout (5 s) for these, and Weir reported it unreachable while it was still at work.
   */
  private readonly workTimeoutMs: number;
  constructor(options: Omit<FlinkHttpOptions, 'label'> & { label?: string }) {
    this.http = new FlinkHttp({ label: 'SQL Gateway', ...options });
    this.workTimeoutMs = Math.max(options.timeoutMs, FLINK_SUBMISSION_TIMEOUT_MS);
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** Proves the address is a Flink SQL Gateway; returns its Flink version. */
  async probe(): Promise<{ version: string }> {
    const info = await this.http.json('/v3/info', Info).catch(withoutAnswerText('SQL Gateway', this.http.baseUrl, '/v3/info'));
    if (info.productName !== 'Apache Flink') throw new NotFlinkError(`${this.http.baseUrl} is not a Flink SQL Gateway`);
    return { version: info.version };
  }

  async openSession(name: string, properties: Record<string, string> = {}): Promise<string> {
    return (await this.http.json('/v3/sessions', SessionHandle, { method: 'POST', body: { sessionName: name, properties }, timeoutMs: this.workTimeoutMs })).sessionHandle;
  }

  async closeSession(session: string): Promise<void> {
    await this.http.send(`/v3/sessions/${enc(session)}`, { method: 'DELETE', allowStatus: [404, 500] });
  }

  async heartbeat(session: string): Promise<void> {
    await this.http.send(`/v3/sessions/${enc(session)}/heartbeat`, { method: 'POST', body: {} });
  }

  async submitStatement(session: string, statement: string, executionConfig?: Record<string, string>): Promise<string> {
    const body: Record<string, unknown> = { statement };
    if (executionConfig && Object.keys(executionConfig).length) body.executionConfig = executionConfig;
    return (await this.http.json(`/v3/sessions/${enc(session)}/statements`, OperationHandle, { method: 'POST', body, timeoutMs: this.workTimeoutMs })).operationHandle;
  }

  async operationStatus(session: string, operation: string): Promise<string> {
    return (await this.http.json(`/v3/sessions/${enc(session)}/operations/${enc(operation)}/status`, OperationStatus)).status;
  }

  async closeOperation(session: string, operation: string): Promise<void> {
    await this.http.send(`/v3/sessions/${enc(session)}/operations/${enc(operation)}/close`, { method: 'DELETE', allowStatus: [404, 500] });
  }

  /**
   * Executes one statement and reads its whole result. A statement Flink
   * rejects throws FlinkRejectedError whose details are a SqlErrorDetails.
   */
  async execute(session: string, statement: string, opts: { timeoutMs?: number; executionConfig?: Record<string, string> } = {}): Promise<StatementResult> {
    const operation = await this.submitStatement(session, statement, opts.executionConfig);
    const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
    const result: StatementResult = { jobId: null, resultKind: null, columns: [], rows: [] };
    let next: string | null = `/v3/sessions/${enc(session)}/operations/${enc(operation)}/result/0`;
    let delay = 20;
    try {
      while (next) {
        const res = await this.http.send(next, { query: { rowFormat: next.includes('rowFormat') ? undefined : 'JSON' }, allowStatus: [500] });
        const text = await res.text();
        if (res.status === 500) throw rejected(text);
        const page = FetchResult.parse(JSON.parse(text));
        if (page.resultType === 'NOT_READY') {
          if (Date.now() > deadline) throw new FlinkRejectedError(`The SQL Gateway did not finish the statement within ${opts.timeoutMs ?? 120_000} ms`);
          await sleep(delay);
          delay = Math.min(delay * 2, 500);
          continue;
        }
        result.jobId ??= page.jobID ?? null;
        result.resultKind ??= page.resultKind ?? null;
        if (!result.columns.length) result.columns = page.results?.columns?.map((c) => c.name) ?? [];
        for (const row of page.results?.data ?? []) result.rows.push(row.fields);
        next = page.resultType === 'EOS' ? null : (page.nextResultUri ?? null);
      }
    } finally {
      await this.closeOperation(session, operation).catch(() => undefined);
    }
    return result;
  }

  /**
   * Reads a submitted statement's result page by page until it ends or a limit is reached; the
   * operation stays open (closing it is the caller's, in its own `finally`). A statement Flink
   * rejects throws FlinkRejectedError whose details are a SqlErrorDetails.
   */
  async readRows(session: string, operation: string, limits: ReadLimits): Promise<RowsRead> {
    const read: RowsRead = { columns: [], rows: [], rowCount: 0, jobId: null, stoppedBy: 'END' };
    let next: string | null = `/v3/sessions/${enc(session)}/operations/${enc(operation)}/result/0`;
    let bytes = 0;
    let delay = 20;
    const kept: ChangelogRow[] = [];
    const hand = () => {
      if (!kept.length) return;
      if (limits.onRows) limits.onRows(kept.splice(0), read.columns);
      else read.rows.push(...kept.splice(0));
    };
    const stop = (why: ReadStop) => {
      hand();
      read.stoppedBy = why;
      return read;
    };
    while (next) {
      if (limits.signal?.aborted) return stop('CANCELLED');
      if (Date.now() > limits.deadline) return stop('TIME_LIMIT');
      const res = await this.http.send(next, { query: { rowFormat: next.includes('rowFormat') ? undefined : 'JSON' }, allowStatus: [500] });
      const text = await res.text();
      if (res.status === 500) throw rejected(text);
      const page = FetchResult.parse(parseKeepingLongIntegers(text));
      if (page.jobID && !read.jobId) {
        read.jobId = page.jobID;
        limits.onJobId?.(page.jobID);
      }
      if (!read.columns.length && page.results?.columns?.length) {
        read.columns = page.results.columns.map((c) => ({ name: c.name, type: c.logicalType?.type ?? null }));
      }
      const data = page.results?.data ?? [];
      for (const row of data) {
        if (read.rowCount >= limits.maxRows) return stop('ROW_LIMIT');
        bytes += JSON.stringify(row.fields).length;
        if (bytes > limits.maxBytes) return stop('BYTE_LIMIT');
        kept.push({ kind: row.kind, fields: row.fields });
        read.rowCount += 1;
      }
      hand();
      if (read.rowCount >= limits.maxRows) return stop('ROW_LIMIT');
      next = page.resultType === 'EOS' ? null : (page.nextResultUri ?? null);
      if (page.resultType === 'NOT_READY' || (!data.length && next)) {
        await sleep(delay, limits.signal);
        delay = Math.min(delay * 2, 500);
      } else delay = 20;
    }
    return stop('END');
  }
}

/**
 * JSON.parse, except that an integer too long for a double (a BIGINT id, a DECIMAL(20, 0)) is kept
 * as its digits in a string instead of being rounded: Flink's JSON rows write BIGINT values as bare
 * numbers, and a preview that shows 8714522042360820000 for 8714522042360819712 is wrong.
 */
export function parseKeepingLongIntegers(text: string): unknown {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      continue;
    }
    if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end]!)) end += 1;
      const literal = text.slice(i, end);
      if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += `${text.slice(last, i)}"${literal}"`;
        last = end;
      }
      i = end - 1;
    }
  }
  return JSON.parse(out + text.slice(last));
}

/** The sentence Flink meant, out of the gateway's wrapped stack trace. */
export function parseSqlError(errors: string[]): SqlErrorDetails {
  const trace = errors.join('\n');
  const causes = [...trace.matchAll(/Caused by: ([\w.$]+): ([^\n]*)/g)].map((m) => ({ exception: m[1]!, message: m[2]! }));
  const wrappers = /SqlGatewayException|SqlExecutionException|RestHandlerException|CompletionException|ExecutionException/;
  const meaningful = causes.find((c) => !wrappers.test(c.exception)) ?? causes.at(-1);
  const message = meaningful?.message.trim() || (errors[0] ?? 'SQL Gateway error');
  const pos = /(?:at line|From line) (\d+), column (\d+)/.exec(message) ?? /(?:at line|From line) (\d+), column (\d+)/.exec(trace);
  return {
    message,
    position: pos ? { line: Number(pos[1]), column: Number(pos[2]) } : null,
    exception: meaningful?.exception ?? null,
  };
}

function rejected(text: string): FlinkRejectedError {
  let errors: string[] = [text];
  try {
    const data = JSON.parse(text) as { errors?: unknown[] };
    if (Array.isArray(data.errors)) errors = data.errors.map(String);
  } catch {
    /* keep the text */
  }
  const details = parseSqlError(errors);
  return new FlinkRejectedError(`Flink rejected the statement: ${details.message}`, details);
}

function enc(s: string): string {
  return encodeURIComponent(s);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
