import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { storeStatus } from '../../store/queries/status.js';

export async function healthBody(store: Store) {
  const s = await storeStatus(store.db);
  return { status: 'ok' as const, store: store.kind, entities: s.totals.entities };
}

export function registerHealthRoutes(api: FastifyInstance, store: Store): void {
  api.get('/health', {
    schema: {
      summary: 'Liveness and the store behind the server',
      response: { 200: { type: 'object', required: ['status', 'store'], properties: { status: { const: 'ok' }, store: { type: 'string' }, entities: { type: 'integer' } } } },
    },
  }, () => healthBody(store));
  api.get('/status', { schema: { summary: 'Counts per kind and source, and each origin\'s run history' } }, () => storeStatus(store.db));
}
