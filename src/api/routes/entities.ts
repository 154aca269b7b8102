import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { KIND_NAMES } from '../../model/kinds.js';
import { SEGMENT_IDS } from '../../model/segments.js';
import { getEntity } from '../../store/queries/entities.js';
import { entityCatalog } from '../../services/entity-catalog.js';
import { listEntityPage, CursorError, ENTITY_SORTS, type EntitySort } from '../../store/queries/entity-list.js';
import { ApiError } from '../errors.js';
import { ENTITY_DETAIL, ENTITY_PAGE, responses } from '../schemas.js';
import { FORMAT_PROPERTY, sendAs, tableMeta } from '../respond.js';

export const MAX_PAGE = 200;
export const MAX_KINDS = 6;

export const ENTITY_LIST_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', pattern: `^(${KIND_NAMES.join('|')})(,(${KIND_NAMES.join('|')})){0,${MAX_KINDS - 1}}$`, description: `one kind, or up to ${MAX_KINDS} separated by commas` },
    segment: { type: 'string', enum: [...SEGMENT_IDS] },
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
    hub: { type: 'string', pattern: '^hub\\.[a-z0-9.-]+$' },
    q: { type: 'string', minLength: 1, maxLength: 200 },
    sort: { type: 'string', enum: [...ENTITY_SORTS] },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50 },
    cursor: { type: 'string', maxLength: 500 },
    ...FORMAT_PROPERTY,
  },
} as const;

interface ListQuery { kind?: string; segment?: string; country?: string; hub?: string; q?: string; sort?: EntitySort; limit: number; cursor?: string; format?: string }

export function registerEntityRoutes(api: FastifyInstance, store: Store): void {
  api.get<{ Querystring: ListQuery }>('/entities', {
    schema: { operationId: 'listEntities',
      summary: 'List entities: filter by kind, segment, country, hub and text (names, aliases including Chinese names, descriptions); sort; cursor pagination',
      tags: ['knowledge base'], querystring: ENTITY_LIST_QUERY, response: responses(ENTITY_PAGE, true),
    },
  }, async (req, reply) => {
    const { kind, cursor, format, ...rest } = req.query;
    let page;
    try {
      page = await listEntityPage(store.db, { ...rest, kinds: kind?.split(','), cursor });
    } catch (err) {
      if (err instanceof CursorError) throw new ApiError(400, 'invalid_request', err.message, [{ field: 'querystring.cursor', reason: err.message }]);
      throw err;
    }
    return sendAs(reply, format, 'entities', page, async () => ({
      columns: ['id', 'kind', 'name', 'first_seen'],
      rows: page.items.map((i) => [i.id, i.kind, i.caption, i.firstSeen]),
      meta: await tableMeta(store.db, `Entities (${page.items.length} of ${page.total}${page.next ? '; more pages via the JSON cursor' : ''})`, [], null,
        ['Each entity\'s facts and their sources: /api/v1/entities/{id}']),
    }));
  });

  api.get<{ Params: { id: string } }>('/entities/:id', {
    schema: { operationId: 'getEntity',
      summary: 'One entity with every statement (preferred first, conflicts side by side) and its sources; for an entity with a NORAD number, catalog gives its newest element set and a link to its orbit history',
      tags: ['knowledge base'],
      params: { type: 'object', required: ['id'], properties: { id: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9.-]+$', maxLength: 200 } } },
      response: responses(ENTITY_DETAIL),
    },
  }, async (req) => {
    const entity = await getEntity(store.db, req.params.id);
    if (!entity) throw new ApiError(404, 'not_found', `no entity "${req.params.id}"`);
    return { ...entity, catalog: await entityCatalog(store.db, entity) };
  });
}
