// Tests that start servers on fixed ports must keep them out of Linux's ephemeral range (32768–60999
// by default): an outgoing connection of anything on the machine may hold such a port at that moment,
// and a fresh-clone run failed once on "Port 41182 (JobManager RPC) is already in use". Servers that
// can take any port ask for 0; those that need one named in advance (a Flink cluster, a Prometheus
// scrape target) use ports below 32768.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EPHEMERAL = { from: 32768, to: 60999 };
/** A port given to a server or an address in a test: `Port: 41182`, `port = 41182`, `127.0.0.1:41182`. */
const PORT = /(?:port\w*\s*[:=]\s*|127\.0\.0\.1:|localhost:)(\d{4,5})\b/gi;

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return /\.(test|e2e)\.ts$/.test(entry.name) || full.includes(`${path.sep}test-support${path.sep}`) ? [full] : [];
  });
}

it('tests pin no port in the ephemeral range', () => {
  const pinned: string[] = [];
  for (const file of [...testFiles(path.join(ROOT, 'server', 'src')), ...testFiles(path.join(ROOT, 'e2e'))]) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const match of line.matchAll(PORT)) {
        const port = Number(match[1]);
        if (port >= EPHEMERAL.from && port <= EPHEMERAL.to) pinned.push(`${path.relative(ROOT, file)}:${i + 1}: ${port}`);
      }
    });
  }
  assert.deepEqual(pinned, [], 'ports in the ephemeral range');
});
