/**
 * How another thread of this process opens the store it shares: PostgreSQL by its URL (a pool of
 * its own), an on-disk PGlite through a port onto the database thread (pglite-thread.ts). An
 * in-memory PGlite lives in its opener's thread and cannot be shared: it has no access.
 */
import type { MessagePort } from 'node:worker_threads';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { PGliteDialect } from './pglite-dialect.js';
import { pgliteOverPort } from './pglite-thread.js';
import { CopyingPostgresDialect } from './postgres-dialect.js';

export type StoreAccess = { kind: 'postgres'; url: string } | { kind: 'pglite'; port: MessagePort };

/** Opens the shared store in this thread (no migrations: its opener ran them). */
export function attachStore(access: StoreAccess): Kysely<Database> {
  if (access.kind === 'pglite') return new Kysely<Database>({ dialect: new PGliteDialect(pgliteOverPort(access.port)) });
  const pool = new pg.Pool({ connectionString: access.url, max: 3 });
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new CopyingPostgresDialect(pool) });
}
