/** The full-text index of entities: id, names, aliases (including Chinese names) and descriptions, one definition for every load and import. */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/** Recomputes every entity's search text from its id, names, aliases and descriptions. */
export async function refreshSearch(db: Kysely<Database>): Promise<void> {
  await sql`
    update entities e set search_text = e.id || coalesce(' \n ' || (
      select string_agg(s.value, ' \n ' order by s.property, s.id) from statements s
      where s.entity_id = e.id and s.property in ('name', 'alias', 'description')), '')`.execute(db);
  await sql`update entities set search_doc = to_tsvector('simple', search_text)`.execute(db);
}
