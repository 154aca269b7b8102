/**
 * The build's empty store (src/store/empty-store.ts): a new PGlite folder starts as a copy of it, with the
 * same schema, settings and migrations as a folder that ran initdb and the migrations; a tarball made by
 * another PGlite or other migrations, or one that does not read, is not used and says why; a folder that
 * already holds files is never given it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { sql, type Kysely } from 'kysely';
import { EMPTY_STORE_FILE, currentManifest, isNewFolder, readEmptyStore } from '../../src/store/empty-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { Database } from '../../src/store/schema.js';

const root = mkdtempSync(join(tmpdir(), 'redshift-empty-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Tables and views with their columns, indexes, constraints, the migrations applied and the settings a store depends on. */
async function schemaOf(db: Kysely<Database>) {
  const q = async (query: ReturnType<typeof sql<Record<string, unknown>>>) => (await query.execute(db)).rows;
  return {
    columns: await q(sql`select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
      where table_schema = 'public' order by table_name, ordinal_position`),
    indexes: await q(sql`select indexname, indexdef from pg_indexes where schemaname = 'public' order by indexname`),
    constraints: await q(sql`select conname, pg_get_constraintdef(oid) as def from pg_constraint
      where connamespace = 'public'::regnamespace order by conname`),
    views: await q(sql`select viewname, definition from pg_views where schemaname = 'public' order by viewname`),
    migrations: await q(sql`select version from schema_migrations order by version`),
    settings: await q(sql`select name, setting from pg_settings where name in
      ('server_encoding', 'lc_collate', 'lc_ctype', 'TimeZone', 'DateStyle', 'wal_init_zero', 'max_wal_size') order by name`),
  };
}

async function opened<T>(dir: string, emptyStore: string | null | undefined, read: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const store = await openStore({ databaseUrl: null, dataDir: dir, ...(emptyStore === undefined ? {} : { emptyStore }) });
  try {
    return await read(store.db);
  } finally {
    await store.close();
  }
}

const appliedAt = (db: Kysely<Database>) => db.selectFrom('schema_migrations').select(['version', 'applied_at']).orderBy('version').execute();

describe('the build\'s empty store', () => {
  it('is the store a new folder starts from, equal in schema and settings to an initdb and the migrations, which an unusable one leaves it to', async () => {
    const started = new Date().toISOString();
    const dir = join(root, 'a', 'pglite');
    const fromTarball = await opened(dir, EMPTY_STORE_FILE, async (db) => {
      const read = { schema: await schemaOf(db), applied: await appliedAt(db) };
      await sql`create table kept (x int)`.execute(db);
      return read;
    });
    // A tarball that is not there: the folder runs initdb and the migrations, as before.
    const missing = join(root, 'nowhere', 'empty-store.tar.gz');
    const fromInitdb = await opened(join(root, 'b', 'pglite'), missing, async (db) => ({ schema: await schemaOf(db), applied: await appliedAt(db) }));
    expect(fromTarball.schema.columns.length).toBeGreaterThan(50);
    expect(fromTarball.schema).toEqual(fromInitdb.schema);
    // The first folder is the tarball's (its migrations were applied when the build made it), the second a new initdb's.
    expect(fromTarball.applied.every((m) => m.applied_at < started)).toBe(true);
    expect(fromInitdb.applied.every((m) => m.applied_at >= started)).toBe(true);
    // It stays a store: reopened, it keeps what was written (and is not given the tarball again).
    expect(await opened(dir, EMPTY_STORE_FILE, async (db) => (await sql<{ t: string }>`select to_regclass('kept')::text as t`.execute(db)).rows[0]?.t)).toBe('kept');
  }, 120_000);

  it('is built by npm run build beside the server, and fits the code it was built with', () => {
    // CI runs the suite after npm ci, whose prepare script builds.
    expect(existsSync(EMPTY_STORE_FILE), `${EMPTY_STORE_FILE} (npm run build)`).toBe(true);
    const made = JSON.parse(readFileSync(EMPTY_STORE_FILE.replace(/\.tar\.gz$/, '.json'), 'utf8')) as unknown;
    expect(made).toEqual(currentManifest());
    expect(readEmptyStore()).toHaveProperty('tarball');
  });

  it('is not used, and says why, when another PGlite or other migrations made it, or it does not read', () => {
    const dir = join(root, 'refused');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'empty-store.tar.gz');
    const manifest = join(dir, 'empty-store.json');
    expect(readEmptyStore(file)).toEqual({ unusable: `${file} or its manifest is missing (npm run build makes them)` });
    writeFileSync(file, readFileSync(EMPTY_STORE_FILE));
    writeFileSync(manifest, JSON.stringify({ ...currentManifest(), pglite: '0.0.1' }));
    expect(readEmptyStore(file)).toEqual({ unusable: `${file} was made by PGlite 0.0.1, not ${currentManifest().pglite}` });
    writeFileSync(manifest, JSON.stringify({ ...currentManifest(), migrations: 'f'.repeat(64) }));
    expect(readEmptyStore(file)).toEqual({ unusable: `${file} was made with other migrations` });
    writeFileSync(manifest, JSON.stringify(currentManifest()));
    const whole = readFileSync(EMPTY_STORE_FILE);
    writeFileSync(file, whole.subarray(0, whole.byteLength >> 1));
    const truncated = readEmptyStore(file);
    expect('unusable' in truncated && truncated.unusable).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    writeFileSync(file, whole);
    expect(gunzipSync(whole).byteLength).toBe((readEmptyStore(file) as { tarball: Uint8Array }).tarball.byteLength);
  });

  it('is offered only to a folder that is absent or empty, never to one that holds files', () => {
    const folder = join(root, 'e', 'pglite');
    expect(isNewFolder(folder)).toBe(true);
    mkdirSync(folder, { recursive: true });
    expect(isNewFolder(folder)).toBe(true);
    writeFileSync(join(folder, 'notes.txt'), 'not a store');
    expect(isNewFolder(folder)).toBe(false);
  });
});
