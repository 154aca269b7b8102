/** /api/v1/search: names and aliases (Chinese names, pinyin with or without tones), misspellings, related entities; each result says why it matched. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { KIND_NAMES } from '../../model/kinds.js';
import { searchEntities } from '../../store/queries/entity-search.js';
import { SEARCH_RESULT, responses } from '../schemas.js';
import { MAX_KINDS, MAX_PAGE } from './entities.js';

interface SearchQuery { q: string; kind?: string; limit: number }

export function registerSearchRoutes(api: FastifyInstance, store: Store): void {
  api.get<{ Querystring: SearchQuery }>('/search', {
    schema: { operationId: 'searchEntities',
      summary: 'Search names and aliases (including Chinese names and pinyin with or without tone marks) exactly, by prefix, by substring and by trigram similarity (misspellings), then descriptions, and the entities a name match points to (operator, manufacturer, parent, family, part of); each result says why it matched',
      tags: ['knowledge base'],
      querystring: {
        type: 'object', additionalProperties: false, required: ['q'],
        properties: {
          q: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S', examples: ['天宫'] },
          kind: { type: 'string', pattern: `^(${KIND_NAMES.join('|')})(,(${KIND_NAMES.join('|')})){0,${MAX_KINDS - 1}}$`, description: `one kind, or up to ${MAX_KINDS} separated by commas` },
          limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 50 },
        },
      },
      response: responses(SEARCH_RESULT),
    },
  }, async (req) => searchEntities(store.db, { q: req.query.q, kinds: req.query.kind?.split(','), limit: req.query.limit }));
}
