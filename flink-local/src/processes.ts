// The JVMs of a local Flink as processes: started detached in their own process groups, stopped
// with SIGTERM then SIGKILL, killed when Node exits, and waited for by a condition (a port, a REST
// answer), never by a duration; plus the small file and network reads that tell how they are doing.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { stdoutFileFor, tail } from './config.js';

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  logFile: string;
  outFile: string;
  exited: boolean;
  exitCode: number | null;
  exitSignal: NodeJS.Signals | null;
  exitPromise: Promise<void>;
}

// ---------------------------------------------------------------- process-wide cleanup

const liveProcesses = new Set<ManagedProcess>();
let exitHookInstalled = false;
let signalHooksInstalled = false;

export function killGroup(p: ManagedProcess, signal: NodeJS.Signals): void {
  if (p.exited) return;
  try {
    process.kill(-p.pid, signal); // detached: the JVM leads its own process group
  } catch {
    try {
      process.kill(p.pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Waits for a process to exit, keeping the event loop alive meanwhile (children are unref'd). */
export async function awaitExit(p: ManagedProcess): Promise<void> {
  const keepAlive = setInterval(() => {}, 1000);
  try {
    await p.exitPromise;
  } finally {
    clearInterval(keepAlive);
  }
}

function killAllNow(): void {
  for (const p of liveProcesses) killGroup(p, 'SIGKILL');
}

export function installHooks(handleSignals: boolean): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', killAllNow); // synchronous: the last chance to not leave JVMs behind
  }
  if (handleSignals && !signalHooksInstalled) {
    signalHooksInstalled = true;
    for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      const handler = (): void => {
        killAllNow();
        process.removeListener(sig, handler);
        // If nobody else handles the signal, behave like the default (terminate).
        if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
      };
      process.on(sig, handler);
    }
  }
}

// ---------------------------------------------------------------- helpers

/** Resolves if nothing listens on host:port (checked by binding it, and the wildcard address). */
export async function isPortFree(port: number, host: string): Promise<boolean> {
  const tryListen = (h: string): Promise<boolean> =>
    new Promise((res) => {
      const srv = createServer();
      srv.once('error', (err: NodeJS.ErrnoException) => res(err.code !== 'EADDRINUSE' && err.code !== 'EACCES'));
      srv.listen({ port, host: h, exclusive: true }, () => srv.close(() => res(true)));
    });
  return (await tryListen(host)) && (await tryListen('0.0.0.0'));
}

export async function assertPortsFree(ports: Array<[string, number]>, host: string): Promise<void> {
  const seen = new Map<number, string>();
  for (const [what, port] of ports) {
    const other = seen.get(port);
    if (other) throw new Error(`Port ${port} is configured twice (${other} and ${what}).`);
    seen.set(port, what);
  }
  for (const [what, port] of ports) {
    if (!(await isPortFree(port, host))) {
      throw new Error(`Port ${port} (${what}) is already in use on ${host}; cannot start local Flink there.`);
    }
  }
}

export function readTail(file: string, lines: number): string {
  try {
    return tail(readFileSync(file, 'utf8'), lines);
  } catch {
    return '(no file)';
  }
}

export function readFrom(file: string, offset: number): string {
  try {
    const size = statSync(file).size;
    if (size <= offset) return '';
    const fd = openSync(file, 'r');
    try {
      const buf = Buffer.alloc(size - offset);
      readSync(fd, buf, 0, buf.length, offset);
      return buf.toString('utf8');
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
}

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Whether something accepts TCP connections on host:port. */
export function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = connect({ host, port });
    const done = (ok: boolean): void => {
      socket.destroy();
      res(ok);
    };
    socket.setTimeout(2000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function httpJson(url: string): Promise<{ status: number; body: unknown }> {
  const ac = new AbortController();
  const t = setTimeout(() => ac.abort(), 3000);
  try {
    const res = await fetch(url, { signal: ac.signal });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  } finally {
    clearTimeout(t);
  }
}

export function runCapture(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code, out }));
  });
}

// ---------------------------------------------------------------- starting, waiting, stopping

