/**
 * The real server for browser tests: a PGlite store loaded with the bundled data (curated
 * knowledge base and catalog snapshots; a copy of the run's shared load), serving the freshly
 * built web app on a free port.
 */
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { build } from 'vite';
import type { TestStore } from '../../support/stores.js';
import { loadedStore } from '../../support/loaded-store.js';
import { buildServer } from '../../../src/api/server.js';

export interface RunningApp { url: string; store: TestStore; app: FastifyInstance; close(): Promise<void> }

/** Builds web/ into web/dist (unless WEB_TEST_SKIP_BUILD=1 and a build exists). */
export async function buildWebApp(): Promise<void> {
  if (process.env.WEB_TEST_SKIP_BUILD === '1' && existsSync('web/dist/index.html')) return;
  await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
}

export async function startApp(): Promise<RunningApp> {
  await buildWebApp();
  const store = await loadedStore('pglite');
  const app = await buildServer({ store, webDir: 'web/dist' });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, store, app, close: async () => { await app.close(); await store.dispose(); } };
}
