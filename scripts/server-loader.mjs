// Runs Weir's TypeScript server in plain Node: `node --import ./scripts/server-loader.mjs server/src/main.ts`.
//
// Why not tsx, which the tests and tools use: tsx compiles with esbuild's keepNames, which wraps every
// function the code creates in a call that defines its `name` property. Each such closure then carries a
// property store of its own (about 250 bytes) and costs a defineProperty each time it is created. The
// watcher creates closures per cluster and per read, so at 10,000 watched clusters that was 24 MB of the
// heap (measured with a heap snapshot of bench/watcher.bench.ts --only 10k-app). This loader compiles the
// same files with the same esbuild, without keepNames; nothing in the server reads a function's name.
import { register } from 'node:module';

process.setSourceMapsEnabled(true);
register('./server-loader-hooks.mjs', import.meta.url);
