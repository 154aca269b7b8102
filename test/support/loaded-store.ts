/** A store loaded like a first start: the curated knowledge base, then every bundled snapshot. */
import type { StoreKind } from '../../src/store/open-store.js';
import type { TestStore } from './stores.js';
import { storeWithSources } from './catalog-store.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { ingestAllBundled } from '../../src/services/bundled-snapshots.js';

export async function loadedStore(kind: StoreKind): Promise<TestStore> {
  const store = await storeWithSources(kind);
  const kb = await loadCurated(store.db, 'data/kb', 'data/rules');
  if (!kb.ok) throw new Error(`knowledge base invalid: ${kb.errors.slice(0, 3).map((e) => `${e.file}:${e.line} ${e.reason}`).join('; ')}`);
  await ingestAllBundled(store.db);
  return store;
}
