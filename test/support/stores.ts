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
import { SharedTarballBlob, wholeBuffer } from './shared-tarball-blob.js';
import { makeEmptyStore, readEmptyStore } from '../../src/store/empty-store.js';

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
  /** For PostgreSQL: the database's name (default: redshift_test_ and random hex). */
  name?: string;
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

/** The shared load's tarball, read once per test worker (its files share the module cache); PGlite copies what it unpacks. */
let tarball: { file: string; bytes: Uint8Array } | null = null;
function tarballBytes(file: string): Uint8Array {
  if (tarball?.file !== file) tarball = { file, bytes: wholeBuffer(readFileSync(file)) };
  return tarball.bytes;
}

/**
 * A new, migrated PGlite as a tarball, once per test worker: the build's empty store (src/store/empty-store.ts)
 * when it fits the code, else made here. A new store is a copy of it (about 0.3 s) instead of an initdb and
 * the migrations (about 3-5 s on the 2-core machine).
 */
let emptyStore: Promise<Uint8Array> | null = null;
export function emptyStoreTarball(): Promise<Uint8Array> {
  emptyStore ??= (async () => {
    const built = readEmptyStore();
    return wholeBuffer('tarball' in built ? built.tarball : await makeEmptyStore());
  })();
  return emptyStore;
}

export async function createTestStore(kind: StoreKind, opts: TestStoreOptions = {}): Promise<TestStore> {
  if (kind === 'pglite') {
    const loadDataDir = new SharedTarballBlob(opts.copyOf ? tarballBytes(opts.copyOf) : await emptyStoreTarball());
    const store = await openStore({ databaseUrl: null, dataDir: null, loadDataDir });
    return { ...store, dispose: () => store.close() };
  }
  const name = opts.name ?? `redshift_test_${randomBytes(6).toString('hex')}`;
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
