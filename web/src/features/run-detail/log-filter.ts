// The log viewer's search and level filter, for live logs and saved captures alike. Pure: the
// component shows what these functions keep.

export const LOG_LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const RECORD_LEVEL = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}[,.]\d{3}\s+(TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b/;
const RANK: Record<string, number> = { FATAL: 0, ERROR: 0, WARN: 1, WARNING: 1, INFO: 2, DEBUG: 3, TRACE: 4 };

export interface LogFilter {
  /** Case-insensitive text a record must contain; empty keeps all. */
  search: string;
  /** The least severe level kept (WARN keeps WARN and ERROR); null keeps all. */
  level: LogLevel | null;
}

/**
 * The records of a log that pass the filter. A record is a timestamped line and the lines after
 * it that have none (a stack trace): it is kept or dropped whole, so a search for an exception's
 * class shows its whole trace and the line that logged it. Lines without any record before them
 * (stdout, a thread dump, a window cut mid-record) are records of their own, of no level: the
 * level filter keeps them only when it is off.
 */
export function filterLog(text: string, filter: LogFilter): { text: string; records: number; kept: number } {
  const search = filter.search.trim().toLowerCase();
  if (!search && !filter.level) return { text, records: -1, kept: -1 };
  const maxRank = filter.level ? RANK[filter.level]! : Infinity;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let out = '';
  let records = 0;
  let kept = 0;
  let current: string[] = [];
  let rank: number | null = null;
  const flush = () => {
    if (!current.length) return;
    records += 1;
    const record = current.join('\n') + '\n';
    const levelOk = maxRank === Infinity || (rank !== null && rank <= maxRank);
    if (levelOk && (!search || record.toLowerCase().includes(search))) {
      out += record;
      kept += 1;
    }
    current = [];
  };
  for (const line of lines) {
    const m = RECORD_LEVEL.exec(line);
    if (m || /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}/.test(line) || (!current.length && rank === null)) {
      flush();
      rank = m ? RANK[m[1]!]! : null;
    }
    current.push(line);
  }
  flush();
  return { text: out, records, kept };
}

/**
 * The shown text cut into pieces around each case-insensitive occurrence of the search, so the
 * viewer can mark them. After `limit` matches the rest stays one plain piece: a search for "a" in
 * half a megabyte of log must not build a hundred thousand elements.
 */
export function splitMatches(text: string, search: string, limit = 2_000): Array<{ text: string; match: boolean }> {
  const needle = search.trim().toLowerCase();
  if (!needle) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const pieces: Array<{ text: string; match: boolean }> = [];
  let from = 0;
  let matches = 0;
  for (let found = lower.indexOf(needle); found >= 0 && matches < limit; found = lower.indexOf(needle, from), matches += 1) {
    if (found > from) pieces.push({ text: text.slice(from, found), match: false });
    pieces.push({ text: text.slice(found, found + needle.length), match: true });
    from = found + needle.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), match: false });
  return pieces;
}
