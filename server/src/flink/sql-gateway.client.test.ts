import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../config/config.js';
import { parseSqlError } from './sql-gateway.client.js';

const fixture = (name: string) =>
  JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'flink-local/fixtures/gateway', `${name}.json`), 'utf8')) as { body: { errors: string[] } };

describe('parseSqlError on answers recorded from a real SQL Gateway', () => {
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
