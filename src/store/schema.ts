/** Kysely's view of the tables created by migrations/*.sql. */
import type { Generated, ColumnType } from 'kysely';
import type { CatalogDatabase } from './catalog-schema.js';
import type { EditorialDatabase } from './editorial-schema.js';

type Json<T> = ColumnType<T, string | null, string | null>;

export interface SourcesTable {
  id: string; kind: string; title: string; publisher: string | null; authors: Json<string[] | null>;
  url: string | null; published: string | null; accessed: string | null; licence: string | null; file: string | null;
  part_of: string | null; reference_number: string | null; citation: string | null; note: string | null;
  origin: string; first_seen: string; last_seen: string;
}

export interface EntitiesTable {
  id: string; kind: string; caption: string; origin: string; search_text: string;
  search_doc: ColumnType<unknown, never, never>; first_seen: string; last_seen: string;
}

/** One name or alias of an entity with its normalized search form (migration 004, search-index.ts). */
export interface EntityNamesTable { entity_id: string; property: string; name: string; norm: string }

export interface StatementsTable {
  id: string; entity_id: string; property: string; value: string; original_value: string | null; source_id: string;
  locator: string | null; as_of: string | null; status: string; qualifier: string | null; note: string | null;
  origin: string; first_seen: string; last_seen: string;
}

export interface SeriesTable {
  id: string; title: string; unit: string; description: string | null; dimensions: Json<Record<string, string>>;
  source_id: string; locator: string | null; origin: string; first_seen: string; last_seen: string;
}

export interface SeriesPointsTable {
  id: string; series_id: string; period: string; value: number; original_value: string | null; source_id: string;
  locator: string | null; status: string; qualifier: string | null; note: string | null; origin: string;
  first_seen: string; last_seen: string;
}

export interface RunsTable {
  id: Generated<number>; origin: string; started_at: string; finished_at: string | null; status: string;
  detail: Json<Record<string, unknown> | null>; error: string | null;
  /** "host pid process-start" of the process that started the run (null before migration 003). */
  owner: Generated<string | null>;
}

export interface ChangesTable {
  id: Generated<string>; run_id: number; at: string; action: string; subject: string; subject_id: string;
  entity_id: string | null; property: string | null; value: string | null; source_id: string | null;
}

export interface SchemaMigrationsTable {
  version: string; applied_at: string;
}

export interface StoreMetaTable {
  key: string; value: string;
}

/** A kept result of a derivation (migration 008): valid for its data version and code fingerprint only. */
export interface DerivedResultsTable {
  key: string; version: string; code: string; value: Uint8Array; bytes: number; computed_at: string;
}

export interface Database extends CatalogDatabase, EditorialDatabase {
  sources: SourcesTable;
  entities: EntitiesTable;
  statements: StatementsTable;
  entity_names: EntityNamesTable;
  series: SeriesTable;
  series_points: SeriesPointsTable;
  runs: RunsTable;
  changes: ChangesTable;
  schema_migrations: SchemaMigrationsTable;
  store_meta: StoreMetaTable;
  derived_results: DerivedResultsTable;
}
