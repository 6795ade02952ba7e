import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SimulatedJobManager, type SimulatedJobManagerOptions } from './simulated-jobmanager.js';

/**
 * Many simulated JobManagers behind ONE HTTP server, each at an address of its own on the
 * loopback network (127.0.x.y, all routed to this host on Linux): an application-mode fleet of
 * 10,000 single-job clusters. Each JobManager has its own origin, so the watcher opens and keeps a
 * connection per JobManager as it would in production; the server tells them apart by the local
 * address the connection came in on. The server listens on all addresses (a socket per loopback
 * address would cost 10,000 descriptors more); it runs only while a benchmark does.
 */
export class SimulatedFleet {
  private constructor(
    private readonly server: http.Server,
    readonly jobManagers: SimulatedJobManager[],
  ) {}

  static async start(count: number, opts: SimulatedJobManagerOptions): Promise<SimulatedFleet> {
    if (count > 250 * 250) throw new Error('at most 62,500 simulated JobManagers in one fleet');
    const byAddress = new Map<string, SimulatedJobManager>();
    const server = http.createServer((req, res) => {
      const sim = byAddress.get(req.socket.localAddress?.replace(/^::ffff:/, '') ?? '');
      if (sim) return sim.handle(req, res);
      res.writeHead(404).end();
    });
    server.keepAliveTimeout = 60_000;
    server.maxConnections = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
    const port = (server.address() as AddressInfo).port;
    const jobManagers: SimulatedJobManager[] = [];
    for (let i = 0; i < count; i++) {
      // 127.0.1.1 onwards: 127.0.0.1 stays the ordinary loopback address of everything else.
      const address = `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;
      const sim = SimulatedJobManager.detached(`http://${address}:${port}`, { ...opts, namePrefix: `${opts.namePrefix ?? 'app'}-${i}` });
      byAddress.set(address, sim);
      jobManagers.push(sim);
    }
    return new SimulatedFleet(server, jobManagers);
  }

  async close(): Promise<void> {
    for (const sim of this.jobManagers) await sim.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
