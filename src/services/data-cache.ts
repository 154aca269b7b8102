/**
 * Memoises expensive reads (a classified snapshot, the launch list, an analytic) per store
 * until the data change: each entry records the data version (the newest successful run,
 * one cheap query per call) and is recomputed when it differs. The cache is bounded: at
 * most MEMO_MAX_ENTRIES entries per store, least recently used evicted first, and a key
 * longer than 128 characters (e.g. one that embeds the rules) is kept as its SHA-256.
 * Callers normalise keys (an asOf date maps to its snapshot before it reaches a key).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../store/schema.js';
import { lastSuccessfulRun } from '../store/runs.js';

/** Entries kept per store: the GP snapshots' objects and classifications, the launch list, and a few analytics. */
export const MEMO_MAX_ENTRIES = 48;

interface Entry { version: string; value: Promise<unknown> }

const caches = new WeakMap<Kysely<Database>, LRUCache<string, Entry>>();

export async function dataVersion(db: Kysely<Database>): Promise<string> {
  const run = await lastSuccessfulRun(db);
  return `${run.id ?? 0}@${run.finishedAt ?? ''}`;
}

const cacheKey = (key: string) => (key.length > 128 ? `sha256:${createHash('sha256').update(key).digest('base64url')}` : key);

function cacheOf(db: Kysely<Database>): LRUCache<string, Entry> {
  return caches.get(db) ?? caches.set(db, new LRUCache<string, Entry>({ max: MEMO_MAX_ENTRIES })).get(db)!;
}

export async function memo<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dataVersion(db);
  const cache = cacheOf(db);
  const k = cacheKey(key);
  const hit = cache.get(k);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = compute();
  const entry = { version, value };
  cache.set(k, entry);
  value.catch(() => {
    if (cache.peek(k) === entry) cache.delete(k);
  });
  return value;
}

/** How many entries the store's memo cache holds (bounded by MEMO_MAX_ENTRIES). */
export function memoSize(db: Kysely<Database>): number {
  return caches.get(db)?.size ?? 0;
}
