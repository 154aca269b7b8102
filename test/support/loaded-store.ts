/**
 * A store loaded like a first start: the curated knowledge base, then every bundled snapshot.
 * Each call returns the caller's own copy of one load shared by the whole test run (shared-load.ts);
 * tests of loading itself use loadStoreFromScratch.
 */
import type { StoreKind } from '../../src/store/open-store.js';
import { createTestStore, type TestStore } from './stores.js';
import { sharedLoad } from './shared-load.js';
import { loadStoreFromScratch } from './first-start-load.js';

export { loadStoreFromScratch } from './first-start-load.js';

export async function loadedStore(kind: StoreKind): Promise<TestStore> {
  const copyOf = await sharedLoad(kind);
  if (!copyOf) return loadStoreFromScratch(kind);
  const started = Date.now();
  const store = await createTestStore(kind, { copyOf });
  console.info(`loaded ${kind} store copied in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return store;
}
