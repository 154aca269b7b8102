/**
 * Response schemas of the API, from which the OpenAPI document is generated (the
 * contract test validates every route's real responses against that document).
 * Objects list their required fields; nested analytic parts stay open (additionalProperties).
 */
import { KIND_NAMES } from '../model/kinds.js';
import { STATEMENT_STATUSES } from '../model/statement.js';
import { ERROR_SCHEMA } from './errors.js';
import { MATCH_KINDS } from '../store/queries/entity-search.js';
import { WORLD_CHANGE_TYPES } from '../analytics/world-change-types.js';
import { CITED_VIEW_KINDS } from '../analytics/citation.js';
import { CSL_ITEMS_RESPONSE, CSV_METADATA_RESPONSE, ENTITY_CATALOG_RESPONSE } from './generated/response-schemas.js';

type S = Record<string, unknown>;
export const nullable = (type: string) => ({ type: [type, 'null'] });
export const str = { type: 'string' } as const;
export const int = { type: 'integer' } as const;
export const num = { type: 'number' } as const;
export const arr = (items: S): S => ({ type: 'array', items });
export function obj(required: string[], properties: S, open = false): S {
  return { type: 'object', required, properties, additionalProperties: open };
}

export const STATEMENT = obj(['id', 'value', 'originalValue', 'sourceId', 'locator', 'asOf', 'status', 'qualifier', 'note', 'origin', 'firstSeen', 'lastSeen'], {
  id: str, value: str, originalValue: nullable('string'), sourceId: str, locator: nullable('string'), asOf: nullable('string'),
  status: { type: 'string', enum: [...STATEMENT_STATUSES] }, qualifier: nullable('string'), note: nullable('string'), origin: str,
  firstSeen: str, lastSeen: str, valueCaption: nullable('string'),
  editors: { ...obj(['proposalId', 'proposer', 'approver', 'approvedAt'], { proposalId: int, proposer: str, approver: str, approvedAt: str }), description: 'for a statement written by an approved proposal: who proposed it and who approved it, and when' },
});

export const SOURCE = obj(['id', 'kind', 'title', 'url', 'publisher', 'published', 'licence', 'citation', 'partOf', 'referenceNumber'], {
  id: str, kind: str, title: str, url: nullable('string'), publisher: nullable('string'), published: nullable('string'),
  licence: nullable('string'), citation: nullable('string'), partOf: nullable('string'), referenceNumber: nullable('string'),
});

export const ENTITY_SUMMARY = obj(['id', 'kind', 'caption'], { id: str, kind: { type: 'string', enum: [...KIND_NAMES] }, caption: str, firstSeen: str });

export const ENTITY_PAGE = obj(['items', 'total', 'next'], { items: arr(ENTITY_SUMMARY), total: int, next: nullable('string') });

/** One result of /api/v1/search: the entity and why it matched. */
export const SEARCH_ITEM = obj(['id', 'kind', 'caption', 'match'], {
  id: str, kind: { type: 'string', enum: [...KIND_NAMES] }, caption: str,
  match: obj(['how', 'text', 'property', 'similarity'], {
    how: { type: 'string', enum: [...MATCH_KINDS], description: 'exact, prefix (the query begins the name or one of its words), substring, fuzzy (pg_trgm trigram similarity at least FUZZY_THRESHOLD), related (a relation of a name match), description (the text is in a description)' },
    text: { type: 'string', description: 'The name, alias or description excerpt that matched; for related, the name that matched on the entity named in via' },
    property: { type: 'string', description: 'name, alias or description; for related, the relation (operator, manufacturer, parent, family, partOf)' },
    similarity: { type: ['number', 'null'], description: 'Trigram similarity (0 to 1) of the normalized query and the matched name: the greater of pg_trgm similarity and word_similarity; null for related and description matches' },
    via: obj(['id', 'caption'], { id: str, caption: str }),
  }),
});

export const SEARCH_RESULT = obj(['query', 'normalized', 'items', 'total'], {
  query: str,
  normalized: { type: 'string', description: 'The query as compared: NFKC, tone marks removed, lower case, punctuation runs as one space' },
  items: arr(SEARCH_ITEM),
  total: { type: 'integer', description: 'Matches in all (items holds the first limit of them)' },
});

