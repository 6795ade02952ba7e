// Where one statement of a FlinkSQL script ends and the next begins, from its tokens: each
// statement is parsed on its own, so one broken statement leaves the others intact.
import type { Token } from 'antlr4ng';
import { FlinkSqlLexer, isCode } from './flink-sql-tokens.js';

/** One statement's code tokens and its offsets [start, stop] in the script, without its semicolon. */
export interface RawStatement {
  tokens: Token[];
  start: number;
  stop: number;
}

/** Statement boundaries from the token stream: `;` at top level, except inside a statement set block. */
export function splitStatements(tokens: Token[]): RawStatement[] {
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
