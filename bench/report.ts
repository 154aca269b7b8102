/**
 * Benchmark: generating the HTML report (redshift-monitor report --out), on PGlite.
 * Prints the median of a few runs of the whole generation (gathering the data through the
 * services the API uses, then rendering the HTML with its SVG figures), next to a baseline
 * measured in the same run: gathering the data alone, i.e. what the API's services cost
 * before any HTML is written. The target is under 20 s for the whole generation.
 *
 * Run: npm run bench:report
 *   REDSHIFT_DATA_DIR=/tmp/x-data  use the PGlite store a `serve` run loaded there (else the bundled data is loaded first, not timed)
 *   BENCH_RUNS=3                   timed runs (default 3)
 */
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/open-store.js';
import { loadRules } from '../src/services/analytics.js';
import { gatherReportData } from '../src/report/report-data.js';
import { renderReport } from '../src/report/render-report.js';
import { loadedStore } from '../test/support/loaded-store.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 20_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function store(): Promise<Store> {
  const dir = process.env.REDSHIFT_DATA_DIR;
  if (dir) return openStore({ databaseUrl: null, dataDir: join(dir, 'pglite') });
  const t = performance.now();
  const s = await loadedStore('pglite');
  console.log(`loaded the bundled data into an in-memory PGlite store in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed below)`);
  return s;
}

const s = await store();
try {
  const rules = loadRules('data/rules');
  const gather: number[] = [];
  const total: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const data = await gatherReportData(s.db, rules);
    const t1 = performance.now();
    size = renderReport(data).html.length;
    const t2 = performance.now();
    gather.push(t1 - t0);
    total.push(t2 - t0);
    console.log(`run ${i + 1}: data ${((t1 - t0) / 1000).toFixed(2)} s, HTML ${((t2 - t1) / 1000).toFixed(2)} s, total ${((t2 - t0) / 1000).toFixed(2)} s`);
  }
  const [g, all] = [median(gather), median(total)];
  console.log(`\nmedian of ${RUNS} runs (report ${Math.round(size / 1024)} KB):`);
  console.log(`  baseline, report data alone (services as the API uses them): ${(g / 1000).toFixed(2)} s`);
  console.log(`  HTML report generation (data + rendering):                  ${(all / 1000).toFixed(2)} s  (rendering ${((all - g) / 1000).toFixed(2)} s)`);
  console.log(`  target: under ${TARGET_MS / 1000} s: ${all < TARGET_MS ? 'met' : 'NOT met'}`);
} finally {
  await s.close();
}
