/**
 * The change feed: changes in the world by world date (default), and the record audit
 * (view=records) by load time; JSON, CSV and Atom, each paged with a cursor (JSON body `next`,
 * a Link rel="next" header on JSON and CSV, an Atom rel="next" link).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerContext } from '../server-context.js';
import { listChanges, type ChangeItem } from '../../store/queries/changes.js';
import { guarded } from '../analytics-errors.js';
import { encodeCursor } from '../../analytics/world-change-paging.js';
import { WORLD_CHANGE_DEFINITIONS, WORLD_DATE_DEFINITION, type WorldChange } from '../../analytics/world-change-types.js';
import { recordEntry, renderAtom, worldEntry } from '../atom.js';
import { FORMAT_PROPERTY, sendAs, tableMeta } from '../respond.js';
import { CHANGE_PAGE, responses } from '../schemas.js';
import { CHANGE_PARAMETERS, recordParameters, worldParameters, type ChangeQuery } from '../change-parameters.js';
import type { Table } from '../../services/csv.js';

type Page = { view: 'world'; items: WorldChange[]; next: string | null; gaps: string[] } | { view: 'records'; items: ChangeItem[]; next: string | null };

const WORLD_COLUMNS = ['world_date', 'precision', 'earliest_date', 'type', 'title', 'entity_id', 'entity_kind', 'entity_name', 'country', 'property', 'value',
  'previous_value', 'previous_date', 'previous_source', 'source', 'locator', 'recorded_at', 'id'];
const RECORD_COLUMNS = ['id', 'at', 'action', 'subject', 'subject_id', 'entity_id', 'entity_kind', 'entity_name', 'property', 'value', 'source', 'recorded_by'];

export function registerChangeRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  const page = async (q: ChangeQuery): Promise<Page> => {
    if (q.view === 'records') {
      const items = await listChanges(store.db, { ...q, ...recordParameters(q), limit: q.limit + 1, newestFirst: false });
      return { view: 'records', items: items.slice(0, q.limit), next: items.length > q.limit ? String(items[q.limit - 1]!.id) : null };
    }
    const window = worldParameters(q);
    const today = new Date().toISOString().slice(0, 10);
    const p = await guarded(() => ctx.analytics.run('worldChanges', { ...q, ...window, today }));
    return { view: 'world', items: p.items, next: p.next ? encodeCursor(p.next) : null, gaps: p.gaps };
  };
  const nextUrl = (req: FastifyRequest, next: string | null) => {
    if (!next) return null;
    const u = new URL(req.url, `${req.protocol}://${req.host}`);
    u.searchParams.set('cursor', next);
    return u.toString();
  };
  const link = (reply: FastifyReply, url: string | null) => (url ? reply.header('link', `<${url}>; rel="next"`) : reply);

  api.get<{ Querystring: ChangeQuery }>('/changes', {
    schema: { operationId: 'listChanges',
      summary: 'What changed in the world (launches, objects reaching orbit, decays, agreements signed, memberships, milestones, goal status, values that changed, objects that left the catalog while on the reentry watch, the station\'s computed close approaches, maneuvers of China\'s objects), each with its world date, the time the store recorded it and its source, ordered and filtered by world date; view=records gives the record audit (every record the store added, updated or removed, by load time)',
      tags: ['changes'], querystring: { type: 'object', additionalProperties: false, properties: { ...CHANGE_PARAMETERS, ...FORMAT_PROPERTY } },
      response: responses(CHANGE_PAGE, true),
    },
  }, async (req, reply) => {
    const p = await page(req.query);
    link(reply, nextUrl(req, p.next));
    const json = p.view === 'world' ? { ...p, definition: WORLD_DATE_DEFINITION, types: WORLD_CHANGE_DEFINITIONS } : p;
    return sendAs(reply, req.query.format, p.view === 'world' ? 'world-changes' : 'change-records', json, () => table(p));
  });

  const table = async (p: Page): Promise<Table> => {
    if (p.view === 'records') {
      return {
        columns: RECORD_COLUMNS,
        rows: p.items.map((c) => [c.id, c.at, c.action, c.subject, c.subjectId, c.entityId, c.entityKind, c.entityName, c.property, c.value, c.sourceId, c.origin]),
        meta: await tableMeta(store.db, 'Record audit: records the store added, updated or removed', p.items.map((c) => c.sourceId ?? ''), p.items.at(-1)?.at ?? null,
          p.next ? [`More rows follow: the Link header names the next page (cursor=${p.next})`] : []),
      };
    }
    return {
      columns: WORLD_COLUMNS,
      rows: p.items.map((c) => [c.date, c.precision, c.earliest, c.type, c.title, c.entityId, c.entityKind, c.entityName, c.country, c.property, c.value,
        c.previous?.value, c.previous?.date, c.previous?.sourceId, c.sourceId, c.locator, c.recordedAt, c.id]),
      meta: await tableMeta(store.db, 'Changes in the world', p.items.flatMap((c) => [c.sourceId, c.previous?.sourceId ?? '']), null, [
        ...p.gaps, WORLD_DATE_DEFINITION, ...Object.entries(WORLD_CHANGE_DEFINITIONS).map(([t, d]) => `${t}: ${d}`),
        ...(p.next ? [`More rows follow: the Link header names the next page (cursor=${p.next})`] : []),
      ]),
    };
  };

  api.get<{ Querystring: ChangeQuery }>('/changes.atom', {
    schema: { operationId: 'getChangesFeed',
      summary: 'The change feed as Atom, with the same parameters (world view by default, newest world date first; view=records for the record audit)',
      tags: ['changes'], querystring: { type: 'object', additionalProperties: false, properties: CHANGE_PARAMETERS },
      response: { 200: { content: { 'application/atom+xml': { schema: { type: 'string' } } } } },
    },
  }, async (req, reply) => {
    const p = await page(req.query);
    const host = `${req.protocol}://${req.host}`;
    const feed = { selfUrl: `${host}${req.url}`, nextUrl: nextUrl(req, p.next) };
    reply.type('application/atom+xml; charset=utf-8');
    if (p.view === 'records') {
      return renderAtom(p.items.map((c) => recordEntry(c, host)), { ...feed, id: 'urn:redshift-monitor:change-records', title: 'Redshift Monitor: record audit', updated: p.items.at(-1)?.at ?? new Date(0).toISOString() });
    }
    const updated = p.items.map((c) => c.recordedAt).sort().at(-1) ?? new Date(0).toISOString();
    return renderAtom(p.items.map((c) => worldEntry(c, host)), { ...feed, id: 'urn:redshift-monitor:world-changes', title: 'Redshift Monitor: changes in the world', updated });
  });
}
