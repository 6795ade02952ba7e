// What Weir sends to the SQL Gateway for a task script (its setup statements, then one job), and
// the way back from the gateway's error positions (relative to the text it was sent) to the script.

import { explainableFrom, JOB_KINDS, positionOf, splitScript, type ScriptPosition, type ScriptProblem, type ScriptStatement, type StatementKind } from './sql-script.js';

/** A piece of text sent to the gateway, with the way back from its positions to the script's. */
export interface GatewayStatement {
  /** Index of the script statement it came from (a merged set: its first member's). */
  statementIndex: number;
  kind: StatementKind;
  text: string;
  /** Maps a 1-based line/column in `text` to the script. */
  toScript(position: ScriptPosition): ScriptPosition & { statementIndex: number };
}

interface Part {
  statement: ScriptStatement;
  /** Line in the generated text where the statement's text begins. */
  firstLine: number;
  lineCount: number;
}

function mapInside(statement: ScriptStatement, p: ScriptPosition): ScriptPosition {
  return { line: statement.line + p.line - 1, column: p.line === 1 ? statement.column + p.column - 1 : p.column };
}

/** A statement sent exactly as typed. */
export function asTyped(statement: ScriptStatement): GatewayStatement {
  return {
    statementIndex: statement.index,
    kind: statement.kind,
    text: statement.text,
    toScript: (p) => ({ ...mapInside(statement, p), statementIndex: statement.index }),
  };
}

/**
 * One `EXECUTE STATEMENT SET` built from INSERTs (loose ones, or the members of one or more
 * sets), each on its own lines so an error position maps back to the member it is in.
 */
export function asStatementSet(inserts: ScriptStatement[]): GatewayStatement {
  const lines = ['EXECUTE STATEMENT SET', 'BEGIN'];
  const parts: Part[] = [];
  for (const statement of inserts) {
    const lineCount = statement.text.split('\n').length;
    parts.push({ statement, firstLine: lines.length + 1, lineCount });
    lines.push(...`${statement.text};`.split('\n'));
  }
  lines.push('END');
  const first = inserts[0]!;
  return {
    statementIndex: first.index,
    kind: 'STATEMENT_SET',
    text: lines.join('\n'),
    toScript: (p) => {
      const part = parts.find((x) => p.line >= x.firstLine && p.line < x.firstLine + x.lineCount);
      if (!part) return { line: first.line, column: first.column, statementIndex: first.index };
      return { ...mapInside(part.statement, { line: p.line - part.firstLine + 1, column: p.column }), statementIndex: part.statement.index };
    },
  };
}

export interface SubmissionPlan {
  /** Statements that start no job, in script order. */
  setup: GatewayStatement[];
  /** The one statement that starts the task's job; it runs after every setup statement. */
  job: GatewayStatement;
}

export class ScriptPlanError extends Error {
  constructor(readonly problem: ScriptProblem) {
    super(problem.message);
  }
}

/**
 * What Weir sends for a task: every statement that starts no job, in order, then ONE job.
 * Weir fixes the Flink job id before submitting (so the run exists before the job does), and one
 * id is one job: several INSERTs (loose, or in several statement sets) are merged into one
 * statement set. A query or CTAS must be the script's only job statement.
 */
export function planSubmission(script: string): SubmissionPlan {
  const { statements, problems } = splitScript(script);
  if (problems.length) throw new ScriptPlanError(problems[0]!);
  const setup: GatewayStatement[] = [];
  const jobStatements: ScriptStatement[] = [];
  for (const s of statements) {
    if (JOB_KINDS.has(s.kind)) jobStatements.push(s);
    else setup.push(asTyped(s));
  }
  const first = jobStatements[0];
  if (!first) {
    const end = positionOf(script, script.trimEnd().length);
    throw new ScriptPlanError({ message: 'The script starts no Flink job: add an INSERT INTO statement', statementIndex: null, ...end });
  }
  if (jobStatements.length === 1 && first.kind !== 'STATEMENT_SET') return { setup, job: asTyped(first) };
  const other = jobStatements.find((s) => s.kind === 'QUERY' || s.kind === 'CTAS');
  if (other) {
    throw new ScriptPlanError({
      message: `A task runs one Flink job; this ${other.kind === 'CTAS' ? 'CREATE TABLE … AS SELECT' : 'query'} cannot be combined with the other INSERT statements`,
      statementIndex: other.index,
      line: other.line,
      column: other.column,
    });
  }
  const inserts = jobStatements.flatMap((s) => (s.kind === 'STATEMENT_SET' ? (s.members ?? []) : [s]));
  return { setup, job: asStatementSet(inserts) };
}

/**
 * Flink's message with its own positions (relative to the text it was sent) rewritten as script
 * positions, and a sentence Flink repeats ("SQL validation failed. SQL validation failed.") once.
 */
export function messageInScript(message: string, statement: GatewayStatement): string {
  const mapped = message.replace(/\b(at line|from line|to line) (\d+), column (\d+)/gi, (_, words: string, line: string, column: string) => {
    const p = statement.toScript({ line: Number(line), column: Number(column) });
    return `${words} ${p.line}, column ${p.column}`;
  });
  return mapped.replace(/^([^.]+\.)(?: \1)+/, '$1');
}

/**
 * The job statement as Flink's `EXPLAIN` takes it, which validates the statement (tables, columns,
 * types) and plans it without starting a job. Flink 1.20 explains INSERT, queries and
 * `STATEMENT SET BEGIN … END`, but not the `EXECUTE` forms nor CREATE TABLE … AS SELECT, so the
 * words it does not take are blanked out rather than cut: every other character keeps its line and
 * column, and `EXPLAIN` stands on a line of its own, so a position maps back by one line. Of a
 * CTAS only the query is explained; the new table's options are checked when the job starts.
 */
export function asExplained(statement: GatewayStatement): GatewayStatement {
  const blankUpTo = explainableFrom(statement.text, statement.kind);
  const text = statement.text.slice(0, blankUpTo).replace(/[^\n]/g, ' ') + statement.text.slice(blankUpTo);
  return {
    statementIndex: statement.statementIndex,
    kind: statement.kind,
    text: `EXPLAIN\n${text}`,
    toScript: (p) => (p.line <= 1 ? statement.toScript({ line: 1, column: 1 }) : statement.toScript({ line: p.line - 1, column: p.column })),
  };
}

/** Where a statement the gateway rejected went wrong, in the script's own lines and columns. */
export interface StatementRejection extends ScriptPosition {
  message: string;
  statementIndex: number;
}

/**
 * Flink's rejection of a statement sent as `statement`, located in the script: Flink's position
 * when it gives one, else the statement's start.
 */
export function rejectionInScript(flinkMessage: string, flinkPosition: ScriptPosition | null | undefined, statement: GatewayStatement): StatementRejection {
  const at = statement.toScript(flinkPosition ?? { line: 1, column: 1 });
  return { message: messageInScript(flinkMessage, statement), line: at.line, column: at.column, statementIndex: at.statementIndex };
}
