import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RECORDED_FLINK_VERSIONS, recordedAnswer } from '../test-support/flink-fixtures.js';
import { parseKeepingLongIntegers, parseSqlError, SqlGatewayClient } from './sql-gateway.client.js';

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

describe('a busy SQL Gateway', () => {
  /** A gateway that answers each call after `delayMs`, unless Weir gave up on it first. */
  const slowGateway = (delayMs: number) =>
    new SqlGatewayClient({
      baseUrl: 'http://gateway',
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise<Response>((resolve, reject) => {
          const answer = setTimeout(() => resolve(Response.json({ sessionHandle: 'session-1', operationHandle: 'operation-1' })), delayMs);
          init?.signal?.addEventListener('abort', () => {
            clearTimeout(answer);
            reject(init.signal!.reason);
          });
        }),
    });

  it('is given time to open a session and take a statement, beyond the read timeout', async () => {
    const gateway = slowGateway(300);
    assert.equal(await gateway.openSession('weir'), 'session-1');
    assert.equal(await gateway.submitStatement('session-1', 'SELECT 1'), 'operation-1');
  });

  it('is still reported when a read outlasts the read timeout', async () => {
    await assert.rejects(slowGateway(300).heartbeat('session-1'), /SQL Gateway at http:\/\/gateway cannot be reached/);
  });
});
