/**
 * Benchmark: the whole test suite (`npm test`: the typecheck, then vitest), timed, beside baselines
 * measured in the same run:
 *   - `node -e ''` (median of 5): the machine's speed today, since the suite's time follows it;
 *   - one store loaded from scratch (the curated data and every bundled snapshot, as a first start),
 *     against one copy of the run's shared load, which every test file that needs a loaded store gets
 *     instead (test/support/shared-load.ts): what loading once per test file would cost.
 * Prints the suite's wall time (target: under 5 minutes), vitest's own duration, the machine's busy CPU
 * over the run (all processes: /proc/stat), the slowest files, and how many files copied a loaded store;
 * and the CPU the suite's processes used by kind (vitest workers, the command-line program's child processes,
 * Chromium, the PostgreSQL server, ...: bench/cpu-by-process.ts), with the least wall time that CPU allows on
 * this machine's cores, and the tests' own time split by the store kind they name.
 * Run: npm run bench:suite   (takes as long as the suite; nothing else should run meanwhile)
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleCpuByProcess } from './cpu-by-process.js';

const TARGET_S = 300;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The machine's busy and idle time so far (USER_HZ ticks, from /proc/stat's first line). */
function cpuTicks(): { busy: number; idle: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
    .trim().split(/\s+/).slice(1).map(Number) as number[];
  return { busy: user! + nice! + system! + irq! + softirq! + steal!, idle: idle! + iowait! };
}

/** Runs a command to its end without blocking the event loop (the CPU sampler runs meanwhile), keeping its output. */
function run(cmd: string, args: string[]): Promise<{ ms: number; stdout: string; status: number | null }> {
  const t = performance.now();
  return new Promise((done) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('close', (status) => done({ ms: performance.now() - t, stdout: out, status }));
  });
}

/** Kinds of process that are not the suite's own: the machine's other work. */
const NOT_THE_SUITE = new Set(['kernel threads', 'other processes']);

const nodeRuns: number[] = [];
for (let i = 0; i < 5; i++) nodeRuns.push((await run(process.execPath, ['-e', ''])).ms);
const nodeStart = median(nodeRuns);
console.log(`baseline: node -e '' ${nodeStart.toFixed(0)} ms (median of 5)`);

// One load from scratch and one copy of it, in a child each (as a test file would, on PGlite, in memory).
const loadScript = `
  import { performance } from 'node:perf_hooks';
  import { loadStoreFromScratch } from './test/support/first-start-load.js';
  const t = performance.now();
  const store = await loadStoreFromScratch('pglite');
  console.log('ms', performance.now() - t);
  await store.dispose();`;
const fromScratch = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', loadScript]);
const scratchMs = Number(/ms (\d+(\.\d+)?)/.exec(fromScratch.stdout)?.[1] ?? NaN);
console.log(`baseline: one PGlite store loaded from scratch (curated data and every bundled snapshot): ${s(scratchMs)}`);

