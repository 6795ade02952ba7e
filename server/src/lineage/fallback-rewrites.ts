// Valid Flink SQL the grammar rejects (found by checking Flink's documented statements against the
// SQL Gateway, see doc-corpus/): when a statement does not parse as written, it is parsed again
// with same-length rewrites, so every offset in the tree is still an offset in the statement as
// written and transforms are rendered from the written text (`display`):
//   - SQL-standard call forms: SUBSTRING(x FROM a FOR b), OVERLAY(x PLACING y FROM a FOR b),
//     TRIM(BOTH c FROM x), EXTRACT(unit FROM x) become plain argument lists;
//   - built-in functions whose names the grammar reserves (CHAR_LENGTH, SQRT, ...) are renamed;
//   - an alias after a window TVF call, `TABLE(TUMBLE(...)) AS w`, is blanked and handed to the
//     analyser (`windowAliases`);
//   - `agg(x) OVER w` / `OVER (...)` where the grammar wants `AS alias` right after it (no alias, or
//     inside a larger expression) is blanked (`blanked`), leaving the aggregate call;
//   - `[CREATE OR] REPLACE TABLE ... AS` reads as `CREATE TABLE ... AS`;
//   - a `DISTRIBUTED BY ... INTO n BUCKETS` clause (1.20+) is blanked: it says how rows are bucketed;
//   - a CREATE TABLE AS with a column list (Flink 2.0+) has its list blanked and parsed on its own
//     as a CREATE TABLE (`declaredColumns`);
//   - OFFSET / FETCH FIRST n ROWS ONLY, QUALIFY (2.x) and an aggregate's FILTER (WHERE ...) are blanked.
import type { Token } from 'antlr4ng';
import { afterCreateTableName, depthAt, FlinkSqlLexer, matchingParen, word, type Edit } from './flink-sql-tokens.js';

/** Built-in functions whose names the grammar reserves, so `CHAR_LENGTH(x)` does not parse as a call. */
const RESERVED_FUNCTION_NAMES = new Set(['CHAR_LENGTH', 'CHARACTER_LENGTH', 'SQRT', 'TRANSLATE', 'ARRAY_AGG', 'PREV', 'NEXT', 'CLASSIFIER', 'MATCH_NUMBER']);
const TVF_NAMES = new Set(['TUMBLE', 'HOP', 'CUMULATE', 'SESSION']);
/** Words after a window TVF call that start the next clause rather than name an alias. */
const CLAUSE_WORDS = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'JOIN', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'CROSS', 'NATURAL', 'ON', 'MATCH_RECOGNIZE']);

export interface FallbackRewrite {
  edits: Edit[];
  blanked: { start: number; stop: number }[];
  windowAliases: Map<number, string>;
  /** Offsets [start, stop) of a CREATE TABLE AS column list that was blanked. */
  columnList?: { start: number; stop: number; nameStart: number; nameStop: number };
}

/**
 * Same-length rewrites of valid Flink SQL the grammar rejects (see the header of this file); `tokens` are those
 * of the statement text, offsets relative to it.
 */
