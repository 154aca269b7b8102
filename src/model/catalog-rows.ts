/** The store rows the catalog mappers produce (column names as in migrations/002-catalog.sql). */
export type CatalogRow = Record<string, unknown> & { id: string };

export interface MappedCatalog {
  /**
   * Rows per table; each table is replaced for the feed's origin, except history tables. GP snapshot
   * members (gp_snapshot_objects) are stored as element_spans, one row per unchanged element set.
   */
  tables: Partial<Record<CatalogTable, CatalogRow[]>>;
  /**
   * Per table, the ids of the rows this file has but rejected: their stored rows are kept as they are
   * (not removed for being absent from `tables`). 'all' when a rejected row's key could not be read:
   * then no row of that table is removed by this file (src/ingest/kept-rows.ts).
   */
  kept?: Partial<Record<CatalogTable, KeptIds>>;
}

export type KeptIds = readonly string[] | 'all';

export const CATALOG_TABLES = [
  'element_sets', 'gp_snapshots', 'gp_snapshot_objects', 'satcat', 'launches', 'launch_objects', 'ucs_satellites', 'catalog_records',
] as const;
export type CatalogTable = (typeof CATALOG_TABLES)[number];
