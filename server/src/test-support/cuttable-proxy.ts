import net from 'node:net';

export interface CuttableProxy {
  url: string;
  /** From now on connections are accepted and never answered, like a cut network; open ones are dropped. */
  cut(): void;
  /**
   * From now on each new connection gets the server's first answer and nothing after it, while
   * everything the client sends still reaches the server: a server (or a middlebox) that stalls
   * mid-conversation, e.g. after agreeing to StartTLS, in the TLS handshake. Open ones are dropped.
   */
  stallAfterFirstAnswer(): void;
  /** Forwards new connections again (the network is back); connections made while cut stay dead. */
  restore(): void;
  close(): Promise<void>;
}

type Mode = 'forward' | 'cut' | 'first-answer-only';

/** A TCP forwarder in front of a server (a JobManager, a directory) that can be cut or made to stall. Port 0 (the default): the OS chooses. */
export async function cuttableProxy(target: URL, port = 0): Promise<CuttableProxy> {
  let mode: Mode = 'forward';
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'cut') return;
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.pipe(upstream);
    if (mode === 'forward') {
      upstream.pipe(client);
      return;
    }
    upstream.once('data', (first: Buffer) => {
      client.write(first);
      upstream.on('data', () => undefined); // read and dropped: the client never hears more
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const dropOpen = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    cut() {
      mode = 'cut';
      dropOpen();
    },
    stallAfterFirstAnswer() {
      mode = 'first-answer-only';
      dropOpen();
    },
    restore() {
      mode = 'forward';
    },
    close: () =>
      new Promise<void>((resolve) => {
        dropOpen();
        server.close(() => resolve());
      }),
  };
}
