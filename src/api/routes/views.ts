/** Goals, risks, recommendations, the timeline and the key-findings indicators: the report's structure as data. */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { SEGMENT_IDS } from '../../model/segments.js';
import { KIND_NAMES, type KindName } from '../../model/kinds.js';
import { entityRows } from '../../store/queries/entity-table.js';
import { timelineItems } from '../../store/queries/timeline.js';
import { all, first, type EntityRow } from '../../model/entity-row.js';
import type { ServerContext } from '../server-context.js';
import { FORMAT_PROPERTY, sendAs, tableMeta } from '../respond.js';
import { responses } from '../schemas.js';
import { ENTITY_ROWS_RESPONSE, GOALS_RESPONSE, INDICATORS_RESPONSE, TIMELINE_RESPONSE } from '../generated/response-schemas.js';
import { GOAL_JUDGEMENT_DEFINITION, GOAL_STATUSES, goalTracker, judgeGoal } from '../../analytics/goals.js';
import { DATE, YEAR_MONTH_OR_DATE } from '../date-parameters.js';

const segmentQuery = (extra: Record<string, unknown> = {}) => ({ type: 'object', additionalProperties: false, properties: { segment: { type: 'string', enum: [...SEGMENT_IDS] }, ...extra, ...FORMAT_PROPERTY } } as const);

const cell = (r: EntityRow, p: string) => all(r, p).join('; ') || null;
const cites = (rows: EntityRow[]) => [...new Set(rows.flatMap((r) => Object.values(r.values).flat().map((c) => c.sourceId)))];

function registerKindList(api: FastifyInstance, store: Store, path: string, kind: KindName, summary: string, columns: string[], extraFilter?: (r: EntityRow, q: Record<string, string | undefined>) => boolean, extraQuery: Record<string, unknown> = {}) {
  api.get<{ Querystring: { segment?: string; format?: string } & Record<string, string | undefined> }>(path, {
    schema: { operationId: `list${path[1]!.toUpperCase()}${path.slice(2)}`, summary, tags: ['report structure'], querystring: segmentQuery(extraQuery), response: responses(ENTITY_ROWS_RESPONSE, true) },
  }, async (req, reply) => {
    const rows = (await entityRows(store.db, kind, { segment: req.query.segment })).filter((r) => !extraFilter || extraFilter(r, req.query));
    return sendAs(reply, req.query.format, path.slice(1), { total: rows.length, items: rows }, async () => ({
      columns: ['id', 'name', ...columns],
      rows: rows.map((r) => [r.id, r.caption, ...columns.map((c) => cell(r, c))]),
      meta: await tableMeta(store.db, summary, cites(rows), null),
    }));
  });
}

const GOAL_COLUMNS = ['target', 'targetValue', 'targetUnit', 'deadline', 'setBy', 'setIn', 'goalStatus', 'achieved', 'segment', 'evidence'];

/** Goals, each judged against the as-of date (default today), with the tracker's counts by segment and judged status. */
function registerGoals(api: FastifyInstance, store: Store) {
  const summary = 'Stated goals: what, how much, by when, who set it, in which document, and whether it was met; each judged against the as-of date (a pending goal past its deadline is overdue)';
  api.get<{ Querystring: { segment?: string; status?: string; asOf?: string; format?: string } }>('/goals', {
    schema: { operationId: 'listGoals',
      summary, tags: ['report structure'],
      querystring: segmentQuery({ status: { type: 'string', enum: [...GOAL_STATUSES] }, asOf: { ...DATE, description: 'judge the goals on this day (YYYY-MM-DD; default today, UTC)' } }),
      response: responses(GOALS_RESPONSE, true),
    },
  }, async (req, reply) => {
    const asOf = req.query.asOf ?? new Date().toISOString().slice(0, 10);
    const all = (await entityRows(store.db, 'Goal', { segment: req.query.segment })).map((row) => ({ row, judged: judgeGoal(row, asOf) }));
    const shown = all.filter((g) => !req.query.status || g.judged.status === req.query.status);
    const json = { total: shown.length, items: shown.map((g) => ({ ...g.row, judged: g.judged })), tracker: goalTracker(all), asOf, definition: GOAL_JUDGEMENT_DEFINITION };
    return sendAs(reply, req.query.format, 'goals', json, async () => ({
      columns: ['id', 'name', ...GOAL_COLUMNS, 'judged_status', 'overdue_since', 'judged_as_of'],
      rows: shown.map((g) => [g.row.id, g.row.caption, ...GOAL_COLUMNS.map((c) => cell(g.row, c)), g.judged.status, g.judged.overdueSince, asOf]),
      meta: await tableMeta(store.db, `${summary}. ${GOAL_JUDGEMENT_DEFINITION}`, cites(shown.map((g) => g.row)), null),
    }));
  });
}

