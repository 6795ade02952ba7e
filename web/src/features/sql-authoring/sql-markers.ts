import type { SqlProblem } from '@weir/contract';

export interface MarkerRange {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  /** Exclusive, as the editor counts. */
  endColumn: number;
}

/**
 * Where to underline a problem. Flink's range is inclusive ("to line 5, column 18" includes
 * column 18); a single point is widened to the word that starts there, so "Column 'amout' not
 * found" underlines `amout` and not one letter of it.
 */
export function problemRange(problem: Pick<SqlProblem, 'line' | 'column' | 'endLine' | 'endColumn'>, lineText: string): MarkerRange {
  if (problem.endLine && problem.endColumn) {
    return { startLineNumber: problem.line, startColumn: problem.column, endLineNumber: problem.endLine, endColumn: problem.endColumn + 1 };
  }
  const rest = lineText.slice(problem.column - 1);
  const word = /^(`(?:[^`]|``)*`|[\p{L}\p{N}_$]+)/u.exec(rest)?.[0] ?? '';
  return { startLineNumber: problem.line, startColumn: problem.column, endLineNumber: problem.line, endColumn: problem.column + Math.max(word.length, 1) };
}
