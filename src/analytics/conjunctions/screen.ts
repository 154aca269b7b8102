/**
 * Conjunction screening of primaries against a catalog over a window.
 *
 *  1. Grouping: a secondary with the very same element set as the primary (a docked stack, e.g. the
 *     station's modules and visiting craft share one) is grouped, not screened.
 *  2. Apogee/perigee filter (orbit-filter.ts) on the mean elements, with stated margins.
 *  3. Coarse scan: primaries and surviving secondaries are propagated (SGP4/SDP4, batch engine) on a
 *     grid of `stepSeconds`, and each pair's intervals are tested (interval-test.ts: Lipschitz test
 *     on the relative speed, then the bounded cubic Hermite interpolant). Two scans choose the
 *     (pair, interval) tests:
 *       - pairwise: every pair the filter kept, every interval (few primaries, e.g. the station);
 *       - spatial index (shared-scan.ts): every object propagated once for all primaries, and per
 *         sub-step a uniform grid over positions names the pairs that can come within the threshold
 *         in an interval (many primaries, e.g. a country's payloads).
 *     Both run the same interval test on every interval that can hold an approach closer than the
 *     threshold, so they give the same events.
 *  4. Refinement: the TCA is the zero of the range rate, found with SGP4 states to 1 ms; approaches
 *     within the threshold become events.
 *  5. A pair whose sampled distance stays within the threshold over the whole window is a formation
 *     and is grouped instead of reported.
 */
import { prepareCatalog, type CatalogElements } from '../../orbit/batch/catalog-elements.js';
import { allocateColumns, propagateListed, type StateColumns } from '../../orbit/batch/grid.js';
import { pointStates } from '../../orbit/batch/point-state.js';
import { isoFromMicros, MICROS_PER_DAY } from '../../orbit/epoch-micros.js';
import { dedupe, IntervalTester, objectRef } from './interval-test.js';
import { pairRole, screenSetup, type ScreenSetup } from './screen-setup.js';
import { DEFAULT_SUB_STEPS, mergeScans, sharedScan, type PartialScan } from './shared-scan.js';
import type { ConjunctionEvent, GroupedPair, ScreenResult, ScanMethod, ScreenElements } from './types.js';

export { objectRef } from './interval-test.js';

/** Coarse step, s: at 300 s the Hermite error bound of a LEO object is about 1 km (15 km at 600 s), so few intervals need refining. */
export const DEFAULT_STEP_SECONDS = 300;

export interface ScreenOptions {
  startMicros: number;
  days: number;
  thresholdKm: number;
  stepSeconds?: number;
  /** Which scan; default: the spatial index when the filtered pairs outnumber the objects × sub-steps. */
  method?: ScanMethod;
  /** Spatial index: sub-steps per coarse step (default 10). */
  subSteps?: number;
}

/** Propagates the listed catalog objects over the grid (in this thread, or a worker pool). */
export type GridPropagator = (times: Float64Array, indices: Int32Array) => Promise<StateColumns>;

export function inThreadPropagator(cat: CatalogElements): GridPropagator {
  return async (times, indices) => {
    const out = allocateColumns(indices.length * times.length);
    propagateListed(cat, times, indices, 0, indices.length, out);
    return out;
  };
}

/** The primaries found, the pair filter's groups and the objects any primary is screened against. */
export interface PreparedScreen {
  setup: ScreenSetup;
  groups: GroupedPair[];
  /** Catalog indices of the primaries and of every object screened against one, ascending. */
  listed: number[];
  pairCount: number;
  missingPrimaries: number[];
}

export function prepareScreen(rows: readonly ScreenElements[], primaryIds: readonly number[], opts: ScreenOptions, cat: CatalogElements): PreparedScreen {
  const h = opts.stepSeconds ?? DEFAULT_STEP_SECONDS;
  const indexOf = new Map<number, number>();
  rows.forEach((r, i) => { if (!indexOf.has(r.noradId)) indexOf.set(r.noradId, i); });
  const primaries = [...new Set(primaryIds)].filter((id) => indexOf.has(id)).map((id) => indexOf.get(id)!);
  const missingPrimaries = [...new Set(primaryIds)].filter((id) => !indexOf.has(id));
  const setup = screenSetup(rows, cat, primaries, { startMicros: opts.startMicros, days: opts.days, thresholdKm: opts.thresholdKm, stepSeconds: h });
  const groups: GroupedPair[] = [];
  const screened = new Uint8Array(rows.length);
  let pairCount = 0;
  for (const p of primaries) {
    for (let s = 0; s < rows.length; s++) {
      const role = pairRole(setup, p, s);
      if (role === 'group') groups.push({ primary: objectRef(rows[p]!), secondary: objectRef(rows[s]!), reason: 'same-element-set', maxSampledDistanceKm: 0 });
      else if (role === 'screen') { pairCount++; screened[s] = 1; }
    }
  }
  const listed = [...new Set(primaries)];
  for (let s = 0; s < rows.length; s++) if (screened[s] === 1 && setup.isPrimary[s] === 0) listed.push(s);
  listed.sort((a, b) => a - b);
  return { setup, groups, listed, pairCount, missingPrimaries };
}

/**
 * Scans intervals [from, to) of the spatial-index scan in parallel (e.g. worker threads, each
 * preparing the same screen from the same rows); returns the partial scans in range order.
 */
export type RangeScanner = (ranges: { from: number; to: number }[]) => Promise<PartialScan[]>;

