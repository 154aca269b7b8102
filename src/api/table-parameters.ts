/**
 * The table route's query parameters, checked against the kind's declared view: every column,
 * facet, sort and filter must be one the kind offers, and a filter on a closed list must name
 * one of its values. Anything else is a 400 listing each bad parameter.
 */
import type { KindName } from '../model/kinds.js';
import { ALL_FACET_COLUMNS, TABLE_VIEWS, columnInfo } from '../model/table-views.js';
import type { TableViewParams } from '../analytics/table-view.js';
import { ApiError } from './errors.js';
import { FORMAT_PROPERTY } from './respond.js';

const LIST = '^[A-Za-z]+(,[A-Za-z]+){0,49}$';
const FILTER_VALUE = { type: 'string', minLength: 1, maxLength: 200 } as const;

export const TABLE_QUERY = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 200, description: 'keep rows whose name, id or any column contains this text (case-insensitive)' },
    sort: { type: 'string', pattern: '^-?[A-Za-z]+$', maxLength: 60, default: 'name', description: 'name or a column id; a leading "-" sorts descending' },
    columns: { type: 'string', pattern: LIST, maxLength: 1000, description: 'the columns to show, comma-separated (default: the kind\'s default columns)' },
    facet: { type: 'string', pattern: `(${LIST})|^$`, maxLength: 1000, description: 'the facets to count, comma-separated (default: every facet of the kind; empty for none)' },
    ...Object.fromEntries(ALL_FACET_COLUMNS.map((c) => [c, { ...FILTER_VALUE, description: `keep rows with this ${c} value (where the kind has a ${c} facet)` }])),
    layout: {
      type: 'string', enum: ['wide', 'long'], default: 'wide',
      description: 'the CSV\'s shape: wide (one row per entity, each column followed by its _qualifier, _status, _source and _conflict fields) '
        + 'or long (one row per cell value and source: id, name, column, value_index, value, qualifier, status, conflict, source, locator); the JSON is the same for both',
    },
    ...FORMAT_PROPERTY,
  },
} as const;

export type TableQuery = { q?: string; sort: string; columns?: string; facet?: string; format?: string; layout?: 'wide' | 'long' } & Record<string, string | undefined>;

type Detail = { field: string; reason: string };

export function tableParams(kind: KindName, query: TableQuery): TableViewParams {
  const view = TABLE_VIEWS[kind];
  const details: Detail[] = [];
  const list = (raw: string | undefined, fallback: readonly string[], allowed: readonly string[], field: string, what: string) => {
    if (raw === undefined) return [...fallback];
    const items = raw === '' ? [] : [...new Set(raw.split(','))];
    for (const i of items) if (!allowed.includes(i)) details.push({ field: `querystring.${field}`, reason: `"${i}" is not a ${what} of ${kind} (one of: ${allowed.join(', ')})` });
    return items;
  };
  const columns = list(query.columns, view.defaultColumns, view.columns, 'columns', 'column');
  const facets = list(query.facet, view.facets, view.facets, 'facet', 'facet');
  const sortColumn = query.sort.replace(/^-/, '');
  if (sortColumn !== 'name' && !view.columns.includes(sortColumn)) {
    details.push({ field: 'querystring.sort', reason: `"${sortColumn}" is not a column of ${kind} (name or one of: ${view.columns.join(', ')})` });
  }
  const filters: Record<string, string> = {};
  for (const c of ALL_FACET_COLUMNS) {
    const value = query[c];
    if (value === undefined) continue;
    if (!view.facets.includes(c)) { details.push({ field: `querystring.${c}`, reason: `${kind} has no facet "${c}" (its facets: ${view.facets.join(', ')})` }); continue; }
    const allowed = columnInfo(kind, c).values;
    if (allowed && !allowed.includes(value)) details.push({ field: `querystring.${c}`, reason: `"${value}" is not a value of ${c} (one of: ${allowed.join(', ')})` });
    filters[c] = value;
  }
  if (details.length) throw new ApiError(400, 'invalid_request', `invalid ${details.map((d) => d.field).join(', ')}`, details);
  return { filters, q: query.q, sort: query.sort, columns, facets };
}
