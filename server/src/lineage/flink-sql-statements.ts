// Splits a FlinkSQL script into statements and parses each with dt-sql-parser's Flink grammar.
//
// Parser choice: dt-sql-parser (ANTLR grammar, FlinkSqlParser) over node-sql-parser's flinksql
// dialect. On the lineage corpus node-sql-parser rejects most of Flink's DDL and streaming SQL
// (WATERMARK, METADATA columns, LIKE, HOP/CUMULATE, FOR SYSTEM_TIME AS OF, OVER windows,
// CREATE VIEW/FUNCTION/CATALOG, USE, statement sets), because it is a MySQL-derived PEG grammar.
// dt-sql-parser parses all of them except three gaps, patched below at the token level so the
// parse tree is still the grammar's own:
//   - `CREATE TABLE t2 WITH (...) LIKE t1` without a column list, and a column list that holds
//     only a watermark or constraint: a placeholder column is inserted and dropped again later.
//   - the SESSION window table function (Flink 1.19+): parsed as TUMBLE with its PARTITION BY
//     blanked out (same length, so positions do not move); the analyser is told the real name.
//   - Flink 2.x materialized tables, `CREATE [OR ALTER] MATERIALIZED TABLE t [...] AS query`: the
//     grammar predates them; what they compute is a CREATE TABLE AS, so they are parsed as
//     `CREATE TABLE t WITH (...) AS query` (the clauses between name and AS only say how Flink
//     refreshes the table: freshness, refresh mode, partitions, options, constraints).
// Statements 2.x adds that the grammar cannot read at all (models, ML_PREDICT, altering or dropping
// a materialized table) are not parsed: `unsupported` names them so lineage warns instead of
// guessing (a statement it cannot read must leave the graph incomplete, never wrong).
//
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
//     as a CREATE TABLE (`declaredColumns`).
// ALTER, DROP, DELETE, UPDATE, TRUNCATE, CALL, ANALYZE and COMPILE/EXECUTE PLAN are not parsed:
// lineage names them in a warning (`unsupported`). SHOW, DESCRIBE and STOP JOB forms the grammar
// lacks are let through without an error: they move no data.
//   - OFFSET / FETCH FIRST n ROWS ONLY, QUALIFY (2.x) and an aggregate's FILTER (WHERE ...) are blanked;
// Each statement is parsed on its own so one broken statement leaves the others intact.
import { FlinkSQL } from 'dt-sql-parser';
import type { Token } from 'antlr4ng';
import { FlinkSqlLexer } from 'dt-sql-parser/dist/lib/flink/FlinkSqlLexer.js';
import type { ProgramContext } from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser.js';

export const PLACEHOLDER_COLUMN = '__weir_no_columns__';

export interface ScriptProblem {
  message: string;
  line: number;
  column: number;
}

/** A window TVF that the grammar cannot name, parsed as another TVF; keyed by offset in the parsed text. */
export interface RenamedWindowFunction {
  name: string;
  originalText: string;
}

export interface ParsedStatement {
  /** Text handed to the parser (the statement, with any grammar shims applied). */
  text: string;
  /** The statement as written in the script, without the terminating semicolon. */
  source: string;
  line: number;
  column: number;
  /** First keyword(s), upper-cased, to classify statements that are not parsed. */
  leading: string[];
  tree: ProgramContext | null;
  errors: ScriptProblem[];
  renamedWindows: Map<number, RenamedWindowFunction>;
  /** A Flink 2.x statement or function the grammar cannot read (e.g. `CREATE MODEL`, `ML_PREDICT`); not parsed. */
  unsupported?: string;
  /** Why `unsupported` is not analysed, completing "<unsupported> is not analysed for lineage: ...". */
  unsupportedReason?: string;
  /** The statement as written, padded like `text`, when `text` holds same-length rewrites: transforms are rendered from it. */
  display?: string;
  /** Ranges of `text` blanked by a rewrite (an OVER clause) that belong to the expression before them. */
  blanked: { start: number; stop: number }[];
  /** Aliases written after a window TVF call, keyed by the offset in `text` of the function name. */
  windowAliases: Map<number, string>;
  /** The column list of a CREATE TABLE AS (Flink 2.0+), parsed as `CREATE TABLE name (columns) WITH (...)`. */
  declaredColumns?: ParsedStatement;
  /** Turn a 1-based position inside `text` into a position in the script. */
  toScript(line: number, column: number): { line: number; column: number };
}

