/**
 * Benchmark: parse and load throughput (rows per second) of the bundled GP, launch-log
 * and UCS snapshots, on each store. Run: npm run bench:ingest  (BENCH_STORES=pglite to skip PostgreSQL)
 */
import { performance } from 'node:perf_hooks';
import { createTestStore } from '../test/support/stores.js';
import { loadCurated } from '../src/services/load-curated.js';
import { feedByName } from '../src/services/feeds.js';
import { readSnapshot } from '../src/services/bundled-snapshots.js';
import { ingestFeed } from '../src/services/ingest-feed.js';
import type { StoreKind } from '../src/store/open-store.js';

const CASES = [
  { feed: 'celestrak-gp', file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' },
  { feed: 'celestrak-gp', file: 'celestrak_active_tle_2026-05-04.txt.gz', sourceId: 'celestrak-tle-active-2026-05-04', asOf: '2026-05-04' },
  { feed: 'gcat-launchlog', file: 'gcat_launchlog_2024-12-08.tsv.gz', sourceId: 'gcat-launchlog-2024-12-08', asOf: '2024-12-08' },
  { feed: 'ucs', file: 'ucs_satellite_database_2023-05-01.tsv.gz', sourceId: 'ucs-satdb-2023-05-01', asOf: '2023-05-01' },
];
const kinds = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',') as StoreKind[];
const rate = (rows: number, ms: number) => String(Math.round(rows / (ms / 1000))).padStart(8);

console.log('snapshot                                   rows   parse rows/s');
for (const c of CASES) {
  const text = readSnapshot(c.file);
  const t = performance.now();
  const out = feedByName(c.feed)!.read({ text, file: c.file, sourceId: c.sourceId, asOf: c.asOf });
  console.log(`${c.file.padEnd(40)} ${String(out.parsed.total).padStart(6)}  ${rate(out.parsed.total, performance.now() - t)}`);
}
console.log('\nstore     snapshot                                  first load ms  rows/s   reload ms  rows/s');
for (const kind of kinds) {
  const store = await createTestStore(kind);
  try {
    const kb = await loadCurated(store.db, 'data/kb/sources');
    if (!kb.ok) throw new Error('sources do not validate');
    for (const c of CASES) {
      const text = readSnapshot(c.file);
      const input = { text, file: c.file, sourceId: c.sourceId, asOf: c.asOf };
      let t = performance.now();
      const r = await ingestFeed(store.db, feedByName(c.feed)!, input);
      const first = performance.now() - t;
      t = performance.now();
      await ingestFeed(store.db, feedByName(c.feed)!, input);
      const again = performance.now() - t;
      console.log(`${kind.padEnd(9)} ${c.file.padEnd(40)} ${first.toFixed(0).padStart(13)} ${rate(r.accepted, first)} ${again.toFixed(0).padStart(10)} ${rate(r.accepted, again)}`);
    }
  } finally {
    await store.dispose();
  }
}
