/**
 * Response schemas of the API, from which the OpenAPI document is generated (the
 * contract test validates every route's real responses against that document).
 * Objects list their required fields; nested analytic parts stay open (additionalProperties).
 */
import { KIND_NAMES } from '../model/kinds.js';
import { STATEMENT_STATUSES } from '../model/statement.js';
import { ERROR_SCHEMA } from './errors.js';

type S = Record<string, unknown>;
const nullable = (type: string) => ({ type: [type, 'null'] });
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

export const CSV = { type: 'string', description: 'CSV: a header row, then the rows (empty field for no value); its sources, licence and as-of date are in the metadata its Link rel="describedby" header points to, or in leading "#" lines with ?comments=1' } as const;

/** The CSVW metadata document of a CSV (?format=csv-metadata). */
export const CSV_METADATA = {
  type: 'object', required: ['@context', 'url', 'dc:title', 'dc:source', 'dc:license', 'dc:date', 'tableSchema'], additionalProperties: true,
  properties: {
    '@context': { const: 'http://www.w3.org/ns/csvw' }, url: { type: 'string' }, 'dc:title': { type: 'string' },
    'dc:source': { type: 'array', items: { type: 'string' } }, 'dc:license': { type: 'string' }, 'dc:date': { type: ['string', 'null'], description: 'the as-of date of the data' },
    'rdfs:comment': { type: 'array', items: { type: 'string' } }, tableSchema: { type: 'object' },
  },
} as const;

/** 200 as JSON (or CSV when the route takes ?format=csv), and the one error shape for 4xx/5xx. */
export function responses(json: S, withCsv = false): S {
  const ok = withCsv ? { content: { 'application/json': { schema: json }, 'text/csv': { schema: CSV }, 'application/csvm+json': { schema: CSV_METADATA } } } : json;
  return { 200: ok, '4xx': ERROR_SCHEMA, '5xx': ERROR_SCHEMA };
}
