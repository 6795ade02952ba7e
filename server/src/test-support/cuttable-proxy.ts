import net from 'node:net';

export interface CuttableProxy {
  url: string;
  /** From now on connections are accepted and never answered, like a cut network; open ones are dropped. */
  cut(): void;
  /** Forwards new connections again (the network is back); connections made while cut stay dead. */
  restore(): void;
  close(): Promise<void>;
}

/** A TCP forwarder in front of the JobManager that can be cut, so Weir sees the cluster stop answering. Port 0 (the default): the OS chooses. */
export async function cuttableProxy(target: URL, port = 0): Promise<CuttableProxy> {
  let isCut = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => undefined);
    if (isCut) return;
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    cut() {
      isCut = true;
      for (const s of sockets) s.destroy();
    },
    restore() {
      isCut = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