const dir = mkdtempSync(join(tmpdir(), 'redshift-bench-suite-'));
try {
  const json = join(dir, 'vitest.json');
  const before = cpuTicks();
  const sampler = sampleCpuByProcess();
  const typecheck = await run('npm', ['run', 'typecheck']);
  if (typecheck.status !== 0) throw new Error(`the typecheck failed:\n${typecheck.stdout}`);
  const vitest = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  const byKind = sampler.stop();
  const after = cpuTicks();
  const total = typecheck.ms + vitest.ms;
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    numTotalTests: number; numFailedTests: number;
    testResults: { name: string; startTime: number; endTime: number; assertionResults: { fullName: string; status: string; duration?: number | null }[] }[];
  };
  const copies = [...vitest.stdout.matchAll(/loaded (pglite|postgres) store copied in ([\d.]+) s/g)];
  const copyS = (kind: string) => copies.filter((m) => m[1] === kind).map((m) => Number(m[2]));
  const builds = Object.fromEntries([...vitest.stdout.matchAll(/shared (pglite|postgres) load: built once in ([\d.]+) s/g)].map((m) => [m[1], Number(m[2])]));

  console.log(`\nnpm test: typecheck ${s(typecheck.ms)} + vitest ${s(vitest.ms)} = ${s(total)}; ${report.numTotalTests} tests, ${report.numFailedTests} failed${vitest.status === 0 ? '' : ` (vitest exited with ${vitest.status})`}`);
  for (const f of report.testResults) {
    for (const t of f.assertionResults.filter((a) => a.status === 'failed')) console.log(`  failed: ${f.name.replace(`${process.cwd()}/`, '')} > ${t.fullName}`);
  }
  console.log(`machine CPU busy over the run: ${((after.busy - before.busy) / 100).toFixed(0)} s (idle ${((after.idle - before.idle) / 100).toFixed(0)} s), all processes`);
  console.log(`the suite is ${(total / nodeStart).toFixed(0)}× node -e '' today`);
  printCpu(byKind, total, report.testResults.flatMap((f) => f.assertionResults));
  for (const kind of ['pglite', 'postgres']) {
    const c = copyS(kind);
    if (!c.length) continue;
    console.log(`${kind}: shared load built once in ${builds[kind]?.toFixed(1) ?? '?'} s; ${c.length} test files copied it (median ${median(c).toFixed(1)} s each)`);
  }
  const perFile = copies.length * scratchMs;
  console.log(`loading once per test file instead: about ${copies.length} × ${s(scratchMs)} = ${s(perFile)} of loading (extrapolated from the baseline above; PostgreSQL loads take about as long)`);
  console.log('\nslowest files:');
  const files = report.testResults.map((r) => ({ file: r.name.replace(`${process.cwd()}/`, ''), ms: r.endTime - r.startTime })).sort((a, b) => b.ms - a.ms);
  for (const f of files.slice(0, 10)) console.log(`${s(f.ms).padStart(9)}  ${f.file}`);
  console.log(`\ntarget: npm test under ${TARGET_S} s on the developer machine; measured ${s(total)} (${total / 1000 < TARGET_S ? 'met' : 'not met'})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The CPU the suite's processes used, by kind, and what it implies: on this machine's cores no
 * scheduling of the same work ends sooner than its CPU time divided by the cores. Then the tests'
 * own time (vitest's durations, hooks excluded) split by the store kind a test names.
 */
function printCpu(byKind: [string, number][], totalMs: number, tests: { fullName: string; duration?: number | null }[]): void {
  const suite = byKind.filter(([kind]) => !NOT_THE_SUITE.has(kind));
  const suiteCpu = suite.reduce((n, [, sec]) => n + sec, 0);
  const cores = availableParallelism();
  console.log(`\nCPU by kind of process (sampled every 250 ms from /proc; a lower bound):`);
  for (const [kind, sec] of byKind) console.log(`${sec.toFixed(0).padStart(7)} s  ${kind}${NOT_THE_SUITE.has(kind) ? ' (not the suite)' : ''}`);
  console.log(`the suite's processes: ${suiteCpu.toFixed(0)} CPU-s; on ${cores} cores that is at least ${(suiteCpu / cores).toFixed(0)} s of wall time (measured ${s(totalMs)}); the ${TARGET_S} s target allows at most ${TARGET_S * cores} CPU-s`);
  const byStore = { postgres: 0, pglite: 0, neither: 0 };
  for (const t of tests) {
    const kind = /\bpostgres\b/.test(t.fullName) ? 'postgres' : /\bpglite\b/.test(t.fullName) ? 'pglite' : 'neither';
    byStore[kind] += (t.duration ?? 0) / 1000;
  }
  console.log(`tests' own time (hooks excluded) by the store they name: PGlite ${byStore.pglite.toFixed(0)} s, PostgreSQL ${byStore.postgres.toFixed(0)} s, neither ${byStore.neither.toFixed(0)} s`);
}
