/** Reads and writes kept derivation results (migration 008): one row per key, replaced when recomputed. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface DerivedStamp { version: string; code: string }

/** The kept bytes of `key` when they were computed for this data version and code; otherwise null. */
export async function readDerived(db: Kysely<Database>, key: string, stamp: DerivedStamp): Promise<Uint8Array | null> {
  const row = await db.selectFrom('derived_results').select('value')
    .where('key', '=', key).where('version', '=', stamp.version).where('code', '=', stamp.code).executeTakeFirst();
  return row?.value ?? null;
}

/**
 * Keeps `value` for `key` (replacing an older row), then deletes the least recently computed rows past
 * `maxBytes` in all: the newest results stay, and the table cannot grow without bound.
 */
export async function writeDerived(
  db: Kysely<Database>, key: string, stamp: DerivedStamp, value: Uint8Array, at: string, maxBytes: number,
): Promise<void> {
  const row = { ...stamp, value, bytes: value.byteLength, computed_at: at };
  await db.insertInto('derived_results').values({ key, ...row }).onConflict((oc) => oc.column('key').doUpdateSet(row)).execute();
  await sql`delete from derived_results where key in (select key from (select key,
    sum(bytes) over (order by computed_at desc, key) as running from derived_results) kept where running > ${maxBytes})`.execute(db);
}
