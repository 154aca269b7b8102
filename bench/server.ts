/**
 * Benchmark: the server's start-up and responsiveness, each beside a baseline measured in the same run.
 *   (0) first start from the built assets on an empty data folder (the bundled data loaded): time from
 *       spawning `serve` to the first 200 from the home page `/`, beside `node -e ''` and opening a new
 *       store folder alone, from the build's empty store (as the first start does) and with initdb;
 *   (a) time from spawning `node dist/cli/main.js serve` to the first 200 from /api/health, beside a
 *       baseline: an empty `node -e ''` and opening the store alone (dist/store/open-store.js);
 *   (b) /api/health latency probed every 10 ms while the start-up analytics are precomputed and the
 *       pages' first reads warmed (src/api/warm-up.ts; until the server logs "analytics precomputed"):
 *       an upper bound of the event loop's delay;
 *   (c) the latency of the main read routes at a fixed rate, right after the precomputation and warm-up
 *       (the warm-up's responses are in the response cache; a route the pages do not read first, such as
 *       launches without `from`, is computed by its first request), with how many answers were computed
 *       (X-Response-Cache: miss); beside a baseline: what each route costs computed, one request each with
 *       a Cookie header, which keeps a request out of the response cache, after (c);
 *   (d) the event loop's delay (monitorEventLoopDelay) during a GP download's ingest as the server's fetch
 *       schedule runs it, on a copy of the loaded store, beside the delay over an idle wait as long
 *       (bench/server-ingest.ts; the download is synthetic, see there).
 * Prints medians over the restarts. The machine is shared with other work, so figures vary between runs.
 *
 * Run: npm run build && npm run bench:server
 *   BENCH_DATA_DIR=/tmp/x   the loaded data folder of the restarts (default: the first start's)
 *   BENCH_RUNS=3            restarts measured
 *   BENCH_RATE=200          requests per second in (c), for BENCH_SECONDS=10 seconds
 *   PORT=3190               the port used
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ingestLoopDelay } from './server-ingest.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const ROUTES = ['/api/v1/entities?limit=50', '/api/v1/entities/country.cn', '/api/v1/search?q=long%20march', '/api/v1/sources', '/api/v1/series',
  '/api/v1/analytics/launches', '/api/v1/analytics/spacecraft', '/api/v1/indicators', '/api/v1/status', '/api/v1/tables/Organization'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

/** The first start's folder; it becomes the loaded store of the restarts unless BENCH_DATA_DIR names one. */
const freshDir = mkdtempSync(join(tmpdir(), 'redshift-bench-server-'));
const dataDir = process.env.BENCH_DATA_DIR ?? freshDir;
const envFor = (dir: string) => ({ ...process.env, REDSHIFT_DATA_DIR: dir, REDSHIFT_FETCH_SCHEDULE: 'off', PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
const env = envFor(dataDir);

interface LoopDelay { p50: number; p99: number; max: number }
interface Server { child: ChildProcess; spawnedAt: number; precomputed: Promise<number>; loopDelay: () => Promise<LoopDelay> }

function serve(dir = dataDir): Server {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', './bench/loop-delay-probe.mjs', 'dist/cli/main.js', 'serve'], { env: envFor(dir), stdio: ['ignore', 'pipe', 'inherit'] });
  const waiting: ((d: LoopDelay) => void)[] = [];
  let partial = '';
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (partial + d.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) if (line.startsWith('loop-delay ')) waiting.shift()?.(JSON.parse(line.slice(11)) as LoopDelay);
  });
  /** The server's event-loop delay since the previous call (bench/loop-delay-probe.mjs). */
  const loopDelay = () => new Promise<LoopDelay>((resolve) => { waiting.push(resolve); child.kill('SIGUSR2'); });
  // Only the output's tail is kept and searched, and only until the precomputation is logged: the server
  // logs every request, and searching all of it on every chunk once cost this process seconds of CPU
  // during (c), which it then measured as latency.
  const precomputed = new Promise<number>((resolve, reject) => {
    let tail = '';
    const watch = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-4000);
      if (!tail.includes('analytics precomputed') && !tail.includes('analytics not precomputed')) return;
      child.stdout!.off('data', watch);
      resolve(performance.now());
    };
    child.stdout!.on('data', watch);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before precomputing:\n${tail.slice(-2000)}`)));
  });
  return { child, spawnedAt, precomputed, loopDelay };
}

async function stop(s: Server): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

async function timed(path: string, headers: Record<string, string> = {}): Promise<{ ms: number; status: number; cache: string }> {
  const started = performance.now();
  const res = await fetch(`${BASE}${path}`, { headers });
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status, cache: res.headers.get('x-response-cache') ?? '' };
}

/** Each route once, computed (a Cookie keeps the request out of the response cache): the median ms per route, and their sum. */
async function computedCost(): Promise<{ median: number; sum: number }> {
  const ms: number[] = [];
  for (const route of ROUTES) ms.push((await timed(route, { cookie: 'bench=1' })).ms);
  return { median: median(ms), sum: ms.reduce((a, b) => a + b, 0) };
}

/** Spawn to the first 200 from /api/health, then /api/health latencies every 10 ms until precomputed. */
async function restart(): Promise<{ firstOk: number; probes: number[]; precomputeS: number; loop: LoopDelay; server: Server }> {
  const server = serve();
  let firstOk = NaN;
  while (Number.isNaN(firstOk)) {
    if ((await timed('/api/health').catch(() => ({ status: 0, ms: 0 }))).status === 200) firstOk = performance.now() - server.spawnedAt;
    else await sleep(10);
  }
  await server.loopDelay(); // from here on
  const probes: number[] = [];
  let done = false;
  const precomputed = server.precomputed.then((t) => { done = true; return t; });
  while (!done) {
    probes.push((await timed('/api/health')).ms);
    await sleep(10);
  }
  const precomputeS = ((await precomputed) - server.spawnedAt) / 1000;
  return { firstOk, probes, precomputeS, loop: await server.loopDelay(), server };
}

/** Requests at a fixed rate (open loop: each starts on schedule, not after the previous one) over the routes. */
async function load(): Promise<{ latencies: number[]; errors: number; computed: number }> {
  const latencies: number[] = [];
  let errors = 0;
  let computed = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < RATE * SECONDS; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(timed(ROUTES[i % ROUTES.length]!).then((r) => {
      latencies.push(r.ms);
      if (r.status !== 200) errors++;
      if (r.cache === 'miss') computed++;
    }, () => { errors++; }));
  }
  await Promise.all(inFlight);
  return { latencies, errors, computed };
}

function timeCommand(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
  return performance.now() - started;
}

/** Opening a new store folder in a process of its own: from the build's empty store (the default), or with initdb (emptyStore: null). */
function newFolderOpen(emptyStore: 'built' | 'initdb'): number {
  const dir = mkdtempSync(join(tmpdir(), 'redshift-bench-new-'));
  const opts = `{ databaseUrl: null, dataDir: ${JSON.stringify(join(dir, 'pglite'))}${emptyStore === 'initdb' ? ', emptyStore: null' : ''} }`;
  try {
    return timeCommand(['-e', `import('./dist/store/open-store.js').then(async (m) => { const s = await m.openStore(${opts}); await s.close(); })`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** (0): spawn to the first 200 from the home page on an empty data folder, with its baselines. */
async function firstStart(): Promise<{ node: number; home: number; built: number; initdb: number }> {
  const node = timeCommand(['-e', '']);
  const built = newFolderOpen('built');
  const initdb = newFolderOpen('initdb');
  console.log(`first start on an empty data folder (${freshDir}) …`);
  const first = serve(freshDir);
  let home = NaN;
  while (Number.isNaN(home)) {
    if ((await timed('/').catch(() => ({ status: 0, ms: 0 }))).status === 200) home = performance.now() - first.spawnedAt;
    else await sleep(50);
  }
  await first.precomputed;
  await stop(first);
  return { node, home, built, initdb };
}

async function main(): Promise<void> {
  if (!existsSync('dist/cli/main.js')) throw new Error('build first: npm run build');
  const first = await firstStart();
  console.log(`first start: home page 200 after ${Math.round(first.home)} ms`);
  if (!existsSync(join(dataDir, 'pglite'))) throw new Error(`${dataDir} holds no loaded store`);
  const openAlone = `import('./dist/store/open-store.js').then(async (m) => { const s = await m.openStore({ databaseUrl: null, dataDir: ${JSON.stringify(join(dataDir, 'pglite'))} }); await s.close(); })`;
  const rows: Record<"node" | "open" | "firstOk" | "loopP99" | "loopMax" | "p99" | "maxProbe" | "precompute" | "apiP50" | "apiP99" | "apiLoopP99" | "errors" | "warmP50" | "warmP99" | "computed" | "costMedian" | "costSum", number>[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const node = timeCommand(['-e', '']);
    const open = timeCommand(['-e', openAlone]);
    const r = await restart();
    const api = await load();
    const apiLoop = await r.server.loopDelay();
    const warm = await load();
    const cost = await computedCost();
    await stop(r.server);
    const row = {
      node, open, firstOk: r.firstOk, loopP99: r.loop.p99, loopMax: r.loop.max, p99: quantile(r.probes, 0.99), maxProbe: Math.max(...r.probes), precompute: r.precomputeS,
      apiP50: median(api.latencies), apiP99: quantile(api.latencies, 0.99), apiLoopP99: apiLoop.p99, errors: api.errors + warm.errors,
      warmP50: median(warm.latencies), warmP99: quantile(warm.latencies, 0.99), computed: api.computed, costMedian: cost.median, costSum: cost.sum,
    };
    rows.push(row);
    console.log(`run ${run}: ${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
  }
  const copy = mkdtempSync(join(tmpdir(), 'redshift-bench-ingest-'));
  cpSync(dataDir, copy, { recursive: true });
  const ingest = await ingestLoopDelay(copy).finally(() => rmSync(copy, { recursive: true, force: true }));
  const m = (k: keyof (typeof rows)[number]) => median(rows.map((r) => r[k])).toFixed(k === 'precompute' ? 1 : 0);
  const f = (x: number) => x.toFixed(1);
  console.log(`\n(0) first start on an empty data folder to the home page's first 200: ${Math.round(first.home)} ms (target < 15000) — baseline: node -e '' ${Math.round(first.node)} ms; a new store folder opened alone from the build's empty store ${Math.round(first.built)} ms, with initdb and the migrations instead ${Math.round(first.initdb)} ms`);
  console.log(`\nmedians of ${RUNS} restarts (a shared 2-core machine: figures vary with other work):`);
  console.log(`(a) warm restart to the first 200 from /api/health: ${m('firstOk')} ms (target < 3000) — baseline: node -e '' ${m('node')} ms, opening the store alone ${m('open')} ms`);
  console.log(`(b) the server's event-loop delay from the first /api/health 200 to the end of the start-up precomputation and warm-up (${m('precompute')} s after spawn): p99 ${m('loopP99')} ms, max ${m('loopMax')} ms (target p99 < 50); /api/health probed every 10 ms meanwhile: p99 ${m('p99')} ms, max ${m('maxProbe')} ms`);
  console.log(`(c) main read routes at ${RATE} req/s for ${SECONDS} s right after the precomputation and warm-up (the warm-up's responses cached): p50 ${m('apiP50')} ms, p99 ${m('apiP99')} ms (target < 50), server event-loop delay p99 ${m('apiLoopP99')} ms, ${m('computed')} of ${RATE * SECONDS} answers computed (the others from the response cache); the next ${SECONDS} s: p50 ${m('warmP50')} ms, p99 ${m('warmP99')} ms; non-200 ${m('errors')} — baseline: each route computed once, bypassing the response cache: median ${m('costMedian')} ms, ${m('costSum')} ms for the ${ROUTES.length} routes`);
  console.log(`(d) event-loop delay during a GP download's ingest (${ingest.accepted} rows, ${Math.round(ingest.ingest.ms)} ms, backup included): p50 ${f(ingest.ingest.p50)} ms, p99 ${f(ingest.ingest.p99)} ms, max ${f(ingest.ingest.max)} ms (target p99 < 50) — baseline, idle as long: p99 ${f(ingest.idle.p99)} ms, max ${f(ingest.idle.max)} ms`);
}

try {
  await main();
} finally {
  rmSync(freshDir, { recursive: true, force: true });
}
