/**
 * One store test suite over every dialect (after kysely's test setup): each suite
 * runs once on an in-memory PGlite and once on a fresh PostgreSQL database.
 * TEST_STORES picks the dialects (default "pglite,postgres"); TEST_DATABASE_URL
 * names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store, type StoreKind } from '../../src/store/open-store.js';

export const STORE_KINDS: StoreKind[] = (process.env.TEST_STORES ?? 'pglite,postgres')
  .split(',').map((s) => s.trim()).filter(Boolean) as StoreKind[];

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestStore extends Store {
  /** Drops the store (and, for PostgreSQL, its database). */
  dispose(): Promise<void>;
}

export async function createTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await openStore({ databaseUrl: null, dataDir: null });
    return { ...store, dispose: () => store.close() };
  }
  const name = `redshift_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), dataDir: null });
  return {
    ...store,
    dispose: async () => {
      await store.close();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
