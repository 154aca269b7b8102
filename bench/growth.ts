/**
 * Benchmark: growth without slowdown, over a SYNTHETIC year of daily GP snapshots.
 *
 * The year is derived from the bundled 2026-07-10 GP snapshot (every BENCH_STRIDE-th object, default
 * every 8th, so a year loads in minutes): day i (asOf 2025-07-11 + i) holds the same objects with their
 * epochs moved back to that day and mean anomalies propagated by mean motion × time (two-body
 * only: the orbits are not physical; the snapshots exercise storage and analytics, not orbits). Each
 * object gets a new element set every 1, 2 or 3 days (by NORAD id), as CelesTrak's cadence varies; on
 * other days it keeps yesterday's. Before the year, the store holds the curated knowledge base and
 * every bundled snapshot of the other feeds (SATCAT, launch log, UCS …), not the real GP ones.
 *
 * At checkpoints it prints, after that day's ingest:
 *   - ingest ms of the day's snapshot;
 *   - incremental ms: the constellations and spacecraft analytics with the caches a running server
 *     has (each earlier snapshot already classified once), i.e. what the analytics cost after a new
 *     daily download;
 *   - restart ms: the same analytics in a new process (empty memory caches; the per-snapshot program counts
 *     and the constellations kept in the store are read, data-cache.ts `persist`);
 *   - cold ms (the baseline, same data, same run): the same analytics with nothing kept, in memory or in the
 *     store — what every new download cost before analytics were incremental, and what a restart cost before
 *     results were kept in the store;
 *   - rows stored for element sets and snapshot membership (element spans, beside the snapshot-object
 *     pairs they stand for).
 * Run: npm run bench:growth   (BENCH_DAYS=365, BENCH_STRIDE=8, BENCH_STORE=postgres|pglite)
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createTestStore } from '../test/support/stores.js';
import { loadCurated } from '../src/services/load-curated.js';
import { FEEDS, feedByName } from '../src/services/feeds.js';
import { ingestBundled } from '../src/services/bundled-snapshots.js';
import { ingestFeed } from '../src/services/ingest-feed.js';
import { constellationsAnalytic, loadRules, spacecraftAnalytic } from '../src/services/analytics.js';
import { clearKeptResults, clearMemo } from '../src/services/data-cache.js';
import type { StoreKind } from '../src/store/open-store.js';
import { BASE_GP_FILE, baseGpCsv, gpCsvText, movedRow, syntheticReceivedAt } from './support/synthetic-gp.js';

const DAYS = Number(process.env.BENCH_DAYS ?? 365);
const STRIDE = Number(process.env.BENCH_STRIDE ?? 8);
const KIND = (process.env.BENCH_STORE ?? 'postgres') as StoreKind;
const CHECKPOINTS = new Set([1, 7, 30, 90, 180, 270, 365, DAYS].filter((d) => d <= DAYS));
const SOURCE = 'celestrak-gp-active-2026-07-10';
const FIRST_DAY = Date.parse('2025-07-11T00:00:00Z');
const DAY_MS = 864e5;

const base = baseGpCsv();
const objects = base.rows.filter((_, i) => i % STRIDE === 0);

/** The snapshot of day `day` (0-based): each object's element set as of its last update day. */
function snapshotOf(day: number): string {
  return gpCsvText(base.header, objects.map((f) => {
    const interval = (Number(f[base.at.norad]) % 3) + 1;
    const updated = day - (day % interval);
    // Move the epoch back from the base snapshot to the update day (same time of day).
    return movedRow(f, base.at, -(DAYS - 1 - updated));
  }));
}

async function timed<T>(run: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

const store = await createTestStore(KIND);
try {
  const rules = loadRules('data/rules');
  // As a first start loads them (test/support/first-start-load.ts): the sources, then the rest with the rules.
  if (!(await loadCurated(store.db, 'data/kb/sources')).ok) throw new Error('data/kb/sources does not validate');
  if (!(await loadCurated(store.db, 'data/kb', 'data/rules')).ok) throw new Error('data/kb does not validate');
  for (const feed of FEEDS.filter((f) => f.name !== 'celestrak-gp')) for (const snap of feed.bundled) await ingestBundled(store.db, feed, snap);
  const gp = feedByName('celestrak-gp')!;
  const analytics = async () => {
    await constellationsAnalytic(store.db, rules);
    await spacecraftAnalytic(store.db, rules, { country: 'CN' });
  };
  console.log(`SYNTHETIC year: ${DAYS} daily snapshots of ${objects.length} objects (every ${STRIDE}th of ${BASE_GP_FILE}), on ${KIND}`);
  console.log('day  asOf        ingest ms  incremental ms  cold ms (baseline)  element_sets  spans / (snapshot, object) pairs');
  for (let day = 0; day < DAYS; day++) {
    const asOf = new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
    const csv = snapshotOf(day);
    const ingest = await timed(() => ingestFeed(store.db, gp, { text: csv, file: `synthetic-${asOf}.csv`, sourceId: SOURCE, asOf, receivedAt: syntheticReceivedAt(asOf) }));
    // The server computes its analytics after every ingest (precompute); so does this loop.
    const incremental = await timed(analytics);
    if (!CHECKPOINTS.has(day + 1)) continue;
    const warm = await timed(analytics);
    clearMemo(store.db);
    const restart = await timed(analytics);
    await clearKeptResults(store.db);
    const cold = await timed(analytics);
    const count = async (table: string) => Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(store.db)).rows[0]!.n);
    // Stored membership rows (element spans: one per run of unchanged element sets) beside the (snapshot, object) pairs they stand for.
    const membership = `${await count('element_spans')} / ${await count('gp_snapshot_objects')}`;
    console.log(`${String(day + 1).padStart(3)}  ${asOf}  ${ingest.toFixed(0).padStart(9)}  ${incremental.toFixed(0).padStart(14)}  ${cold.toFixed(0).padStart(18)}  ${String(await count('element_sets')).padStart(12)}  ${membership.padStart(15)}   (warm repeat ${warm.toFixed(0)} ms, restart ${restart.toFixed(0)} ms)`);
  }
} finally {
  await store.dispose();
}
