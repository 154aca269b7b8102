/**
 * Benchmark: batch SGP4/SDP4 over the bundled 2026-07-10 catalog × a time grid. Prints
 * propagations per second, medians of the runs, all measured in this run:
 *   - baseline: satellite.js single-threaded, `sgp4(satrec, minutes)` per object and time (its raw
 *     kernel, the fastest way to call it), and `propagate(satrec, Date)` (the usual call);
 *   - the engine in-thread (1 core), and through its worker pool on 1 and on all cores (writing into
 *     reused output columns, as the in-thread run does).
 * Target: the engine at least 1.5× satellite.js per core.
 *
 * Run: npm run bench:propagate   (BENCH_RUNS=3, BENCH_STEPS=96 times 15 min apart)
 */
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { propagate, sgp4 } from 'satellite.js';
import { prepareCatalog } from '../src/orbit/batch/catalog-elements.js';
import { allocateColumns, propagateRange } from '../src/orbit/batch/grid.js';
import { PropagationPool } from '../src/orbit/batch/pool.js';
import { epochMicros } from '../src/orbit/epoch-micros.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10 } from '../src/services/bundled-elements.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const STEPS = Number(process.env.BENCH_STEPS ?? 96);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rows = bundledGpRows(GP_SNAPSHOT_2026_07_10.file);
const cat = prepareCatalog(rows);
const start = epochMicros('2026-07-10T00:00:00Z');
const times = new Float64Array(STEPS).map((_, k) => start + k * 15 * 60_000_000);
const total = cat.count * STEPS;

/** CPU time (all threads of the process) of each run's median, ms: what the work costs per core on a shared machine. */
const cpuMs = new Map<string, number>();
let current = '';
function timeRuns(run: () => void | Promise<void>): Promise<number> {
  return (async () => {
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const c = process.cpuUsage();
      const t = performance.now();
      await run();
      ms.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    cpuMs.set(current, median(cpu));
    return median(ms);
  })();
}

let sink = 0;
current = 'sjs';
const sjsKernel = await timeRuns(() => {
  for (let i = 0; i < cat.count; i++) {
    const s = cat.satrecs[i]!;
    for (let k = 0; k < STEPS; k++) {
      const pv = sgp4(s, (times[k]! - cat.epochMicros[i]!) / 60_000_000);
      if (pv) sink += pv.position.x;
    }
  }
});
const dates = Array.from(times, (t) => new Date(t / 1000));
current = 'sjsPropagate';
const sjsPropagate = await timeRuns(() => {
  for (let i = 0; i < cat.count; i++) {
    const s = cat.satrecs[i]!;
    for (let k = 0; k < STEPS; k++) {
      const pv = propagate(s, dates[k]!);
      if (pv) sink += pv.position.x;
    }
  }
});
const out = allocateColumns(total);
current = 'inThread';
const engineInThread = await timeRuns(() => propagateRange(cat, times, 0, cat.count, out));

const pooled = async (threads: number): Promise<number> => {
  const pool = new PropagationPool(threads);
  await pool.load(rows);
  const first = await pool.propagate(times); // warm the workers (JIT); its columns are reused below
  current = `pool${threads}`;
  const ms = await timeRuns(async () => { await pool.propagate(times, undefined, first); });
  await pool.close();
  return ms;
};
const cores = availableParallelism();
const pool1 = await pooled(1);
const poolAll = await pooled(cores);

const rate = (ms: number): string => `${((total / ms) * 1000 / 1e6).toFixed(2)} M/s`;
const perCpu = (key: string): string => `${rate(cpuMs.get(key)!).replace('M/s', 'M per CPU-s')}`;
const deep = cat.count - cat.nearEarth.reduce((a, b) => a + b, 0);
console.log(`catalog ${GP_SNAPSHOT_2026_07_10.file}: ${cat.count} objects (${deep} deep-space), ${STEPS} times, ${total} propagations; median of ${RUNS} runs`);
console.log(`  baseline satellite.js sgp4(satrec, min), 1 thread   ${rate(sjsKernel).padStart(10)}  ${sjsKernel.toFixed(0)} ms`);
console.log(`  satellite.js propagate(satrec, Date), 1 thread      ${rate(sjsPropagate).padStart(10)}  ${sjsPropagate.toFixed(0)} ms`);
console.log(`  engine in-thread (1 core)                           ${rate(engineInThread).padStart(10)}  ${engineInThread.toFixed(0)} ms  ×${(sjsKernel / engineInThread).toFixed(2)} vs sgp4 baseline`);
console.log(`  engine worker pool, 1 thread                        ${rate(pool1).padStart(10)}  ${pool1.toFixed(0)} ms  ×${(sjsKernel / pool1).toFixed(2)}`);
console.log(`  engine worker pool, ${cores} threads (all cores)          ${rate(poolAll).padStart(10)}  ${poolAll.toFixed(0)} ms  ×${(sjsKernel / poolAll).toFixed(2)}`);
console.log('  per CPU-second (process CPU time of all threads; independent of other load on the machine):');
for (const [key, label] of [['sjs', 'satellite.js sgp4'], ['sjsPropagate', 'satellite.js propagate'], ['inThread', 'engine in-thread'], ['pool1', 'engine pool, 1 thread'], [`pool${cores}`, `engine pool, ${cores} threads`]] as const) {
  console.log(`    ${label.padEnd(26)} ${perCpu(key).padStart(18)}  ×${(cpuMs.get('sjs')! / cpuMs.get(key)!).toFixed(2)}`);
}
const perCore = cpuMs.get('sjs')! / cpuMs.get('pool1')!;
console.log(`  target: engine ≥ 1.5× satellite.js per core (CPU time, pool of 1): ${perCore >= 1.5 ? 'met' : 'NOT met'} (${perCore.toFixed(2)}×; wall clock ${(sjsKernel / pool1).toFixed(2)}×, load average ${(await import('node:os')).loadavg()[0]!.toFixed(1)})`);
if (sink === 42) console.log('');
