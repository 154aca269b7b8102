/**
 * The entity list behind /api/v1/entities: filters by kind, segment, country, hub and
 * text; sorts; pages with an opaque keyset cursor (offset-based only for relevance).
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { concernsCountry, hasStatement } from './statement-filters.js';

export const ENTITY_SORTS = ['name', '-name', 'kind', 'recent', 'relevance'] as const;
export type EntitySort = (typeof ENTITY_SORTS)[number];

export interface EntityListParams {
  kinds?: string[];
  segment?: string;
  /** ISO alpha-2: entities with that country, nationality, owner country, or a party/partner that is that country. */
  country?: string;
  hub?: string;
  q?: string;
  sort?: EntitySort;
  limit: number;
  cursor?: string;
}

export interface EntityListItem { id: string; kind: string; caption: string; firstSeen: string }
export interface EntityListPage { items: EntityListItem[]; total: number; next: string | null }

export class CursorError extends Error {}

interface Cursor { s: EntitySort; v?: string[]; o?: number }

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

/** A cursor's shape: a known sort, text keys without NUL, or an offset that is a whole number below MAX_OFFSET. */
const MAX_OFFSET = 1_000_000;
function isCursor(c: unknown): c is Cursor {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return false;
  const { s, v, o } = c as Record<string, unknown>;
  return typeof s === 'string' && (ENTITY_SORTS as readonly string[]).includes(s)
    && (v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string' && !x.includes('\u0000'))))
    && (o === undefined || (Number.isSafeInteger(o) && (o as number) >= 0 && (o as number) <= MAX_OFFSET));
}

function decode(raw: string, sort: EntitySort): Cursor {
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    c = null;
  }
  if (!isCursor(c)) throw new CursorError('cursor is not one this API issued');
  if (c.s !== sort) throw new CursorError(`cursor was issued for sort=${c.s}, not sort=${sort}`);
  return c;
}

type Q = SelectQueryBuilder<Database, 'entities', object>;

function filtered(db: Kysely<Database>, p: EntityListParams): Q {
  let q = db.selectFrom('entities') as unknown as Q;
  if (p.kinds?.length) q = q.where('kind', 'in', p.kinds);
  if (p.segment) q = q.where(hasStatement('entities.id', ['segment'], p.segment));
  if (p.hub) q = q.where(hasStatement('entities.id', ['hub'], p.hub));
  if (p.country) q = q.where(concernsCountry('entities.id', p.country));
  const text = p.q?.trim();
  if (text) {
    const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([sql<boolean>`search_doc @@ websearch_to_tsquery('simple', ${text})`, sql<boolean>`lower(search_text) like ${like}`]));
  }
  return q;
}

const KEYS: Record<Exclude<EntitySort, 'relevance'>, { cols: string[]; desc: boolean }> = {
  name: { cols: ['caption', 'id'], desc: false },
  '-name': { cols: ['caption', 'id'], desc: true },
  kind: { cols: ['kind', 'caption', 'id'], desc: false },
  recent: { cols: ['first_seen', 'id'], desc: true },
};

export async function listEntityPage(db: Kysely<Database>, p: EntityListParams): Promise<EntityListPage> {
  const sort: EntitySort = p.sort ?? (p.q ? 'relevance' : 'name');
  const base = filtered(db, p);
  const total = (await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow() as { n: number }).n;
  const cursor = p.cursor ? decode(p.cursor, sort) : null;
  let q = base.select(['id', 'kind', 'caption', 'first_seen']);
  if (sort === 'relevance') {
    const text = p.q?.trim() ?? '';
    q = q.orderBy(sql`(lower(caption) = lower(${text})) desc`).orderBy(sql`ts_rank(search_doc, websearch_to_tsquery('simple', ${text})) desc`).orderBy('caption').orderBy('id');
    const offset = cursor?.o ?? 0;
    const rows = await q.limit(p.limit + 1).offset(offset).execute() as Row[];
    return page(rows, p.limit, () => encode({ s: sort, o: offset + p.limit }), total);
  }
  const key = KEYS[sort];
  if (cursor?.v) {
    if (cursor.v.length !== key.cols.length) throw new CursorError('cursor does not match the sort');
    const cols = sql.join(key.cols.map((c) => sql.ref(c)));
    const vals = sql.join(cursor.v.map((v) => sql`${v}`));
    q = q.where(key.desc ? sql<boolean>`(${cols}) < (${vals})` : sql<boolean>`(${cols}) > (${vals})`);
  }
  for (const c of key.cols) q = q.orderBy(sql.ref(c), key.desc ? 'desc' : 'asc');
  const rows = await q.limit(p.limit + 1).execute() as Row[];
  return page(rows, p.limit, (last) => encode({ s: sort, v: key.cols.map((c) => last[c as keyof Row]) }), total);
}

type Row = { id: string; kind: string; caption: string; first_seen: string };

function page(rows: Row[], limit: number, nextOf: (last: Row) => string, total: number): EntityListPage {
  const items = rows.slice(0, limit);
  return {
    items: items.map((r) => ({ id: r.id, kind: r.kind, caption: r.caption, firstSeen: r.first_seen })),
    total,
    next: rows.length > limit ? nextOf(items.at(-1)!) : null,
  };
}
