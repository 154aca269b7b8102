/**
 * The search behind /api/v1/search: names and aliases (entity_names, see search-index.ts) matched
 * exactly, by prefix, by substring and by trigram similarity (pg_trgm, for misspellings), then
 * descriptions by substring, then the entities the name matches point to through a relation
 * (operator, manufacturer, parent, family, part of). Every result says why it matched.
 *
 * Substring matching (strpos on the normalized text) is what finds Chinese names: it does not
 * depend on how pg_trgm splits CJK text under the database's locale.
 */
import { sql, type Kysely } from 'kysely';
import { normalizeSearch } from '../../model/search-normal.js';
import type { Database } from '../schema.js';

/** Why a result matched, strongest first. */
export const MATCH_KINDS = ['exact', 'prefix', 'substring', 'fuzzy', 'related', 'description'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Relations followed from a name match to the entity it names (a constellation's operator, a vehicle's maker). */
export const RELATED_PROPERTIES = ['operator', 'manufacturer', 'parent', 'family', 'partOf'] as const;

/** Lowest trigram similarity (pg_trgm similarity or word_similarity of the query in the name) a fuzzy match needs. */
export const FUZZY_THRESHOLD = 0.45;
/** Name matches whose relations are followed. */
const RELATED_FROM = 10;

export interface SearchParams { q: string; kinds?: string[]; limit: number }

export interface SearchMatch {
  how: MatchKind;
  /** The name, alias or description text that matched (for related: the matched entity's name). */
  text: string;
  /** The property that text is: name, alias or description (for related: the relation). */
  property: string;
  /** Trigram similarity of the query and the matched text, 0 to 1 (null for description and related). */
  similarity: number | null;
  /** For related: the entity that matched by name and points to this one. */
  via?: { id: string; caption: string };
}

export interface SearchItem { id: string; kind: string; caption: string; match: SearchMatch }
export interface SearchResult { query: string; normalized: string; items: SearchItem[]; total: number }

/** sim: pg_trgm similarity of the whole name; word: word_similarity of the query in the name (a misspelled word of a longer name). */
interface NameRow { entity_id: string; kind: string; caption: string; property: string; name: string; tier: number; sim: number; word: number }

const TIER_KIND: MatchKind[] = ['exact', 'prefix', 'substring', 'fuzzy'];

async function nameMatches(db: Kysely<Database>, norm: string, kinds: string[] | undefined): Promise<NameRow[]> {
  const kindFilter = kinds?.length ? sql`and e.kind in (${sql.join(kinds)})` : sql``;
  const res = await sql<NameRow>`
    select distinct on (n.entity_id) n.entity_id, e.kind, e.caption, n.property, n.name,
      case when n.norm = ${norm} then 0
           when starts_with(n.norm, ${norm}) or strpos(n.norm, ${` ${norm}`}) > 0 then 1
           when strpos(n.norm, ${norm}) > 0 then 2 else 3 end as tier,
      similarity(n.norm, ${norm})::float8 as sim, word_similarity(${norm}, n.norm)::float8 as word
    from entity_names n join entities e on e.id = n.entity_id
    where (strpos(n.norm, ${norm}) > 0 or n.norm % ${norm} or ${norm} <% n.norm) ${kindFilter}
    order by n.entity_id, tier, sim desc, n.property desc, n.name`.execute(db);
  return res.rows.filter((r) => r.tier < 3 || Math.max(r.sim, r.word) >= FUZZY_THRESHOLD)
    .sort((a, b) => a.tier - b.tier || b.sim - a.sim || b.word - a.word || a.caption.localeCompare(b.caption) || a.entity_id.localeCompare(b.entity_id));
}

async function descriptionMatches(db: Kysely<Database>, q: string, exclude: Set<string>, kinds: string[] | undefined) {
  const lower = q.toLowerCase();
  let query = db.selectFrom('statements as s').innerJoin('entities as e', 'e.id', 's.entity_id')
    .select(['s.entity_id', 'e.kind', 'e.caption', 's.value'])
    .where('s.property', '=', 'description').where(sql<boolean>`strpos(lower(s.value), ${lower}) > 0`)
    .orderBy('e.caption').orderBy('s.entity_id').orderBy('s.value');
  if (kinds?.length) query = query.where('e.kind', 'in', kinds);
  const rows = await query.execute();
  const out = new Map<string, SearchItem>();
  for (const r of rows) {
    if (exclude.has(r.entity_id) || out.has(r.entity_id)) continue;
    out.set(r.entity_id, { id: r.entity_id, kind: r.kind, caption: r.caption, match: { how: 'description', text: excerpt(r.value, lower), property: 'description', similarity: null } });
  }
  return [...out.values()];
}

/** Up to 60 characters either side of the first hit. */
function excerpt(text: string, lower: string): string {
  const at = text.toLowerCase().indexOf(lower);
  const from = Math.max(0, at - 60);
  const to = Math.min(text.length, at + lower.length + 60);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

async function relatedMatches(db: Kysely<Database>, hits: NameRow[], exclude: Set<string>, kinds: string[] | undefined) {
  if (!hits.length) return [];
  const from = new Map(hits.map((h) => [h.entity_id, h]));
  let query = db.selectFrom('statements as s').innerJoin('entities as e', 'e.id', 's.value')
    .select(['s.entity_id', 's.property', 's.value', 'e.kind', 'e.caption'])
    .where('s.entity_id', 'in', [...from.keys()]).where('s.property', 'in', [...RELATED_PROPERTIES])
    .orderBy('s.entity_id').orderBy('s.property').orderBy('s.value');
  if (kinds?.length) query = query.where('e.kind', 'in', kinds);
  const rows = await query.execute();
  const order = [...from.keys()];
  rows.sort((a, b) => order.indexOf(a.entity_id) - order.indexOf(b.entity_id));
  const out = new Map<string, SearchItem>();
  for (const r of rows) {
    if (exclude.has(r.value) || out.has(r.value)) continue;
    const hit = from.get(r.entity_id)!;
    out.set(r.value, { id: r.value, kind: r.kind, caption: r.caption, match: { how: 'related', text: hit.name, property: r.property, similarity: null, via: { id: hit.entity_id, caption: hit.caption } } });
  }
  return [...out.values()];
}

export async function searchEntities(db: Kysely<Database>, p: SearchParams): Promise<SearchResult> {
  const query = p.q.trim();
  const norm = normalizeSearch(query);
  if (!norm) return { query, normalized: norm, items: [], total: 0 };
  const names = await nameMatches(db, norm, p.kinds);
  const items: SearchItem[] = names.map((r) => ({
    id: r.entity_id, kind: r.kind, caption: r.caption,
    match: { how: TIER_KIND[r.tier]!, text: r.name, property: r.property, similarity: Math.round(Math.max(r.sim, r.word) * 1000) / 1000 },
  }));
  const found = new Set(items.map((i) => i.id));
  const related = await relatedMatches(db, names.slice(0, RELATED_FROM), found, p.kinds);
  for (const r of related) found.add(r.id);
  const described = await descriptionMatches(db, query, found, p.kinds);
  const all = [...items, ...related, ...described];
  return { query, normalized: norm, items: all.slice(0, p.limit), total: all.length };
}
