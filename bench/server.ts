/**
 * Benchmark: a warm restart of the server on an already-loaded store, measured in one run.
 *   (a) time from spawning `node dist/cli/main.js serve` to the first 200 from /api/health, beside a
 *       baseline: an empty `node -e ''` and opening the store alone (dist/store/open-store.js);
 *   (b) /api/health latency probed every 10 ms while the start-up analytics are precomputed (until the
 *       server logs "analytics precomputed"): an upper bound of the event loop's delay;
 *   (c) the latency of the main read routes at a fixed rate, after the precomputation.
 * Prints medians over the restarts. The machine is shared with other work, so figures vary between runs.
 *
 * Run: npm run build && npm run bench:server
 *   BENCH_DATA_DIR=/tmp/x   reuse a loaded data folder (default: a temporary one, loaded first, ~2 min)
 *   BENCH_RUNS=3            restarts measured
 *   BENCH_RATE=200          requests per second in (c), for BENCH_SECONDS=10 seconds
 *   PORT=3190               the port used
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PORT = Number(process.env.PORT ?? 3190);
const BASE = `http://127.0.0.1:${PORT}`;
const ROUTES = ['/api/v1/entities?limit=50', '/api/v1/entities/country.cn', '/api/v1/search?q=long%20march', '/api/v1/sources', '/api/v1/series',
  '/api/v1/analytics/launches', '/api/v1/analytics/spacecraft', '/api/v1/indicators', '/api/v1/status', '/api/v1/tables/Organization'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

const ownDir = !process.env.BENCH_DATA_DIR;
const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'redshift-bench-server-'));
const env = { ...process.env, REDSHIFT_DATA_DIR: dataDir, REDSHIFT_FETCH_SCHEDULE: 'off', PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'info' };

interface Server { child: ChildProcess; spawnedAt: number; precomputed: Promise<number> }

function serve(): Server {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['dist/cli/main.js', 'serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const precomputed = new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('analytics precomputed') || out.includes('analytics not precomputed')) resolve(performance.now());
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before precomputing:\n${out.slice(-2000)}`)));
  });
  return { child, spawnedAt, precomputed };
}

async function stop(s: Server): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}

async function timed(path: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(`${BASE}${path}`);
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

/** Spawn to the first 200 from /api/health, then /api/health latencies every 10 ms until precomputed. */
async function restart(): Promise<{ firstOk: number; probes: number[]; precomputeS: number; server: Server }> {
  const server = serve();
  let firstOk = NaN;
  while (Number.isNaN(firstOk)) {
    if ((await timed('/api/health').catch(() => ({ status: 0, ms: 0 }))).status === 200) firstOk = performance.now() - server.spawnedAt;
    else await sleep(10);
  }
  const probes: number[] = [];
  let done = false;
  const precomputed = server.precomputed.then((t) => { done = true; return t; });
  while (!done) {
    probes.push((await timed('/api/health')).ms);
    await sleep(10);
  }
  return { firstOk, probes, precomputeS: ((await precomputed) - server.spawnedAt) / 1000, server };
}

/** Requests at a fixed rate (open loop: each starts on schedule, not after the previous one) over the routes. */
async function load(): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < RATE * SECONDS; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    inFlight.push(timed(ROUTES[i % ROUTES.length]!).then((r) => { latencies.push(r.ms); if (r.status !== 200) errors++; }, () => { errors++; }));
  }
  await Promise.all(inFlight);
  return { latencies, errors };
}

function timeCommand(args: string[]): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  if (!existsSync('dist/cli/main.js')) throw new Error('build first: npm run build');
  if (!existsSync(join(dataDir, 'pglite'))) {
    console.log(`loading the bundled data into ${dataDir} once (first start) …`);
    const first = serve();
    await first.precomputed;
    await stop(first);
  }
  const openAlone = `import('./dist/store/open-store.js').then(async (m) => { const s = await m.openStore({ databaseUrl: null, dataDir: ${JSON.stringify(join(dataDir, 'pglite'))} }); await s.close(); })`;
  const rows: { node: number; open: number; firstOk: number; p99: number; maxProbe: number; precompute: number; apiP50: number; apiP99: number; errors: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const node = timeCommand(['-e', '']);
    const open = timeCommand(['-e', openAlone]);
    const r = await restart();
    const api = await load();
    await stop(r.server);
    const row = { node, open, firstOk: r.firstOk, p99: quantile(r.probes, 0.99), maxProbe: Math.max(...r.probes), precompute: r.precomputeS, apiP50: median(api.latencies), apiP99: quantile(api.latencies, 0.99), errors: api.errors };
    rows.push(row);
    console.log(`run ${run}: ${JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`);
  }
  const m = (k: keyof (typeof rows)[number]) => median(rows.map((r) => r[k])).toFixed(k === 'precompute' ? 1 : 0);
  console.log(`\nmedians of ${RUNS} restarts (a shared 2-core machine: figures vary with other work):`);
  console.log(`(a) warm restart to the first 200 from /api/health: ${m('firstOk')} ms (target < 3000) — baseline: node -e '' ${m('node')} ms, opening the store alone ${m('open')} ms`);
  console.log(`(b) /api/health latency every 10 ms during the start-up precomputation (${m('precompute')} s after spawn): p99 ${m('p99')} ms, max ${m('maxProbe')} ms (target p99 < 50)`);
  console.log(`(c) main read routes at ${RATE} req/s for ${SECONDS} s: p50 ${m('apiP50')} ms, p99 ${m('apiP99')} ms (target < 50), non-200 ${m('errors')}`);
}

try {
  await main();
} finally {
  if (ownDir) rmSync(dataDir, { recursive: true, force: true });
}
