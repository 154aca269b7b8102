import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One full store load per dialect per run, copied for each test file (test/support/shared-load.ts).
    globalSetup: ['test/support/shared-load-setup.ts'],
  },
});
