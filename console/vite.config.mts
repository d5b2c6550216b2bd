import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console builds into dist/, which the server serves at `/` (server/src/console). `npm run dev -w
 * console` serves the sources with hot reload and sends the API's paths to a server on :8080.
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
});
