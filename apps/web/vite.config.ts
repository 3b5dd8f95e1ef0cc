import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
// The gateway's own paths, as the gateway reads them (apps/gateway/src/web-app/gateway-paths.ts).
import GATEWAY_PREFIXES from '../gateway/src/web-app/gateway-prefixes.json' with { type: 'json' };

/** Where `npm run dev:web` sends API calls: the gateway `npm start` runs. */
const gateway = process.env.REFERLOOP_GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig(({ command }) => {
  // The build is what the gateway serves, always in production mode. Vite would otherwise follow
  // an inherited NODE_ENV (the test runner sets "test", a developer's shell may say "development")
  // and ship React's development build, several times slower to render. Vite reads it once this
  // config has been loaded, so setting it here is enough.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [react()],
    resolve: {
      // The server's vocabulary words, read as they are (they import nothing).
      alias: { '@vocabulary': fileURLToPath(new URL('../../libs/common/src/vocabulary', import.meta.url)) },
    },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      // The first page's size is checked by scripts/check-web-budget.js against gzipped bytes.
      reportCompressedSize: true,
      sourcemap: false,
    },
    server: {
      port: 5173,
      strictPort: true,
      // The gateway's own paths go to it (the API's live updates over a WebSocket); everything else is the web app's.
      proxy: Object.fromEntries(GATEWAY_PREFIXES.map((path) => [path, { target: gateway, ws: path === '/graphql', changeOrigin: false }])),
    },
  };
});
