/** The change feed: JSON with a cursor, CSV, and Atom. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { KIND_NAMES } from '../../model/kinds.js';
import { SEGMENT_IDS } from '../../model/segments.js';
import { listChanges, type ChangeFilter } from '../../store/queries/changes.js';
import { renderAtom } from '../atom.js';
import { FORMAT_PROPERTY, PROJECT_LICENCE, sendAs } from '../respond.js';
import { arr, obj, responses } from '../schemas.js';
import { DATE_OR_DATE_TIME, utcBound } from '../date-parameters.js';

const FILTERS = {
  since: DATE_OR_DATE_TIME, until: DATE_OR_DATE_TIME,
  subject: { type: 'string', enum: ['entity', 'statement', 'source', 'series', 'series-point', 'launch', 'catalog-object'] },
  kind: { type: 'string', enum: [...KIND_NAMES] }, segment: { type: 'string', enum: [...SEGMENT_IDS] },
  country: { type: 'string', pattern: '^[A-Z]{2}$' }, entity: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9.-]+$' },
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
  cursor: { type: 'string', pattern: '^\\d{1,15}$', description: 'the next value of the previous page' },
};
type Query = Omit<ChangeFilter, 'afterId'> & { cursor?: string; format?: string };

export function registerChangeRoutes(api: FastifyInstance, store: Store): void {
  const bounds = (q: Query) => ({ since: utcBound('querystring.since', q.since), until: utcBound('querystring.until', q.until) });
  const fetch = async (q: Query) => {
    const items = await listChanges(store.db, { ...q, ...bounds(q), limit: q.limit + 1, afterId: q.cursor ? Number(q.cursor) : undefined });
    return { items: items.slice(0, q.limit), next: items.length > q.limit ? String(items[q.limit - 1]!.id) : null };
  };
  api.get<{ Querystring: Query }>('/changes', {
    schema: {
      summary: 'Every change to the knowledge base and catalogs (new entity, new or removed statement, new launch or catalog object, goal status change), with time and source',
      tags: ['changes'], querystring: { type: 'object', additionalProperties: false, properties: { ...FILTERS, ...FORMAT_PROPERTY } },
      response: responses(obj(['items', 'next'], { items: arr({ type: 'object', additionalProperties: true }), next: { type: ['string', 'null'] } }), true),
    },
  }, async (req, reply) => {
    const page = await fetch(req.query);
    return sendAs(reply, req.query.format, 'changes', page, async () => ({
      columns: ['id', 'at', 'action', 'subject', 'subject_id', 'entity_id', 'entity_kind', 'entity_name', 'property', 'value', 'source', 'recorded_by'],
      rows: page.items.map((c) => [c.id, c.at, c.action, c.subject, c.subjectId, c.entityId, c.entityKind, c.entityName, c.property, c.value, c.sourceId, c.origin]),
      meta: { title: 'Changes', sources: [...new Set(page.items.map((c) => c.sourceId).filter((s): s is string => !!s))], licence: PROJECT_LICENCE, asOf: page.items.at(-1)?.at ?? null },
    }));
  });

  api.get<{ Querystring: Query }>('/changes.atom', {
    schema: {
      summary: 'The change feed as Atom, with the same filters',
      tags: ['changes'], querystring: { type: 'object', additionalProperties: false, properties: FILTERS },
      response: { 200: { content: { 'application/atom+xml': { schema: { type: 'string' } } } } },
    },
  }, async (req, reply) => {
    const items = await listChanges(store.db, { ...req.query, ...bounds(req.query), afterId: req.query.cursor ? Number(req.query.cursor) : undefined, newestFirst: true });
    const host = `${req.protocol}://${req.host}`;
    reply.type('application/atom+xml; charset=utf-8');
    return renderAtom(items, { selfUrl: `${host}${req.url}`, baseUrl: host, updated: items[0]?.at ?? new Date(0).toISOString() });
  });
}
