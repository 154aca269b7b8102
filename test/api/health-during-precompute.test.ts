/** /api/health answers from memory while the start-up analytics are still being computed (serve-command.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/api/server.js';
import { precomputeAnalytics } from '../../src/services/precompute.js';
import { loadRules } from '../../src/services/analytics.js';
import { loadedStore } from '../support/loaded-store.js';
import type { TestStore } from '../support/stores.js';

let store: TestStore;
let app: FastifyInstance;

beforeAll(async () => {
  store = await loadedStore('pglite');
  app = await buildServer({ store, logLevel: 'silent', webDir: '/nonexistent' });
}, 600_000);
afterAll(async () => {
  await app?.close();
  await store?.dispose();
});

describe('health during the start-up precomputation', () => {
  it('answers before the precomputation ends, with the entity count of the store', async () => {
    let precomputed = false;
    const precompute = precomputeAnalytics(store.db, loadRules('data/rules')).then(() => { precomputed = true; });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    const answeredDuring = !precomputed;
    await precompute;
    const n = await store.db.selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', store: 'pglite', entities: Number(n.n) });
    expect(answeredDuring).toBe(true);
  }, 300_000);
});
