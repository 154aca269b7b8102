/** Applies the plain SQL files in migrations/ in name order, each once, each in a transaction. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export function migrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
}

/** Migrations not yet applied to a store that already has some (an empty list for a new store). */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(db);
  if (!exists.rows[0]?.t) return [];
  const done = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
  return done.size ? migrationFiles().filter((f) => !done.has(f)) : [];
}

/** Applies the pending migrations; `through` stops after that file (to build an older store's schema). */
export async function migrate(db: Kysely<Database>, opts: { through?: string } = {}): Promise<string[]> {
  await sql`create table if not exists schema_migrations (version text primary key, applied_at text not null)`.execute(db);
  const done = new Set((await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version));
  const applied: string[] = [];
  for (const file of migrationFiles()) {
    if (opts.through !== undefined && file > opts.through) break;
    if (done.has(file)) continue;
    const text = readFileSync(MIGRATIONS_DIR + file, 'utf8');
    await db.transaction().execute(async (trx) => {
      for (const statement of splitStatements(text)) await sql.raw(statement).execute(trx);
      await trx.insertInto('schema_migrations').values({ version: file, applied_at: new Date().toISOString() }).execute();
    });
    applied.push(file);
  }
  return applied;
}

/** Splits a migration on semicolons at line ends (migrations hold no functions or quoted semicolons). */
function splitStatements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((s) => s.split('\n').filter((line) => !line.trimStart().startsWith('--')).join('\n').trim())
    .filter(Boolean);
}
