/**
 * The spatial-index scan: many primaries against a catalog with the work shared between them.
 *
 * Every object any primary is screened against is propagated once per coarse step (in blocks of
 * steps, through the caller's propagator), not once per primary. Each coarse interval [t_k, t_k + h]
 * is cut into m sub-steps of δ = h/m; at each sub-step t_j the positions of all objects are taken
 * from the cubic Hermite interpolant of their propagated states, the primaries are put into a uniform
 * grid (spatial-index.ts), and each object looks up its own cell.
 *
 * The bound. Let V_i bound object i's speed (vis-viva at its lowest radius, +5%) and ε_i the Hermite
 * error over a coarse step (hermite.ts); reach ρ_i = V_i·δ/2 + ε_i. If a pair is closer than D at
 * some t in the interval, then at the sub-step t_j nearest t (|t − t_j| ≤ δ/2) its true distance is
 * below D + (V_p + V_s)·δ/2 (the distance changes no faster than the relative speed) and its
 * interpolated distance below D + ρ_p + ρ_s. Each primary is inserted into every cell its cube of
 * half-width D + ρ_p + ρ_max overlaps (ρ_max over all listed objects), so every object within that
 * distance of it is in one of those cells: a pair that can come within D in an interval is always a
 * candidate of that interval. Candidates closer than D + ρ_p + ρ_s (interpolated) and kept by the
 * pair filter get the same interval test as the pairwise scan (interval-test.ts), so both scans give
 * the same events. Bounds checked in test/analytics/conjunctions/shared-scan.test.ts.
 */
import type { ConjunctionEvent, GroupedPair } from './types.js';
import { dedupe, IntervalTester, objectRef } from './interval-test.js';
import { pointStates } from '../../orbit/batch/point-state.js';
import type { ScreenSetup } from './screen-setup.js';
import { CellIndex } from './spatial-index.js';
import type { GridPropagator, ScanResult } from './screen.js';

export const DEFAULT_SUB_STEPS = 15;
/**
 * Cell side over the median primary half-width: larger cells mean fewer cells per primary (inserts)
 * and more candidates per lookup; 3 was the fastest of 1-4 on the CN payloads (2026-07-10 catalog).
 */
const CELL_FACTOR = 3;
/** Coarse intervals propagated per block (bounds the memory of the state columns). */
const BLOCK_INTERVALS = 36;

export interface SharedScanOptions {
  subSteps: number;
  /** Coarse intervals [from, to) to scan (default: all); ranges are scanned apart and merged. */
  from?: number;
  to?: number;
}

/** The scan of a range of coarse intervals, keyed by pair (primary row · listed count + secondary row). */
export interface PartialScan {
  found: Map<number, ConjunctionEvent[]>;
  /** Pairs that were candidates in every interval of the range, with their largest sampled distance. */
  alive: Map<number, number>;
  tested: number;
  refined: number;
  cellKm: number;
}

/** An object's reach over one sub-step: how far its interpolated position can be from where it matters, km. */
export function reachKm(vmaxKmS: number, epsKm: number, subStepS: number): number {
  return (vmaxKmS * subStepS) / 2 + epsKm;
}

