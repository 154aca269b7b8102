/**
 * Memoises expensive reads (a classified snapshot, the launch list, an analytic) per store
 * until the data they depend on change. Each entry records a data version, one cheap query
 * per call, and is recomputed when it differs:
 *   - by default the newest successful run of any kind (any load or ingest invalidates it);
 *   - with `dependsOn`, the newest successful run of those origins only, so that, for example,
 *     a new GP snapshot leaves the classification of the snapshots before it valid (incremental);
 *   - with `snapshots`, also when each of those GP snapshots was last written (gp_snapshots.last_seen: a
 *     second download on the same day has the same snapshot id, and may list more objects or newer element sets).
 * The caches are bounded: at most MEMO_MAX_ENTRIES large entries per store and MEMO_MAX_SMALL
 * small ones (`small`: a few numbers per snapshot, kept for every snapshot of a year of daily
 * downloads), least recently used evicted first; a key longer than 128 characters (e.g. one that
 * embeds the rules) is kept as its SHA-256. Callers normalise keys (an asOf date maps to its
 * snapshot before it reaches a key).
 *
 * With `persist`, the result is also kept in the store (derived_results, migration 008) with its data
 * version and the code's fingerprint, so another process (a restart, the analytics worker, a copy of the
 * store) reads it instead of computing it. Only results with a bounded set of keys are persisted (per
 * snapshot, with default parameters): a request's own parameters must not add rows without bound.
 * Values go through V8's serializer (what crosses between threads goes through the same algorithm).
 * A result that cannot be written (or a kept one read) is still returned, computed again next time; the
 * failure is logged (stderr) and recorded as a failed run of origin "kept-results", counted by /api/status.
 */
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../store/schema.js';
import { finishRun, lastSuccessfulRun, lastSuccessfulRunOf, startRun } from '../store/runs.js';
import { printable } from '../model/text-safety.js';
import { snapshotsWritten } from '../store/queries/catalog.js';
import { readDerived, writeDerived } from '../store/queries/derived-results.js';
import { codeFingerprint } from './code-fingerprint.js';
import { errorMessage } from '../model/error-message.js';

/** Large entries kept per store: the GP snapshots' objects and classifications, the launch list, and a few analytics. */
export const MEMO_MAX_ENTRIES = 48;
/** Small entries kept per store (per-snapshot counts). */
export const MEMO_MAX_SMALL = 4096;
/** The origin of the failed runs that record a kept result not read or not written (see recordKeptFailure). */
export const KEPT_RESULTS_ORIGIN = 'kept-results';
/** What the results kept in the store may take in all (serialized); the least recently computed go first. */
export const DERIVED_RESULTS_MAX_BYTES = 64 * 1024 * 1024;

export interface MemoOptions {
  /** The run origins (e.g. "ingest:ucs") whose new runs invalidate the entry; default: every origin. */
  dependsOn?: readonly string[];
  /** Keep the entry in the cache of small entries. */
  small?: boolean;
  /** The GP snapshots the entry is about: writing one of them again (its last_seen) invalidates the entry. */
  snapshots?: readonly string[];
  /** Keep the result in the store too, for other processes and restarts (see above). */
  persist?: boolean;
}

interface Entry { version: string; value: Promise<unknown> }
interface Caches { large: LRUCache<string, Entry>; small: LRUCache<string, Entry> }

const caches = new WeakMap<Kysely<Database>, Caches>();

export async function dataVersion(db: Kysely<Database>, dependsOn?: readonly string[]): Promise<string> {
  const run = dependsOn ? await lastSuccessfulRunOf(db, dependsOn) : await lastSuccessfulRun(db);
  return `${run.id ?? 0}@${run.finishedAt ?? ''}`;
}

const cacheKey = (key: string) => (key.length > 128 ? `sha256:${createHash('sha256').update(key).digest('base64url')}` : key);

function cachesOf(db: Kysely<Database>): Caches {
  let c = caches.get(db);
  if (!c) {
    c = { large: new LRUCache<string, Entry>({ max: MEMO_MAX_ENTRIES }), small: new LRUCache<string, Entry>({ max: MEMO_MAX_SMALL }) };
    caches.set(db, c);
  }
  return c;
}

export async function memo<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>, opts: MemoOptions = {}): Promise<T> {
  const written = opts.snapshots ? `|${(await snapshotsWritten(db, opts.snapshots)).join('|')}` : '';
  const version = `${await dataVersion(db, opts.dependsOn)}${written}`;
  const c = cachesOf(db);
  const cache = opts.small ? c.small : c.large;
  const k = cacheKey(key);
  const hit = cache.get(k);
  if (hit && hit.version === version) return hit.value as Promise<T>;
  const value = opts.persist ? readOrCompute(db, k, version, compute) : compute();
  const entry = { version, value };
  cache.set(k, entry);
  value.catch(() => {
    if (cache.peek(k) === entry) cache.delete(k);
  });
  return value;
}

async function readOrCompute<T>(db: Kysely<Database>, key: string, version: string, compute: () => Promise<T>): Promise<T> {
  const stamp = { version, code: await codeFingerprint() };
  const kept = await readDerived(db, key, stamp).catch(async (err: unknown) => {
    await recordKeptFailure(db, key, 'read', `kept result "${key}" not read from the store, computed again: ${errorMessage(err)}`);
    return null;
  });
  if (kept) {
    try {
      return deserialize(kept) as T;
    } catch (err) {
      // A damaged row is a cache miss: computed again and replaced.
      await recordKeptFailure(db, key, 'read', `kept result "${key}" unreadable, computed again: ${errorMessage(err)}`);
    }
  }
  const value = await compute();
  try {
    await writeDerived(db, key, stamp, serialize(value), new Date().toISOString(), DERIVED_RESULTS_MAX_BYTES);
  } catch (err) {
    // The result is still returned (and computed again next time).
    await recordKeptFailure(db, key, 'write', `kept result "${key}" not written to the store: ${errorMessage(err)}`);
  }
  return value;
}

/**
 * Records a kept result that could not be read or written: in the process's log, and as a failed run
 * of origin KEPT_RESULTS_ORIGIN (with the key and the reason), which /api/status counts with the
 * other failures. When the store refuses that too, the log line is the record.
 */
async function recordKeptFailure(db: Kysely<Database>, key: string, check: 'read' | 'write', reason: string): Promise<void> {
  console.warn(`redshift-monitor: ${reason}`);
  try {
    const runId = await startRun(db, KEPT_RESULTS_ORIGIN, new Date().toISOString());
    await finishRun(db, runId, 'failed', { key, check }, printable(reason));
  } catch {
    // Nothing more can be recorded than the log line above.
  }
}

/** How many entries the store's memo caches hold (large ones bounded by MEMO_MAX_ENTRIES, small by MEMO_MAX_SMALL). */
export function memoSize(db: Kysely<Database>, which: 'large' | 'small' = 'large'): number {
  return caches.get(db)?.[which].size ?? 0;
}

/** The keys of the store's memo entries (hashed when long), for diagnostics and tests. */
export function memoKeys(db: Kysely<Database>, which: 'large' | 'small' = 'large'): string[] {
  return [...(caches.get(db)?.[which].keys() ?? [])];
}

/** Empties the store's memo caches (a restarted process starts so: it still reads the results kept in the store). */
export function clearMemo(db: Kysely<Database>): void {
  caches.delete(db);
}

/** Empties the memo caches and deletes the results kept in the store: everything is computed again (a benchmark's cold baseline). */
export async function clearKeptResults(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('derived_results').execute();
  caches.delete(db);
}
