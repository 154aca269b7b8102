/** The parameters of /changes and /changes.atom: the world view (default) and the record audit (view=records). */
import { KIND_NAMES } from '../model/kinds.js';
import { SEGMENT_IDS } from '../model/segments.js';
import { WORLD_CHANGE_TYPES, type WorldChangeType, type WorldCursor, type WorldOrder } from '../analytics/world-change-types.js';
import { decodeCursor } from '../analytics/world-change-paging.js';
import { DATE_OR_DATE_TIME, utcBound } from './date-parameters.js';
import { COUNTRY_PARAMETER } from './country-parameter.js';
import { ApiError } from './errors.js';

export const CHANGE_PARAMETERS = {
  view: { type: 'string', enum: ['world', 'records'], default: 'world', description: 'world (default): changes in the world, by world date; records: the record audit, every record the store added, updated or removed, by load time' },
  since: { ...DATE_OR_DATE_TIME, description: `${DATE_OR_DATE_TIME.description}; world view: the world date's first day is on or after this day (a date-time counts as its UTC day); records: load time` },
  until: { ...DATE_OR_DATE_TIME, description: `${DATE_OR_DATE_TIME.description}; exclusive; world view: compared as days like since` },
  type: { type: 'string', enum: [...WORLD_CHANGE_TYPES], description: 'world view only: one change type (definitions in the response)' },
  subject: { type: 'string', enum: ['entity', 'statement', 'source', 'series', 'series-point', 'launch', 'catalog-object'], description: 'view=records only: the kind of record' },
  kind: { type: 'string', enum: [...KIND_NAMES], description: 'entity kind; in the world view this leaves out catalog changes (launch, reached-orbit, decay), which concern no curated entity' },
  segment: { type: 'string', enum: [...SEGMENT_IDS], description: 'report segment of the entity; leaves out catalog changes, like kind' },
  country: { ...COUNTRY_PARAMETER, description: `${COUNTRY_PARAMETER.description}. Curated changes: the entity concerns the country; launches: GCAT's launching state (LVState, the launching agency's state); SATCAT changes: the owner` },
  entity: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9.-]+$', description: 'one entity id; leaves out catalog changes, like kind' },
  order: { type: 'string', enum: ['newest', 'oldest'], description: 'world view only: newest world date first (default) or oldest first' },
  limit: { type: 'integer', minimum: 1, maximum: 1000, default: 200 },
  cursor: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,600}$', description: 'the `next` value of the previous page (also in the Link header of CSV and JSON, and the rel="next" link of Atom)' },
} as const;

export interface ChangeQuery {
  view: 'world' | 'records'; since?: string; until?: string; type?: WorldChangeType; subject?: string; kind?: string; segment?: string;
  country?: string; entity?: string; order?: WorldOrder; limit: number; cursor?: string; format?: string;
}

const invalid = (field: string, reason: string) => new ApiError(400, 'invalid_request', `invalid querystring.${field}`, [{ field: `querystring.${field}`, reason }]);

/** The world view's window: days, and the decoded cursor (a 400 for a parameter of the other view or a foreign cursor). */
export function worldParameters(q: ChangeQuery): { since?: string; until?: string; after?: WorldCursor; order: WorldOrder } {
  if (q.subject) throw invalid('subject', 'subject applies to view=records; the world view filters by type');
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor) ?? undefined;
  if (q.cursor !== undefined && !after) throw invalid('cursor', 'not a cursor of the world view (use the next value of a world page)');
  return {
    since: utcBound('querystring.since', q.since)?.slice(0, 10), until: utcBound('querystring.until', q.until)?.slice(0, 10),
    after, order: q.order ?? 'newest',
  };
}

/** The record audit's window (a 400 for a world-view parameter or a world cursor). */
export function recordParameters(q: ChangeQuery): { since?: string; until?: string; afterId?: number } {
  if (q.type) throw invalid('type', 'type applies to the world view; the record audit filters by subject');
  if (q.order) throw invalid('order', 'the record audit is in load order (oldest first)');
  if (q.cursor !== undefined && !/^\d{1,15}$/.test(q.cursor)) throw invalid('cursor', 'not a cursor of view=records (use the next value of a records page)');
  return { since: utcBound('querystring.since', q.since), until: utcBound('querystring.until', q.until), afterId: q.cursor === undefined ? undefined : Number(q.cursor) };
}
