// `npm test`: every suite, in order, ending with one "N passed, N failed" line.
// This file only makes the clone runnable; run-suites.ts does the rest.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, MissingPartError, ROOT } from './bootstrap.mjs';

try {
  ensureDependencies();
} catch (err) {
  console.error(`npm test could not install dependencies: ${err.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/run-suites.ts', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' });
process.exit(r.status ?? 1);
export { MissingPartError };
