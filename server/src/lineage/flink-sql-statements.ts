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
  line: number;
  column: number;
  /** First keyword(s), upper-cased, to classify statements that are not parsed. */
  leading: string[];
  tree: ProgramContext | null;
  errors: ScriptProblem[];
  renamedWindows: Map<number, RenamedWindowFunction>;
  /** A Flink 2.x statement or function the grammar cannot read (e.g. `CREATE MODEL`, `ML_PREDICT`); not parsed. */
  unsupported?: string;
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

/** Names a Flink 2.x statement the grammar cannot read, or undefined. */
function unsupportedStatement(tokens: Token[]): string | undefined {
  const [a, b, c] = [word(tokens[0]), word(tokens[1]), word(tokens[2])];
  const verb = ['CREATE', 'ALTER', 'DROP', 'DESCRIBE', 'DESC', 'SHOW'].includes(a) ? a : undefined;
  const object = b === 'TEMPORARY' || b === 'SYSTEM' ? c : b === 'OR' ? word(tokens[3]) : b;
  if (verb && (object === 'MODEL' || object === 'MODELS')) return `${verb} ${object}`;
  if ((a === 'ALTER' || a === 'DROP') && b === 'MATERIALIZED') return `${a} MATERIALIZED TABLE`;
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
    if (next?.type === FlinkSqlLexer.KW_WITH) {
      const close = tokens[afterName + 1]?.type === FlinkSqlLexer.LR_BRACKET ? matchingParen(tokens, afterName + 1) : -1;
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
    const { tree, errors } = skipParse ? { tree: null, errors: [] } : parseText(text);
    return {
      text,
      line: origin.line,
      column: origin.column,
      leading,
      tree,
      errors: errors.map((e) => ({ message: e.message, ...toScript(e.line, e.column) })),
      renamedWindows: rekeyed,
      ...(unsupported ? { unsupported } : {}),
      toScript,
    };
  });
}
