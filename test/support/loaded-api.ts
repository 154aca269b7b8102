/**
 * One describe block per store kind around a server on the worker's read-only loaded store (loaded-store.ts):
 * for files that only read.
 * The tests read the server and the store from the holder once beforeAll has filled it.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import type { StoreKind } from '../../src/store/open-store.js';
import { readOnlyLoadedStore } from './loaded-store.js';
import { STORE_KINDS, type TestStore } from './stores.js';

export interface LoadedApi { kind: StoreKind; app: FastifyInstance; store: TestStore }

export function describeLoadedApi(title: string, tests: (t: LoadedApi) => void): void {
  for (const kind of STORE_KINDS) {
    describe(`${title} on ${kind}`, () => {
      const t = { kind } as LoadedApi;
      beforeAll(async () => {
        t.store = await readOnlyLoadedStore(kind);
        t.app = await buildServer({ store: t.store, logLevel: 'silent', webDir: '/nonexistent' });
      }, 600_000);
      afterAll(async () => {
        await t.app?.close();
        await t.store?.dispose();
      });
      tests(t);
    });
  }
}
