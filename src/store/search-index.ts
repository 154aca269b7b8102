/**
 * The search indexes of entities, one definition for every load and import:
 * - the full-text index: id, names, aliases (including Chinese names) and descriptions;
 * - the name index (entity_names): every name and alias with its normalized form
 *   (src/model/search-normal.ts), which the name search matches exactly, by prefix, by
 *   substring and by trigram similarity (pg_trgm).
 */
import { sql, type Kysely } from 'kysely';
import { normalizeSearch } from '../model/search-normal.js';
import type { Database } from './schema.js';

/** The properties whose values are an entity's names. */
export const NAME_PROPERTIES = ['name', 'alias'] as const;

const BATCH = 500;

/** Recomputes every entity's search text from its id, names, aliases and descriptions, and its name index. */
export async function refreshSearch(db: Kysely<Database>): Promise<void> {
  await sql`
    update entities e set search_text = e.id || coalesce(' \n ' || (
      select string_agg(s.value, ' \n ' order by s.property, s.id) from statements s
      where s.entity_id = e.id and s.property in ('name', 'alias', 'description')), '')`.execute(db);
  await sql`update entities set search_doc = to_tsvector('simple', search_text)`.execute(db);
  await refreshNames(db);
}

async function refreshNames(db: Kysely<Database>): Promise<void> {
  const names = await db.selectFrom('statements').select(['entity_id', 'property', 'value'])
    .where('property', 'in', [...NAME_PROPERTIES]).orderBy('entity_id').orderBy('property').orderBy('value').execute();
  const seen = new Set<string>();
  const rows: Database['entity_names'][] = [];
  for (const n of names) {
    const norm = normalizeSearch(n.value);
    const key = `${n.entity_id}\u0000${n.property}\u0000${n.value}`;
    if (!norm || seen.has(key)) continue;
    seen.add(key);
    rows.push({ entity_id: n.entity_id, property: n.property, name: n.value, norm });
  }
  await db.deleteFrom('entity_names').execute();
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto('entity_names').values(rows.slice(i, i + BATCH)).execute();
}
