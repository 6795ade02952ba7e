// The statements lineage does not analyse, named so it warns instead of guessing: a statement it
// cannot read must leave the graph incomplete, never wrong. ALTER, DROP, DELETE, UPDATE, TRUNCATE,
// CALL, ANALYZE and COMPILE/EXECUTE PLAN have no rule in the grammar that says what they read and
// write, nor do the statements Flink 2.x adds for models and ML_PREDICT, or altering or dropping a
// materialized table. None of these is parsed.
import type { Token } from 'antlr4ng';
import { FlinkSqlLexer, word } from './flink-sql-tokens.js';

/** Table-valued functions 2.x added for models and vector search; the grammar has no MODEL argument. */
const FLINK2_FUNCTIONS = new Set(['ML_PREDICT', 'ML_EVALUATE', 'VECTOR_SEARCH']);

/** The rest of the warning for a statement that is not analysed. */
export function unsupportedReason(statement: string): string {
  if (/^(ALTER|DROP) (?!MATERIALIZED|MODEL)/.test(statement)) return 'later statements still see what it changes or drops as it was created';
  return 'the graph leaves out what this statement reads and writes';
}

/** Names a statement lineage does not analyse (ALTER, DROP, Flink 2.x models), or undefined. */
export function unsupportedStatement(tokens: Token[]): string | undefined {
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
