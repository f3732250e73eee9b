import { resolve } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The API (and its websocket) runs on :4000 during `npm run dev -w web`.
const api = process.env.HOMEROOM_API_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [vue()],
  resolve: { alias: { '@': resolve(import.meta.dirname, 'src') } },
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/healthz': { target: api, changeOrigin: true },
    },
  },
  // echarts (History page only) is the one large lazy chunk.
  build: { outDir: resolve(import.meta.dirname, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 700 },
});
