/**
 * Opens the store: embedded PGlite (a folder, or in memory) by default, PostgreSQL
 * when given a postgres:// URL. Both go through Kysely with the Postgres SQL
 * compiler, so every query is written once. Migrations run on open.
 */
import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { migrate } from './migrate.js';
import type { Database } from './schema.js';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  kind: StoreKind;
  /** Where the data lives: a folder, "memory", or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres:// URL; when null, PGlite. */
  databaseUrl: string | null;
  /** PGlite folder; null or "memory" for an in-memory database. */
  dataDir: string | null;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  let store: Store;
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 5 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, kind: 'postgres', location: redact(opts.databaseUrl), close: () => db.destroy() };
  } else {
    const inMemory = !opts.dataDir || opts.dataDir === 'memory';
    if (!inMemory) mkdirSync(opts.dataDir!, { recursive: true });
    const pglite = await PGlite.create(inMemory ? undefined : opts.dataDir!);
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    store = { db, kind: 'pglite', location: inMemory ? 'memory' : opts.dataDir!, close: () => db.destroy() };
  }
  try {
    await migrate(store.db);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
