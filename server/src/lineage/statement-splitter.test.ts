import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lex } from './flink-sql-tokens.js';
import { splitStatements } from './statement-splitter.js';

/** The statements of a script as written, without their semicolons (nor a comment after their last token). */
const statementsOf = (script: string) => splitStatements(lex(script)).map((s) => script.slice(s.start, s.stop + 1));

describe('splitting a script into statements', () => {
  it('ends a statement at a top-level semicolon, not at one inside a string or a comment', () => {
    const script = "SET 'a' = 'x;y';\n-- one; two\nINSERT INTO t SELECT ';' FROM s /* ; */;\n\n;SELECT 1";
    assert.deepEqual(statementsOf(script), ["SET 'a' = 'x;y'", "INSERT INTO t SELECT ';' FROM s", 'SELECT 1']);
  });

  it('keeps a statement set one statement, through the semicolons and the CASE … END inside it, in both spellings', () => {
    const inner = 'INSERT INTO a SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END FROM s;\nINSERT INTO b SELECT x FROM s;\nEND';
    for (const opening of ['BEGIN STATEMENT SET;', 'EXECUTE STATEMENT SET BEGIN']) {
      const set = `${opening}\n${inner}`;
      assert.deepEqual(statementsOf(`${set};\nSELECT 2;`), [set, 'SELECT 2'], opening);
    }
  });

  it('gives nothing for a script of only comments and semicolons', () => {
    assert.deepEqual(statementsOf('-- nothing\n;;\n/* here */'), []);
  });
});
