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
    // Files share their worker's module cache (no re-import per file): the summed import time fell from
    // 52 s to 17 s and the whole run by about 35 s. Module-level state in src/ is kept per store (WeakMaps
    // keyed by the store or its db), so one file's store never leaks into another's.
    isolate: false,
    // A larger young generation for the test workers: fewer scavenges of the many short-lived rows and
    // responses. Three store-heavy files took 110-112 CPU-s instead of 114-117 (alternating runs, same session).
    execArgv: ['--max-semi-space-size=32'],
    // One full store load per dialect per run, copied for each test file (test/support/shared-load.ts).
    globalSetup: ['test/support/shared-load-setup.ts'],
    // The default reporter, then the causes of a failure repeated as the log's last lines.
    reporters: ['default', './test/support/tail-reporter.ts'],
  },
});
