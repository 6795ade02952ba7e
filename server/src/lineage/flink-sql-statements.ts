// Splits a FlinkSQL script into statements and parses each with dt-sql-parser's Flink grammar.
//
// Parser choice: dt-sql-parser (ANTLR grammar, FlinkSqlParser) over node-sql-parser's flinksql
// dialect. On the lineage corpus node-sql-parser rejects most of Flink's DDL and streaming SQL
// (WATERMARK, METADATA columns, LIKE, HOP/CUMULATE, FOR SYSTEM_TIME AS OF, OVER windows,
// CREATE VIEW/FUNCTION/CATALOG, USE, statement sets), because it is a MySQL-derived PEG grammar.
// dt-sql-parser parses all of them but for a few gaps, each bridged so the parse tree is still
// the grammar's own:
//   - statement-splitter.ts: where statements end (a statement set is one);
//   - unsupported-statements.ts: statements not parsed at all, which lineage names in a warning
//     (a statement it cannot read must leave the graph incomplete, never wrong);
//   - grammar-shims.ts: token-level patches applied before the first parse;
//   - fallback-rewrites.ts: same-length rewrites of valid Flink SQL the grammar rejects, tried when
//     a statement does not parse as written.
// SHOW, DESCRIBE and STOP JOB forms the grammar lacks are let through without an error: they move no data.
// Each statement is parsed on its own so one broken statement leaves the others intact.
import type { ProgramContext } from 'dt-sql-parser/dist/lib/flink/FlinkSqlParser.js';
import { fallbackRewrites } from './fallback-rewrites.js';
import { applyEdits, flink, isCode, lex, lineColumnOf } from './flink-sql-tokens.js';
import { grammarShims, type RenamedWindowFunction } from './grammar-shims.js';
import { splitStatements } from './statement-splitter.js';
import { unsupportedReason, unsupportedStatement } from './unsupported-statements.js';

export interface ScriptProblem {
  message: string;
  line: number;
  column: number;
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

// antlr4ng PredictionMode.LL: the full-context retry after SLL fails (SLL is what dt-sql-parser sets).
const PREDICTION_LL = 1;

/** Statements that only inspect the session or the cluster: no lineage to lose when the grammar cannot read them. */
const INSPECTING = new Set(['SHOW', 'DESCRIBE', 'DESC', 'STOP', 'HELP']);

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
