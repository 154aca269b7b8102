import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time: on the 2-core developer machine the suite took 752 s with one worker and
    // 561 s with two (same session, fresh clone); store loads and browsers wait on other processes.
    maxWorkers: 2,
    // One full store load per dialect per run, copied for each test file (test/support/shared-load.ts).
    globalSetup: ['test/support/shared-load-setup.ts'],
  },
});
