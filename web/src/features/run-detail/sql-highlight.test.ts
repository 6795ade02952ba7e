import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenizeSql } from './sql-highlight';

describe('tokenizeSql', () => {
  const script = "-- orders\nSET 'pipeline.name' = 'x';\nINSERT INTO `snk` SELECT id, v FROM src /* all */ WHERE amount > 1.5e3 AND note = 'it''s';";
  const tokens = tokenizeSql(script);

  test('joins back to exactly the script', () => {
    assert.equal(tokens.map((t) => t.text).join(''), script);
  });

  test('finds keywords (any case), strings with doubled quotes, comments, quoted names and numbers', () => {
    const of = (kind: string) => tokens.filter((t) => t.kind === kind).map((t) => t.text);
    assert.deepEqual(of('keyword'), ['SET', 'INSERT', 'INTO', 'SELECT', 'FROM', 'WHERE', 'AND']);
    assert.deepEqual(of('string'), ["'pipeline.name'", "'x'", "'it''s'"]);
    assert.deepEqual(of('comment'), ['-- orders', '/* all */']);
    assert.deepEqual(of('quoted'), ['`snk`']);
    assert.deepEqual(of('number'), ['1.5e3']);
    assert.deepEqual(tokenizeSql('select 1').map((t) => t.kind), ['keyword', 'space', 'number']);
  });

  test('an unterminated string or comment runs to the end instead of failing', () => {
    assert.deepEqual(tokenizeSql("'abc").map((t) => t.kind), ['string']);
    assert.deepEqual(tokenizeSql('/* abc').map((t) => t.kind), ['comment']);
  });
});