export function registerViewRoutes(api: FastifyInstance, ctx: ServerContext): void {
  const { store } = ctx;
  registerGoals(api, store);
  registerKindList(api, store, '/risks', 'Risk', 'Risks to American industry and national strategic risks, per segment (report §3.x.4)',
    ['riskScope', 'number', 'segment', 'description', 'concerns'],
    (r, q) => !q.scope || first(r, 'riskScope') === q.scope, { scope: { type: 'string', enum: ['industry', 'national-strategic'] } });
  registerKindList(api, store, '/recommendations', 'Recommendation', 'The report\'s 21 recommendations (§4), with the risks they answer',
    ['number', 'segment', 'description', 'answers', 'concerns']);

  api.get<{ Querystring: { segment?: string; kind?: string; from?: string; to?: string; limit: number; format?: string } }>('/timeline', {
    schema: { operationId: 'getTimeline',
      summary: 'Dated events (policies, missions, agreements, milestones, founding dates, goal deadlines), one item per entity, property and date with all the sources that give it (sources giving a conflicting date: otherDates; the same date at another precision, e.g. 1970 beside 1970-04-24: agreeingDates), filterable by segment and kind',
      tags: ['report structure'],
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          segment: { type: 'string', enum: [...SEGMENT_IDS] },
          kind: { type: 'string', pattern: `^(${KIND_NAMES.join('|')})(,(${KIND_NAMES.join('|')})){0,5}$` },
          from: YEAR_MONTH_OR_DATE, to: YEAR_MONTH_OR_DATE,
          limit: { type: 'integer', minimum: 1, maximum: 5000, default: 2000 }, ...FORMAT_PROPERTY,
        },
      },
      response: responses(TIMELINE_RESPONSE, true),
    },
  }, async (req, reply) => {
    const items = await timelineItems(store.db, { ...req.query, kinds: req.query.kind?.split(',') });
    return sendAs(reply, req.query.format, 'timeline', { items }, async () => ({
      columns: ['date', 'entity_id', 'kind', 'name', 'what', 'segments', 'sources', 'other_dates', 'agreeing_dates'],
      rows: items.map((i) => [i.date, i.entityId, i.kind, i.caption, i.label, i.segments.join('; '),
        i.sources.map((s) => (s.locator ? `${s.sourceId} (${s.locator})` : s.sourceId)).join('; '), i.otherDates.join('; '), i.agreeingDates.join('; ')]),
      meta: await tableMeta(store.db, 'Timeline: one row per dated event, with every source that gives that date; other_dates lists the conflicting dates other sources give for the same fact, agreeing_dates the same date at another precision',
        items.flatMap((i) => i.sources.map((s) => s.sourceId)), null),
    }));
  });

  api.get<{ Querystring: { format?: string } }>('/indicators', {
    schema: { operationId: 'getIndicators',
      summary: 'The five key findings: each quantitative claim with the report\'s value, its metric\'s definition, and the value independent data give on that definition (or why none does); a change is given only when the data post-date the claim, a projection is tracked as progress',
      tags: ['analytics'], querystring: { type: 'object', additionalProperties: false, properties: { ...FORMAT_PROPERTY } },
      response: responses(INDICATORS_RESPONSE, true),
    },
  }, async (req, reply) => {
    const data = await ctx.analytics.run('indicators', {});
    const claims = [...data.findings.flatMap((f) => f.claims.map((c) => ({ f: f.number, c }))), ...data.otherClaims.map((c) => ({ f: null, c }))];
    return sendAs(reply, req.query.format, 'indicators', data, async () => ({
      columns: ['key_finding', 'claim_id', 'quote', 'report_value', 'qualifier', 'unit', 'claim_date', 'report_source', 'report_locator', 'metric', 'metric_label', 'metric_counts',
        'comparison', 'live_value', 'live_unit', 'live_as_of', 'live_basis', 'comparison_text', 'trend'],
      rows: claims.map(({ f, c }) => [f, c.id, c.quote, c.reportValue, c.qualifier, c.unit, c.claimDate, c.sourceId, c.locator, c.metric, c.definition?.label ?? null, c.definition?.counts ?? null,
        c.comparison.kind, c.live?.value ?? null, c.live?.unit ?? null, c.live?.asOf ?? null, c.live?.basis ?? null, c.comparison.text, c.trend]),
      meta: await tableMeta(store.db, 'Key findings: report values, metric definitions and independent measures', claims.flatMap(({ c }) => [c.sourceId, ...(c.live?.sources ?? [])]), data.computedAt),
    }));
  });
}
