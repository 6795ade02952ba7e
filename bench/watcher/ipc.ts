import { fork, type ChildProcess } from 'node:child_process';

type Handler = (payload: any) => unknown;

interface Request {
  id: number;
  type: string;
  payload: unknown;
}
interface Reply {
  id: number;
  result?: unknown;
  error?: string;
}

/** In a child process: answers the parent's calls by type. */
export function serve(handlers: Record<string, Handler>): void {
  if (!process.send) throw new Error('this script runs as a child of bench/watcher.bench.ts');
  process.on('message', async (msg: Request) => {
    const reply: Reply = { id: msg.id };
    try {
      const handler = handlers[msg.type];
      if (!handler) throw new Error(`unknown call ${msg.type}`);
      reply.result = await handler(msg.payload);
    } catch (err) {
      reply.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
    }
    process.send!(reply);
  });
  process.on('disconnect', () => process.exit(0));
}

/** A child process (run with tsx, or the `loader` given) whose handlers the parent calls and awaits. */
export class ChildScript {
  private readonly child: ChildProcess;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly exited: Promise<number | null>;

  constructor(script: string, opts: { execArgv?: string[]; loader?: string } = {}) {
    this.child = fork(script, [], { execArgv: ['--import', opts.loader ?? 'tsx', ...(opts.execArgv ?? [])], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (msg: Reply) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        for (const p of this.pending.values()) p.reject(new Error(`${script} exited with ${code}`));
        this.pending.clear();
        resolve(code);
      });
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  call<T>(type: string, payload: unknown = {}): Promise<T> {
    const id = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, type, payload } satisfies Request);
    });
  }

  /** Disconnects (the child exits on its own); kills it if it has not exited within `graceMs`. */
  async close(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.disconnect();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
