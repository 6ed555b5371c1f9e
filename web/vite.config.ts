import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `npx vite --config web/vite.config.ts` sends API calls: the local cloud of `npm start`. */
const localCloud = process.env.SEED_CRM_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    // the local API's sign-in takes only its own loopback Host: the proxy sends the target's
    proxy: {
      '/api': { target: localCloud, changeOrigin: true },
      '/config.json': { target: localCloud, changeOrigin: true },
    },
  },
});
