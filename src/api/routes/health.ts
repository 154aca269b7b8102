import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { storeStatus } from '../../store/queries/status.js';
import { analytic, responses } from '../schemas.js';

export async function healthBody(store: Store) {
  const s = await storeStatus(store.db);
  return { status: 'ok' as const, store: store.kind, entities: s.totals.entities };
}

export function registerHealthRoutes(api: FastifyInstance, store: Store): void {
  api.get('/health', {
    schema: { operationId: 'getHealth',
      summary: 'Liveness and the store behind the server', tags: ['status'],
      response: responses({ type: 'object', required: ['status', 'store', 'entities'], additionalProperties: false, properties: { status: { const: 'ok' }, store: { type: 'string' }, entities: { type: 'integer' } } }),
    },
  }, () => healthBody(store));
  api.get('/status', {
    schema: { operationId: 'getStatus',
      summary: 'Counts per kind and source, and each feed\'s last success, staleness and data as-of date',
      tags: ['status'], response: responses(analytic(['totals', 'entitiesByKind', 'statementsBySource', 'origins'])),
    },
  }, () => storeStatus(store.db));
}
