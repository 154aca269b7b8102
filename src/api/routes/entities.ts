import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { KIND_NAMES } from '../../model/kinds.js';
import { getEntity, listEntities } from '../../store/queries/entities.js';
import { ApiError } from '../errors.js';

export const ENTITY_LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: [...KIND_NAMES] },
    q: { type: 'string', minLength: 1, maxLength: 200 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export function registerEntityRoutes(api: FastifyInstance, store: Store): void {
  api.get<{ Querystring: { kind?: string; q?: string; limit: number; offset: number } }>('/entities', {
    schema: { summary: 'List entities, filtered by kind and text (names, aliases including Chinese names, descriptions)', querystring: ENTITY_LIST_QUERY },
  }, async (req) => {
    const { items, total } = await listEntities(store.db, req.query);
    return { total, limit: req.query.limit, offset: req.query.offset, items };
  });

  api.get<{ Params: { id: string } }>('/entities/:id', {
    schema: {
      summary: 'One entity with every statement (preferred first, conflicts side by side) and its sources',
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9.-]+$', maxLength: 200 } } },
    },
  }, async (req) => {
    const entity = await getEntity(store.db, req.params.id);
    if (!entity) throw new ApiError(404, 'not_found', `no entity "${req.params.id}"`);
    return entity;
  });
}
