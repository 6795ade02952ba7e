// Finds the English left on a page shown in Chinese. A page's text mixes the UI (which must be
// Chinese) with data an operator reads as it is: names, ids, paths, numbers with units. The data is
// taken out first, by what it looks like or because the test named it; every word left that is not
// a name kept in English (ENGLISH_NAMES) is reported. Code and logs never reach this: the browser
// side (ui-text.ts) leaves out code blocks, editors and elements marked translate="no".
import { RUN_STATUSES } from '../../contract/src/run-statuses.js';
import { ENGLISH_NAMES } from '../../web/src/i18n/english-names.js';

export interface EnglishWord {
  word: string;
  /** The line of the page it stood in, to find it by. */
  line: string;
}

export interface EnglishWordOptions {
  /** Strings the test itself created or Flink named (task, cluster and table names, user names); taken out as they are. */
  data?: readonly string[];
}

/**
 * Words a Chinese page shows in English beside the names kept in English: Flink's statuses and the
 * values of its settings as Weir shows them, and the units numbers carry.
 */
const KEPT: ReadonlySet<string> = new Set([
  ...ENGLISH_NAMES,
  ...RUN_STATUSES,
  // Flink's execution modes and a run's kinds of task, as Flink names them
  'STREAMING', 'BATCH', 'JAR',
  // Flink's checkpoint statuses, and how records go from one operator to the next (the graph's edges)
  'COMPLETED', 'IN_PROGRESS', 'FORWARD', 'HASH', 'REBALANCE', 'RESCALE', 'BROADCAST', 'GLOBAL', 'SHUFFLE', 'CUSTOM',
  // the name of Weir's own roles, kept as the API spells them
  'admin',
]);

/** Names of two words: the graph library's credit in the corner of every graph. */
const KEPT_PHRASES = ['React Flow'];

/** Units after a number: durations, sizes, rates ("2 s", "1m 3s", "12.5 kB", "20/s"). */
const NUMBER_WITH_UNIT = /\b\d[\d.,]*\s?(?:ms|s|m|h|d|min|B|kB|KB|MB|GB|TB|KiB|MiB|GiB|x|×)(?![A-Za-z])/g;
/** URLs and schemes with a path (http://…, file:/…), and paths of two parts or more. */
const URL_OR_PATH = /\b[a-z][a-z0-9+.-]*:\/{1,3}\S+|(?:^|[\s(（])\/\S+|\S+\/\S+/g;
/**
 * A hexadecimal id: with a digit in it, whole or cut short with an ellipsis ("6277d32f…"); or cut short
 * whatever it holds, since one id in 2,500 starts with eight of a–f ("caefabcc…") and no English word
 * is cut that way.
 */
const HEX_ID = /\b(?:(?=[0-9a-f]*\d)[0-9a-f]{6,}\b…?|[0-9a-f]{6,}…)/g;
/** An e-mail address. */
const EMAIL = /\S+@\S+\.\S+/g;

/** A token that is an identifier, not a word: snake_case, dotted keys, camelCase, or with digits in it. */
function isIdentifier(token: string): boolean {
  return /[_.]/.test(token) || /\d/.test(token) || /[a-z][A-Z]/.test(token);
}

/** The English words in a page's text (Chinese shown), each once, with the line it first stood in. */
export function englishWords(text: string, options: EnglishWordOptions = {}): EnglishWord[] {
  // Longest first, so a name that contains another is taken out whole; only as a whole word, so the
  // team named "default" does not take the start of "defaults" with it.
  const data = [...KEPT_PHRASES, ...(options.data ?? [])]
    .filter((d) => d.length > 0)
    .sort((a, b) => b.length - a.length)
    .map((d) => new RegExp(`(?<![A-Za-z0-9_])${d.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9_])`, 'g'));
  const found = new Map<string, EnglishWord>();
  for (const line of text.split('\n')) {
    let rest = line;
    for (const d of data) rest = rest.replace(d, ' ');
    rest = rest.replace(URL_OR_PATH, ' ').replace(EMAIL, ' ').replace(HEX_ID, ' ').replace(NUMBER_WITH_UNIT, ' ');
    for (const token of rest.match(/[A-Za-z][A-Za-z0-9_.'-]*/g) ?? []) {
      const word = token.replace(/[.'-]+$/, '');
      if (KEPT.has(word) || isIdentifier(word) || found.has(word)) continue;
      found.set(word, { word, line: line.trim().slice(0, 160) });
    }
  }
  return [...found.values()];
}
