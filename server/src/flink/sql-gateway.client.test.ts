import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORDED_FLINK_VERSIONS, recordedAnswer } from '../test-support/flink-fixtures.js';
import { parseKeepingLongIntegers, parseSqlError } from './sql-gateway.client.js';

for (const version of RECORDED_FLINK_VERSIONS) {
  const fixture = (name: string) => recordedAnswer(version, 'gateway', name) as { body: { errors: string[] } };

  describe(`parseSqlError on answers recorded from a real Flink ${version} SQL Gateway`, () => {
    it('finds the parser message with its line and column', () => {
      const d = parseSqlError(fixture('error-syntax-result-error').body.errors);
      assert.equal(d.message, "SQL parse failed. Incorrect syntax near the keyword 'WHERE' at line 2, column 6.");
      assert.deepEqual(d.position, { line: 2, column: 6 });
      assert.equal(d.exception, 'org.apache.flink.table.api.SqlParserException');
    });

    it('finds the validator message with its line and column', () => {
      const d = parseSqlError(fixture('error-validation-result-error').body.errors);
      assert.match(d.message, /Object 'nosuch' not found/);
      assert.deepEqual(d.position, { line: 1, column: 15 });
      assert.equal(d.exception, 'org.apache.flink.table.api.ValidationException');
    });
  });
}

it('keeps an integer too long for a double as its exact digits, and leaves every other value alone', () => {
  const text = '{"results":{"data":[{"kind":"INSERT","fields":[-8714522042360819712, 42, 1.5e300, "a \\"quoted\\" 12345678901234567890", 9007199254740991]}]},"n":-1}';
  assert.deepEqual(parseKeepingLongIntegers(text), {
    results: { data: [{ kind: 'INSERT', fields: ['-8714522042360819712', 42, 1.5e300, 'a "quoted" 12345678901234567890', 9007199254740991] }] },
    n: -1,
  });
});
