/** /tables/{kind}: one kind as a table an analyst can facet, filter, sort and download (JSON or CSV of exactly the view). */
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/open-store.js';
import type { AnalyticsRunner } from '../../services/analytics-runner.js';
import { KIND_NAMES, KINDS, type KindName } from '../../model/kinds.js';
import { TABLE_VIEWS, columnInfo } from '../../model/table-views.js';
import {
  CSV_COLUMNS_DEFINITION, FACET_DEFINITION, LONG_CSV_DEFINITION, SORT_DEFINITION, TEXT_FILTER_DEFINITION, tableViewCsv, tableViewLongCsv,
} from '../../analytics/table-view.js';
import { TABLE_QUERY, tableParams, type TableQuery } from '../table-parameters.js';
import { sendAs, tableMeta } from '../respond.js';
import { TABLE_VIEW, responses } from '../schemas.js';

/** The view is computed in the analytics worker, over the kind's rows it keeps (precomputed at start). */
export function registerTableRoutes(api: FastifyInstance, store: Store, analytics: AnalyticsRunner): void {
  api.get<{ Params: { kind: KindName }; Querystring: TableQuery }>('/tables/:kind', {
    schema: { operationId: 'getEntityTable',
      summary: 'One kind of entity as a table: facet filters (?<facet>=value), text filter (q), sort (any column, "-" for descending), column choice (columns), '
        + 'facet counts over the filtered rows (facet); every cell value keeps its sources; format=csv gives exactly the same rows, columns and order, '
        + 'each column followed by its _qualifier, _status, _source and _conflict columns (each value\'s qualifier, empty when it has none, its statement status, the sources, and whether the values are disagreeing alternatives); '
        + 'layout=long gives one CSV row per cell value and source instead',
      tags: ['knowledge base'],
      params: { type: 'object', required: ['kind'], properties: { kind: { type: 'string', enum: [...KIND_NAMES] } } },
      querystring: TABLE_QUERY,
      response: responses(TABLE_VIEW, true),
    },
  }, async (req, reply) => {
    const { kind } = req.params;
    const params = tableParams(kind, req.query);
    const t = await analytics.run('entityTable', { kind, params });
    const view = TABLE_VIEWS[kind];
    const definitions = [TEXT_FILTER_DEFINITION, SORT_DEFINITION, FACET_DEFINITION, ...t.columns.filter((c) => c.doc).map((c) => `${c.label}: ${c.doc}`)];
    const json = {
      ...t,
      availableColumns: view.columns.map((c) => ({ id: c, label: columnInfo(kind, c).label, facet: view.facets.includes(c) })),
      query: { filters: params.filters, q: params.q ?? null, sort: params.sort, columns: [...params.columns], facets: [...params.facets] },
      definitions,
    };
    const long = req.query.layout === 'long';
    return sendAs(reply, req.query.format, `${KINDS[kind].plural.toLowerCase().replace(/\s+/g, '-')}-${long ? 'values' : 'table'}`, json, async () => {
      const csv = long ? tableViewLongCsv(t) : tableViewCsv(t);
      const filters = Object.entries(params.filters).map(([k, v]) => `${k}=${v}`);
      const title = `${KINDS[kind].plural}: ${t.total} of ${t.totalUnfiltered}${filters.length || params.q ? ` (filtered: ${[...filters, ...(params.q ? [`q=${params.q}`] : [])].join(', ')})` : ''}, sorted by ${params.sort}`;
      const sourceIds = t.rows.flatMap((r) => Object.values(r.cells).flat().flatMap((v) => v.sources.map((s) => s.id)));
      return { ...csv, meta: await tableMeta(store.db, title, sourceIds, null, [...definitions, long ? LONG_CSV_DEFINITION : CSV_COLUMNS_DEFINITION]) };
    });
  });
}
