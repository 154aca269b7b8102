/** Goals, risks, recommendations, the timeline and the key-findings indicators: the report's structure as data. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { SEGMENT_IDS } from '../../model/segments.js';
import { KIND_NAMES, type KindName } from '../../model/kinds.js';
import { entityRows } from '../../store/queries/entity-table.js';
import { timelineItems } from '../../store/queries/timeline.js';
import { all, first, type EntityRow } from '../../model/entity-row.js';
import { indicators } from '../../services/indicators.js';
import { loadRules } from '../../services/analytics.js';
import { FORMAT_PROPERTY, sendAs, tableMeta } from '../respond.js';
import { analytic, arr, obj, responses, str } from '../schemas.js';

const GOAL_STATUSES = ['met-early', 'met-on-time', 'met-late', 'pending', 'missed', 'unknown'] as const;
const ROW = obj(['id', 'kind', 'caption', 'values', 'conflicts'], { id: str, kind: str, caption: str, values: { type: 'object', additionalProperties: true }, conflicts: { type: 'object', additionalProperties: true } });
const LIST = (extra: Record<string, unknown> = {}) => obj(['items', 'total'], { items: arr(ROW), total: { type: 'integer' }, ...extra });
const segmentQuery = (extra: Record<string, unknown> = {}) => ({ type: 'object', additionalProperties: false, properties: { segment: { type: 'string', enum: [...SEGMENT_IDS] }, ...extra, ...FORMAT_PROPERTY } } as const);

const cell = (r: EntityRow, p: string) => all(r, p).join('; ') || null;
const cites = (rows: EntityRow[]) => [...new Set(rows.flatMap((r) => Object.values(r.values).flat().map((c) => c.sourceId)))];

function registerKindList(api: FastifyInstance, store: Store, path: string, kind: KindName, summary: string, columns: string[], extraFilter?: (r: EntityRow, q: Record<string, string | undefined>) => boolean, extraQuery: Record<string, unknown> = {}) {
  api.get<{ Querystring: { segment?: string; format?: string } & Record<string, string | undefined> }>(path, {
    schema: { summary, tags: ['report structure'], querystring: segmentQuery(extraQuery), response: responses(LIST(path === '/goals' ? { tracker: { type: 'array' } } : {}), true) },
  }, async (req, reply) => {
    const rows = (await entityRows(store.db, kind, { segment: req.query.segment })).filter((r) => !extraFilter || extraFilter(r, req.query));
    const json: Record<string, unknown> = { total: rows.length, items: rows };
    if (path === '/goals') json.tracker = goalTracker(rows);
    return sendAs(reply, req.query.format, path.slice(1), json, async () => ({
      columns: ['id', 'name', ...columns],
      rows: rows.map((r) => [r.id, r.caption, ...columns.map((c) => cell(r, c))]),
      meta: await tableMeta(store.db, summary, cites(rows), null),
    }));
  });
}

/** Goal counts by segment and status: the goal tracker chart. */
export function goalTracker(rows: EntityRow[]) {
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const status = first(r, 'goalStatus') ?? 'unknown';
    for (const seg of all(r, 'segment').length ? all(r, 'segment') : ['cross-cutting']) {
      const m = out.get(seg) ?? Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0]));
      m[status] = (m[status] ?? 0) + 1;
      out.set(seg, m);
    }
  }
  return [...out.entries()].map(([segment, counts]) => ({ segment, ...counts }));
}

export function registerViewRoutes(api: FastifyInstance, store: Store, rulesDir: string): void {
  registerKindList(api, store, '/goals', 'Goal', 'Stated goals: what, how much, by when, who set it, in which document, and whether it was met',
    ['target', 'targetValue', 'targetUnit', 'deadline', 'setBy', 'setIn', 'goalStatus', 'achieved', 'segment', 'evidence'],
    (r, q) => !q.status || (first(r, 'goalStatus') ?? 'unknown') === q.status, { status: { type: 'string', enum: [...GOAL_STATUSES] } });
  registerKindList(api, store, '/risks', 'Risk', 'Risks to American industry and national strategic risks, per segment (report §3.x.4)',
    ['riskScope', 'number', 'segment', 'description', 'concerns'],
    (r, q) => !q.scope || first(r, 'riskScope') === q.scope, { scope: { type: 'string', enum: ['industry', 'national-strategic'] } });
  registerKindList(api, store, '/recommendations', 'Recommendation', 'The report\'s 21 recommendations (§4), with the risks they answer',
    ['number', 'segment', 'description', 'answers', 'concerns']);

  api.get<{ Querystring: { segment?: string; kind?: string; from?: string; to?: string; limit: number; format?: string } }>('/timeline', {
    schema: {
      summary: 'Dated facts (policies, missions, agreements, milestones, founding dates, goal deadlines), filterable by segment and kind',
      tags: ['report structure'],
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          segment: { type: 'string', enum: [...SEGMENT_IDS] },
          kind: { type: 'string', pattern: `^(${KIND_NAMES.join('|')})(,(${KIND_NAMES.join('|')})){0,5}$` },
          from: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' }, to: { type: 'string', pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' },
          limit: { type: 'integer', minimum: 1, maximum: 5000, default: 2000 }, ...FORMAT_PROPERTY,
        },
      },
      response: responses(obj(['items'], { items: arr({ type: 'object', additionalProperties: true }) }), true),
    },
  }, async (req, reply) => {
    const items = await timelineItems(store.db, { ...req.query, kinds: req.query.kind?.split(',') });
    return sendAs(reply, req.query.format, 'timeline', { items }, async () => ({
      columns: ['date', 'entity_id', 'kind', 'name', 'what', 'segments', 'source', 'locator'],
      rows: items.map((i) => [i.date, i.entityId, i.kind, i.caption, i.label, i.segments.join('; '), i.sourceId, i.locator]),
      meta: await tableMeta(store.db, 'Timeline', items.map((i) => i.sourceId), null),
    }));
  });

  api.get<{ Querystring: { format?: string } }>('/indicators', {
    schema: {
      summary: 'The five key findings: each quantitative claim with the report\'s value, today\'s value computed from the data, its date and the trend',
      tags: ['analytics'], querystring: { type: 'object', additionalProperties: false, properties: { ...FORMAT_PROPERTY } },
      response: responses(analytic(['findings', 'otherClaims', 'computedAt']), true),
    },
  }, async (req, reply) => {
    const data = await indicators(store.db, loadRules(rulesDir));
    const claims = [...data.findings.flatMap((f) => f.claims.map((c) => ({ f: f.number, c }))), ...data.otherClaims.map((c) => ({ f: null, c }))];
    return sendAs(reply, req.query.format, 'indicators', data, async () => ({
      columns: ['key_finding', 'claim_id', 'quote', 'report_value', 'qualifier', 'unit', 'report_source', 'report_locator', 'metric', 'live_value', 'live_unit', 'live_as_of', 'live_basis', 'trend'],
      rows: claims.map(({ f, c }) => [f, c.id, c.quote, c.reportValue, c.qualifier, c.unit, c.sourceId, c.locator, c.metric, c.live.value, c.live.unit, c.live.asOf, c.live.basis, c.trend]),
      meta: await tableMeta(store.db, 'Key findings: report values and live values', claims.flatMap(({ c }) => [c.sourceId, ...c.live.sources]), data.computedAt),
    }));
  });
}
