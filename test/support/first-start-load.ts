/** Loads a store from scratch like a first start: the curated knowledge base, then every bundled snapshot. */
import type { Kysely } from 'kysely';
import type { StoreKind } from '../../src/store/open-store.js';
import type { Database } from '../../src/store/schema.js';
import { createTestStore, type TestStore } from './stores.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { ingestAllBundled } from '../../src/services/bundled-snapshots.js';
import { constellationsAnalytic, loadRules } from '../../src/services/analytics.js';
import { safetyChanges } from '../../src/services/safety-changes.js';
import { reentryReport } from '../../src/services/reentries.js';
import { workerRunner } from '../../src/services/screen-runners.js';
import { SETTINGS } from '../../src/config/settings.js';

/** The first start's steps on a migrated, empty store: sources, the rest of the knowledge base with the rules, every snapshot. */
export async function loadFirstStart(db: Kysely<Database>): Promise<void> {
  const sources = await loadCurated(db, 'data/kb/sources');
  if (!sources.ok) throw new Error(`sources do not validate: ${sources.errors[0]?.reason}`);
  const kb = await loadCurated(db, 'data/kb', 'data/rules');
  if (!kb.ok) throw new Error(`knowledge base invalid: ${kb.errors.slice(0, 3).map((e) => `${e.file}:${e.line} ${e.reason}`).join('; ')}`);
  await ingestAllBundled(db);
}

/**
 * Computes the results the product keeps in the store (data-cache.ts, `persist`): every snapshot's station
 * screening and reentry watch, the change feed's entries from them and the constellations, as a server's first reads would.
 * The shared load does it once, so that every copy starts with them, as a restarted server's store does.
 */
export async function keepSafetyResults(db: Kysely<Database>): Promise<void> {
  const rules = loadRules(SETTINGS.rulesDir.default);
  const run = workerRunner();
  await safetyChanges(db, rules, run, { until: '9999-12-31', today: new Date().toISOString().slice(0, 10), wants: () => true });
  await reentryReport(db, rules, {});
  await constellationsAnalytic(db, rules);
}

/** A fresh store of this kind loaded from scratch (tests of loading itself; other tests use loadedStore's copy). */
export async function loadStoreFromScratch(kind: StoreKind): Promise<TestStore> {
  const store = await createTestStore(kind);
  try {
    await loadFirstStart(store.db);
  } catch (err) {
    await store.dispose();
    throw err;
  }
  return store;
}
