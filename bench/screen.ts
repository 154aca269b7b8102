/**
 * Benchmark: conjunction screening of the China Space Station (CSS Tianhe, NORAD 48274, and its
 * docked stack) against the bundled 2026-07-10 catalog over 7 days, threshold 5 km.
 *   - the screener: coarse grid propagated by the worker pool on all cores; median of warm runs,
 *     and one cold run that includes preparing the catalog (SGP4 initialisation of every object);
 *   - baseline, same run: brute force (satellite.js sgp4 every 10 s, Lipschitz-safe detection,
 *     golden-section TCA) over every pair the apogee/perigee filter kept, timed; and the brute force
 *     cost of the whole unfiltered catalog, extrapolated from the measured cost per pair.
 * The events of both are compared (missed / extra). Target: the screener under 1 s on 2 cores.
 *
 * Run: npm run bench:screen   (BENCH_RUNS=3, BENCH_DAYS=7, BENCH_BRUTE_STEP=10)
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { bruteForcePair } from '../src/analytics/conjunctions/brute-force.js';
import { radialShell, shellsOverlap } from '../src/analytics/conjunctions/orbit-filter.js';
import { poolPropagator } from '../src/analytics/conjunctions/pool-propagator.js';
import { screenConjunctions } from '../src/analytics/conjunctions/screen.js';
import type { ScreenResult } from '../src/analytics/conjunctions/types.js';
import { prepareCatalog } from '../src/orbit/batch/catalog-elements.js';
import { PropagationPool } from '../src/orbit/batch/pool.js';
import { epochMicros, MICROS_PER_DAY } from '../src/orbit/epoch-micros.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10 } from '../src/services/bundled-elements.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const BRUTE_STEP = Number(process.env.BENCH_BRUTE_STEP ?? 10);
const THRESHOLD = 5;
const TIANHE = 48274;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rows = bundledGpRows(GP_SNAPSHOT_2026_07_10.file).map((r) => ({ ...r, elementSourceId: GP_SNAPSHOT_2026_07_10.sourceId }));
const start = epochMicros('2026-07-10T00:00:00Z');
const stop = start + DAYS * MICROS_PER_DAY;
const opts = { startMicros: start, days: DAYS, thresholdKm: THRESHOLD };
const cores = availableParallelism();

const pool = new PropagationPool(cores);
await pool.load(rows);
let t = performance.now();
const cat = prepareCatalog(rows);
let result: ScreenResult = await screenConjunctions(rows, [TIANHE], opts, cat, poolPropagator(pool));
const cold = performance.now() - t;
const warm: number[] = [];
const warmCpu: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const c = process.cpuUsage();
  t = performance.now();
  result = await screenConjunctions(rows, [TIANHE], opts, cat, poolPropagator(pool));
  warm.push(performance.now() - t);
  const d = process.cpuUsage(c);
  warmCpu.push((d.user + d.system) / 1000);
}
await pool.close();

// Baseline: brute force over the pairs the filter kept.
const p = rows.findIndex((r) => r.noradId === TIANHE);
const shell = (i: number) => radialShell(cat, i, rows[i]!, (start - cat.epochMicros[i]!) / 60e6, (stop - cat.epochMicros[i]!) / 60e6);
const ps = shell(p);
const kept = [...rows.keys()].filter((i) => i !== p && cat.initError[i] === 0 && rows[i]!.epoch !== rows[p]!.epoch && shellsOverlap(ps, shell(i), THRESHOLD));
t = performance.now();
const bruteCpuStart = process.cpuUsage();
const brute: { norad: number; tca: number; d: number }[] = [];
for (const i of kept) {
  for (const f of bruteForcePair({ satrec: cat.satrecs[p]!, epochMicros: cat.epochMicros[p]! }, { satrec: cat.satrecs[i]!, epochMicros: cat.epochMicros[i]! }, start, stop, THRESHOLD, BRUTE_STEP)) {
    brute.push({ norad: rows[i]!.noradId, tca: f.tcaMicros, d: f.missDistanceKm });
  }
}
const bruteMs = performance.now() - t;
const bruteCpu = process.cpuUsage(bruteCpuStart);
const bruteCpuMs = (bruteCpu.user + bruteCpu.system) / 1000;
const perPair = bruteMs / kept.length;
const missed = brute.filter((b) => !result.events.some((e) => e.secondary.noradId === b.norad && Math.abs(epochMicros(e.tca) - b.tca) < 1e6));
const extra = result.events.filter((e) => !brute.some((b) => e.secondary.noradId === b.norad && Math.abs(epochMicros(e.tca) - b.tca) < 1e6));

const s = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
console.log(`station (NORAD ${TIANHE} + docked stack) vs ${GP_SNAPSHOT_2026_07_10.file} (${rows.length} objects), ${DAYS} d from 2026-07-10, threshold ${THRESHOLD} km, ${cores} cores`);
console.log(`  screener, warm (median of ${RUNS})         ${s(median(warm))}   [pairs ${result.counts.pairs} → ${result.counts.pairsAfterOrbitFilter} after the orbit filter, ${result.counts.coarseSteps} coarse steps of ${result.stepSeconds} s, ${result.counts.intervalsRefined} intervals refined]`);
console.log(`  screener, cold (incl. SGP4 init of catalog) ${s(cold)}`);
console.log(`  screener CPU time, all threads (median)     ${s(median(warmCpu))}   (independent of other load on the machine)`);
console.log(`  baseline brute force (${BRUTE_STEP} s, satellite.js), ${kept.length} filtered pairs   ${s(bruteMs)}   ×${(bruteMs / median(warm)).toFixed(0)} the screener`);
console.log(`  baseline brute force CPU time                ${s(bruteCpuMs)}   ×${(bruteCpuMs / median(warmCpu)).toFixed(0)} the screener's CPU time`);
console.log(`  brute force over all ${rows.length - 1} pairs (extrapolated from ${perPair.toFixed(1)} ms/pair)   ${s(perPair * (rows.length - 1))}`);
console.log(`  events: screener ${result.events.length}, brute force ${brute.length}; missed by the screener ${missed.length}, not confirmed ${extra.length}`);
console.log(`  grouped: ${result.groups.map((g) => `${g.secondary.objectName} (${g.reason})`).join(', ')}`);
for (const e of result.events) console.log(`    ${e.tca}  ${e.secondary.objectName.padEnd(24)} ${e.missDistanceKm.toFixed(3)} km  ${e.relativeSpeedKmS.toFixed(2)} km/s  element ages ${e.primary.elementAgeDays.toFixed(2)} / ${e.secondary.elementAgeDays.toFixed(2)} d`);
console.log(`  target: screener under 1 s on 2 cores: ${median(warm) < 1000 ? 'met' : 'NOT met'} (warm median ${s(median(warm))}; machine load average at start ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
