import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { recordChunkContents } from './build/chunk-contents';
import { leaveOutUnusedAntd } from './build/leave-out-unused-antd';
import { precompressAssets } from './build/precompress-assets';

// The Weir server serves web/dist in production; in development Vite serves the app and
// forwards API calls to a Weir server on its default port.
export default defineConfig({
  plugins: [react(), leaveOutUnusedAntd(), recordChunkContents(), precompressAssets()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8888', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each route loads, read by the bundle budget test and the overview bench.
    manifest: true,
    // The budget that matters is each route's first load (web/build/bundle-budget.test.ts), not one chunk's size.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: {
        // React and the router change far less often than the app: a long-cached chunk of their own.
        // antd is deliberately not grouped: as one chunk every page loaded all of it (1.2 MB); left
        // to the bundler, each route loads only the components it uses.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id)) return 'vendor-react';
          return undefined;
        },
      },
    },
  },
});
