/**
 * Runs every answers suite in ./suites/ on one store kind, sharing one loaded store. Each kind has
 * its own test file (answers-pglite.test.ts, answers-postgres.test.ts), so the two run side by side.
 */
/// <reference types="vite/client" />
import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { TestStore } from '../support/stores.js';
import type { StoreKind } from '../../src/store/open-store.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { buildServer } from '../../src/api/server.js';
import type { AnswerContext, AnswerSuite } from './harness.js';

const suites = import.meta.glob<{ answers: AnswerSuite }>('./suites/*.ts', { eager: true });

export function answersOn(kind: StoreKind): void {
  describe(`answers on ${kind}`, () => {
    let store: TestStore;
    let app: FastifyInstance;
    let ctx: AnswerContext | null = null;
    let listening: Promise<string> | null = null;
    beforeAll(async () => {
      store = await readOnlyLoadedStore(kind);
      app = await buildServer({ store, webDir: 'test/fixtures/no-web-app' });
      ctx = {
        kind, store, app,
        async get<T>(path: string): Promise<T> {
          const res = await app.inject(path);
          if (res.statusCode !== 200) throw new Error(`GET ${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
          return res.json() as T;
        },
        baseUrl: () => (listening ??= app.listen({ port: 0, host: '127.0.0.1' })),
      };
    }, 300_000);
    afterAll(async () => { await app?.close(); await store?.dispose(); });

    for (const [file, mod] of Object.entries(suites).sort(([a], [b]) => a.localeCompare(b))) {
      describe(file.replace(/^\.\/suites\/|\.ts$/g, ''), () => mod.answers(() => {
        if (!ctx) throw new Error('the shared store is not loaded');
        return ctx;
      }));
    }
  });
}
