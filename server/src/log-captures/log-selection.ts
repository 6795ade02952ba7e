// What of a log a capture keeps, and how it is held to its bounds. Pure: the capture service
// reads the files, these functions choose the lines.

/** A log4j record starts with Flink's default timestamp (`%d{yyyy-MM-dd HH:mm:ss,SSS}`); other lines continue it (stack traces). */
const RECORD_START = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})[,.](\d{3})/;

interface LogRecord {
  /** The record's lines, newline included. */
  text: string;
  /**
   * Its timestamp read as if UTC: Flink writes its JVM's local time without a zone, so this is
   * only compared with other records of the same file, never with Weir's clock.
   */
  at: number | null;
}

/** Splits a log into records: a timestamped line and the lines that follow it without one. */
export function splitRecords(text: string): LogRecord[] {
  const records: LogRecord[] = [];
  let start = 0;
  let at: number | null = null;
  let pos = 0;
  while (pos < text.length) {
    const end = text.indexOf('\n', pos);
    const next = end === -1 ? text.length : end + 1;
    const m = RECORD_START.exec(text.slice(pos, pos + 23));
    if (m && pos > start) {
      records.push({ text: text.slice(start, pos), at });
      start = pos;
    }
    if (m && pos === start) at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
    else if (pos === start) at = null;
    pos = next;
  }
  if (start < text.length) records.push({ text: text.slice(start), at });
  return records;
}

export interface JobManagerSelection {
  text: string;
  /** How many records were left out (neither naming the job nor in the window). */
  skipped: number;
  /** Whether any record names the job. */
  namesJob: boolean;
}

/**
 * The JobManager log records that explain a job's event: every record naming the job id, and
 * every record within `windowMs` of the latest one that does (the failure itself, what the
 * scheduler did next, a lost TaskManager's heartbeat timeout logged without the job's id). The
 * window is anchored on the log's own clock, since Flink writes local time without a zone. When
 * no record names the job, the records within the window of the log's end. Left-out stretches
 * are replaced by one marker line each, so the reader sees where lines were skipped.
 */
export function selectJobManagerRecords(text: string, opts: { jobId: string; windowMs: number }): JobManagerSelection {
  const records = splitRecords(text);
  const names = records.map((r) => r.text.includes(opts.jobId));
  let anchor: number | null = null;
  for (let i = records.length - 1; i >= 0 && anchor === null; i--) if (names[i] && records[i]!.at !== null) anchor = records[i]!.at;
  const namesJob = names.some(Boolean);
  if (!namesJob) for (let i = records.length - 1; i >= 0 && anchor === null; i--) anchor = records[i]!.at;
  // The window is for what the log says about the failure without the job's id; a record that
  // names another job stays out, so a capture of one team's run holds no other team's job.
  const keep = records.map((r, i) => names[i] || (anchor !== null && r.at !== null && Math.abs(r.at - anchor) <= opts.windowMs && !namesAnotherJob(r.text, opts.jobId)));
  // A continuation without a timestamp of its own (the file's first, cut, lines) goes with its neighbours.
  let out = '';
  let skipped = 0;
  let run = 0;
  for (let i = 0; i < records.length; i++) {
    if (keep[i]) {
      if (run > 0) out += skipMarker(run);
      run = 0;
      out += records[i]!.text;
      if (!out.endsWith('\n')) out += '\n';
    } else {
      run += 1;
      skipped += 1;
    }
  }
  if (run > 0 && out.length > 0) out += skipMarker(run);
  return { text: out, skipped, namesJob };
}

/**
 * Job ids as the JobManager writes them: `Job name (<id>)`, `job <id>`. An execution attempt's id
 * (`<graph>_<vertex>_0_0`) is hex too, but not a bare 32-digit id in parentheses.
 */
const JOB_ID_MENTION = /\(([0-9a-f]{32})\)|\bjob ([0-9a-f]{32})\b/gi;

function namesAnotherJob(text: string, jobId: string): boolean {
  for (const match of text.matchAll(JOB_ID_MENTION)) {
    const id = (match[1] ?? match[2])!.toLowerCase();
    if (id !== jobId.toLowerCase()) return true;
  }
  return false;
}

function skipMarker(records: number): string {
  return `[weir] … ${records} log record${records === 1 ? '' : 's'} not about this job left out …\n`;
}

/** The line a capture puts where it cut text to stay within its bound. */
export function cutMarker(cutBytes: number, limitBytes: number): string {
  return `[weir] … ${cutBytes} bytes cut here: a capture keeps at most ${limitBytes} bytes of each file …\n`;
}

/**
 * Holds `text` to `maxBytes` of UTF-8, keeping its END (the newest lines, where the failure is)
 * and cutting at a line start, with a marker line saying how much was cut.
 */
export function boundText(text: string, maxBytes: number): { text: string; truncated: boolean; bytes: number } {
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= maxBytes) return { text, truncated: false, bytes: buffer.length };
  // The marker's own size depends on the number it carries; the cut size is at most the text's.
  const markerRoom = Buffer.byteLength(cutMarker(buffer.length, maxBytes));
  let from = buffer.length - Math.max(maxBytes - markerRoom, 0);
  // Start at the next line (or, for one very long line, at a character boundary).
  const newline = buffer.indexOf(0x0a, from);
  if (newline !== -1 && newline + 1 < buffer.length) from = newline + 1;
  else while (from < buffer.length && (buffer[from]! & 0xc0) === 0x80) from += 1;
  const kept = buffer.subarray(from).toString('utf8');
  const out = cutMarker(from, maxBytes) + kept;
  return { text: out, truncated: true, bytes: Buffer.byteLength(out) };
}

/**
 * Splits a byte budget among parts of the given sizes: no part gets more than it has, and what a
 * small part leaves over goes to the larger ones (max-min fairness). One large TaskManager log
 * so never crowds out the JobManager's excerpt.
 */
export function fairShares(sizes: readonly number[], budget: number): number[] {
  const shares = new Array<number>(sizes.length).fill(0);
  const order = sizes.map((size, i) => ({ size, i })).sort((a, b) => a.size - b.size);
  let left = Math.max(budget, 0);
  order.forEach(({ size, i }, k) => {
    const fair = Math.floor(left / (order.length - k));
    shares[i] = Math.min(size, fair);
    left -= shares[i]!;
  });
  return shares;
}

/** Does this exception (name and first line) say a TaskManager was lost? Flink words it several ways across versions. */
export function meansTaskManagerLost(text: string): boolean {
  return /TaskManager.{0,200}(lost|no longer reachable|timed out|disconnected|terminated)|heartbeat of TaskManager.{0,200}timed out|Connection unexpectedly closed by remote task manager/i.test(text);
}
