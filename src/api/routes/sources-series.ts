/** Sources (with how much of the knowledge base cites each) and numeric series (the report's tables and polls). */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import { SOURCE_KINDS } from '../../model/source.js';
import { SERIES_ROLE_DEFINITION, inReportSegment, pointRole } from '../../model/funding-charts.js';
import { listSeries, listSources } from '../../store/queries/sources-series.js';
import { ApiError } from '../errors.js';
import { FORMAT_PROPERTY, sendAs, tableMeta } from '../respond.js';
import { responses } from '../schemas.js';
import { SERIES_LIST_RESPONSE, SERIES_RESPONSE, SOURCES_RESPONSE, SOURCE_RESPONSE } from '../generated/response-schemas.js';


export function registerCatalogueRoutes(api: FastifyInstance, store: Store): void {
  api.get<{ Querystring: { kind?: string; q?: string; limit: number; cursor?: string; format?: string } }>('/sources', {
    schema: { operationId: 'listSources',
      summary: 'Every source: the report, its 348 numbered references, the articles and the datasets, with how many statements cite each',
      tags: ['knowledge base'],
      querystring: { type: 'object', additionalProperties: false, properties: { kind: { type: 'string', enum: [...SOURCE_KINDS] }, q: { type: 'string', minLength: 1, maxLength: 200 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 }, cursor: { type: 'string', maxLength: 200 }, ...FORMAT_PROPERTY } },
      response: responses(SOURCES_RESPONSE, true),
    },
  }, async (req, reply) => {
    const rows = await listSources(store.db, { ...req.query, after: req.query.cursor, limit: req.query.limit + 1 });
    const items = rows.slice(0, req.query.limit);
    const json = { items, next: rows.length > req.query.limit ? items.at(-1)!.id : null };
    return sendAs(reply, req.query.format, 'sources', json, async () => ({
      columns: ['id', 'kind', 'title', 'url', 'publisher', 'published', 'licence', 'citation', 'statements_citing'],
      rows: items.map((s) => [s.id, s.kind, s.title, s.url, s.publisher, s.published, s.licence, s.citation, s.statements]),
      meta: { title: 'Sources', sources: ['redshift-monitor knowledge base'], licence: 'Source records compiled by Redshift Monitor (MIT)', asOf: null },
    }));
  });

  api.get<{ Params: { id: string } }>('/sources/:id', {
    schema: { operationId: 'getSource', summary: 'One source', tags: ['knowledge base'], params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } }, response: responses(SOURCE_RESPONSE) },
  }, async (req) => {
    const [row] = await listSources(store.db, { id: req.params.id, limit: 1 });
    if (!row) throw new ApiError(404, 'not_found', `no source "${req.params.id}"`);
    return row;
  });

  api.get<{ Querystring: { measure?: string; segment?: string; ids?: string; format?: string } }>('/series', {
    schema: { operationId: 'listSeries',
      summary: 'Numeric series with every point sourced: government expenditure and commercial funding by source and segment (Tables 1–7), poll results (Figure 4)',
      tags: ['knowledge base'],
      querystring: {
        type: 'object', additionalProperties: false,
        properties: {
          measure: { type: 'string', maxLength: 100 },
          segment: { type: 'string', maxLength: 100, description: 'a report segment (§3.x): the series printed in its funding table' },
          ids: { type: 'string', maxLength: 2000, pattern: '^[a-z0-9.-]+(,[a-z0-9.-]+)*$', description: 'comma-separated series ids: exactly these series (a chart\'s API link names the series it draws)' },
          ...FORMAT_PROPERTY,
        },
      },
      response: responses(SERIES_LIST_RESPONSE, true),
    },
  }, async (req, reply) => {
    const dimension: [string, string] | undefined = req.query.measure ? ['measure', req.query.measure] : undefined;
    const ids = req.query.ids?.split(',');
    const items = (await listSeries(store.db, { dimension, ids })).filter((s) => !req.query.segment || inReportSegment(s, req.query.segment));
    return sendAs(reply, req.query.format, 'series', { items }, () => seriesTable(store, items));
  });

  api.get<{ Params: { id: string }; Querystring: { format?: string } }>('/series/:id', {
    schema: { operationId: 'getSeries', summary: 'One series with its points and their sources', tags: ['knowledge base'], params: { type: 'object', required: ['id'], properties: { id: { type: 'string', maxLength: 200 } } }, querystring: { type: 'object', additionalProperties: false, properties: { ...FORMAT_PROPERTY } }, response: responses(SERIES_RESPONSE, true) },
  }, async (req, reply) => {
    const [s] = await listSeries(store.db, { ids: [req.params.id] });
    if (!s) throw new ApiError(404, 'not_found', `no series "${req.params.id}"`);
    return sendAs(reply, req.query.format, s.id, s, () => seriesTable(store, [s]));
  });
}

async function seriesTable(store: Store, items: Awaited<ReturnType<typeof listSeries>>) {
  return {
    columns: ['series_id', 'title', 'measure', 'role', 'unit', 'period', 'value', 'qualifier', 'status', 'original', 'source', 'locator'],
    rows: items.flatMap((s) => s.points.map((p) => [
      s.id, s.title, s.dimensions.measure ?? null, pointRole(s, p), s.unit, p.period, p.value, p.qualifier, p.status, p.originalValue, p.sourceId, p.locator ?? s.locator,
    ])),
    meta: await tableMeta(store.db, items.length === 1 ? items[0]!.title : 'Series', items.flatMap((s) => [s.sourceId, ...s.points.map((p) => p.sourceId)]), null, [SERIES_ROLE_DEFINITION]),
  };
}