const flink = new FlinkSQL();
// antlr4ng PredictionMode.LL: the full-context retry after SLL fails (SLL is what dt-sql-parser sets).
const PREDICTION_LL = 1;

function lex(text: string): Token[] {
  const lexer = flink.createLexer(text);
  lexer.removeErrorListeners();
  return lexer.getAllTokens();
}

const isCode = (t: Token) => t.channel === 0;

interface RawStatement {
  tokens: Token[];
  start: number;
  stop: number;
}

/** Statement boundaries from the token stream: `;` at top level, except inside a statement set block. */
function splitStatements(tokens: Token[]): RawStatement[] {
  const out: RawStatement[] = [];
  let current: Token[] = [];
  let inSet = false;
  let caseDepth = 0;
  const flush = () => {
    if (current.length > 0) out.push({ tokens: current, start: current[0]!.start, stop: current[current.length - 1]!.stop });
    current = [];
    inSet = false;
    caseDepth = 0;
  };
  for (const t of tokens) {
    if (!isCode(t)) continue;
    if (t.type === FlinkSqlLexer.SEMICOLON && !inSet) {
      flush();
      continue;
    }
    current.push(t);
    const types = current.map((c) => c.type);
    if (!inSet && current.length <= 4) {
      const [a, b, c, d] = types;
      if (
        (a === FlinkSqlLexer.KW_BEGIN && b === FlinkSqlLexer.KW_STATEMENT && c === FlinkSqlLexer.KW_SET && current.length === 3) ||
        (a === FlinkSqlLexer.KW_EXECUTE && b === FlinkSqlLexer.KW_STATEMENT && c === FlinkSqlLexer.KW_SET && d === FlinkSqlLexer.KW_BEGIN && current.length === 4)
      ) {
        inSet = true;
      }
    } else if (inSet) {
      if (t.type === FlinkSqlLexer.KW_CASE) caseDepth += 1;
      else if (t.type === FlinkSqlLexer.KW_END) {
        if (caseDepth > 0) caseDepth -= 1;
        else inSet = false;
      }
    }
  }
  flush();
  return out;
}

interface Edit {
  start: number;
  stop: number; // exclusive
  text: string;
}

