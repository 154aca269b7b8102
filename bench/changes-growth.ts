/**
 * Benchmark: the change feed's safety entries (src/services/safety-changes.ts) as daily GP snapshots
 * arrive, over SYNTHETIC snapshots.
 *
 * The store is loaded as a first start loads it (curated knowledge base, every bundled snapshot), then
 * BENCH_DAYS daily snapshots are added: the bundled 2026-07-10 GP file with every epoch moved forward by
 * the day's offset and mean anomalies propagated by mean motion × time (two-body only; bench/support/
 * synthetic-gp.ts). At checkpoints, after that day's ingest, it prints the safety entries' read time:
 *   - incremental: with the caches a running server has (every earlier snapshot already read), i.e. what a
 *     new daily download costs the feed's next reader;
 *   - restart: the same read by a new process, i.e. with empty memory caches and the results kept in the store
 *     (data-cache.ts, `persist`: each snapshot's station screening, reentry watch and feed entries);
 *   - cold (the baseline, same data, same run): the same read with nothing kept, in memory or in the store, i.e.
 *     what a restart cost before the results were kept in the store, and an upper bound of what each new download
 *     cost before each snapshot's results were kept in memory (every snapshot's screening and watch computed again);
 *   - the station screenings each read ran.
 * Run: npm run bench:changes-growth   (BENCH_DAYS=20, BENCH_STORE=pglite|postgres)
 */
import { performance } from 'node:perf_hooks';
import { createTestStore } from '../test/support/stores.js';
import { loadFirstStart } from '../test/support/first-start-load.js';
import { feedByName } from '../src/services/feeds.js';
import { ingestFeed } from '../src/services/ingest-feed.js';
import { loadRules } from '../src/services/analytics.js';
import { clearKeptResults, clearMemo } from '../src/services/data-cache.js';
import { safetyChanges } from '../src/services/safety-changes.js';
import { workerRunner } from '../src/services/screen-runners.js';
import type { ScreenRunner } from '../src/services/conjunctions.js';
import type { StoreKind } from '../src/store/open-store.js';
import { baseGpCsv, gpCsvText, movedRow, syntheticReceivedAt } from './support/synthetic-gp.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 20);
const KIND = (process.env.BENCH_STORE ?? 'pglite') as StoreKind;
const CHECKPOINTS = new Set([1, 2, 5, 10, 20, 40, DAYS].filter((d) => d <= DAYS));
const BASE_AS_OF = Date.parse('2026-07-10T00:00:00Z');
const DAY_MS = 864e5;
const TODAY = '2026-12-06';

const base = baseGpCsv();
const gp = feedByName('celestrak-gp')!;
const rules = loadRules('data/rules');
let screenings = 0;
const worker = workerRunner();
const run: ScreenRunner = (rows, primaries, opts) => { screenings++; return worker(rows, primaries, opts); };

const store = await createTestStore(KIND);
try {
  await loadFirstStart(store.db);
  const read = async () => {
    const before = screenings;
    const t = performance.now();
    const entries = await safetyChanges(store.db, rules, run, { until: TODAY, today: TODAY, wants: () => true });
    return { ms: performance.now() - t, screenings: screenings - before, entries: entries.length };
  };
  await read();
  console.log(`SYNTHETIC daily GP snapshots (the bundled 2026-07-10 file moved a day at a time, ${base.rows.length} objects each), on ${KIND}`);
  console.log('day  snapshots  entries  incremental ms (screenings)  restart ms (screenings)  cold ms, baseline (screenings)  cold / incremental');
  for (let day = 1; day <= DAYS; day++) {
    const asOf = new Date(BASE_AS_OF + day * DAY_MS).toISOString().slice(0, 10);
    const text = gpCsvText(base.header, base.rows.map((f) => movedRow(f, base.at, day)));
    await ingestFeed(store.db, gp, { text, file: `synthetic-${asOf}.csv`, sourceId: 'celestrak-gp-live', asOf, receivedAt: syntheticReceivedAt(asOf) });
    const incremental = await read();
    if (!CHECKPOINTS.has(day)) continue;
    clearMemo(store.db);
    const restart = await read();
    await clearKeptResults(store.db);
    const cold = await read();
    const snapshots = (await store.db.selectFrom('gp_snapshots').select('id').execute()).length;
    console.log(`${String(day).padStart(3)}  ${String(snapshots).padStart(9)}  ${String(incremental.entries).padStart(7)}  `
      + `${incremental.ms.toFixed(0).padStart(14)} (${incremental.screenings})  ${restart.ms.toFixed(0).padStart(10)} (${restart.screenings})  `
      + `${cold.ms.toFixed(0).padStart(24)} (${cold.screenings})  `
      + `${(cold.ms / incremental.ms).toFixed(1).padStart(17)}×`);
  }
} finally {
  await store.dispose();
}
