import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeSnapshot } from './snapshot-schemas.js';

describe('a saved snapshot, decoded as its kind', () => {
  it('gives the answer Flink gave when the text is that kind of answer', () => {
    const body = JSON.stringify({ exceptionHistory: { truncated: false, entries: [{ exceptionName: 'java.lang.OutOfMemoryError', stacktrace: 'java.lang.OutOfMemoryError', timestamp: 1 }] } });
    assert.equal(decodeSnapshot('exceptions', body)?.exceptionHistory?.entries[0]?.exceptionName, 'java.lang.OutOfMemoryError');
  });

  it('gives nothing for what a proxy or a failing JobManager answered instead', () => {
    assert.equal(decodeSnapshot('exceptions', '<html>502 Bad Gateway</html>'), undefined);
    assert.equal(decodeSnapshot('exceptions', ''), undefined);
    assert.equal(decodeSnapshot('exceptions', '{"exceptionHistory": {"entries": "not a list"}}'), undefined);
  });
});