/** What to run as one of the cluster's JVMs. */
export interface JavaProcessSpec {
  name: string;
  mainClass: string;
  /** This process's JVM options (memory, GC). */
  jvm: string[];
  classpath: string;
  programArgs: string[];
}

/** How every JVM of one cluster is run: its folder, environment, logging and the options all of them get. */
export interface JavaLaunch {
  cwd: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
  log4jFile: string;
  /** The Flink version's JVM options (before the process's own). */
  versionOpts: readonly string[];
  /** The caller's JVM options (after the process's own). */
  extraOpts: readonly string[];
  log: (line: string) => void;
}

/** Starts one JVM in its own process group, its log in `<logDir>/<name>.log` and its stdout beside it. */
export function spawnJava(launch: JavaLaunch, spec: JavaProcessSpec): ManagedProcess {
  const logFile = join(launch.logDir, `${spec.name}.log`);
  const outFile = stdoutFileFor(logFile);
  const fd = openSync(outFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      'java',
      [
        ...launch.versionOpts,
        ...spec.jvm,
        ...launch.extraOpts,
        `-Dlog.file=${logFile}`,
        `-Dlog4j.configurationFile=file:${launch.log4jFile}`,
        '-classpath',
        spec.classpath,
        spec.mainClass,
        ...spec.programArgs,
      ],
      { cwd: launch.cwd, env: launch.env, detached: true, stdio: ['ignore', fd, fd] },
    );
  } finally {
    closeSync(fd);
  }
  if (child.pid === undefined) throw new Error(`Could not spawn java for ${spec.name}`);
  child.unref();
  const p: ManagedProcess = {
    name: spec.name,
    child,
    pid: child.pid,
    logFile,
    outFile,
    exited: false,
    exitCode: null,
    exitSignal: null,
    exitPromise: Promise.resolve(),
  };
  p.exitPromise = new Promise((res) => {
    child.once('exit', (code, signal) => {
      p.exited = true;
      p.exitCode = code;
      p.exitSignal = signal;
      liveProcesses.delete(p);
      res();
    });
  });
  liveProcesses.add(p);
  launch.log(`started ${spec.name} (pid ${p.pid}), log ${logFile}`);
  return p;
}

/** Polls `check` until true; throws with the log tail if a watched process dies or the time runs out. */
export async function waitForProcesses(what: string, watched: ManagedProcess[], timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const p of watched) {
      if (p.exited) {
        throw new Error(
          `${p.name} (pid ${p.pid}) exited during start (code ${p.exitCode}, signal ${p.exitSignal}) while waiting for ${what}.\n` +
            `--- last lines of ${p.logFile} ---\n${readTail(p.logFile, 30)}\n` +
            `--- last lines of ${p.outFile} ---\n${readTail(p.outFile, 15)}`,
        );
      }
    }
    try {
      if (await check()) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      const logs = watched.map((p) => `--- last lines of ${p.logFile} ---\n${readTail(p.logFile, 15)}`).join('\n');
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.\n${logs}`);
    }
    await sleep(250);
  }
}

/** SIGTERM to each live process group, SIGKILL to those still there after `graceMs`; resolves when all exited. */
export async function stopProcesses(procs: ManagedProcess[], graceMs: number, log: (line: string) => void): Promise<void> {
  const live = procs.filter((p) => !p.exited);
  for (const p of live) killGroup(p, 'SIGTERM');
  let timeout: NodeJS.Timeout | undefined;
  const timer = new Promise<'timeout'>((res) => (timeout = setTimeout(() => res('timeout'), graceMs)));
  const all = Promise.all(live.map((p) => p.exitPromise)).then(() => 'done' as const);
  const first = await Promise.race([all, timer]);
  clearTimeout(timeout);
  if (first === 'timeout') {
    for (const p of live) if (!p.exited) {
      log(`${p.name} (pid ${p.pid}) ignored SIGTERM for ${graceMs} ms; sending SIGKILL`);
      killGroup(p, 'SIGKILL');
    }
    await Promise.all(live.map(awaitExit));
  }
}
