/**
 * A store loaded like a first start: the curated knowledge base, then every bundled snapshot.
 * loadedStore gives the caller its own copy of one load shared by the whole test run (shared-load.ts);
 * readOnlyLoadedStore gives the test files of one worker that only read the same copy; tests of
 * loading itself use loadStoreFromScratch.
 */
import { sql } from 'kysely';
import { inject } from 'vitest';
import type { StoreKind } from '../../src/store/open-store.js';
import { createTestStore, type TestStore } from './stores.js';
import { sharedLoad } from './shared-load.js';
import { rowCounts } from './catalog-store.js';
import { READ_ONLY_SUFFIX } from './shared-load-build.js';
import { loadStoreFromScratch } from './first-start-load.js';

export { loadStoreFromScratch } from './first-start-load.js';

export async function loadedStore(kind: StoreKind, opts: { name?: string } = {}): Promise<TestStore> {
  const copyOf = await sharedLoad(kind);
  if (!copyOf) return loadStoreFromScratch(kind);
  const started = Date.now();
  const store = await createTestStore(kind, { copyOf, ...opts });
  console.info(`loaded ${kind} store copied in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return store;
}

/** Tables whose rows a read may write: results kept across restarts (a cache, migration 008). */
const CACHE_TABLES = new Set(['derived_results']);

/** The row count of every table but the caches: what a file that only reads leaves as it found it. */
async function contentCounts(store: TestStore): Promise<Record<string, number>> {
  const { rows } = await sql<{ name: string }>`select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(store.db);
  return rowCounts(store.db, rows.map((r) => r.name).filter((name) => !CACHE_TABLES.has(name)));
}

interface ReadOnlyCopy { store: TestStore; counts: Record<string, number> }
const readOnlyCopies = new Map<StoreKind, Promise<ReadOnlyCopy>>();

/**
 * One copy of the loaded store per kind for every test file of this worker that only reads it (the
 * files of a worker run one after another and share its module cache), so those files share its
 * memoised analytics too instead of each computing them on a copy of its own. `dispose` (and `close`)
 * leave the copy open for the next file and fails when a table other than the caches gained or lost rows: a file
 * that writes must use loadedStore. The copy lives as long as the worker; a PostgreSQL copy is dropped
 * with the run's template (shared-load-setup.ts).
 */
export async function readOnlyLoadedStore(kind: StoreKind): Promise<TestStore> {
  const run = inject('sharedLoad');
  if (!run) return loadedStore(kind);
  let copy = readOnlyCopies.get(kind);
  if (!copy) {
    copy = (async () => {
      const store = await loadedStore(kind, { name: `${run.template}${READ_ONLY_SUFFIX}${process.pid}` });
      return { store, counts: await contentCounts(store) };
    })();
    readOnlyCopies.set(kind, copy);
  }
  const { store, counts } = await copy;
  const release = async () => {
    const now = await contentCounts(store);
    const changed = Object.keys({ ...counts, ...now }).filter((t) => counts[t] !== now[t]);
    if (changed.length) {
      throw new Error(`a file given the read-only loaded store changed it: ${changed.map((t) => `${t} ${counts[t]} -> ${now[t]}`).join(', ')}; use loadedStore`);
    }
  };
  return { ...store, close: release, dispose: release };
}
