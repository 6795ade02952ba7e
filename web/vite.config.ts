import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Weir server serves web/dist in production; in development Vite serves the app and
// forwards API calls to a Weir server on its default port.
export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8888', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd alone is ~930 kB minified (~300 kB gzip) in its own long-cached chunk; the warning would only repeat that.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      output: {
        // Long-lived vendor chunks: app code changes far more often than these.
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/node_modules\/(react|react-dom|scheduler|react-router|react-router-dom|@remix-run)\//.test(id)) return 'vendor-react';
          if (/node_modules\/(antd|@ant-design|rc-[^/]+|@rc-component)\//.test(id)) return 'vendor-antd';
          return undefined;
        },
      },
    },
  },
});
