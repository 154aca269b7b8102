/**
 * Memoises expensive reads (a classified snapshot, the launch list) per store until
 * the data changes: the key includes the data version (the newest successful run),
 * one cheap query per call.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { lastSuccessfulRun } from '../store/runs.js';

const caches = new WeakMap<Kysely<Database>, Map<string, { version: string; value: Promise<unknown> }>>();

export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const run = await lastSuccessfulRun(db);
  return `${run.id ?? 0}@${run.finishedAt ?? ''}`;
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
