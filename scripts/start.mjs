// `npm start`: install what is missing, build the web app, start Weir on its
// embedded defaults (with the local Flink cluster when Java is present).
import { spawn } from 'node:child_process';
import { ensureDependencies, ensureWebBuild, ROOT } from './bootstrap.mjs';

try {
  ensureDependencies();
  ensureWebBuild();
} catch (err) {
  console.error(`npm start failed while preparing: ${err.message}`);
  process.exit(1);
}
const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { cwd: ROOT, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
