// The suite runner judged on scratch test files: each case writes a small test file into a
// temporary folder and runs it through the real node:test, the real counting reporter and the
// runner's phase code, as `npm test` would. One case per way a green summary could hide a problem.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runNodeTestPhase, type PhaseResult } from './node-test-phase.ts';
import { javaMajorVersion, parsePhases, PHASES, phaseFailures, summaryLine } from './suite-counts.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-runner-test-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, source: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, `import { after, before, describe, it, test } from 'node:test';\n${source}\n`);
  return file;
}

function runScratch(files: string[], fileTimeoutMs = 60_000): Promise<PhaseResult> {
  return runNodeTestPhase('scratch', { files, cwd: ROOT, concurrency: 2, fileTimeoutMs, phaseTimeoutMs: 120_000, stdio: 'ignore' });
}

describe('the suite runner', () => {
  it('counts a file with no tests as a failure named by file, and fails a phase that ran no test', async () => {
    const empty = scratchFile('empty.test.mjs', '// every test was deleted by mistake');
    const result = await runScratch([empty]);
    assert.equal(result.passed, 0);
    assert.equal(result.failed, 1);
    assert.match(result.failures[0]!, /empty\.test\.mjs: ran no tests/);
    assert.deepEqual(await runScratch([]).then((r) => r.phaseProblems), ['scratch: no test files found']);
    assert.deepEqual(phaseFailures('unit', { passed: 0, failed: 0, failures: [] }, 0), ['unit: ran no tests']);
  });

  it('fails a file whose process exits early with status 0, naming it, instead of dropping its other tests', async () => {
    const early = scratchFile(
      'early.test.mjs',
      `test('one', () => {});
       test('two exits', () => { process.exit(0); });
       test('three', () => {});`,
    );
    const result = await runScratch([early]);
    assert.ok(result.failed >= 1, `failed ${result.failed}`);
    assert.ok(result.failures.some((f) => f.includes('early.test.mjs')), result.failures.join('\n'));
    assert.ok(result.passed <= 1, `only "one" may pass, passed ${result.passed}`);
  });

  it('counts a failing hook and a parent test that throws after its subtests passed as failures', async () => {
    const hooks = scratchFile(
      'hooks.test.mjs',
      `describe('no database', () => {
         before(() => { throw new Error('cannot connect'); });
         it('reads', () => {});
       });
       describe('cleanup', () => {
         after(() => { throw new Error('cleanup failed'); });
         it('writes', () => {});
       });
       test('parent', async (t) => {
         await t.test('child', () => {});
         throw new Error('the parent itself failed');
       });`,
    );
    const result = await runScratch([hooks]);
    // Passed: "writes" and "child". Failed: "reads" (cancelled by its hook), the two hooks, "parent".
    assert.equal(result.passed, 2, result.failures.join('\n'));
    assert.equal(result.failed, 4, result.failures.join('\n'));
    assert.ok(result.failures.some((f) => /no database: a hook failed: cannot connect/.test(f)), result.failures.join('\n'));
    assert.ok(result.failures.some((f) => /cleanup: a hook failed: cleanup failed/.test(f)), result.failures.join('\n'));
    assert.ok(result.failures.some((f) => /parent: the parent itself failed/.test(f)), result.failures.join('\n'));
  });

  it('fails the run for a skipped or todo test, named', async () => {
    const skips = scratchFile(
      'skips.test.mjs',
      `test('runs', () => {});
       test('needs a database', { skip: 'no database' }, () => {});
       test('later', { todo: true }, () => {});
       test('skips itself', (t) => { t.skip(); });`,
    );
    const result = await runScratch([skips]);
    assert.equal(result.passed, 1);
    assert.equal(result.failed, 3);
    for (const name of ['needs a database', 'later', 'skips itself']) {
      assert.ok(result.failures.some((f) => f.includes(`skips.test.mjs: ${name}`)), `${name} in ${result.failures.join('\n')}`);
    }
  });

  it('names the test that hung when its file times out', async () => {
    const hung = scratchFile(
      'hung.test.mjs',
      `test('quick', () => {});
       test('waits forever', () => new Promise(() => { setInterval(() => {}, 1000); }));`,
    );
    const result = await runScratch([hung], 3_000);
    assert.equal(result.passed, 1);
    assert.equal(result.failed, 1);
    assert.match(result.failures[0]!, /hung\.test\.mjs: timed out .* while running "waits forever"/);
  });

  it('counts the tests of well-behaved files exactly', async () => {
    const good = scratchFile(
      'good.test.mjs',
      `describe('group', () => { it('a', () => {}); it('b', () => {}); });
       test('c', async (t) => { await t.test('d', () => {}); await t.test('e', () => {}); });`,
    );
    const result = await runScratch([good]);
    assert.deepEqual({ passed: result.passed, failed: result.failed, problems: result.phaseProblems }, { passed: 4, failed: 0, problems: [] });
  });
});

describe('choosing phases', () => {
  it('runs every phase without --only, and the named ones with it', () => {
    assert.deepEqual(parsePhases([]), { phases: [...PHASES] });
    assert.ok(PHASES.includes('integration-2.3.0') && PHASES.includes('browser-mysql'), 'the per-version and per-database phases can be named');
    assert.deepEqual(parsePhases(['--only', 'integration-postgres,unit']), { phases: ['unit', 'integration-postgres'] });
    assert.deepEqual(parsePhases(['--only', 'store,unit']), { phases: ['unit', 'store'] });
    assert.deepEqual(parsePhases(['--only=browser']), { phases: ['browser'] });
  });

  it('rejects an unknown phase and a bare --only', () => {
    assert.match((parsePhases(['--only', 'units']) as { error: string }).error, /unknown phase "units"/);
    assert.match((parsePhases(['--only']) as { error: string }).error, /names no phase/);
    assert.match((parsePhases(['--only=']) as { error: string }).error, /names no phase/);
  });

  it('npm test -- --only units exits non-zero with the reason, before checking anything', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/run-suites.ts', '--only', 'units'], { cwd: ROOT, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /unknown phase "units"/);
    assert.match(r.stdout, /^0 passed, 1 failed$/m);
    assert.doesNotMatch(r.stdout + r.stderr, /Checking the real parts/);
  });
});

describe('checks of the real parts', () => {
  it('reads the Java major version from java -version, old and new styles', () => {
    assert.equal(javaMajorVersion('openjdk version "17.0.13" 2024-10-15\nOpenJDK Runtime Environment'), 17);
    assert.equal(javaMajorVersion('openjdk version "21" 2023-09-19'), 21);
    assert.equal(javaMajorVersion('java version "1.8.0_392"'), 8);
    assert.equal(javaMajorVersion('openjdk version "11.0.2" 2019-01-15'), 11);
    assert.equal(javaMajorVersion('command not found'), undefined);
  });

  it('counts tests only: a passed check adds nothing, a failed check adds a failure', () => {
    const tests = { passed: 120, failed: 0, failures: [] };
    assert.equal(summaryLine(tests, 0), '120 passed, 0 failed');
    assert.equal(summaryLine(tests, 2), '120 passed, 2 failed');
    assert.equal(summaryLine({ passed: 3, failed: 1, failures: ['x'] }, 1), '3 passed, 2 failed');
  });
});