export async function sharedScan(setup: ScreenSetup, listed: number[], grid: GridPropagator, opts: SharedScanOptions): Promise<PartialScan> {
  const { rows, cat, times, h, thresholdKm: D } = setup;
  const m = Math.max(1, Math.floor(opts.subSteps));
  const delta = h / m;
  const L = listed.length, nT = times.length;
  const listedIdx = Int32Array.from(listed);
  const vmax = new Float64Array(L), eps = new Float64Array(L), rho = new Float64Array(L);
  const rowIsPrimary = new Uint8Array(L);
  // The pair filter's inputs per row (pairRole's checks, inlined in the candidate loop).
  const shellMin = Float64Array.from(listed, (i) => setup.shells[i]!.minKm), shellMax = Float64Array.from(listed, (i) => setup.shells[i]!.maxKm);
  const setId = Int32Array.from(listed, (i) => setup.elementSetId[i]!);
  let rhoMax = 0;
  listed.forEach((i, r) => {
    const b = setup.bounds(i);
    vmax[r] = b.vmax; eps[r] = b.eps; rho[r] = reachKm(b.vmax, b.eps, delta);
    rowIsPrimary[r] = setup.isPrimary[i]!;
    if (rho[r]! > rhoMax) rhoMax = rho[r]!;
  });
  const primaryRows = Int32Array.from(listed.flatMap((i, r) => (setup.isPrimary[i] === 1 ? [r] : [])));
  const halfWidth = Float64Array.from(primaryRows, (r) => D + rho[r]! + rhoMax);
  const cellKm = CELL_FACTOR * ([...halfWidth].sort((a, b) => a - b)[Math.floor(halfWidth.length / 2)] ?? D + 2 * rhoMax);
  const index = new CellIndex(Math.min(22, Math.max(10, Math.ceil(Math.log2(primaryRows.length * 54 + 1)))));

  const coef = new Float64Array(L * 12);
  const X = new Float64Array(L), Y = new Float64Array(L), Z = new Float64Array(L);
  const tester = new IntervalTester({ points: pointStates(cat), cat, rows, h, thresholdKm: D });
  const rel = new Float64Array(12);
  const found = new Map<number, ConjunctionEvent[]>();
  /** Pairs flagged in every interval so far, with their largest sampled distance (Infinity if SGP4 failed). */
  const alive = new Map<number, number>();
  let cur = new Set<number>(), next = new Set<number>();
  let tested = 0;

  const from = opts.from ?? 0, to = Math.min(nT - 1, opts.to ?? nT - 1);
  const blockStarts: number[] = [];
  for (let k0 = from; k0 < to; k0 += BLOCK_INTERVALS) blockStarts.push(k0);
  const blockEnd = (k0: number): number => Math.min(to, k0 + BLOCK_INTERVALS) + 1;
  if (blockStarts.length === 0) return { found, alive, tested, refined: 0, cellKm };
  const propagateBlock = (k0: number) => grid(times.subarray(k0, blockEnd(k0)), listedIdx);
  let pending = propagateBlock(blockStarts[0]!);
  for (let b = 0; b < blockStarts.length; b++) {
    const cols = await pending;
    const k0 = blockStarts[b]!;
    const nb = blockEnd(k0) - k0;
    if (b + 1 < blockStarts.length) pending = propagateBlock(blockStarts[b + 1]!); // overlaps the scan with a pool
    const { x, y, z, vx, vy, vz } = cols;
    for (let k = k0; k < k0 + nb - 1; k++) {
      const q = k - k0;
      // Per object, the cubic Hermite polynomial of each coordinate over the interval (u = j/m).
      for (let r = 0; r < L; r++) {
        const a = r * nb + q, c = r * 12;
        hermiteCoefficients(x[a]!, h * vx[a]!, x[a + 1]!, h * vx[a + 1]!, coef, c);
        hermiteCoefficients(y[a]!, h * vy[a]!, y[a + 1]!, h * vy[a + 1]!, coef, c + 4);
        hermiteCoefficients(z[a]!, h * vz[a]!, z[a + 1]!, h * vz[a + 1]!, coef, c + 8);
      }
      for (let j = k === from ? 0 : 1; j <= m; j++) {
        const u = j / m;
        for (let r = 0, c = 0; r < L; r++, c += 12) {
          if (j === 0) { X[r] = coef[c + 3]!; Y[r] = coef[c + 7]!; Z[r] = coef[c + 11]!; continue; }
          X[r] = ((coef[c]! * u + coef[c + 1]!) * u + coef[c + 2]!) * u + coef[c + 3]!;
          Y[r] = ((coef[c + 4]! * u + coef[c + 5]!) * u + coef[c + 6]!) * u + coef[c + 7]!;
          Z[r] = ((coef[c + 8]! * u + coef[c + 9]!) * u + coef[c + 10]!) * u + coef[c + 11]!;
        }
        if (j === m) for (let r = 0; r < L; r++) { const a = r * nb + q + 1; X[r] = x[a]!; Y[r] = y[a]!; Z[r] = z[a]!; }
        index.reset(cellKm);
        for (let i = 0; i < primaryRows.length; i++) {
          const r = primaryRows[i]!;
          if (X[r] === X[r]) index.insertCube(r, X[r]!, Y[r]!, Z[r]!, halfWidth[i]!, D + rho[r]!);
        }
        const { ids, ex, ey, ez, radius } = index;
        for (let rs = 0; rs < L; rs++) {
          const xs = X[rs]!, ys = Y[rs]!, zs = Z[rs]!;
          if (xs !== xs) continue; // SGP4 failed at an end of the interval
          const rhoS = rho[rs]!;
          for (let e = index.first(xs, ys, zs); e >= 0; e = index.nextOf(e)) {
            const dx = xs - ex[e]!, dy = ys - ey[e]!, dz = zs - ez[e]!;
            const lim = radius[e]! + rhoS;
            if (dx * dx + dy * dy + dz * dz >= lim * lim) continue;
            const rp = ids[e]!;
            if (rp === rs || (rowIsPrimary[rs] === 1 && rs < rp)) continue;
            // pairRole(...) === 'screen': different element sets, shells within D (listed objects have no failed element set).
            if (setId[rp] === setId[rs] || shellMin[rp]! - D > shellMax[rs]! || shellMin[rs]! - D > shellMax[rp]!) continue;
            const key = rp * L + rs;
            cur.add(key);
            if (j === m) next.add(key);
          }
        }
      }
      // The interval test on every candidate pair of interval k.
      for (const key of cur) {
        const rp = Math.floor(key / L), rs = key - rp * L;
        const ap = rp * nb + q, as = rs * nb + q;
        rel[0] = x[as]! - x[ap]!; rel[1] = y[as]! - y[ap]!; rel[2] = z[as]! - z[ap]!;
        rel[3] = vx[as]! - vx[ap]!; rel[4] = vy[as]! - vy[ap]!; rel[5] = vz[as]! - vz[ap]!;
        rel[6] = x[as + 1]! - x[ap + 1]!; rel[7] = y[as + 1]! - y[ap + 1]!; rel[8] = z[as + 1]! - z[ap + 1]!;
        rel[9] = vx[as + 1]! - vx[ap + 1]!; rel[10] = vy[as + 1]! - vy[ap + 1]!; rel[11] = vz[as + 1]! - vz[ap + 1]!;
        const p = listed[rp]!, s = listed[rs]!;
        const ev = tester.test(p, s, times[k]!, times[k + 1]!, rel, 0, vmax[rp]! + vmax[rs]!, eps[rp]! + eps[rs]!, k === 0, k === nT - 2);
        if (ev) { const list = found.get(key); if (list) list.push(ev); else found.set(key, [ev]); }
        const d0 = sampled(Math.hypot(rel[0]!, rel[1]!, rel[2]!)), d1 = sampled(Math.hypot(rel[6]!, rel[7]!, rel[8]!));
        if (k === from) alive.set(key, Math.max(d0, d1));
        else { const a = alive.get(key); if (a !== undefined) alive.set(key, Math.max(a, d1)); }
      }
      if (k > from) for (const key of alive.keys()) if (!cur.has(key)) alive.delete(key);
      tested += cur.size;
      cur = next;
      next = new Set();
    }
  }

  return { found, alive, tested, refined: tester.refined, cellKm };
}

