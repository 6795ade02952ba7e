// Runs one phase's test files with node:test (spec output for people, test-reporter.mjs for the
// counts) and returns what the phase amounted to. The suite runner calls it once per phase; the
// runner's own tests call it on scratch files.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { phaseFailures, TestTally, type TestCounts, type TestEvent } from './suite-counts.ts';

const SCRIPTS = path.dirname(fileURLToPath(import.meta.url));

export interface PhaseOptions {
  /** Test files, relative to cwd or absolute. */
  files: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  concurrency: number;
  /**
   * How long one test file may run. node:test 20 applies --test-timeout to each file's process,
   * not to each test in it; the counts name the test that was running when it fired.
   */
  fileTimeoutMs: number;
  /** A last resort for the whole phase, should node:test itself hang. */
  phaseTimeoutMs: number;
  /** Where node:test's spec output goes: the terminal, or nowhere for a scratch run. */
  stdio?: 'inherit' | 'ignore';
}

export interface PhaseResult extends TestCounts {
  /** Failures of the phase itself (it ran no test, its runner died), apart from the tests'. */
  phaseProblems: string[];
  seconds: number;
}

export async function runNodeTestPhase(phase: string, opts: PhaseOptions): Promise<PhaseResult> {
  const started = Date.now();
  const finish = (counts: TestCounts, problems: string[]): PhaseResult => ({ ...counts, phaseProblems: problems, seconds: Math.round((Date.now() - started) / 1000) });
  if (opts.files.length === 0) return finish({ passed: 0, failed: 0, failures: [] }, [`${phase}: no test files found`]);
  const eventsFile = path.join(os.tmpdir(), `weir-test-events-${phase}-${process.pid}-${started}.json`);
  fs.rmSync(eventsFile, { force: true });
  const args = [
    '--import', 'tsx', '--test',
    `--test-concurrency=${opts.concurrency}`,
    `--test-timeout=${opts.fileTimeoutMs}`,
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    `--test-reporter=${path.join(SCRIPTS, 'test-reporter.mjs')}`, '--test-reporter-destination=stderr',
    ...opts.files,
  ];
  // Started from inside a test (the runner's own tests), node:test would take itself for a file's
  // process and report to its parent instead of running the files.
  const env: NodeJS.ProcessEnv = { ...process.env, ...opts.env, WEIR_TEST_EVENTS: eventsFile };
  delete env.NODE_TEST_CONTEXT;
  let phaseTimedOut = false;
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: opts.cwd,
      stdio: opts.stdio ?? 'inherit',
      env,
    });
    const timer = setTimeout(() => {
      phaseTimedOut = true;
      child.kill('SIGTERM');
    }, opts.phaseTimeoutMs);
    child.on('exit', (c, signal) => (clearTimeout(timer), resolve(c ?? (signal ? 1 : 0))));
  });
  if (!fs.existsSync(eventsFile)) {
    const why = phaseTimedOut ? `took longer than ${opts.phaseTimeoutMs / 60000} min and was stopped` : `the test runner exited with ${code} before reporting`;
    return finish({ passed: 0, failed: 0, failures: [] }, [`${phase}: ${why}`]);
  }
  const tally = new TestTally(opts.cwd);
  for (const event of JSON.parse(fs.readFileSync(eventsFile, 'utf8')) as TestEvent[]) tally.add(event);
  fs.rmSync(eventsFile, { force: true });
  const counts = tally.finish();
  return finish(counts, phaseFailures(phase, counts, code));
}
