import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Logic and component tests of the web app; the browser journeys are in test/browser (jest + Chromium). */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: { '@vocabulary': fileURLToPath(new URL('../../libs/common/src/vocabulary', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    // A hang guard, not a measure: a page rendered with its mocked queries can take seconds on a
    // machine busy with the browser tests, past Vitest's default of 5 s.
    testTimeout: 20_000,
  },
});