export async function screenConjunctions(
  rows: readonly ScreenElements[], primaryIds: readonly number[], opts: ScreenOptions,
  prepared?: CatalogElements, propagateGrid?: GridPropagator, scanRanges?: RangeScanner,
): Promise<ScreenResult> {
  const cat = prepared ?? prepareCatalog(rows);
  const grid = propagateGrid ?? inThreadPropagator(cat);
  const { setup, groups, listed, pairCount, missingPrimaries } = prepareScreen(rows, primaryIds, opts, cat);
  const { h, thresholdKm: D, primaries } = setup;
  const subSteps = opts.subSteps ?? DEFAULT_SUB_STEPS;
  const method: ScanMethod = opts.method ?? (pairCount > listed.length * subSteps ? 'spatial-index' : 'pairwise');

  let scan: ScanResult;
  if (pairCount === 0) scan = { events: [], formations: [], refined: 0, tested: 0, cellKm: null };
  else if (method === 'pairwise') scan = await pairwiseScan(setup, listed, grid);
  else if (scanRanges) {
    const intervals = setup.times.length - 1;
    const n = Math.max(1, Math.min(intervals, RANGE_COUNT));
    const ranges = Array.from({ length: n }, (_, r) => ({ from: Math.floor((r * intervals) / n), to: Math.floor(((r + 1) * intervals) / n) }));
    scan = mergeScans(setup, listed, await scanRanges(ranges));
  } else scan = mergeScans(setup, listed, [await sharedScan(setup, listed, grid, { subSteps })]);
  const events = scan.events.sort((a, b) => a.tca.localeCompare(b.tca) || a.missDistanceKm - b.missDistanceKm);
  return {
    start: isoFromMicros(setup.times[0]!),
    stop: isoFromMicros(opts.startMicros + opts.days * MICROS_PER_DAY),
    thresholdKm: D,
    stepSeconds: h,
    events,
    groups: [...groups, ...scan.formations],
    counts: {
      catalogObjects: rows.length,
      primaries: primaries.length,
      pairs: primaries.length * (rows.length - 1),
      pairsAfterOrbitFilter: pairCount,
      propagatedObjects: pairCount > 0 ? listed.length : 0,
      coarseSteps: setup.times.length,
      scan: method,
      subStepSeconds: method === 'spatial-index' ? h / subSteps : null,
      indexCellKm: scan.cellKm,
      pairIntervalsTested: scan.tested,
      intervalsRefined: scan.refined,
    },
    missingPrimaries,
  };
}

/** Ranges handed to a RangeScanner: more than its threads, so a slow range does not hold up the rest. */
const RANGE_COUNT = 8;

export interface ScanResult {
  events: ConjunctionEvent[];
  /** Pairs within the threshold over the whole window (grouped, their approaches not reported). */
  formations: GroupedPair[];
  /** (pair, coarse interval) combinations given to the interval test. */
  tested: number;
  refined: number;
  cellKm: number | null;
}

/** Every pair the filter kept, every coarse interval. */
async function pairwiseScan(setup: ScreenSetup, listed: number[], grid: GridPropagator): Promise<ScanResult> {
  const { rows, cat, times, h, thresholdKm: D } = setup;
  const rowOf = new Map(listed.map((i, r) => [i, r]));
  const cols = await grid(times, Int32Array.from(listed));
  const nT = times.length;
  const tester = new IntervalTester({ points: pointStates(cat), cat, rows, h, thresholdKm: D });
  const events: ConjunctionEvent[] = [];
  const formations: GroupedPair[] = [];
  const rel = new Float64Array(nT * 6);
  let tested = 0;
  for (const p of setup.primaries) {
    for (const s of listed) {
      if (pairRole(setup, p, s) !== 'screen') continue;
      const rp = rowOf.get(p)! * nT, rs = rowOf.get(s)! * nT;
      const vPair = setup.bounds(p).vmax + setup.bounds(s).vmax;
      const epsPair = setup.bounds(p).eps + setup.bounds(s).eps;
      let maxD = 0;
      let failed = false;
      for (let k = 0; k < nT; k++) {
        const o = k * 6;
        rel[o] = cols.x[rs + k]! - cols.x[rp + k]!; rel[o + 1] = cols.y[rs + k]! - cols.y[rp + k]!; rel[o + 2] = cols.z[rs + k]! - cols.z[rp + k]!;
        rel[o + 3] = cols.vx[rs + k]! - cols.vx[rp + k]!; rel[o + 4] = cols.vy[rs + k]! - cols.vy[rp + k]!; rel[o + 5] = cols.vz[rs + k]! - cols.vz[rp + k]!;
        const d = Math.hypot(rel[o]!, rel[o + 1]!, rel[o + 2]!);
        if (Number.isNaN(d)) failed = true;
        else if (d > maxD) maxD = d;
      }
      const found: ConjunctionEvent[] = [];
      for (let k = 0; k + 1 < nT; k++) {
        tested++;
        const ev = tester.test(p, s, times[k]!, times[k + 1]!, rel, k * 6, vPair, epsPair, k === 0, k === nT - 2);
        if (ev) found.push(ev);
      }
      if (!failed && maxD < D) {
        formations.push({ primary: objectRef(rows[p]!), secondary: objectRef(rows[s]!), reason: 'within-threshold-whole-window', maxSampledDistanceKm: maxD });
        continue;
      }
      events.push(...dedupe(found, h * 1e6));
    }
  }
  return { events, formations, tested, refined: tester.refined, cellKm: null };
}
