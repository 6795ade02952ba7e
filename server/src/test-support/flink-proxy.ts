import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * What the proxy does to the answer of one path instead of passing it on:
 * - `status`: answers this HTTP status with Flink's error body (`{"errors": [...]}`);
 * - `truncate`: Flink's answer cut in half (not JSON any more);
 * - `drop-field`: Flink's JSON answer without one top-level field (a partial answer).
 */
export type Corruption = ({ kind: 'status'; status: number } | { kind: 'truncate' } | { kind: 'drop-field'; field: string }) & {
  /** Corrupt only this many answers, then pass the path's answers on again (a passing fault); every answer when left out. */
  times?: number;
};

export interface AnsweredRequest {
  path: string;
  status: number;
  /** When the proxy finished sending the answer (epoch ms). */
  at: number;
}

/**
 * A real HTTP proxy in front of a real JobManager, for tests of partitions and odd answers:
 * it can refuse connections (the port closes, open connections are cut), hang them (accepted,
 * never answered: a network that drops packets), be restored, and corrupt the answer of
 * chosen paths. Connections held by a hang stay silent after restore(), as a connection
 * whose packets a firewall dropped stays dead: the client must give up on it by itself.
 */
export class FlinkProxy {
  private mode: 'forward' | 'refuse' | 'hang' = 'forward';
  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly corruptions = new Map<string, Corruption>();
  private readonly target: URL;
  private restoredAt = 0;
  /** Every request the proxy answered, oldest first. */
  readonly answered: AnsweredRequest[] = [];

  private constructor(targetUrl: string, public port: number) {
    this.target = new URL(targetUrl);
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /**
   * Starts a proxy on 127.0.0.1:`port` forwarding to `targetUrl`; port 0 (the default) lets the OS
   * choose one, which later refuse()/restore() keep. A fixed port can be taken by any outgoing
   * connection (tests' fixed ports lie in Linux's ephemeral range), so prefer 0.
   */
  static async start(targetUrl: string, port = 0): Promise<FlinkProxy> {
    const proxy = new FlinkProxy(targetUrl, port);
    await proxy.listen();
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Closes the port and cuts every open connection: clients meet "connection refused". */
  async refuse(): Promise<void> {
    this.mode = 'refuse';
    await this.unlisten();
  }

  /** Accepts connections and requests but never answers them (open connections included). */
  async hang(): Promise<void> {
    if (this.mode === 'refuse') await this.listen();
    this.mode = 'hang';
  }

  /** Forwards again. Returns the time of the restore (epoch ms). */
  async restore(): Promise<number> {
    if (this.mode === 'refuse') await this.listen();
    this.mode = 'forward';
    this.restoredAt = Date.now();
    return this.restoredAt;
  }

  /** The first request answered since the latest restore(), when there is one. */
  firstAnsweredSinceRestore(): AnsweredRequest | undefined {
    return this.answered.find((a) => a.at >= this.restoredAt);
  }

  /** Corrupts the answer of one exact path (e.g. `/jobs/<jid>/checkpoints/config`) until healed. */
  corrupt(path: string, corruption: Corruption): void {
    this.corruptions.set(path, { ...corruption });
  }

  heal(path: string): void {
    this.corruptions.delete(path);
  }

  async close(): Promise<void> {
    this.mode = 'refuse';
    await this.unlisten();
  }

  private listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => {
        this.server.off('error', reject);
        const bound = (this.server.address() as AddressInfo).port;
        if (this.port !== 0 && bound !== this.port) return reject(new Error('proxy port mismatch'));
        this.port = bound;
        resolve();
      });
    });
  }

  private unlisten(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.mode === 'hang') return; // held: the socket stays open and silent
    if (this.mode === 'refuse') {
      req.socket.destroy();
      return;
    }
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    const corruption = this.corruptions.get(path);
    if (corruption?.times !== undefined && --corruption.times <= 0) this.corruptions.delete(path);
    if (corruption?.kind === 'status') {
      const body = JSON.stringify({ errors: [`Internal server error (corrupted by the test proxy for ${path})`] });
      this.send(res, path, corruption.status, { 'content-type': 'application/json' }, Buffer.from(body));
      return;
    }
    const upstream = http.request(
      { host: this.target.hostname, port: this.target.port, method: req.method, path: req.url, headers: { ...req.headers, host: this.target.host } },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          // A hang or cut that began while Flink was answering swallows the answer too.
          if (this.mode === 'hang') return;
          if (this.mode === 'refuse') return void req.socket.destroy();
          const body = corruption ? corrupted(Buffer.concat(chunks), corruption) : Buffer.concat(chunks);
          const headers = { ...answer.headers };
          delete headers['content-length'];
          delete headers['transfer-encoding'];
          this.send(res, path, answer.statusCode ?? 502, headers, body);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  }

  private send(res: http.ServerResponse, path: string, status: number, headers: http.OutgoingHttpHeaders, body: Buffer): void {
    res.writeHead(status, { ...headers, 'content-length': body.length });
    res.end(body, () => this.answered.push({ path, status, at: Date.now() }));
  }
}

function corrupted(body: Buffer, corruption: Corruption): Buffer {
  if (corruption.kind === 'truncate') return body.subarray(0, Math.floor(body.length / 2));
  if (corruption.kind === 'drop-field') {
    const json = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    delete json[corruption.field];
    return Buffer.from(JSON.stringify(json));
  }
  return body;
}
