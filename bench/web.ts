/**
 * Benchmark: the dashboard's home page in headless Chromium.
 * Prints time to first contentful paint, time until every chart is drawn (the app marks
 * `charts-ready:<page>` and sets body[data-charts-ready]), and the gzipped size of web/dist's JS.
 *
 * Run: npm run bench:web
 *   BENCH_URL=http://127.0.0.1:3000  use a running server instead of starting one on the bundled data
 *   BENCH_RUNS=5                     timed page loads after one warm-up load (default 5)
 *   BENCH_ROUTE=#/chart/launches     another page than the home page
 *   CHROMIUM_PATH=/usr/bin/chromium
 * Each load uses a fresh browser profile, so nothing comes from the HTTP cache.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from '../test/web/support/browser.js';
import { buildWebApp, startApp, type RunningApp } from '../test/web/support/app-server.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ROUTE = process.env.BENCH_ROUTE ?? '#/';
const TARGET_MS = 1500;
const TARGET_KB = 400;

interface Sample { fcp: number; charts: number; jsKb: number; requests: number }

async function measure(base: string): Promise<Sample> {
  const b = await launchBrowser();
  try {
    await b.page.goto(`${base}/${ROUTE}`);
    await b.page.waitForFunction(() => document.body.dataset.chartsReady === 'true', null, { timeout: 60_000 });
    return await b.page.evaluate(() => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const charts = performance.getEntriesByType('mark').find((m) => m.name.startsWith('charts-ready:'))?.startTime ?? NaN;
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const js = resources.filter((r) => r.name.endsWith('.js')).reduce((n, r) => n + r.encodedBodySize, 0);
      return { fcp, charts, jsKb: js / 1024, requests: resources.length };
    });
  } finally {
    await b.close();
  }
}

function gzippedJs(dir: string): { files: number; rawKb: number; gzipKb: number; entryGzipKb: number } {
  const assets = join(dir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const bytes = readFileSync(join(assets, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))?.[1];
  const entryGzipKb = entry ? gzipSync(readFileSync(join(assets, entry)), { level: 9 }).length / 1024 : NaN;
  return { files: files.length, rawKb: raw / 1024, gzipKb: gz / 1024, entryGzipKb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;

let app: RunningApp | null = null;
let base = process.env.BENCH_URL?.replace(/\/$/, '');
try {
  if (!base) {
    process.stdout.write('starting the server on the bundled data (building web/dist, loading the store) …\n');
    app = await startApp();
    base = app.url.replace(/\/$/, '');
  } else if (!existsSync('web/dist/index.html')) {
    await buildWebApp();
  }
  const size = gzippedJs('web/dist');
  const warm = await measure(base);
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) samples.push(await measure(base));
  console.log(`web benchmark: ${base}/${ROUTE}, ${RUNS} loads after one warm-up load, fresh browser profile each`);
  console.log('                         first load   median   min      max');
  for (const [label, key] of [['first contentful paint', 'fcp'], ['all charts drawn', 'charts']] as const) {
    const xs = samples.map((s) => s[key]);
    console.log(`${label.padEnd(24)} ${ms(warm[key]).padStart(10)}  ${ms(median(xs)).padStart(7)}  ${ms(Math.min(...xs)).padStart(7)}  ${ms(Math.max(...xs)).padStart(7)}`);
  }
  console.log(`JS fetched by this page: ${median(samples.map((s) => s.jsKb)).toFixed(1)} KB as sent (${samples[0]!.requests} requests)`);
  console.log(`web/dist JS: ${size.files} files, ${size.rawKb.toFixed(1)} KB raw, ${size.gzipKb.toFixed(1)} KB gzipped (entry chunk ${size.entryGzipKb.toFixed(1)} KB gzipped)`);
  const chartsMs = median(samples.map((s) => s.charts));
  console.log(`targets: charts drawn < ${TARGET_MS} ms: ${chartsMs < TARGET_MS ? 'met' : 'NOT met'} (${ms(chartsMs)}); gzipped JS < ${TARGET_KB} KB: ${size.gzipKb < TARGET_KB ? 'met' : 'NOT met'} (${size.gzipKb.toFixed(1)} KB)`);
} finally {
  await app?.close();
}