export const ENTITY_DETAIL = obj(['id', 'kind', 'caption', 'firstSeen', 'lastSeen', 'properties', 'sources', 'referencedBy'], {
  id: str, kind: str, caption: str, firstSeen: str, lastSeen: str,
  properties: arr(obj(['property', 'label', 'type', 'unit', 'multiple', 'preferred', 'statements', 'conflict'], {
    property: str, label: str, type: str, unit: { ...nullable('string'), description: 'The unit of the property\'s numbers (e.g. years, km); null when none' },
    multiple: { type: 'boolean' }, preferred: arr(STATEMENT), statements: arr(STATEMENT), conflict: { type: 'boolean' },
  })),
  sources: arr(SOURCE),
  referencedBy: arr(obj(['id', 'kind', 'caption', 'property'], { id: str, kind: str, caption: str, property: str })),
  catalog: { anyOf: [{ type: 'null' }, ENTITY_CATALOG_RESPONSE], description: 'For an entity with a NORAD number: its newest element set and its orbit history link' },
});

export const CSV = { type: 'string', description: 'CSV: a header row, then the rows (empty field for no value); its sources, licence and as-of date are in the metadata its Link rel="describedby" header points to, or in leading "#" lines with ?comments=1' } as const;

/** 200 as GeoJSON (RFC 7946, application/geo+json), and the one error shape for 4xx/5xx. */
export function geoJsonResponses(geojson: S): S {
  return { 200: { content: { 'application/geo+json': { schema: geojson } } }, '4xx': ERROR_SCHEMA, '5xx': ERROR_SCHEMA };
}

/** 200 as JSON (or CSV when the route takes ?format=csv), and the one error shape for 4xx/5xx. */
export function responses(json: S, withCsv = false): S {
  const ok = withCsv ? { content: { 'application/json': { schema: json }, 'text/csv': { schema: CSV }, 'application/csvm+json': { schema: CSV_METADATA_RESPONSE } } } : json;
  return { 200: ok, '4xx': ERROR_SCHEMA, '5xx': ERROR_SCHEMA };
}

/** A change in the world (/changes, the default view): src/analytics/world-change-types.ts. */
export const WORLD_CHANGE = obj(['id', 'type', 'date', 'day', 'precision', 'earliest', 'recordedAt', 'title', 'entityId', 'entityKind', 'entityName', 'country', 'property', 'value', 'previous', 'sourceId', 'locator'], {
  id: str, type: { type: 'string', enum: [...WORLD_CHANGE_TYPES] },
  date: { type: 'string', description: 'the world date as the source gives it (YYYY, YYYY-MM or YYYY-MM-DD; "~" circa)' },
  day: { type: 'string', description: 'the first day the world date covers: the order and the since/until filter' },
  precision: { type: 'string', enum: ['year', 'month', 'day'] },
  earliest: { type: ['string', 'null'], description: 'when the data place the event only within a window (a maneuver between two element sets, an object that left the catalog between two snapshots): the window\'s first day (YYYY-MM-DD), `date` being its last; null when `date` is the event\'s own date' },
  recordedAt: { type: 'string', description: 'when this store first recorded the fact (ISO 8601 UTC)' },
  title: str, entityId: nullable('string'), entityKind: nullable('string'), entityName: nullable('string'),
  country: { type: ['string', 'null'], description: 'launching state (launches) or SATCAT owner, as a country key' },
  property: nullable('string'), value: nullable('string'),
  previous: { anyOf: [{ type: 'null' }, obj(['value', 'date', 'sourceId', 'locator'], { value: str, date: nullable('string'), sourceId: str, locator: nullable('string') })] },
  sourceId: str, locator: nullable('string'),
});

