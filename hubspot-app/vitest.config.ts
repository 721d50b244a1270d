import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Processed by vitest so project tests can stand in for HubSpot's schema download.
    server: { deps: { inline: ['@hubspot/project-parsing-lib'] } },
  },
});
