/** A store written by an older version: a database migrated through one migration only, on either dialect. */
import { randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { databaseUrl, withAdmin } from './stores.js';
import { migrate } from '../../src/store/migrate.js';
import { PGliteDialect } from '../../src/store/pglite-dialect.js';
import { PGLITE_OPTIONS } from '../../src/store/pglite-options.js';
import { CopyingPostgresDialect } from '../../src/store/postgres-dialect.js';
import type { Database } from '../../src/store/schema.js';
import type { StoreKind } from '../../src/store/open-store.js';

/** A database migrated through `through` only, as a store written by an older version. */
export async function olderStore(kind: StoreKind, through: string): Promise<{ db: Kysely<Database>; dispose(): Promise<void> }> {
  if (kind === 'pglite') {
    const db = new Kysely<Database>({ dialect: new PGliteDialect(await PGlite.create(PGLITE_OPTIONS)) });
    await migrate(db, { through });
    return { db, dispose: () => db.destroy() };
  }
  const name = `redshift_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((admin) => admin.query(`create database ${name}`));
  const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 2 });
  // As openStore's pool: an idle connection the server ends is dropped, not an uncaught 'error' event.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new CopyingPostgresDialect(pool) });
  await migrate(db, { through });
  return {
    db,
    dispose: async () => {
      await db.destroy();
      await withAdmin((a) => a.query(`drop database if exists ${name} with (force)`));
    },
  };
}
