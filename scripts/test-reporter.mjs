// A node:test reporter that counts leaf tests (suites and tests that only group
// subtests are not counted) and writes the totals as JSON to the file named by
// WEIR_TEST_COUNTS. The suite runner adds the files up into one summary line.
import fs from 'node:fs';

export default async function* countingReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const lastNesting = new Map();
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { nesting, file, name, details, skip, todo } = event.data;
    const key = file ?? '';
    const previous = lastNesting.get(key);
    lastNesting.set(key, nesting);
    // Children complete before their parent: a test right after a deeper one is a group.
    const isGroup = details?.type === 'suite' || (previous !== undefined && previous > nesting);
    if (isGroup) {
      // Its leaves are already failed (cancelled by the parent); keep the reason, e.g. an unreachable database.
      if (event.type === 'test:fail' && details?.error?.failureType === 'hookFailed') {
        counts.failures.push(`${file}: ${name}: ${details.error.cause?.message ?? details.error.message ?? 'hook failed'}`);
      }
      continue;
    }
    if (skip || todo) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push(`${file ?? ''}: ${name}`);
    }
  }
  if (process.env.WEIR_TEST_COUNTS) fs.writeFileSync(process.env.WEIR_TEST_COUNTS, JSON.stringify(counts));
  yield '';
}
