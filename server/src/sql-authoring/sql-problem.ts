import type { SqlProblem } from '@weir/contract';
import { InputError } from '../errors/errors.js';
import type { ScriptRejection } from '../tasks/script-validation.js';
import type { ScriptProblem } from '../tasks/sql-script.js';

/**
 * The end of the text Flink faults, from the range it prints ("From line 1, column 8 to line 1,
 * column 11"), once the message's positions are the script's own. Null when it names one point.
 */
export function endOfRange(message: string): { endLine: number; endColumn: number } | null {
  const m = /\bto line (\d+), column (\d+)/i.exec(message);
  return m ? { endLine: Number(m[1]), endColumn: Number(m[2]) } : null;
}

/**
 * The script's syntax problems as the lineage analyser reads Flink SQL, with the forms Flink
 * accepts that the grammar alone does not (SUBSTRING … FROM … FOR, CHAR_LENGTH, OVER w …): the
 * editor underlines exactly what lineage would fail to read, and nothing Flink takes. The grammar
 * loads on the first check, like lineage's (see lineage-on-demand.ts): a Weir nobody writes SQL
 * in does not carry it.
 */
export async function syntaxProblems(script: string): Promise<SqlProblem[]> {
  const { parseScript } = await import('../lineage/flink-sql-statements.js');
  return parseScript(script).flatMap((statement, statementIndex) =>
    statement.errors.map((e) => ({ message: e.message, line: e.line, column: e.column, endLine: null, endColumn: null, statementIndex })),
  );
}

/** A problem Weir found reading the script itself (an unclosed statement set, no job statement). */
export function problemOfPlan(problem: ScriptProblem): SqlProblem {
  return { message: problem.message, line: problem.line, column: problem.column, endLine: null, endColumn: null, statementIndex: problem.statementIndex };
}

/** Flink's refusal of a statement (raised by executeInScript), or null for any other error. */
export function problemOfRejection(err: unknown): SqlProblem | null {
  if (!(err instanceof InputError)) return null;
  const rejection = err.details as Partial<ScriptRejection> | undefined;
  if (typeof rejection?.line !== 'number' || typeof rejection.column !== 'number' || typeof rejection.message !== 'string') return null;
  const end = endOfRange(rejection.message);
  return {
    message: rejection.message,
    line: rejection.line,
    column: rejection.column,
    endLine: end?.endLine ?? null,
    endColumn: end?.endColumn ?? null,
    statementIndex: rejection.statementIndex ?? null,
  };
}