/** A record the store added, updated or removed (/changes?view=records). */
export const CHANGE_RECORD = obj(['id', 'at', 'action', 'subject', 'subjectId', 'entityId', 'entityKind', 'entityName', 'property', 'value', 'sourceId', 'origin'], {
  id: int, at: str, action: str, subject: str, subjectId: str, entityId: nullable('string'), entityKind: nullable('string'),
  entityName: nullable('string'), property: nullable('string'), value: nullable('string'), sourceId: nullable('string'), origin: str,
});

const NEXT = { type: ['string', 'null'], description: 'the cursor of the next page (also in the Link rel="next" header), null on the last page' };
/** A page of the change feed: the world view (default) or the record audit (view=records). */
export const CHANGE_PAGE = {
  anyOf: [
    obj(['view', 'items', 'next', 'gaps', 'definition', 'types'], {
      view: { type: 'string', const: 'world' }, items: arr(WORLD_CHANGE), next: NEXT,
      gaps: { type: 'array', items: str, description: 'what this page cannot show: a feed that ends before the window does (after the launch log ends only failed launches are known), a feed not stored, a filter that leaves a family of changes out' },
      definition: { type: 'string', description: 'how the world date and the recorded time are used' },
      types: { type: 'object', additionalProperties: { type: 'string' }, description: 'the definition of each change type' },
    }),
    obj(['view', 'items', 'next'], { view: { type: 'string', const: 'records' }, items: arr(CHANGE_RECORD), next: NEXT }),
  ],
};

const CELL_VALUE = obj(['value', 'text', 'sources', 'status', 'qualifier', 'conflict'], {
  value: str, text: str, status: str, qualifier: nullable('string'), conflict: { type: 'boolean' },
  sources: arr(obj(['id', 'locator'], { id: str, locator: nullable('string') })),
});

/** A kind's table view: chosen columns (with definitions), rows of cited cells in order, facet counts over the filtered rows. */
export const TABLE_VIEW = obj(['kind', 'columns', 'availableColumns', 'rows', 'facets', 'total', 'totalUnfiltered', 'query', 'definitions'], {
  kind: { type: 'string', enum: [...KIND_NAMES] },
  columns: arr(obj(['id', 'label', 'type', 'doc', 'values'], { id: str, label: str, type: str, doc: nullable('string'), values: { type: ['array', 'null'], items: str } })),
  availableColumns: arr(obj(['id', 'label', 'facet'], { id: str, label: str, facet: { type: 'boolean' } })),
  rows: arr(obj(['id', 'name', 'cells'], { id: str, name: str, cells: { type: 'object', additionalProperties: arr(CELL_VALUE) } })),
  facets: arr(obj(['column', 'label', 'values', 'missing'], { column: str, label: str, missing: int, values: arr(obj(['value', 'text', 'count'], { value: str, text: str, count: int })) })),
  total: int, totalUnfiltered: int,
  query: obj(['filters', 'q', 'sort', 'columns', 'facets'], {
    filters: { type: 'object', additionalProperties: str }, q: nullable('string'), sort: str, columns: arr(str), facets: arr(str),
  }),
  definitions: arr(str),
});

const CITED_SOURCE = obj(['id', 'title', 'locators', 'references'], {
  id: str, title: str, publisher: nullable('string'), published: nullable('string'), url: nullable('string'), citation: nullable('string'),
  locators: arr(str), references: arr(obj(['number', 'url'], { number: str, url: nullable('string') })),
});
/** GET /cite: CSL-JSON items (src/analytics/citation-csl.ts; checked in full against the CSL schema by the tests), and the json format's body. */
export const CSL_ITEMS: S = CSL_ITEMS_RESPONSE;
export const CITATION_JSON = obj(['key', 'accessed', 'view', 'text', 'bibtex', 'csl'], {
  key: str, accessed: str, text: str, bibtex: str, csl: CSL_ITEMS,
  view: obj(['kind', 'id', 'title', 'permalink', 'asOf', 'asOfBasis', 'sources', 'moreSources'], {
    kind: { type: 'string', enum: [...CITED_VIEW_KINDS] }, id: str, title: str, permalink: str, asOf: nullable('string'), asOfBasis: str,
    sources: arr(CITED_SOURCE), moreSources: { type: 'integer' },
  }),
});