/**
 * Merges the scans of consecutive ranges covering the window: a pair that was a candidate in every
 * interval of every range was within the threshold plus bounds at every sample; if its sampled
 * distance stayed under the threshold it is a formation (grouped, its approaches not reported).
 */
export function mergeScans(setup: ScreenSetup, listed: number[], parts: PartialScan[]): ScanResult {
  const { rows, h, thresholdKm: D } = setup;
  const L = listed.length;
  let alive = parts[0]?.alive ?? new Map<number, number>();
  for (const part of parts.slice(1)) {
    const both = new Map<number, number>();
    for (const [key, d] of alive) { const e = part.alive.get(key); if (e !== undefined) both.set(key, Math.max(d, e)); }
    alive = both;
  }
  const order = new Map(setup.primaries.map((p, n) => [p, n]));
  const primaryOf = (key: number): number => listed[Math.floor(key / L)]!;
  const formationKeys = [...alive].filter(([, maxD]) => maxD < D)
    .sort(([a], [b]) => order.get(primaryOf(a))! - order.get(primaryOf(b))! || a - b);
  const formations: GroupedPair[] = formationKeys.map(([key, maxD]) => ({
    primary: objectRef(rows[primaryOf(key)]!), secondary: objectRef(rows[listed[key % L]!]!),
    reason: 'within-threshold-whole-window', maxSampledDistanceKm: maxD,
  }));
  const grouped = new Set(formationKeys.map(([key]) => key));
  const found = new Map<number, ConjunctionEvent[]>();
  for (const part of parts) for (const [key, list] of part.found) found.set(key, [...(found.get(key) ?? []), ...list]);
  const events: ConjunctionEvent[] = [];
  for (const [key, list] of found) if (!grouped.has(key)) events.push(...dedupe(list, h * 1e6));
  return {
    events, formations,
    tested: parts.reduce((a, p) => a + p.tested, 0),
    refined: parts.reduce((a, p) => a + p.refined, 0),
    cellKm: parts[0]?.cellKm ?? null,
  };
}

/** Cubic a·u³ + b·u² + c·u + d through p0, p1 with slopes m0, m1 (per unit u) into out[o..o+3]. */
function hermiteCoefficients(p0: number, m0: number, p1: number, m1: number, out: Float64Array, o: number): void {
  out[o] = 2 * p0 + m0 - 2 * p1 + m1;
  out[o + 1] = -3 * p0 - 2 * m0 + 3 * p1 - m1;
  out[o + 2] = m0;
  out[o + 3] = p0;
}

/** A sampled distance for the formation test: an SGP4 failure counts as far apart. */
const sampled = (d: number): number => (Number.isNaN(d) ? Infinity : d);
