import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * GraphiQL for development, built apart from the web app so none of it (the editor alone is
 * megabytes) can reach the app's first page. The gateway answers a browser's GET /graphql with
 * this page outside production; its files are served from /graphiql/.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/graphiql/',
  plugins: [react()],
  // The editor's language services run in module workers, built as files of their own (the page's CSP allows scripts from 'self' only).
  worker: { format: 'es' },
  build: {
    outDir: '../dist/graphiql',
    emptyOutDir: true,
    sourcemap: false,
    // The editor is large by nature; this page is for development only.
    chunkSizeWarningLimit: 5000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // graphiql's modules open with React Compiler's "use no memo", which no bundle keeps; nothing to act on.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
