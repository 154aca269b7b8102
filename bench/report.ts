/**
 * Benchmark: generating the HTML report (redshift-monitor report --out), on PGlite.
 * Each run opens the store afresh, as the CLI does (the services' caches are per store
 * connection, so every run starts cold), then times gathering the data through the
 * services the API uses and rendering the HTML with its SVG figures. Prints the median
 * of the runs next to a baseline measured in the same run: gathering the data alone
 * (what the API's services cost before any HTML is written). Also shows one warm run
 * on an open store (a running server's caches). Target: the whole generation under 20 s.
 *
 * Run: npm run bench:report
 *   REDSHIFT_DATA_DIR=/tmp/x-data  use the PGlite store a `serve` run loaded there
 *                                  (else the bundled data is loaded into a temporary store first, not timed)
 *   BENCH_RUNS=3                   timed runs (default 3)
 */
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../src/store/open-store.js';
import { loadRules } from '../src/services/analytics.js';
import { loadCurated } from '../src/services/load-curated.js';
import { ingestAllBundled } from '../src/services/bundled-snapshots.js';
import { gatherReportData } from '../src/report/report-data.js';
import { renderReport } from '../src/report/render-report.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_MS = 20_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function storeDir(): Promise<{ dir: string; temporary: boolean }> {
  if (process.env.REDSHIFT_DATA_DIR) return { dir: join(process.env.REDSHIFT_DATA_DIR, 'pglite'), temporary: false };
  const dir = join(mkdtempSync(join(tmpdir(), 'bench-report-')), 'pglite');
  const t = performance.now();
  const s = await openStore({ databaseUrl: null, dataDir: dir });
  for (const [path, rules] of [['data/kb/sources', undefined], ['data/kb', 'data/rules']] as const) {
    const r = await loadCurated(s.db, path, rules);
    if (!r.ok) throw new Error(`${path} does not validate`);
  }
  await ingestAllBundled(s.db);
  await s.close();
  console.log(`loaded the bundled data into ${dir} in ${sec(performance.now() - t)} (not timed below)`);
  return { dir, temporary: true };
}

async function timed(s: Store, rules: ReturnType<typeof loadRules>): Promise<{ data: number; total: number; size: number }> {
  const t0 = performance.now();
  const data = await gatherReportData(s.db, rules);
  const t1 = performance.now();
  const size = renderReport(data).html.length;
  return { data: t1 - t0, total: performance.now() - t0, size };
}

const { dir, temporary } = await storeDir();
try {
  const rules = loadRules('data/rules');
  const runs: Awaited<ReturnType<typeof timed>>[] = [];
  let warm: Awaited<ReturnType<typeof timed>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const s = await openStore({ databaseUrl: null, dataDir: dir });
    try {
      const r = await timed(s, rules);
      runs.push(r);
      console.log(`run ${i + 1} (cold): data ${sec(r.data)}, HTML ${sec(r.total - r.data)}, total ${sec(r.total)}`);
      if (i === RUNS - 1) warm = await timed(s, rules);
    } finally {
      await s.close();
    }
  }
  const [data, total] = [median(runs.map((r) => r.data)), median(runs.map((r) => r.total))];
  console.log(`\nmedian of ${RUNS} cold runs (report ${Math.round(runs[0]!.size / 1024)} KB):`);
  console.log(`  baseline, report data alone (the services the API uses): ${sec(data)}`);
  console.log(`  HTML report generation (data + rendering):              ${sec(total)}  (rendering ${sec(total - data)})`);
  if (warm) console.log(`  warm, on an open store (a running server's caches):     ${sec(warm.total)}  (data ${sec(warm.data)})`);
  console.log(`  target: under ${TARGET_MS / 1000} s: ${total < TARGET_MS ? 'met' : 'NOT met'}`);
} finally {
  if (temporary) rmSync(join(dir, '..'), { recursive: true, force: true });
}
