/** The store rows the catalog mappers produce (column names as in migrations/002-catalog.sql). */
export type CatalogRow = Record<string, unknown> & { id: string };

export interface MappedCatalog {
  /**
   * Rows per table; each table is replaced for the feed's origin, except history tables. GP snapshot
   * members (gp_snapshot_objects) are stored as element_spans, one row per unchanged element set.
   */
  tables: Partial<Record<CatalogTable, CatalogRow[]>>;
}

export const CATALOG_TABLES = [
  'element_sets', 'gp_snapshots', 'gp_snapshot_objects', 'satcat', 'launches', 'launch_objects', 'ucs_satellites', 'catalog_records',
] as const;
export type CatalogTable = (typeof CATALOG_TABLES)[number];
