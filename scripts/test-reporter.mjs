// A node:test reporter that records the events the suite runner counts tests from, as a JSON
// array in the file named by WEIR_TEST_EVENTS. It stays plain JavaScript (node:test loads
// reporters before any TypeScript loader); suite-counts.ts does the counting.
import fs from 'node:fs';

const KEPT = new Set(['test:enqueue', 'test:dequeue', 'test:pass', 'test:fail', 'test:complete']);

export default async function* recordingReporter(source) {
  const events = [];
  for await (const { type, data } of source) {
    if (!KEPT.has(type) || !data) continue;
    const error = data.details?.error;
    events.push({
      type,
      data: {
        name: data.name,
        nesting: data.nesting,
        file: data.file,
        skip: data.skip,
        todo: data.todo,
        details: data.details && {
          type: data.details.type,
          error: error && {
            failureType: error.failureType,
            message: error.message,
            cause: typeof error.cause === 'object' && error.cause !== null ? { message: String(error.cause.message ?? '') } : error.cause === undefined ? undefined : String(error.cause),
            exitCode: error.exitCode,
            signal: error.signal,
          },
        },
      },
    });
  }
  if (process.env.WEIR_TEST_EVENTS) fs.writeFileSync(process.env.WEIR_TEST_EVENTS, JSON.stringify(events));
  yield '';
}
