/** A test store with the source records loaded (catalog rows cite them), and table counts for comparisons. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.js';
import { createTestStore, type TestStore } from './stores.js';
import { loadCurated } from '../../src/services/load-curated.js';
import type { StoreKind } from '../../src/store/open-store.js';
import { CATALOG_TABLES } from '../../src/model/catalog-rows.js';

export async function storeWithSources(kind: StoreKind): Promise<TestStore> {
  const store = await createTestStore(kind);
  const loaded = await loadCurated(store.db, 'data/kb/sources');
  if (!loaded.ok) throw new Error(`sources do not validate: ${loaded.errors[0]?.reason}`);
  return store;
}

/** The row count of each of the tables. */
export async function rowCounts(db: Kysely<Database>, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    out[t] = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db)).rows[0]!.n;
  }
  return out;
}

export function tableCounts(store: TestStore): Promise<Record<string, number>> {
  return rowCounts(store.db, [...CATALOG_TABLES, 'statements', 'entities']);
}
