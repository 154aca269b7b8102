/**
 * Memoises expensive reads (a classified snapshot, the launch list) per store until
 * the data changes: the key includes the data version (the newest successful run),
 * one cheap query per call.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

const caches = new WeakMap<Kysely<Database>, Map<string, { version: string; value: Promise<unknown> }>>();

export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('runs').select((eb) => [eb.fn.max('id').as('id'), eb.fn.max('finished_at').as('at')]).where('status', '=', 'succeeded').executeTakeFirst();
  return `${row?.id ?? 0}@${row?.at ?? ''}`;
}

export async function memo<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion(db);
  const cache = caches.get(db) ?? caches.set(db, new Map()).get(db)!;
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  cache.set(key, { version, value });
  value.catch(() => cache.delete(key));
  return value;
}
