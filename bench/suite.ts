/**
 * Benchmark: the whole test suite (`npm test`: the typecheck, then vitest), timed, beside baselines
 * measured in the same run:
 *   - `node -e ''` (median of 5): the machine's speed today, since the suite's time follows it;
 *   - one store loaded from scratch (the curated data and every bundled snapshot, as a first start),
 *     against one copy of the run's shared load, which every test file that needs a loaded store gets
 *     instead (test/support/shared-load.ts): what loading once per test file would cost.
 * Prints the suite's wall time (target: under 5 minutes), vitest's own duration, the machine's busy CPU
 * over the run (all processes: /proc/stat), the slowest files, and how many files copied a loaded store.
 * Run: npm run bench:suite   (takes as long as the suite; nothing else should run meanwhile)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const TARGET_S = 300;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? NaN;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The machine's busy and idle time so far (USER_HZ ticks, from /proc/stat's first line). */
function cpuTicks(): { busy: number; idle: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!
    .trim().split(/\s+/).slice(1).map(Number) as number[];
  return { busy: user! + nice! + system! + irq! + softirq! + steal!, idle: idle! + iowait! };
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stdout: string; status: number | null } {
  const t = performance.now();
  const r = spawnSync(cmd, args, { encoding: 'utf8', env, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ms: performance.now() - t, stdout: `${r.stdout}${r.stderr}`, status: r.status };
}

const nodeStart = median(Array.from({ length: 5 }, () => run(process.execPath, ['-e', '']).ms));
console.log(`baseline: node -e '' ${nodeStart.toFixed(0)} ms (median of 5)`);

// One load from scratch and one copy of it, in a child each (as a test file would, on PGlite, in memory).
const loadScript = `
  import { performance } from 'node:perf_hooks';
  import { loadStoreFromScratch } from './test/support/first-start-load.js';
  const t = performance.now();
  const store = await loadStoreFromScratch('pglite');
  console.log('ms', performance.now() - t);
  await store.dispose();`;
const fromScratch = run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', loadScript]);
const scratchMs = Number(/ms (\d+(\.\d+)?)/.exec(fromScratch.stdout)?.[1] ?? NaN);
console.log(`baseline: one PGlite store loaded from scratch (curated data and every bundled snapshot): ${s(scratchMs)}`);

const dir = mkdtempSync(join(tmpdir(), 'redshift-bench-suite-'));
try {
  const json = join(dir, 'vitest.json');
  const before = cpuTicks();
  const typecheck = run('npm', ['run', 'typecheck']);
  if (typecheck.status !== 0) throw new Error(`the typecheck failed:\n${typecheck.stdout}`);
  const vitest = run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${json}`]);
  const after = cpuTicks();
  const total = typecheck.ms + vitest.ms;
  const report = JSON.parse(readFileSync(json, 'utf8')) as {
    numTotalTests: number; numFailedTests: number;
    testResults: { name: string; startTime: number; endTime: number; assertionResults: { fullName: string; status: string }[] }[];
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
