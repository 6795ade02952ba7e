// `npm start`: install what is missing, build the web app, start Weir on its
// embedded defaults (with the local Flink cluster when Java is present).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureDependencies, ensureWebBuild, ROOT } from './bootstrap.mjs';

try {
  ensureDependencies();
  ensureWebBuild();
} catch (err) {
  console.error(`npm start failed while preparing: ${err.message}`);
  process.exit(1);
}
const { flags, loader } = JSON.parse(readFileSync(new URL('./node-flags.json', import.meta.url), 'utf8'));
const child = spawn(process.execPath, [...flags, '--import', pathToFileURL(path.join(ROOT, loader)).href, 'server/src/main.ts'], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
