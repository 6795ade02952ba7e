import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { SqlPreviewEvent } from '@weir/contract';
import { applyPreview, IDLE_PREVIEW, readPreviewEvents, StreamedError, type PreviewAction } from './preview-stream';

/** A response body delivered in the given chunks, as a network splits it. */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function all(stream: ReadableStream<Uint8Array>): Promise<SqlPreviewEvent[]> {
  const out: SqlPreviewEvent[] = [];
  for await (const e of readPreviewEvents(stream)) out.push(e);
  return out;
}

it('reads each line once it is complete, whichever way the network cut the chunks', async () => {
  const lines = ['{"type":"started","maxRows":5,"timeoutSeconds":30}', '{"type":"rows","rows":[{"kind":"INSERT","fields":["héllo"]}]}', '{"type":"alive"}'];
  const text = `${lines.join('\n')}\n`;
  const cut = [text.slice(0, 7), text.slice(7, 60), text.slice(60, 61), text.slice(61)];
  const events = await all(body(cut));
  assert.deepEqual(events.map((e) => e.type), ['started', 'rows', 'alive']);
  assert.deepEqual(events[1], { type: 'rows', rows: [{ kind: 'INSERT', fields: ['héllo'] }] });
});

it('skips lines that are not events, reads a last line without its newline, and throws the error line', async () => {
  assert.deepEqual((await all(body(['<html>proxy</html>\n', '\n', '[1]\n', '{"type":"alive"}']))).map((e) => e.type), ['alive']);
  await assert.rejects(
    all(body(['{"type":"started","maxRows":5,"timeoutSeconds":30}\n{"type":"error","error":{"code":"VALIDATION","message":"Column nope not found","details":{"line":2}}}\n'])),
    (err: unknown) => err instanceof StreamedError && err.error.code === 'VALIDATION' && (err.error.details as { line: number }).line === 2,
  );
});

it('folds events into the rows and summary the editor draws', () => {
  const actions: PreviewAction[] = [
    { type: 'begin' },
    { type: 'event', event: { type: 'started', maxRows: 10, timeoutSeconds: 30 } },
    { type: 'event', event: { type: 'job', jobId: 'abc' } },
    { type: 'event', event: { type: 'columns', columns: [{ name: 'id', type: 'BIGINT' }] } },
    { type: 'event', event: { type: 'rows', rows: [{ kind: 'INSERT', fields: [1] }] } },
    { type: 'event', event: { type: 'rows', rows: [{ kind: 'INSERT', fields: [2] }, { kind: 'INSERT', fields: [3] }] } },
  ];
  const running = actions.reduce(applyPreview, IDLE_PREVIEW);
  assert.equal(running.phase, 'running');
  assert.deepEqual(running.rows.map((r) => r.fields[0]), [1, 2, 3]);
  assert.equal(running.jobId, 'abc');

  const ended = applyPreview(running, { type: 'event', event: { type: 'end', stoppedBy: 'ROW_LIMIT', rowCount: 3, jobId: 'abc', jobEnded: true } });
  assert.deepEqual({ phase: ended.phase, stoppedBy: ended.stoppedBy, jobEnded: ended.jobEnded, rows: ended.rows.length }, { phase: 'ended', stoppedBy: 'ROW_LIMIT', jobEnded: true, rows: 3 });
  // Stop after the end changes nothing; Stop while running keeps the rows read so far.
  assert.equal(applyPreview(ended, { type: 'stopped' }), ended);
  const stopped = applyPreview(running, { type: 'stopped' });
  assert.deepEqual({ phase: stopped.phase, stoppedBy: stopped.stoppedBy, rows: stopped.rows.length }, { phase: 'stopped', stoppedBy: 'CANCELLED', rows: 3 });
  // A new run starts empty.
  assert.deepEqual(applyPreview(stopped, { type: 'begin' }), { ...IDLE_PREVIEW, phase: 'running' });
});
