import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitUntil } from './flink.js';

/** Debian's Prometheus, which the test runner installs (scripts/bootstrap.mjs, ensurePrometheus). */
export const PROMETHEUS_BINARY = '/usr/bin/prometheus';

export interface TestPrometheus {
  url: string;
  /** A PromQL instant query through Prometheus's HTTP API; throws on an error answer (a bad expression). */
  query(expression: string): Promise<Array<{ metric: Record<string, string>; value: [number, string] }>>;
  stop(): Promise<void>;
}

/**
 * A real Prometheus on a loopback port, scraping one target every second with a Bearer token, over
 * a config and a database in a temporary folder that stop() removes. No Prometheus installed is a
 * failure that names it, never a skip.
 */
export async function startPrometheus(options: { port: number; target: string; bearerToken: string; jobName?: string }): Promise<TestPrometheus> {
  if (!fs.existsSync(PROMETHEUS_BINARY)) {
    throw new Error(`Prometheus is missing at ${PROMETHEUS_BINARY}: run the tests with npm test (it installs Debian's prometheus) or apt-get install prometheus`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-prometheus-'));
  const tokenFile = path.join(dir, 'scrape-token');
  fs.writeFileSync(tokenFile, options.bearerToken, { mode: 0o600 });
  // JSON is YAML: the generated config needs no YAML writer.
  const config = {
    global: { scrape_interval: '1s', scrape_timeout: '1s', evaluation_interval: '1s' },
    scrape_configs: [
      {
        job_name: options.jobName ?? 'weir',
        metrics_path: '/metrics',
        authorization: { type: 'Bearer', credentials_file: tokenFile },
        static_configs: [{ targets: [options.target] }],
      },
    ],
  };
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
  const url = `http://127.0.0.1:${options.port}`;
  const log = fs.openSync(path.join(dir, 'prometheus.log'), 'w');
  const child: ChildProcess = spawn(
    PROMETHEUS_BINARY,
    [`--config.file=${path.join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${path.join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${options.port}`],
    { stdio: ['ignore', log, log] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let gone = false;
  // A test process that ends without its after hook (a crash, a timeout) must not leave Prometheus running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => {
    gone = true;
    process.off('exit', killOnExit);
  });
  const stop = async () => {
    if (!gone) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.closeSync(log);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil('Prometheus to be ready', 30_000, async () => {
      if (gone) throw new Error(`Prometheus exited: ${fs.readFileSync(path.join(dir, 'prometheus.log'), 'utf8').slice(-2000)}`);
      return fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    });
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    async query(expression) {
      const res = await fetch(`${url}/api/v1/query?${new URLSearchParams({ query: expression })}`);
      const body = (await res.json()) as { status: string; error?: string; data?: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
      if (body.status !== 'success') throw new Error(`PromQL ${expression} failed: ${body.error ?? res.status}`);
      return body.data?.result ?? [];
    },
    stop,
  };
}
