import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORDED_FLINK_VERSIONS, recordedAnswer } from '../test-support/flink-fixtures.js';
import { parseSqlError } from './sql-gateway.client.js';

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
