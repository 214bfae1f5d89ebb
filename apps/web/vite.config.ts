import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is built into the repository's dist/web (git-ignored) and served by the API at `/`
// (apps/api/src/web/). `npm run dev:web` proxies /api to an `npm start` on port 3000.
export default defineConfig({
  root: __dirname,
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    // No source maps shipped: the bundle is served to office browsers, not debugged there.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