export function fallbackRewrites(tokens: Token[], text: string): FallbackRewrite {
  const out: FallbackRewrite = { edits: [], blanked: [], windowAliases: new Map() };
  const pad = (t: Token, replacement: string): Edit => ({ start: t.start, stop: t.stop + 1, text: replacement.padEnd(t.stop + 1 - t.start, ' ') });
  const blank = (from: Token, to: Token): Edit => ({ start: from.start, stop: to.stop + 1, text: text.slice(from.start, to.stop + 1).replace(/[^\n]/g, ' ') });
  const closeOf = (open: number) => matchingParen(tokens, open);

  // `[CREATE OR] REPLACE TABLE` reads as `CREATE TABLE`.
  if (word(tokens[0]) === 'CREATE' && word(tokens[1]) === 'OR' && word(tokens[2]) === 'REPLACE') out.edits.push(blank(tokens[1]!, tokens[2]!));
  else if (word(tokens[0]) === 'REPLACE' && tokens[1]?.type === FlinkSqlLexer.KW_TABLE) out.edits.push(pad(tokens[0]!, 'CREATE'));

  // A column list in CREATE TABLE ... AS query (Flink 2.0+): parsed on its own.
  // Find the name as if the statement began `CREATE TABLE`: without `OR REPLACE`, with REPLACE read as CREATE.
  const orReplace = word(tokens[0]) === 'CREATE' && word(tokens[1]) === 'OR' ? 2 : 0;
  const asCreate = word(tokens[0]) === 'REPLACE' ? [{ type: FlinkSqlLexer.KW_CREATE } as Token, ...tokens.slice(1)] : [tokens[0]!, ...tokens.slice(1 + orReplace)];
  const nameEnd = afterCreateTableName(asCreate);
  if (nameEnd > 0) {
    const open = nameEnd + orReplace;
    if (tokens[open]?.type === FlinkSqlLexer.LR_BRACKET) {
      const close = closeOf(open);
      let depth = 0;
      const hasQuery = tokens.slice(close + 1).some((t, k, rest) => {
        if (t.type === FlinkSqlLexer.LR_BRACKET) depth += 1;
        else if (t.type === FlinkSqlLexer.RR_BRACKET) depth -= 1;
        return depth === 0 && t.type === FlinkSqlLexer.KW_AS && rest[k + 1] !== undefined;
      });
      if (hasQuery) {
        out.edits.push(blank(tokens[open]!, tokens[close]!));
        out.columnList = { start: tokens[open]!.start, stop: tokens[close]!.stop + 1, nameStart: tokens[open - 1]!.start, nameStop: tokens[open - 1]!.stop + 1 };
      }
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const name = word(t);
    const next = tokens[i + 1];
    if (name === 'DISTRIBUTED' && (word(next) === 'BY' || word(next) === 'INTO')) {
      // DISTRIBUTED [BY [HASH|RANGE] (keys)] [INTO n BUCKETS] (1.20+): how a connector buckets rows, not lineage.
      let end = i;
      if (word(tokens[end + 1]) === 'BY') {
        end += 1;
        if (['HASH', 'RANGE'].includes(word(tokens[end + 1]))) end += 1;
        if (tokens[end + 1]?.type === FlinkSqlLexer.LR_BRACKET) end = closeOf(end + 1);
      }
      if (word(tokens[end + 1]) === 'INTO' && word(tokens[end + 3]) === 'BUCKETS') end += 3;
      out.edits.push(blank(t, tokens[end]!));
      i = end;
      continue;
    }
    if (name === 'FILTER' && next?.type === FlinkSqlLexer.LR_BRACKET && word(tokens[i + 2]) === 'WHERE' && tokens[i - 1]?.type === FlinkSqlLexer.RR_BRACKET) {
      // agg(x) FILTER (WHERE ...): the filter picks rows, it is not a value; kept in the transform text.
      const close = closeOf(i + 1);
      out.edits.push(blank(t, tokens[close]!));
      out.blanked.push({ start: t.start, stop: tokens[close]!.stop + 1 });
      i = close;
      continue;
    }
    if (name === 'QUALIFY') {
      // QUALIFY <condition> (2.x) filters rows by a window function, like a WHERE after the SELECT.
      const depth = depthAt(tokens, i);
      let end = i;
      for (let k = i + 1, d = depth; k < tokens.length; k++) {
        const type = tokens[k]!.type;
        if (type === FlinkSqlLexer.LR_BRACKET) d += 1;
        else if (type === FlinkSqlLexer.RR_BRACKET && --d < depth) break;
        if (d === depth && ['ORDER', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'WINDOW', 'OFFSET', 'FETCH'].includes(word(tokens[k]))) break;
        end = k;
      }
      out.edits.push(blank(t, tokens[end]!));
      i = end;
      continue;
    }
    if ((name === 'OFFSET' || name === 'FETCH') && depthAt(tokens, i) === 0) {
      // OFFSET n [ROWS] and FETCH FIRST|NEXT n ROWS ONLY limit rows, not columns.
      let end = i + 1;
      if (name === 'FETCH') end += 1; // FIRST | NEXT
      if (tokens[end] && word(tokens[end]) !== 'ROW' && word(tokens[end]) !== 'ROWS') end += 1; // the count
      if (['ROW', 'ROWS'].includes(word(tokens[end]))) end += 1;
      if (word(tokens[end]) === 'ONLY') end += 1;
      out.edits.push(blank(t, tokens[end - 1]!));
      i = end - 1;
      continue;
    }
    if (name === 'DISTRIBUTION' && ['INCLUDING', 'EXCLUDING'].includes(word(tokens[i - 1]))) {
      // The LIKE option for a distribution: constraints stand in, neither changes lineage.
      out.edits.push(pad(t, 'CONSTRAINTS'));
      continue;
    }
    if ((name === 'ARRAY' || name === 'MAP') && next?.type === FlinkSqlLexer.LS_BRACKET) {
      // ARRAY[a, b] and MAP[k, v] as calls.
      let depth = 0;
      for (let k = i + 1; k < tokens.length; k++) {
        const type = tokens[k]!.type;
        if (type === FlinkSqlLexer.LS_BRACKET) depth += 1;
        else if (type === FlinkSqlLexer.RS_BRACKET && --depth === 0) {
          out.edits.push(pad(next, '('), pad(tokens[k]!, ')'));
          break;
        }
      }
      continue;
    }
    if (next?.type !== FlinkSqlLexer.LR_BRACKET && t.type !== FlinkSqlLexer.KW_OVER && t.type !== FlinkSqlLexer.KW_TABLE) continue;
    if (name === 'TRY_CAST') {
      out.edits.push(pad(t, 'CAST'));
      continue;
    }
    if (RESERVED_FUNCTION_NAMES.has(name)) {
      out.edits.push(pad(t, `Q${(t.text ?? '').slice(1)}`));
      continue;
    }
    if (name === 'SUBSTRING' || name === 'OVERLAY' || name === 'TRIM' || name === 'EXTRACT' || name === 'FLOOR' || name === 'CEIL') {
      const close = closeOf(i + 1);
      let depth = 0;
      let first = true;
      for (let k = i + 2; k < close; k++) {
        const a = tokens[k]!;
        if (a.type === FlinkSqlLexer.LR_BRACKET) depth += 1;
        else if (a.type === FlinkSqlLexer.RR_BRACKET) depth -= 1;
        if (depth !== 0) continue;
        const w = word(a);
        if (name === 'TRIM' && first && (w === 'BOTH' || w === 'LEADING' || w === 'TRAILING')) {
          out.edits.push(blank(a, a));
          // `TRIM(BOTH FROM x)`: no characters, so FROM goes too.
          if (word(tokens[k + 1]) === 'FROM') out.edits.push(blank(tokens[k + 1]!, tokens[k + 1]!)), (k += 1);
        } else if (name === 'EXTRACT' && first) {
          // The time unit is a keyword, not a value: a string literal of the same length stands in.
          if (a.stop - a.start >= 1) out.edits.push(pad(a, `'${'u'.repeat(a.stop - a.start - 1)}'`));
        } else if ((name === 'FLOOR' || name === 'CEIL') && w === 'TO' && tokens[k + 1] && k + 1 < close) {
          // FLOOR(ts TO HOUR): the unit as a string literal, like EXTRACT's.
          const unit = tokens[k + 1]!;
          out.edits.push(pad(a, ','));
          if (unit.stop - unit.start >= 1) out.edits.push(pad(unit, `'${'u'.repeat(unit.stop - unit.start - 1)}'`));
          k += 1;
        } else if ((name === 'SUBSTRING' || name === 'OVERLAY' || name === 'TRIM') && (w === 'FROM' || w === 'FOR' || w === 'PLACING')) out.edits.push(pad(a, ','));
        else if (name === 'TRIM' && first && w === 'FROM') out.edits.push(blank(a, a));
        first = false;
      }
      continue;
    }
    // TABLE(TUMBLE(...)) AS alias
    if (t.type === FlinkSqlLexer.KW_TABLE && next?.type === FlinkSqlLexer.LR_BRACKET && TVF_NAMES.has(word(tokens[i + 2])) && tokens[i + 3]?.type === FlinkSqlLexer.LR_BRACKET) {
      const close = closeOf(i + 1);
      let k = close + 1;
      const as = tokens[k]?.type === FlinkSqlLexer.KW_AS ? tokens[k++] : undefined;
      const alias = tokens[k];
      if (alias && (as || (!CLAUSE_WORDS.has(word(alias)) && (alias.type === FlinkSqlLexer.ID_LITERAL || (alias.text ?? '').startsWith('`'))))) {
        out.edits.push(blank(as ?? alias, alias));
        const raw = alias.text ?? '';
        out.windowAliases.set(tokens[i + 2]!.start, raw.startsWith('`') ? raw.slice(1, -1).replace(/``/g, '`') : raw);
      }
      continue;
    }
    if (t.type === FlinkSqlLexer.KW_OVER) {
      // The grammar only takes `agg OVER window AS alias` as a whole select item.
      const end = next?.type === FlinkSqlLexer.LR_BRACKET ? closeOf(i + 1) : i + 1;
      if (!tokens[end]) continue;
      out.edits.push(blank(t, tokens[end]!));
      out.blanked.push({ start: t.start, stop: tokens[end]!.stop + 1 });
      i = end;
    }
  }
  out.edits.sort((x, y) => x.start - y.start);
  return out;
}
