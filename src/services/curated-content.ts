/**
 * Whether the store holds the curated knowledge base (statements loaded from data/kb, or approved by
 * reviewers): the regenerated report's prose, claims and citations come from it, so a store without
 * it (never loaded, or only catalog feeds ingested) has nothing to report.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { EDITORIAL_ORIGINS } from './export-yaml.js';

export async function curatedStatementCount(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('statements').select(sql<number>`count(*)::int`.as('n')).where('origin', 'in', EDITORIAL_ORIGINS).executeTakeFirstOrThrow();
  return row.n;
}

/** Refuses (throws) when the store holds no curated statements, saying how to load them; `store` names it, e.g. "pglite at .redshift/pglite". */
export async function requireCuratedStatements(db: Kysely<Database>, store: string): Promise<void> {
  if (await curatedStatementCount(db) > 0) return;
  throw new Error(`the store (${store}) holds no curated statements, so there is nothing to report and no file was written. `
    + 'Load the curated knowledge base first: `redshift-monitor load` (validates data/kb, or REDSHIFT_KB_DIR or --dir DIR, and loads it), '
    + 'or start `redshift-monitor serve` once, which loads a fresh store; then run the report again.');
}
