import { FlinkHttp, type FlinkHttpOptions } from '../flink/flink-http.js';
import { InputError } from '../errors/errors.js';
import * as S from './yarn-rm.schemas.js';

/** One log file of a container, as its NodeManager lists it. */
export interface ContainerLogFile {
  fileName: string;
  bytes: number;
}

/**
 * A YARN NodeManager's REST API (Hadoop 3.3), for container logs: which containers an application has on
 * the node (while it runs), a container's log files, and a file's tail. The logs stay on the node's disk
 * after the application ends, until the NodeManager deletes them (`yarn.nodemanager.log.retain-seconds`,
 * 3 h by default, without log aggregation), so they are read after a YARN kill too.
 */
export class YarnNodeManagerClient {
  private readonly http: FlinkHttp;

  constructor(options: Omit<FlinkHttpOptions, 'label'>) {
    this.http = new FlinkHttp({ ...options, label: 'YARN NodeManager' });
  }

  get baseUrl(): string {
    return this.http.baseUrl;
  }

  /** The application's containers on this node; empty once it ended here, or when it never ran here. */
  async containersOf(applicationId: string): Promise<string[]> {
    const answer = await this.http.jsonOrNull(`/ws/v1/node/apps/${applicationId}`, S.YarnNodeAppAnswer);
    return answer?.app.containerids ?? [];
  }

  /** The container's log files on this node; null when the node does not hold it (another node's, or deleted). */
  async logFiles(containerId: string): Promise<ContainerLogFile[] | null> {
    assertContainerId(containerId);
    const res = await this.http.send(`/ws/v1/node/containers/${containerId}/logs`, { allowStatus: [400, 404, 500] });
    const text = await res.text();
    if (res.status !== 200) return null;
    const parsed = S.YarnContainerLogsAnswer.safeParse(safeJson(text));
    if (!parsed.success) return null;
    return (parsed.data.containerLogsInfo.containerLogInfo ?? []).map((f) => ({ fileName: f.fileName, bytes: f.fileSize }));
  }

  /**
   * The last `limit` bytes of one log file (YARN's `size=-N`), without the NodeManager's framing. The body
   * is read as a stream and only its end kept, so a node that ignores `size` cannot make Weir hold more.
   */
  async tail(containerId: string, fileName: string, limit: number): Promise<{ text: string; total: number } | null> {
    assertContainerId(containerId);
    if (!/^[\w.-]{1,200}$/.test(fileName)) throw new InputError(`"${fileName.slice(0, 80)}" is not a container log file name`);
    const res = await this.http.send(`/ws/v1/node/containerlogs/${containerId}/${fileName}`, { query: { size: -limit }, accept: 'text/plain', allowStatus: [400, 404, 500] });
    if (res.status !== 200) {
      await res.body?.cancel();
      return null;
    }
    // The framing adds a few hundred bytes before and after the file's bytes.
    const body = await lastBytes(res, limit + 4096);
    return unwrapNodeManagerLog(body, limit);
  }
}

export function assertContainerId(id: string): void {
  if (!S.YARN_CONTAINER_ID.test(id)) throw new InputError(`"${id.slice(0, 80)}" is not a YARN container id`);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function lastBytes(res: Response, limit: number): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let kept = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    kept += value.length;
    while (parts.length > 1 && kept - parts[0]!.length >= limit) kept -= parts.shift()!.length;
  }
  return Buffer.concat(parts).toString('utf8');
}

/**
 * A NodeManager answers a log file framed by lines of its own ("Container: …", "LogType:…",
 * "LogLength:N", "LogContents:" before it; "End of LogType:…" after it). Keeps what is between, at most
 * `limit` bytes of its end, with the file's whole length from `LogLength`. An answer without the framing
 * (another Hadoop version) is taken whole.
 */
export function unwrapNodeManagerLog(answer: string, limit: number): { text: string; total: number } {
  const start = answer.indexOf('LogContents:\n');
  const end = answer.lastIndexOf('\nEnd of LogType:');
  const total = Number(/^LogLength:\s*(\d+)\s*$/m.exec(answer)?.[1] ?? NaN);
  const body = start >= 0 ? answer.slice(start + 'LogContents:\n'.length, end > start ? end : undefined) : answer;
  const bytes = Buffer.from(body, 'utf8');
  const text = bytes.length > limit ? bytes.subarray(bytes.length - limit).toString('utf8') : body;
  return { text, total: Number.isFinite(total) ? total : bytes.length };
}
