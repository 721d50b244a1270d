import { defineConfig } from 'vitest/config';

// Cross-package tests start real servers (sandbox, preview) and a real browser: run files one at a time.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
