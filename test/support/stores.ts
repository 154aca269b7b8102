/**
 * One store test suite over every dialect (after kysely's test setup): each suite
 * runs once on an in-memory PGlite and once on a fresh PostgreSQL database.
 * TEST_STORES picks the dialects (default "pglite,postgres"); TEST_DATABASE_URL
 * names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openStore, type Store, type StoreKind } from '../../src/store/open-store.js';

export const STORE_KINDS: StoreKind[] = (process.env.TEST_STORES ?? 'pglite,postgres')
  .split(',').map((s) => s.trim()).filter(Boolean) as StoreKind[];

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestStore extends Store {
  /** Drops the store (and, for PostgreSQL, its database). */
  dispose(): Promise<void>;
}

export interface TestStoreOptions {
  /** Start as a copy: for PGlite, the file of a dumpDataDir() tarball; for PostgreSQL, a template database's name. */
  copyOf?: string;
}

/** Runs statements on the PostgreSQL server's maintenance database. */
export async function withAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  // A connection the server ends fails the statement under way; unheard, the client's 'error' event would end the test process.
  admin.on('error', () => {});
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

/** A database URL on the test server. */
export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestStore(kind: StoreKind, opts: TestStoreOptions = {}): Promise<TestStore> {
  if (kind === 'pglite') {
    const loadDataDir = opts.copyOf ? new Blob([readFileSync(opts.copyOf)], { type: 'application/x-tar' }) : undefined;
    const store = await openStore({ databaseUrl: null, dataDir: null, loadDataDir });
    return { ...store, dispose: () => store.close() };
  }
  const name = `redshift_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    // FILE_COPY (PostgreSQL 15+) copies the template's files instead of writing every block to the WAL.
    const fileCopy = opts.copyOf && Number((await admin.query<{ server_version_num: string }>('show server_version_num')).rows[0]?.server_version_num) >= 150000;
    await admin.query(`create database ${name}${opts.copyOf ? ` template ${opts.copyOf}` : ''}${fileCopy ? ' strategy file_copy' : ''}`);
  });
  const store = await openStore({ databaseUrl: databaseUrl(name), dataDir: null });
  return {
    ...store,
    dispose: async () => {
      await store.close();
      await withAdmin((a) => a.query(`drop database if exists ${name} with (force)`));
    },
  };
}
