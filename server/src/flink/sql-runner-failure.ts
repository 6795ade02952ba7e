// Why a SQL task's statement failed inside its YARN application, as Weir's SQL runner (flink-local/sql-runner)
// says it in the JobManager container's output: one line, the marker, the statement's position and Flink's
// message. The text comes from a log anyone who can submit SQL can fill: it is searched within a bounded
// window, cleaned of anything a renderer could act on, and cut to a length a note can carry.
import { SQL_RUNNER_FAILURE_MARKER } from '@weir/flink-local';

/** The most of Flink's message a run's note keeps: enough for "Object 'x' not found within 'catalog.db'" and its position. */
export const SQL_FAILURE_MESSAGE_KEPT = 500;
/** The most of one log line looked at: the runner cuts its message at 4,000 characters; a longer line is cut too. */
const LINE_LOOKED_AT = 8_000;

export interface SqlRunnerFailure {
  /** The failing statement's position among those the runner ran (1-based; a script's SETs are not among them); null when the line does not say. */
  statement: number | null;
  /** How many statements the runner had; null when the line does not say. */
  statements: number | null;
  /** Flink's message: one line, no control characters, at most SQL_FAILURE_MESSAGE_KEPT characters. */
  message: string;
}

const LINE = /statement (\d{1,6}) of (\d{1,6})(?: \(the job statement\))? failed: ?(.*)$/s;
/** The runner's lines before it gave the position (a run deployed by an older Weir): the rest is the message. */
const OLDER_LINE = /^(?:the job statement|setup statement (\d{1,6})) failed: ?(.*)$/s;

// Line breaks of every kind, other control characters, and the bidirectional overrides that could make a note
// read differently from what it holds.
const LINE_BREAKS = /[\r\n\v\f\u0085\u2028\u2029]+/g;
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * The runner's failure in a log's text (the last one, should there be several: a retried attempt writes its own),
 * or null when no line carries the marker. Never throws, whatever the text.
 */
export function sqlRunnerFailureIn(logText: string): SqlRunnerFailure | null {
  const at = logText.lastIndexOf(SQL_RUNNER_FAILURE_MARKER);
  if (at < 0) return null;
  const lineEnd = logText.indexOf('\n', at);
  const rest = logText.slice(at + SQL_RUNNER_FAILURE_MARKER.length, lineEnd < 0 ? undefined : lineEnd).slice(0, LINE_LOOKED_AT);
  const said = rest.replace(/^:\s*/, '');
  const full = LINE.exec(said);
  if (full) return { statement: positiveOrNull(full[1]), statements: positiveOrNull(full[2]), message: cleanMessage(full[3]!) };
  const older = OLDER_LINE.exec(said);
  if (older) return { statement: positiveOrNull(older[1]), statements: null, message: cleanMessage(older[2]!) };
  // The marker with a line Weir cannot read: what follows it, cleaned, rather than nothing.
  return { statement: null, statements: null, message: cleanMessage(said) };
}

/** "Statement 2 of 2 failed: Object 'nope' not found …", for a run's note. */
export function sqlRunnerFailureText(failure: SqlRunnerFailure): string {
  const which = failure.statement === null ? 'A statement' : failure.statements === null ? `Statement ${failure.statement}` : `Statement ${failure.statement} of ${failure.statements}`;
  return `${which} failed: ${failure.message}`;
}

function positiveOrNull(digits: string | undefined): number | null {
  const n = digits === undefined ? NaN : Number(digits);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

function cleanMessage(text: string): string {
  const clean = text.replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  if (!clean) return '(no message)';
  const chars = [...clean];
  return chars.length > SQL_FAILURE_MESSAGE_KEPT ? `${chars.slice(0, SQL_FAILURE_MESSAGE_KEPT - 1).join('')}…` : clean;
}
