// The loader Weir's server runs under (scripts/server-loader.mjs) must load everything the server loads,
// including the parts it imports only when first needed: the SQL grammar behind lineage and the
// editor's syntax check comes from a package whose ES modules import folders without an extension,
// which plain Node refuses. Each check runs in a process started as `npm start` starts the server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { SERVER_NODE_ARGS } from '../server/src/test-support/server-launch.ts';
import { ROOT } from './bootstrap.mjs';

function runUnderServerLoader(source: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [...SERVER_NODE_ARGS, '--input-type=module', '-e', source], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

test("lineage's analyser, loaded on demand, reads a script's tables under the server's loader", () => {
  const { status, output } = runUnderServerLoader(`
    const { analyzeLineageOnDemand } = await import('./server/src/lineage/lineage-on-demand.ts');
    const lineage = await analyzeLineageOnDemand("CREATE TABLE src (id INT) WITH ('connector' = 'datagen'); CREATE TABLE dst (id INT) WITH ('connector' = 'blackhole'); INSERT INTO dst SELECT id FROM src;");
    console.log(JSON.stringify(lineage.tables.map((t) => t.name).sort()));
  `);
  assert.equal(status, 0, output);
  assert.match(output, /\["dst","src"\]/, output);
});

test("the editor's syntax check, loaded on demand, finds a mistake under the server's loader", () => {
  const { status, output } = runUnderServerLoader(`
    const { syntaxProblems } = await import('./server/src/sql-authoring/sql-problem.ts');
    console.log(JSON.stringify({ valid: (await syntaxProblems('SELECT 1;')).length, broken: (await syntaxProblems('SELECT FROM WHERE AND;')).length }));
  `);
  assert.equal(status, 0, output);
  assert.match(output, /"valid":0/, output);
  assert.doesNotMatch(output, /"broken":0/, output);
});

test("an error's stack names the TypeScript file and line it was thrown at, for the server's logs", () => {
  // The loader's source maps carry the mappings only (no copy of each file's text: 7 MB of an idle
  // server's heap); the stack must still point at the .ts line, not at esbuild's output.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weir-loader-'));
  const file = path.join(dir, 'thrower.ts');
  fs.writeFileSync(file, ['interface Unused { a: number }', 'type Alias = string;', '', 'export function fail(): never {', "  throw new Error('from line 5');", '}', ''].join('\n'));
  try {
    const { status, output } = runUnderServerLoader(`
      const { fail } = await import(${JSON.stringify(pathToFileURL(file).href)});
      try { fail(); } catch (err) { console.log(err.stack); }
    `);
    assert.equal(status, 0, output);
    assert.match(output, /thrower\.ts:5:\d+/, output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
