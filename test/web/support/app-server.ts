/**
 * The real server for browser tests: a PGlite store loaded with the bundled data (curated
 * knowledge base and catalog snapshots; a copy of the run's shared load), serving the freshly
 * built web app on a free port. The web app is built once per test run, into the run's folder
 * (shared-load-setup.ts), by the first file that needs it; the others wait for it.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { build } from 'vite';
import { inject } from 'vitest';
import type { TestStore } from '../../support/stores.js';
import { loadedStore, readOnlyLoadedStore } from '../../support/loaded-store.js';
import { buildServer } from '../../../src/api/server.js';

export interface RunningApp { url: string; store: TestStore; app: FastifyInstance; close(): Promise<void> }

const BUILD_WAIT_MS = 300_000;

/**
 * Builds web/ once for the run and returns the folder holding the build: the run's own folder when the
 * run has one (built into a temporary folder and renamed, so a reader never sees half a build), else
 * web/dist. WEB_TEST_SKIP_BUILD=1 serves an existing web/dist as it is.
 */
export async function buildWebApp(): Promise<string> {
  if (process.env.WEB_TEST_SKIP_BUILD === '1' && existsSync('web/dist/index.html')) return 'web/dist';
  const run = inject('sharedLoad');
  if (!run) {
    await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
    return 'web/dist';
  }
  const outDir = join(run.dir, 'web-dist');
  try {
    mkdirSync(join(run.dir, 'web-build.lock'));
  } catch {
    // Another file builds it: wait for the renamed folder.
    for (const started = Date.now(); !existsSync(join(outDir, 'index.html')); await sleep(200)) {
      if (Date.now() - started > BUILD_WAIT_MS) throw new Error(`the web app build in ${outDir} did not finish within ${BUILD_WAIT_MS / 1000} s`);
    }
    return outDir;
  }
  const building = resolve(`${outDir}.building`);
  rmSync(building, { recursive: true, force: true });
  await build({ configFile: 'web/vite.config.ts', logLevel: 'warn', build: { outDir: building, emptyOutDir: true } });
  renameSync(building, outDir);
  return outDir;
}

/** readOnly: the worker's read-only loaded store (a file that only reads), else a copy of its own. */
export async function startApp(opts: { readOnly?: boolean } = {}): Promise<RunningApp> {
  const webDir = await buildWebApp();
  const store = await (opts.readOnly ? readOnlyLoadedStore('pglite') : loadedStore('pglite'));
  const app = await buildServer({ store, webDir });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, store, app, close: async () => { await app.close(); await store.dispose(); } };
}
