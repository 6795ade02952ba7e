// The suite runner's bookkeeping, kept apart from the processes it starts so that it can be
// tested on its own: which phases were asked for, how node:test's events become counts of
// tests (and only tests), which checks of the real parts passed, and the summary line.
import path from 'node:path';

import { FLINK_TEST_VERSIONS } from '@weir/flink-local';

/** Server databases the watcher suites and the main browser tests run on again, each as a phase of its own. */
export const SERVER_DATABASES = ['postgres', 'mysql'] as const;

/**
 * Every phase `--only` may name. `integration` is the integration suite on every Flink in
 * FLINK_TEST_VERSIONS; `integration-<version>` one of them; `integration-<db>`/`browser-<db>` the
 * per-database runs.
 */
export const PHASES: readonly string[] = [
  'unit',
  'store',
  'integration',
  ...FLINK_TEST_VERSIONS.map((v) => `integration-${v}`),
  'browser',
  ...SERVER_DATABASES.flatMap((db) => [`integration-${db}`, `browser-${db}`]),
];
export type Phase = string;

/**
 * The phases `--only a,b` (or `--only=a,b`) asks for; every phase without `--only`. A typo in a
 * phase name or a bare `--only` is an error: silently running nothing would print a green line.
 */
export function parsePhases(argv: readonly string[]): { phases: Phase[] } | { error: string } {
  const at = argv.findIndex((a) => a === '--only' || a.startsWith('--only='));
  if (at === -1) return { phases: [...PHASES] };
  const arg = argv[at]!;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  const usage = `use --only with one or more of ${PHASES.join(', ')}, separated by commas`;
  if (value === undefined || value.trim() === '' || value.startsWith('--')) return { error: `--only names no phase; ${usage}` };
  const names = value.split(',').map((n) => n.trim());
  const unknown = names.filter((n) => !PHASES.includes(n));
  if (unknown.length) return { error: `unknown phase ${unknown.map((n) => JSON.stringify(n)).join(', ')}; ${usage}` };
  return { phases: PHASES.filter((p) => names.includes(p)) };
}

/** The major version `java -version` names: "17.0.9" → 17, the old "1.8.0_392" → 8. */
export function javaMajorVersion(versionOutput: string): number | undefined {
  const quoted = /version "([^"]+)"/.exec(versionOutput)?.[1];
  if (!quoted) return undefined;
  const [first, second] = quoted.split(/[._+-]/).map((part) => Number.parseInt(part, 10));
  if (first === undefined || Number.isNaN(first)) return undefined;
  return first === 1 && second !== undefined && !Number.isNaN(second) ? second : first;
}

/** Tests counted from node:test's events; every failure is named by file and test. */
export interface TestCounts {
  passed: number;
  failed: number;
  failures: string[];
}

/** The part of a node:test reporter event this module reads. */
export interface TestEvent {
  type: string;
  data?: {
    name?: string;
    nesting?: number;
    file?: string;
    skip?: unknown;
    todo?: unknown;
    details?: { type?: string; error?: { failureType?: string; message?: string; cause?: unknown; exitCode?: number | null; signal?: string | null } };
  };
}

interface FileState {
  /** Tests reported as passed or failed, the file's own entry excepted. */
  reported: number;
  /** How many tests of each nesting-and-name have begun (dequeued) and not yet reported. */
  running: Map<string, number>;
  /** Top-level tests declared (enqueued) and not yet reported. */
  declared: Map<string, number>;
  lastNesting?: number;
  outcome?: 'passed' | 'failed';
  error?: NonNullable<NonNullable<TestEvent['data']>['details']>['error'];
}

