import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { storeStatus } from '../../store/queries/status.js';
import { responses } from '../schemas.js';
import { STATUS_RESPONSE } from '../generated/response-schemas.js';

/** How old the entity count in /health may be before a request starts counting again (in the background). */
const COUNT_MAX_AGE_MS = 5_000;

interface Count { entities: number; at: number; refreshing: boolean }
const counts = new WeakMap<Store, Count>();

async function countEntities(store: Store): Promise<number> {
  return (await store.db.selectFrom('entities').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
}

/** Counts the entities once, so /health can answer without waiting for the store (buildServer calls it before listening). */
export async function primeHealth(store: Store): Promise<void> {
  counts.set(store, { entities: Number(await countEntities(store)), at: Date.now(), refreshing: false });
}

/**
 * Liveness: answered from memory, never waiting for the store (which may be busy with a large read);
 * the entity count is at most a few seconds old and is counted again in the background.
 */
export async function healthBody(store: Store) {
  const c = counts.get(store);
  if (!c) await primeHealth(store);
  else if (!c.refreshing && Date.now() - c.at > COUNT_MAX_AGE_MS) {
    c.refreshing = true;
    void countEntities(store).then((n) => counts.set(store, { entities: Number(n), at: Date.now(), refreshing: false }), () => { c.refreshing = false; });
  }
  return { status: 'ok' as const, store: store.kind, entities: counts.get(store)!.entities };
}

export function registerHealthRoutes(api: FastifyInstance, store: Store): void {
  api.get('/health', {
    schema: { operationId: 'getHealth',
      summary: 'Liveness and the store behind the server (its entity count may be a few seconds old)', tags: ['status'],
      response: responses({ type: 'object', required: ['status', 'store', 'entities'], additionalProperties: false, properties: { status: { const: 'ok' }, store: { type: 'string' }, entities: { type: 'integer' } } }),
    },
  }, () => healthBody(store));
  api.get('/status', {
    schema: { operationId: 'getStatus',
      summary: 'Counts per kind and source, and each feed\'s last success, staleness and data as-of date',
      tags: ['status'], response: responses(STATUS_RESPONSE),
    },
  }, () => storeStatus(store.db));
}
