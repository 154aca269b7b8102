/**
 * Response schemas of the API, from which the OpenAPI document is generated (the
 * contract test validates every route's real responses against that document).
 * Objects list their required fields; nested analytic parts stay open (additionalProperties).
 */
import { KIND_NAMES } from '../model/kinds.js';
import { STATEMENT_STATUSES } from '../model/statement.js';
import { ERROR_SCHEMA } from './errors.js';
import { CITED_VIEW_KINDS } from '../analytics/citation.js';

type S = Record<string, unknown>;
export const nullable = (type: string) => ({ type: [type, 'null'] });
export const str = { type: 'string' } as const;
export const int = { type: 'integer' } as const;
export const num = { type: 'number' } as const;
export const arr = (items: S): S => ({ type: 'array', items });
export function obj(required: string[], properties: S, open = false): S {
  return { type: 'object', required, properties, additionalProperties: open };
}

export const STATEMENT = obj(['id', 'value', 'sourceId', 'status'], {
  id: str, value: str, originalValue: nullable('string'), sourceId: str, locator: nullable('string'), asOf: nullable('string'),
  status: { type: 'string', enum: [...STATEMENT_STATUSES] }, qualifier: nullable('string'), note: nullable('string'), origin: str,
  firstSeen: str, lastSeen: str, valueCaption: nullable('string'),
});

export const SOURCE = obj(['id', 'kind', 'title'], {
  id: str, kind: str, title: str, url: nullable('string'), publisher: nullable('string'), published: nullable('string'),
  licence: nullable('string'), citation: nullable('string'), partOf: nullable('string'), referenceNumber: nullable('string'),
});

export const ENTITY_SUMMARY = obj(['id', 'kind', 'caption'], { id: str, kind: { type: 'string', enum: [...KIND_NAMES] }, caption: str, firstSeen: str });

export const ENTITY_PAGE = obj(['items', 'total', 'next'], { items: arr(ENTITY_SUMMARY), total: int, next: nullable('string') });

export const ENTITY_DETAIL = obj(['id', 'kind', 'caption', 'properties', 'sources', 'referencedBy'], {
  id: str, kind: str, caption: str, firstSeen: str, lastSeen: str,
  properties: arr(obj(['property', 'label', 'type', 'multiple', 'preferred', 'statements', 'conflict'], {
    property: str, label: str, type: str, multiple: { type: 'boolean' }, preferred: arr(STATEMENT), statements: arr(STATEMENT), conflict: { type: 'boolean' },
  })),
  sources: arr(SOURCE),
  referencedBy: arr(obj(['id', 'kind', 'caption', 'property'], { id: str, kind: str, caption: str, property: str })),
  catalog: {
    type: ['object', 'null'], additionalProperties: false,
    required: ['noradId', 'noradSource', 'cosparId', 'latest', 'elementSetCount', 'history', 'definition'],
    properties: {
      noradId: int, noradSource: { type: 'object', additionalProperties: true }, cosparId: nullable('string'),
      latest: { type: ['object', 'null'], additionalProperties: true }, elementSetCount: int, history: nullable('string'), definition: str,
    },
  },
});

/** An analytic: its declared top-level fields are required; their contents stay open. */
export const analytic = (required: string[]): S => obj(required, Object.fromEntries(required.map((k) => [k, {}])), true);

export const CSV = { type: 'string', description: 'CSV with "#" comment lines naming sources, licence and as-of date' } as const;

/** 200 as JSON (or CSV when the route takes ?format=csv), and the one error shape for 4xx/5xx. */
export function responses(json: S, withCsv = false): S {
  const ok = withCsv ? { content: { 'application/json': { schema: json }, 'text/csv': { schema: CSV } } } : json;
  return { 200: ok, '4xx': ERROR_SCHEMA, '5xx': ERROR_SCHEMA };
}

const CITED_SOURCE = obj(['id', 'title', 'locators', 'references'], {
  id: str, title: str, publisher: nullable('string'), published: nullable('string'), url: nullable('string'), citation: nullable('string'),
  locators: arr(str), references: arr(obj(['number', 'url'], { number: str, url: nullable('string') })),
});
/** GET /cite: CSL-JSON items (checked in full against the CSL schema by the tests), and the json format's body. */
export const CSL_ITEMS = arr({ type: 'object', required: ['id', 'type', 'title', 'URL'], additionalProperties: true });
export const CITATION_JSON = obj(['key', 'accessed', 'view', 'text', 'bibtex', 'csl'], {
  key: str, accessed: str, text: str, bibtex: str, csl: CSL_ITEMS,
  view: obj(['kind', 'id', 'title', 'permalink', 'asOf', 'asOfBasis', 'sources', 'moreSources'], {
    kind: { type: 'string', enum: [...CITED_VIEW_KINDS] }, id: str, title: str, permalink: str, asOf: nullable('string'), asOfBasis: str,
    sources: arr(CITED_SOURCE), moreSources: { type: 'integer' },
  }),
});
