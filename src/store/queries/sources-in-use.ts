/** The sources some stored row cites: statements, series, series points and every catalog table. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { CATALOG_TABLES } from '../../model/catalog-rows.js';

export async function sourcesInUse(db: Kysely<Database>): Promise<Set<string>> {
  // Snapshot members (gp_snapshot_objects, a view over element_spans) have no source of their own:
  // their snapshot (gp_snapshots) and element sets cite it.
  const tables = ['statements', 'series', 'series_points', ...CATALOG_TABLES.filter((t) => t !== 'gp_snapshot_objects')];
  const union = sql.join(tables.map((t) => sql`select distinct source_id from ${sql.table(t)}`), sql` union `);
  const { rows } = await sql<{ source_id: string }>`${union}`.execute(db);
  return new Set(rows.map((r) => r.source_id));
}