function bump(map: Map<string, number>, key: string, by: number) {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

function reason(error: { message?: string; cause?: unknown } | undefined): string {
  const cause = error?.cause as { message?: unknown } | string | undefined;
  const text = typeof cause === 'string' ? cause : typeof cause?.message === 'string' ? cause.message : error?.message;
  // An assertion's first line is often only "Expected values to be strictly equal:"; keep the next one too.
  const lines = (text ?? 'failed').split('\n').map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? 'failed';
  return (first.endsWith(':') && lines[1] ? `${first} ${lines[1]}` : first).slice(0, 300);
}

/**
 * Adds node:test's events up into counts of tests. A leaf test counts once; a suite or a test
 * that only groups subtests counts only when it fails by itself (a failing hook, or a parent
 * test whose own code throws), since its leaves are already counted. A skipped or todo test is a
 * failure: nothing in Weir's suite is skipped. A test file is a process, not a test: it counts
 * only when it reports no test at all (empty, or its process ended before reporting), when it
 * ended before every test it declared or began had reported (an early `process.exit(0)`), or when
 * it failed by itself (timed out — naming the test that was running —, crashed, a failing
 * top-level hook).
 */
export class TestTally {
  readonly #files = new Map<string, FileState>();
  readonly #counts: TestCounts = { passed: 0, failed: 0, failures: [] };

  /** `root`: the folder node:test ran in; files are named relative to it. */
  constructor(private readonly root = process.cwd()) {}

  #file(file: string): FileState {
    let state = this.#files.get(file);
    if (!state) this.#files.set(file, (state = { reported: 0, running: new Map(), declared: new Map() }));
    return state;
  }

  #fail(what: string) {
    this.#counts.failed += 1;
    this.#counts.failures.push(what);
  }

  #display(file: string) {
    const relative = path.relative(this.root, file);
    return relative.startsWith('..') ? file : relative;
  }

  add(event: TestEvent) {
    const data = event.data;
    if (!data?.file || data.name === undefined || data.nesting === undefined) return;
    const state = this.#file(data.file);
    const key = `${data.nesting}\0${data.name}`;
    // node:test runs each file in a process of its own and reports it as a test named after the file.
    if (data.nesting === 0 && path.resolve(this.root, data.name) === data.file) {
      if (event.type === 'test:complete' || event.type === 'test:pass' || event.type === 'test:fail') {
        const failed = event.type === 'test:fail' || (event.type === 'test:complete' && data.details?.error !== undefined);
        if (failed) state.error = data.details?.error;
        state.outcome = failed ? 'failed' : (state.outcome ?? 'passed');
      }
      return;
    }
    switch (event.type) {
      case 'test:enqueue':
        if (data.nesting === 0) bump(state.declared, data.name, 1);
        return;
      case 'test:dequeue':
        bump(state.running, key, 1);
        return;
      case 'test:pass':
      case 'test:fail':
        break;
      default:
        return;
    }
    state.reported += 1;
    bump(state.running, key, -1);
    if (data.nesting === 0) bump(state.declared, data.name, -1);
    const previous = state.lastNesting;
    state.lastNesting = data.nesting;
    const where = `${this.#display(data.file)}: ${data.name}`;
    // Children complete before their parent: a test right after a deeper one is a group.
    const isGroup = data.details?.type === 'suite' || (previous !== undefined && previous > data.nesting);
    const failureType = data.details?.error?.failureType;
    if (isGroup) {
      // A group failing because of its subtests is already counted through them.
      if (event.type === 'test:fail' && failureType !== 'subtestsFailed') {
        this.#fail(`${where}: ${failureType === 'hookFailed' ? 'a hook failed: ' : ''}${reason(data.details?.error)}`);
      }
      return;
    }
    if (data.skip !== undefined || data.todo !== undefined) {
      this.#fail(`${where}: ${data.todo !== undefined ? 'marked todo' : 'skipped'} (nothing in the suite may be skipped)`);
    } else if (event.type === 'test:pass') this.#counts.passed += 1;
    else this.#fail(`${where}: ${reason(data.details?.error)}`);
  }

  /** The counts once every event is in, with each file's own failures added. */
  finish(): TestCounts {
    for (const [file, state] of this.#files) {
      const name = this.#display(file);
      const unfinished = [...state.running.keys()].map((k) => k.split('\0')[1]!);
      const undeclared = [...state.declared.keys()].filter((n) => !unfinished.includes(n));
      const error = state.error;
      if (error?.failureType === 'testTimeoutFailure') {
        this.#fail(`${name}: timed out (${reason(error)})${unfinished.length ? ` while running ${unfinished.map((n) => JSON.stringify(n)).join(', ')}` : ''}`);
        continue;
      }
      if (unfinished.length || undeclared.length) {
        const names = [...unfinished, ...undeclared].map((n) => JSON.stringify(n)).join(', ');
        this.#fail(`${name}: its process ended before ${names} reported${exitNote(error)}`);
        continue;
      }
      if (state.reported === 0 && state.outcome !== undefined) {
        this.#fail(`${name}: ran no tests${state.outcome === 'failed' ? ` and failed: ${reason(error)}${exitNote(error)}` : ' (an empty file, or its process ended before reporting one)'}`);
        continue;
      }
      // The file failed by itself though each of its tests reported: a top-level hook, a crash after the tests.
      if (state.outcome === 'failed' && error?.failureType !== 'subtestsFailed') {
        this.#fail(`${name}: the file failed outside its tests: ${reason(error)}${exitNote(error)}`);
      }
    }
    this.#files.clear();
    return this.#counts;
  }
}

function exitNote(error: { exitCode?: number | null; signal?: string | null } | undefined) {
  if (!error) return '';
  if (error.signal) return ` (killed by ${error.signal})`;
  return typeof error.exitCode === 'number' ? ` (exit code ${error.exitCode})` : '';
}

/** A check of a real part the tests need (Java, Maven, a database, Chromium, a type check, Flink start). */
export interface CheckResult {
  name: string;
  ok: boolean;
  why?: string;
}

/** A phase's own verdict beside its tests' counts: a phase that ran no test, or whose runner died, fails. */
export function phaseFailures(phase: string, counts: TestCounts, exitCode: number): string[] {
  const problems: string[] = [];
  if (counts.passed + counts.failed === 0) problems.push(`${phase}: ran no tests`);
  else if (exitCode !== 0 && counts.failed === 0) problems.push(`${phase}: the test runner exited with ${exitCode} though no test failed`);
  return problems;
}

/**
 * The last line of `npm test`: tests passed, and tests failed plus every other failure (a failed
 * check, a phase that ran nothing). Checks that pass are not tests and are not counted.
 */
export function summaryLine(tests: TestCounts, otherFailures: number): string {
  return `${tests.passed} passed, ${tests.failed + otherFailures} failed`;
}
