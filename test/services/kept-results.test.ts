/**
 * Results kept in the store (data-cache.ts, `persist`; migration 008): a new process reads a snapshot's
 * station screening, reentry watch and backtest instead of computing them, equal to a computation; a kept result
 * is ignored when the data it was computed from or the code changed; a request's own parameters add no
 * rows; and the table stays under its size cap, the least recently computed rows deleted first.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { loadedStore } from '../support/loaded-store.js';
import { constellationsAnalytic, loadRules } from '../../src/services/analytics.js';
import { conjunctionReport, type ScreenRunner } from '../../src/services/conjunctions.js';
import { reentryReport } from '../../src/services/reentries.js';
import { clearKeptResults, clearMemo, KEPT_RESULTS_ORIGIN, memo, memoKeys, memoSize } from '../../src/services/data-cache.js';
import { storeStatus } from '../../src/store/queries/status.js';
import { precomputeAnalytics } from '../../src/services/precompute.js';
import { listSnapshots } from '../../src/store/queries/catalog.js';
import { screenConjunctions } from '../../src/analytics/conjunctions/screen.js';
import { feedByName } from '../../src/services/feeds.js';
import { ingestFeed } from '../../src/services/ingest-feed.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { GP_SNAPSHOT_2026_07_10 } from '../../src/services/bundled-elements.js';
import { writeDerived } from '../../src/store/queries/derived-results.js';

const STATION = { primaries: [48274] };

describe.each(STORE_KINDS)('results kept in the store (%s)', (kind) => {
  let store: TestStore;
  beforeAll(async () => { store = await loadedStore(kind); }, 600_000);
  afterAll(async () => { await store?.dispose(); });

  const rules = loadRules('data/rules');
  let screenings = 0;
  const run: ScreenRunner = (rows, primaries, opts) => { screenings++; return screenConjunctions(rows, primaries, opts); };
  const keys = async () => (await store.db.selectFrom('derived_results').select('key').orderBy('key').execute()).map((r) => r.key);

  it('are read by a new process instead of computed, equal to a computation, and ignored once the code or the data changed', async () => {
    await clearKeptResults(store.db);
    const computed = await conjunctionReport(store.db, rules, STATION, run);
    const watch = await reentryReport(store.db, rules, {});
    expect(screenings).toBe(1);
    expect(watch.backtest).not.toBeNull();
    const kept = await keys();
    expect(kept).toEqual(expect.arrayContaining([expect.stringMatching(/^screen:.*:48274:/), expect.stringMatching(/^reentry-watch:/), expect.stringMatching(/^reentry-backtest:/)]));
    // The watch's candidates are kept once: the report is put together from the watch and the backtest.
    expect(kept.filter((k) => k.startsWith('reentries:'))).toEqual([]);

    // A restart: the memory caches are empty, the store's rows are read.
    clearMemo(store.db);
    expect(await conjunctionReport(store.db, rules, STATION, run)).toStrictEqual(computed);
    clearMemo(store.db);
    expect(await reentryReport(store.db, rules, {})).toStrictEqual(watch);
    // Neither snapshot's objects were read or classified: the watch and the backtest came from the store.
    expect(memoKeys(store.db).filter((k) => /^(objects|classified):/.test(k))).toEqual([]);
    expect(screenings).toBe(1);

    // Another program (the fingerprint of the code that computed the rows differs): computed again.
    await sql`update derived_results set code = 'another program'`.execute(store.db);
    clearMemo(store.db);
    expect(await conjunctionReport(store.db, rules, STATION, run)).toStrictEqual(computed);
    expect(screenings).toBe(2);

    // The snapshot written again (a second download on the same day): computed again.
    const gp = feedByName('celestrak-gp')!;
    const s = GP_SNAPSHOT_2026_07_10;
    await ingestFeed(store.db, gp, { text: readSnapshot(s.file), file: s.file, sourceId: s.sourceId, asOf: s.asOf });
    clearMemo(store.db);
    await conjunctionReport(store.db, rules, STATION, run);
    expect(screenings).toBe(3);
  }, 300_000);

  it('give a restarted server the constellations without classifying any snapshot', async () => {
    await clearKeptResults(store.db);
    const computed = await constellationsAnalytic(store.db, rules);
    expect(memoSize(store.db)).toBeGreaterThan(2); // the snapshots' objects and classifications were read
    clearMemo(store.db);
    expect(await constellationsAnalytic(store.db, rules)).toStrictEqual(computed);
    expect(memoSize(store.db)).toBe(1); // the constellations entry alone
    expect(memoSize(store.db, 'small')).toBe(0);
  }, 300_000);

  it('let a start classify the newest snapshot only, and still answer for an older one', async () => {
    clearMemo(store.db);
    await precomputeAnalytics(store.db, rules);
    const snapshots = await listSnapshots(store.db);
    expect(snapshots.length).toBeGreaterThan(1);
    const classified = memoKeys(store.db).filter((k) => k.startsWith('classified:'));
    expect(classified).toEqual([expect.stringContaining(`classified:${snapshots.at(-1)!.id}:`)]);
    const older = await constellationsAnalytic(store.db, rules, { asOf: snapshots[0]!.asOf });
    expect(older.asOf).toBe(snapshots[0]!.asOf);
  }, 300_000);

  it('keep nothing for a request\'s own parameters', async () => {
    // What the default requests keep (the reentry backtest does not depend on the horizon: one row per pair of snapshots).
    await conjunctionReport(store.db, rules, STATION, run);
    await reentryReport(store.db, rules, {});
    const before = await keys();
    await conjunctionReport(store.db, rules, { ...STATION, days: 2 }, run);
    await conjunctionReport(store.db, rules, { ...STATION, thresholdKm: 7 }, run);
    await reentryReport(store.db, rules, { days: 30 });
    expect(await keys()).toEqual(before);
  }, 300_000);

  const lastKeptFailure = () => store.db.selectFrom('runs').select(['status', 'error', 'detail'])
    .where('origin', '=', KEPT_RESULTS_ORIGIN).orderBy('id', 'desc').limit(1).executeTakeFirst();

  it('still answer when the store refuses the write, and log and record the failure', async () => {
    await clearKeptResults(store.db);
    await sql`create function refuse_kept() returns trigger language plpgsql as $$ begin raise exception 'kept results refused'; end $$`.execute(store.db);
    await sql`create trigger refuse_kept before insert or update on derived_results for each row execute function refuse_kept()`.execute(store.db);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const report = await conjunctionReport(store.db, rules, STATION, run);
      expect(report.counts.primaries).toBe(1);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/kept result "screen:.*48274.*" not written to the store: .*kept results refused/));
      expect(await keys()).toEqual([]);
      // Recorded as a failed run, which /api/status counts with the other failures.
      expect(await lastKeptFailure()).toMatchObject({
        status: 'failed', error: expect.stringMatching(/not written to the store: .*kept results refused/),
        detail: { check: 'write', key: expect.stringMatching(/^screen:.*48274/) },
      });
      const status = (await storeStatus(store.db)).origins.find((o) => o.origin === KEPT_RESULTS_ORIGIN);
      expect(status).toMatchObject({ lastStatus: 'failed', lastSuccess: null, lastFailure: { check: 'write', reason: expect.stringMatching(/kept results refused/) } });
      expect(status!.failures).toBeGreaterThanOrEqual(1);
    } finally {
      warn.mockRestore();
      await sql`drop trigger refuse_kept on derived_results`.execute(store.db);
      await sql`drop function refuse_kept()`.execute(store.db);
    }
  }, 300_000);

  it('still answer, and record why, when a result cannot be serialized', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const value = { count: 3, format: () => 'three' };
      expect(await memo(store.db, 'test:unserializable', async () => value, { persist: true })).toBe(value);
      expect(await lastKeptFailure()).toMatchObject({
        status: 'failed', error: expect.stringMatching(/kept result "test:unserializable" not written to the store: .*could not be cloned/),
        detail: { check: 'write', key: 'test:unserializable' },
      });
    } finally {
      warn.mockRestore();
    }
  });

  it('compute again, and replace, a kept row that does not deserialize', async () => {
    await clearKeptResults(store.db);
    const computed = await conjunctionReport(store.db, rules, STATION, run);
    const before = screenings;
    await sql`update derived_results set value = ${Buffer.from('not a serialized value')} where key like 'screen:%'`.execute(store.db);
    clearMemo(store.db);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await conjunctionReport(store.db, rules, STATION, run)).toStrictEqual(computed);
      expect(screenings).toBe(before + 1);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/kept result "screen:.*" unreadable, computed again/));
      expect(await lastKeptFailure()).toMatchObject({ status: 'failed', error: expect.stringMatching(/unreadable, computed again/), detail: { check: 'read' } });
    } finally {
      warn.mockRestore();
    }
    clearMemo(store.db);
    expect(await conjunctionReport(store.db, rules, STATION, run)).toStrictEqual(computed);
    expect(screenings).toBe(before + 1);
  }, 300_000);

  it('stay under the size cap, the least recently computed deleted first', async () => {
    await clearKeptResults(store.db);
    const stamp = { version: 'v', code: 'c' };
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) {
      await writeDerived(store.db, key, stamp, new Uint8Array(1000).fill(i), `2026-12-06T00:00:0${i}Z`, 2500);
    }
    expect(await keys()).toEqual(['c', 'd']);
    // Writing an existing key again makes it the newest.
    await writeDerived(store.db, 'c', stamp, new Uint8Array(1000), '2026-12-06T00:00:09Z', 2500);
    await writeDerived(store.db, 'e', stamp, new Uint8Array(1000), '2026-12-06T00:00:10Z', 2500);
    expect(await keys()).toEqual(['c', 'e']);
  });
});
