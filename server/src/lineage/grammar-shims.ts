// Token-level patches for three gaps of dt-sql-parser's Flink grammar, applied before a statement
// is parsed, so the parse tree is still the grammar's own:
//   - `CREATE TABLE t2 WITH (...) LIKE t1` without a column list, and a column list that holds
//     only a watermark or constraint: a placeholder column is inserted and dropped again later.
//   - the SESSION window table function (Flink 1.19+): parsed as TUMBLE with its PARTITION BY
//     blanked out (same length, so positions do not move); the analyser is told the real name.
//   - Flink 2.x materialized tables, `CREATE [OR ALTER] MATERIALIZED TABLE t [...] AS query`: the
//     grammar predates them; what they compute is a CREATE TABLE AS, so they are parsed as
//     `CREATE TABLE t WITH (...) AS query` (the clauses between name and AS only say how Flink
//     refreshes the table: freshness, refresh mode, partitions, options, constraints).
// Unlike the fallback rewrites these may change the statement's length: parseScript maps positions back.
import type { Token } from 'antlr4ng';
import { afterCreateTableName, FlinkSqlLexer, matchingParen, word, type Edit } from './flink-sql-tokens.js';

/** The column a shim adds to a CREATE TABLE that has none; the analyser drops it again. */
export const PLACEHOLDER_COLUMN = '__weir_no_columns__';

/** A window TVF that the grammar cannot name, parsed as another TVF; keyed by offset in the parsed text. */
export interface RenamedWindowFunction {
  name: string;
  originalText: string;
}

/**
 * `CREATE [OR ALTER] MATERIALIZED TABLE t <refresh clauses> AS query` as `CREATE TABLE t WITH (...) AS query`,
 * or no edits when the statement is not one.
 */
function materializedTableShim(tokens: Token[]): Edit[] {
  if (word(tokens[0]) !== 'CREATE') return [];
  let i = 1;
  const orAlter = word(tokens[1]) === 'OR' && word(tokens[2]) === 'ALTER';
  if (orAlter) i = 3;
  if (word(tokens[i]) !== 'MATERIALIZED' || tokens[i + 1]?.type !== FlinkSqlLexer.KW_TABLE) return [];
  const blank = (from: Token, to: Token): Edit => ({ start: from.start, stop: to.stop + 1, text: ' '.repeat(to.stop + 1 - from.start) });
  const edits = [blank(tokens[1]!, tokens[i]!)]; // `OR ALTER MATERIALIZED` / `MATERIALIZED`
  let name = i + 2;
  name += 1;
  while (tokens[name]?.type === FlinkSqlLexer.DOT) name += 2;
  let depth = 0;
  let as = -1;
  for (let j = name; j < tokens.length; j++) {
    const t = tokens[j]!.type;
    if (t === FlinkSqlLexer.LR_BRACKET) depth += 1;
    else if (t === FlinkSqlLexer.RR_BRACKET) depth -= 1;
    else if (t === FlinkSqlLexer.KW_AS && depth === 0) {
      as = j;
      break;
    }
  }
  if (as < 0) return [];
  const options = "WITH ('weir.materialized-table' = 'true') ";
  edits.push({ start: tokens[name]!.start, stop: tokens[as]!.start, text: options });
  return edits;
}

/** The shims a statement needs, sorted by offset in the script; a SESSION call renamed is noted in `renamed`. */
export function grammarShims(tokens: Token[], script: string, renamed: Map<number, RenamedWindowFunction>): Edit[] {
  const edits: Edit[] = materializedTableShim(tokens);
  if (edits.length > 0) return edits;
  const afterName = afterCreateTableName(tokens);
  if (afterName > 0) {
    const next = tokens[afterName];
    // WITH may come after a DISTRIBUTED BY clause (1.20+), which the fallback rewrites blank.
    let withAt = afterName;
    if (word(next) === 'DISTRIBUTED') {
      while (withAt < tokens.length && tokens[withAt]!.type !== FlinkSqlLexer.KW_WITH) withAt = tokens[withAt]!.type === FlinkSqlLexer.LR_BRACKET ? matchingParen(tokens, withAt) + 1 : withAt + 1;
    }
    if (tokens[withAt]?.type === FlinkSqlLexer.KW_WITH && next) {
      const close = tokens[withAt + 1]?.type === FlinkSqlLexer.LR_BRACKET ? matchingParen(tokens, withAt + 1) : -1;
      if (close > 0 && tokens[close + 1]?.type === FlinkSqlLexer.KW_LIKE) {
        edits.push({ start: next.start, stop: next.start, text: `(${PLACEHOLDER_COLUMN} INT) ` });
      }
    } else if (next?.type === FlinkSqlLexer.LR_BRACKET) {
      const first = tokens[afterName + 1]?.type;
      if (first === FlinkSqlLexer.KW_WATERMARK || first === FlinkSqlLexer.KW_PRIMARY || first === FlinkSqlLexer.KW_CONSTRAINT) {
        edits.push({ start: next.stop + 1, stop: next.stop + 1, text: `${PLACEHOLDER_COLUMN} INT, ` });
      }
    }
  }
  for (let i = 0; i + 3 < tokens.length; i++) {
    const [a, b, c, d] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!, tokens[i + 3]!];
    if (a.type !== FlinkSqlLexer.KW_TABLE || b.type !== FlinkSqlLexer.LR_BRACKET || c.type !== FlinkSqlLexer.KW_SESSION || d.type !== FlinkSqlLexer.LR_BRACKET) continue;
    const close = matchingParen(tokens, i + 3);
    renamed.set(c.start, { name: 'SESSION', originalText: script.slice(c.start, tokens[close]!.stop + 1) });
    edits.push({ start: c.start, stop: c.stop + 1, text: 'TUMBLE ' });
    // Blank `PARTITION BY k1, k2` (up to the next top-level comma) keeping every offset.
    for (let j = i + 4; j < close; j++) {
      if (tokens[j]!.type !== FlinkSqlLexer.KW_PARTITION || tokens[j + 1]?.type !== FlinkSqlLexer.KW_BY) continue;
      let k = j + 2;
      let depth = 0;
      let lastKey = k;
      for (; k < close; k++) {
        const t = tokens[k]!.type;
        if (t === FlinkSqlLexer.LR_BRACKET) depth += 1;
        else if (t === FlinkSqlLexer.RR_BRACKET) depth -= 1;
        else if (t === FlinkSqlLexer.COMMA && depth === 0) {
          // The keys themselves are comma separated: stop at the comma before DESCRIPTOR / an interval.
          const after = tokens[k + 1]?.type;
          if (after === FlinkSqlLexer.KW_DESCRIPTOR || after === FlinkSqlLexer.KW_INTERVAL || after === FlinkSqlLexer.KW_TIMECOL || after === FlinkSqlLexer.KW_SIZE) break;
        }
        lastKey = k;
      }
      const start = tokens[j]!.start;
      const stop = tokens[lastKey]!.stop + 1;
      edits.push({ start, stop, text: script.slice(start, stop).replace(/[^\n]/g, ' ') });
      break;
    }
  }
  return edits.sort((x, y) => x.start - y.start);
}
