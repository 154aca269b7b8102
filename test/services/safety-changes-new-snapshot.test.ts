/**
 * The change feed's safety entries as daily snapshots arrive (src/services/safety-changes.ts): what one stored
 * snapshot gives (its station screening, the reentry candidates the next snapshot no longer lists) is kept until
 * that snapshot is written again, so a new snapshot costs one screening, not one per stored snapshot; and the
 * entries read with those kept results equal a computation from empty caches. A second download on the same day
 * (the same snapshot id) that lists more objects shows in the kept objects and classification.
 * The new snapshot is the bundled 2026-07-10 CSV dated a day later with five reentry-watch candidates left out:
 * derived test input, never stored in the product.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { loadedStore } from '../support/loaded-store.js';
import { csvFields } from '../support/raw-files.js';
import { safetyChanges, type SafetyChangeWindow } from '../../src/services/safety-changes.js';
import { reentryReport } from '../../src/services/reentries.js';
import type { ScreenRunner } from '../../src/services/conjunctions.js';
import { screenConjunctions } from '../../src/analytics/conjunctions/screen.js';
import { feedByName } from '../../src/services/feeds.js';
import { ingestFeed } from '../../src/services/ingest-feed.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { cachedClassified, cachedSnapshotObjects, loadRules } from '../../src/services/analytics.js';
import { snapshotObjects } from '../../src/store/queries/catalog.js';
import { clearKeptResults, clearMemo } from '../../src/services/data-cache.js';
import { GP_SNAPSHOT_2026_07_10 } from '../../src/services/bundled-elements.js';

const GP = feedByName('celestrak-gp')!;
const WINDOW: SafetyChangeWindow = { until: '2026-12-07', today: '2026-12-06', wants: () => true };

/** The bundled CSV without the rows of these objects. */
function csvWithout(norads: ReadonlySet<number>): string {
  const [header, ...rows] = readSnapshot(GP_SNAPSHOT_2026_07_10.file).split('\n');
  const iNorad = csvFields(header!).indexOf('NORAD_CAT_ID');
  return [header, ...rows.filter((r) => r.trim() === '' || !norads.has(Number(csvFields(r)[iNorad])))].join('\n');
}

describe.each(STORE_KINDS)('safety entries of the change feed as snapshots arrive (%s)', (kind) => {
  let store: TestStore;
  beforeAll(async () => { store = await loadedStore(kind); }, 600_000);
  afterAll(async () => { await store?.dispose(); });

  it('screen only the new snapshot, keep the other snapshots\' results until they are written again, and equal a computation from empty caches', async () => {
    const rules = loadRules('data/rules');
    const screened: string[] = [];
    const run: ScreenRunner = (rows, primaries, opts) => { screened.push(new Date(opts.startMicros / 1000).toISOString().slice(0, 10)); return screenConjunctions(rows, primaries, opts); };
    // The shared load kept every stored snapshot's results in the store (as a server's first reads would):
    // they are read, nothing is screened. The computation from empty caches at the end checks them.
    const snapshots = (await store.db.selectFrom('gp_snapshots').select('id').execute()).length;
    expect(snapshots).toBeGreaterThan(1);
    const before = await safetyChanges(store.db, rules, run, WINDOW);
    expect(screened).toEqual([]);

    const leaving = (await reentryReport(store.db, rules, {})).candidates.slice(0, 5).map((c) => c.noradId);
    expect(leaving).toHaveLength(5);
    const next = { text: csvWithout(new Set(leaving)), file: 'derived.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-11' };
    await ingestFeed(store.db, GP, next);
    const after = await safetyChanges(store.db, rules, run, WINDOW);
    // One screening: the new snapshot's; every earlier snapshot's is kept.
    expect(screened).toEqual(['2026-07-11']);
    const left = after.filter((c) => c.type === 'left-catalog-on-reentry-watch' && c.day === '2026-07-11');
    expect(left.map((c) => Number(/NORAD (\d+) absent/.exec(c.locator ?? '')![1])).sort()).toEqual([...leaving].sort());
    expect(after.length).toBeGreaterThan(before.length);

    // Writing the new snapshot again invalidates its results only.
    await ingestFeed(store.db, GP, next);
    const again = await safetyChanges(store.db, rules, run, WINDOW);
    expect(screened.slice(1)).toEqual(['2026-07-11']);

    // A restart (empty memory caches) reads every snapshot's results kept in the store: no screening.
    clearMemo(store.db);
    const restarted = await safetyChanges(store.db, rules, run, WINDOW);
    expect(screened).toHaveLength(2);
    expect(restarted).toEqual(again);

    await clearKeptResults(store.db);
    const cold = await safetyChanges(store.db, rules, run, WINDOW);
    // Every snapshot screened once: the stored ones and the new one.
    expect(screened).toHaveLength(2 + snapshots + 1);
    expect(again).toEqual(cold);
    expect(after).toEqual(cold);
  }, 600_000);

  it('a second download on the same day (the same snapshot id) that lists more objects shows in the kept objects and classification', async () => {
    const rules = loadRules('data/rules');
    const id = 'celestrak-gp-live@2026-07-12';
    const missing = new Set((await cachedSnapshotObjects(store.db, `${GP_SNAPSHOT_2026_07_10.sourceId}@${GP_SNAPSHOT_2026_07_10.asOf}`)).slice(0, 3).map((o) => o.noradId));
    await ingestFeed(store.db, GP, { text: csvWithout(missing), file: 'morning.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-12' });
    const morning = await cachedSnapshotObjects(store.db, id);
    expect((await cachedClassified(store.db, rules, id)).length).toBe(morning.length);
    await ingestFeed(store.db, GP, { text: csvWithout(new Set()), file: 'afternoon.csv', sourceId: 'celestrak-gp-live', asOf: '2026-07-12' });
    const stored = await snapshotObjects(store.db, id);
    expect(stored.length).toBe(morning.length + missing.size);
    expect((await cachedSnapshotObjects(store.db, id)).map((o) => o.noradId).sort()).toEqual(stored.map((o) => o.noradId).sort());
    expect((await cachedClassified(store.db, rules, id)).length).toBe(stored.length);
  }, 600_000);
});
