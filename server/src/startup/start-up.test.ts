import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../config/config.js';
import { SERVER_NODE_ARGS } from '../test-support/server-launch.js';

/*
 * Weir's own start (server/src/main.ts) as an operator runs it: what it refuses and what it leaves
 * on disk. Ports from 22100 up belong to this file.
 */

const ENTRY = path.join(REPO_ROOT, 'server', 'src', 'main.ts');
const dirs: string[] = [];
after(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

interface Started {
  /** Resolves with the exit code and everything printed, once Weir stopped (or refused to start). */
  exit: Promise<{ code: number | null; output: string }>;
  /** Resolves once Weir says it is running. */
  running: Promise<void>;
  stop(): void;
  kill9(): void;
  pid: number;
}

function startWeir(dataDir: string, port: number, env: Record<string, string> = {}): Started {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('WEIR_')));
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...inherited,
      WEIR_PORT: String(port),
      WEIR_HOST: '127.0.0.1',
      WEIR_DATA_DIR: dataDir,
      WEIR_ADMIN_PASSWORD: 'start-up-test-password',
      WEIR_LOCAL_FLINK: 'off',
      WEIR_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let onRunning: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (onRunning = resolve));
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('Weir is running')) onRunning();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exit = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  return { exit, running, stop: () => child.kill('SIGTERM'), kill9: () => child.kill('SIGKILL'), pid: child.pid! };
}

function newDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-start-up-'));
  dirs.push(dir);
  return path.join(dir, 'data');
}

const modeOf = (file: string) => fs.statSync(file).mode & 0o777;

describe('Weir start-up', () => {
  it('keeps its data folder and files to its own user, tightening ones an older version left open', async () => {
    const dataDir = newDataDir();
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'secret.key'), randomBytes(32).toString('hex'), { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'secret.key'), 0o644);
    const weir = startWeir(dataDir, 22101);
    await Promise.race([weir.running, weir.exit.then(({ output }) => assert.fail(`Weir did not start:\n${output}`))]);
    weir.stop();
    await weir.exit;
    assert.equal(modeOf(dataDir), 0o700, 'the data folder');
    for (const name of ['secret.key', 'weir.db']) assert.equal(modeOf(path.join(dataDir, name)), 0o600, name);
  });

  it('refuses a second Weir on the same embedded database, naming the first; after the first was killed, starts', async () => {
    const dataDir = newDataDir();
    const first = startWeir(dataDir, 22104);
    await Promise.race([first.running, first.exit.then(({ output }) => assert.fail(`Weir did not start:\n${output}`))]);

    const second = startWeir(dataDir, 22105);
    void second.running.then(second.stop); // a Weir that starts anyway is stopped, and the test fails below
    const { code, output } = await second.exit;
    assert.equal(code, 1, output);
    assert.match(output, new RegExp(`Weir did not start: Another Weir \\(pid ${first.pid} on [^)]+\\) already uses ${path.join(dataDir, 'weir.db').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(output, /PostgreSQL or MySQL\/MariaDB/);

    first.kill9();
    await first.exit;
    assert.ok(fs.existsSync(path.join(dataDir, 'weir.db.owner')), 'a killed Weir leaves its owner file behind');
    const third = startWeir(dataDir, 22106);
    await Promise.race([third.running, third.exit.then(({ output }) => assert.fail(`Weir did not start after the first was killed:\n${output}`))]);
    third.stop();
    await third.exit;
    assert.equal(fs.existsSync(path.join(dataDir, 'weir.db.owner')), false, 'a Weir that stops releases the file');
  });

  it('refuses to start with a WEIR_SECRET_KEY other than the one its secrets were sealed with, naming the setting', async () => {
    const dataDir = newDataDir();
    const first = startWeir(dataDir, 22102, { WEIR_SECRET_KEY: randomBytes(32).toString('hex') });
    await Promise.race([first.running, first.exit.then(({ output }) => assert.fail(`Weir did not start:\n${output}`))]);
    first.stop();
    await first.exit;

    const second = startWeir(dataDir, 22103, { WEIR_SECRET_KEY: randomBytes(32).toString('hex') });
    void second.running.then(second.stop); // a Weir that starts anyway is stopped, and the test fails below
    const { code, output } = await second.exit;
    assert.equal(code, 1, output);
    assert.match(output, /Weir did not start: WEIR_SECRET_KEY/);
    assert.doesNotMatch(output, /Weir is running|Unsupported state|bad decrypt|at .*\.ts:\d+/);
  });
});