function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!.type;
    if (t === FlinkSqlLexer.LR_BRACKET) depth += 1;
    else if (t === FlinkSqlLexer.RR_BRACKET && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** Index of the token after `CREATE [TEMPORARY] TABLE [IF NOT EXISTS] a.b.c`, or -1. */
function afterCreateTableName(tokens: Token[]): number {
  let i = 0;
  const at = (type: number) => tokens[i]?.type === type;
  if (!at(FlinkSqlLexer.KW_CREATE)) return -1;
  i += 1;
  if (at(FlinkSqlLexer.KW_TEMPORARY)) i += 1;
  if (!at(FlinkSqlLexer.KW_TABLE)) return -1;
  i += 1;
  if (at(FlinkSqlLexer.KW_IF)) i += 3;
  i += 1; // first name part
  while (at(FlinkSqlLexer.DOT)) i += 2;
  return i;
}

const word = (t: Token | undefined) => (t?.text ?? '').toUpperCase();

/** Table-valued functions 2.x added for models and vector search; the grammar has no MODEL argument. */
const FLINK2_FUNCTIONS = new Set(['ML_PREDICT', 'ML_EVALUATE', 'VECTOR_SEARCH']);

/** The rest of the warning for a statement that is not analysed. */
function unsupportedReason(statement: string): string {
  if (/^(ALTER|DROP) (?!MATERIALIZED|MODEL)/.test(statement)) return 'later statements still see what it changes or drops as it was created';
  return 'the graph leaves out what this statement reads and writes';
}

/** Names a statement lineage does not analyse (ALTER, DROP, Flink 2.x models), or undefined. */
function unsupportedStatement(tokens: Token[]): string | undefined {
  const [a, b, c] = [word(tokens[0]), word(tokens[1]), word(tokens[2])];
  const verb = ['CREATE', 'ALTER', 'DROP', 'DESCRIBE', 'DESC', 'SHOW'].includes(a) ? a : undefined;
  const object = b === 'TEMPORARY' || b === 'SYSTEM' ? c : b === 'OR' ? word(tokens[3]) : b;
  if (verb && (object === 'MODEL' || object === 'MODELS')) return `${verb} ${object}`;
  if ((a === 'ALTER' || a === 'DROP') && b === 'MATERIALIZED') return `${a} MATERIALIZED TABLE`;
  // Statements the grammar has no rule for that read or write tables (batch DML, procedures, plans).
  if (['DELETE', 'UPDATE', 'TRUNCATE', 'CALL', 'ANALYZE'].includes(a)) return a === 'DELETE' ? 'DELETE FROM' : a === 'UPDATE' || a === 'CALL' ? a : `${a} ${b}`;
  if ((a === 'COMPILE' || a === 'EXECUTE') && b === 'PLAN') return `${a} PLAN`;
  if (a === 'ALTER' || a === 'DROP') {
    const words = [a];
    for (let i = 1; i < tokens.length && words.length < 4; i++) {
      words.push(word(tokens[i]));
      if (!['TEMPORARY', 'SYSTEM'].includes(word(tokens[i]))) break;
    }
    return words.join(' ');
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (FLINK2_FUNCTIONS.has(word(tokens[i])) && tokens[i + 1]!.type === FlinkSqlLexer.LR_BRACKET) return word(tokens[i]);
  }
  return undefined;
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

function grammarShims(tokens: Token[], script: string, renamed: Map<number, RenamedWindowFunction>): Edit[] {
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

/** Built-in functions whose names the grammar reserves, so `CHAR_LENGTH(x)` does not parse as a call. */
const RESERVED_FUNCTION_NAMES = new Set(['CHAR_LENGTH', 'CHARACTER_LENGTH', 'SQRT', 'TRANSLATE', 'ARRAY_AGG', 'PREV', 'NEXT', 'CLASSIFIER', 'MATCH_NUMBER']);
const TVF_NAMES = new Set(['TUMBLE', 'HOP', 'CUMULATE', 'SESSION']);
/** Words after a window TVF call that start the next clause rather than name an alias. */
const CLAUSE_WORDS = new Set(['WHERE', 'GROUP', 'HAVING', 'WINDOW', 'ORDER', 'LIMIT', 'UNION', 'EXCEPT', 'INTERSECT', 'JOIN', 'LEFT', 'RIGHT', 'FULL', 'INNER', 'CROSS', 'NATURAL', 'ON', 'MATCH_RECOGNIZE']);

interface FallbackRewrite {
  edits: Edit[];
  blanked: { start: number; stop: number }[];
  windowAliases: Map<number, string>;
  /** Offsets [start, stop) of a CREATE TABLE AS column list that was blanked. */
  columnList?: { start: number; stop: number; nameStart: number; nameStop: number };
}

/**
 * Same-length rewrites of valid Flink SQL the grammar rejects (see the header); `tokens` are those
 * of the statement text, offsets relative to it.
 */
function fallbackRewrites(tokens: Token[], text: string): FallbackRewrite {
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

/** Parenthesis depth of token `at` within the statement. */
function depthAt(tokens: Token[], at: number): number {
  let depth = 0;
  for (let i = 0; i < at; i++) {
    if (tokens[i]!.type === FlinkSqlLexer.LR_BRACKET) depth += 1;
    else if (tokens[i]!.type === FlinkSqlLexer.RR_BRACKET) depth -= 1;
  }
  return depth;
}

/** Statements that only inspect the session or the cluster: no lineage to lose when the grammar cannot read them. */
const INSPECTING = new Set(['SHOW', 'DESCRIBE', 'DESC', 'STOP', 'HELP']);

function applyEdits(text: string, edits: Edit[]): string {
  let out = '';
  let cursor = 0;
  for (const e of edits) {
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.stop;
  }
  return out + text.slice(cursor);
}

function lineColumnOf(script: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (script.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function parseText(text: string): { tree: ProgramContext | null; errors: ScriptProblem[] } {
  const collect = (errors: ScriptProblem[]) => (e: { startLine: number; startColumn: number; message: string }) => {
    errors.push({ message: e.message, line: e.startLine, column: e.startColumn });
  };
  let errors: ScriptProblem[] = [];
  const parser = flink.createParser(text, collect(errors));
  parser.buildParseTrees = true;
  let tree = parser.program();
  if (errors.length > 0) {
    const retryErrors: ScriptProblem[] = [];
    const retry = flink.createParser(text, collect(retryErrors));
    retry.buildParseTrees = true;
    retry.interpreter.predictionMode = PREDICTION_LL;
    const retried = retry.program();
    if (retryErrors.length === 0) {
      tree = retried;
      errors = [];
    }
  }
  return { tree, errors };
}

export function parseScript(script: string): ParsedStatement[] {
  const tokens = lex(script);
  return splitStatements(tokens).map((raw) => {
    const renamedWindows = new Map<number, RenamedWindowFunction>();
    const unsupported = unsupportedStatement(raw.tokens);
    const edits = unsupported ? [] : grammarShims(raw.tokens, script, renamedWindows);
    let text = '';
    let cursor = raw.start;
    for (const e of edits) {
      text += script.slice(cursor, e.start) + e.text;
      cursor = e.stop;
    }
    text += script.slice(cursor, raw.stop + 1);
    // Renamed windows are keyed by offset in `text`; only same-length edits come before them.
    const rekeyed = new Map<number, RenamedWindowFunction>();
    for (const [offset, r] of renamedWindows) {
      const shift = edits.filter((e) => e.stop <= offset).reduce((n, e) => n + e.text.length - (e.stop - e.start), 0);
      rekeyed.set(offset - raw.start + shift, r);
    }
    const origin = lineColumnOf(script, raw.start);
    const insertions = edits
      .filter((e) => e.text.length !== e.stop - e.start)
      .map((e) => ({ ...lineColumnOf(script, e.start), length: e.text.length - (e.stop - e.start) }));
    const toScript = (line: number, column: number) => {
      const scriptLine = origin.line + line - 1;
      let scriptColumn = line === 1 ? origin.column + column - 1 : column;
      for (const ins of insertions) if (ins.line === scriptLine && scriptColumn > ins.column) scriptColumn = Math.max(ins.column, scriptColumn - ins.length);
      return { line: scriptLine, column: scriptColumn };
    };
    const leading = raw.tokens.slice(0, 3).map((t) => (t.text ?? '').toUpperCase());
    const skipParse = leading[0] === 'SET' || leading[0] === 'RESET' || unsupported !== undefined;
    let { tree, errors } = skipParse ? { tree: null, errors: [] as ScriptProblem[] } : parseText(text);
    let display: string | undefined;
    let blanked: { start: number; stop: number }[] = [];
    let windowAliases = new Map<number, string>();
    let declaredColumns: ParsedStatement | undefined;
    if (errors.length > 0) {
      const rewrite = fallbackRewrites(lex(text).filter(isCode), text);
      const rewritten = rewrite.edits.length > 0 ? applyEdits(text, rewrite.edits) : null;
      const again = rewritten !== null ? parseText(rewritten) : null;
      if (again && again.errors.length === 0) {
        display = text;
        text = rewritten!;
        ({ tree, errors } = again);
        blanked = rewrite.blanked;
        windowAliases = rewrite.windowAliases;
        const list = rewrite.columnList;
        if (list) {
          const columnsOnly = `CREATE TABLE ${display.slice(list.nameStart, list.nameStop)} ${display.slice(list.start, list.stop)} WITH ('connector' = 'none')`;
          declaredColumns = parseScript(columnsOnly)[0];
        }
      }
    }
    if (errors.length > 0 && INSPECTING.has(leading[0] ?? '')) {
      // e.g. SHOW JOBS, DESCRIBE EXTENDED t: valid Flink the grammar lacks, and nothing to trace.
      tree = null;
      errors = [];
    }
    return {
      text,
      source: script.slice(raw.start, raw.stop + 1),
      line: origin.line,
      column: origin.column,
      leading,
      tree,
      errors: errors.map((e) => ({ message: e.message, ...toScript(e.line, e.column) })),
      renamedWindows: rekeyed,
      ...(unsupported ? { unsupported, unsupportedReason: unsupportedReason(unsupported) } : {}),
      ...(display !== undefined ? { display } : {}),
      ...(declaredColumns ? { declaredColumns } : {}),
      blanked,
      windowAliases,
      toScript,
    };
  });
}
