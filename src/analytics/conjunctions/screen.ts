/**
 * Conjunction screening of primaries against a catalog over a window.
 *
 *  1. Grouping: a secondary with the very same element set as the primary (a docked stack, e.g. the
 *     station's modules and visiting craft share one) is grouped, not screened.
 *  2. Apogee/perigee filter (orbit-filter.ts) on the mean elements, with stated margins.
 *  3. Coarse scan: primaries and surviving secondaries are propagated (SGP4/SDP4, batch engine) on a
 *     grid of `stepSeconds`. Each pair and interval is tested twice: a Lipschitz test (the distance
 *     cannot change faster than the pair's largest relative speed Vmax, so an interval whose end
 *     distances d0, d1 satisfy (d0 + d1 − Vmax·h)/2 ≥ D + ε cannot hold an approach closer than D),
 *     then the cubic Hermite interpolant of the relative position, whose error is bounded by ε
 *     (hermite.ts), minimised on the interval. Only intervals that can hold an approach within D
 *     are refined, so nothing closer than the threshold is missed while the bounds hold.
 *  4. Refinement: the TCA is the zero of the range rate, found with SGP4 states by a safeguarded
 *     secant (regula falsi, Illinois) to 1 ms; approaches within the threshold become events.
 *  5. A pair whose sampled distance stays within the threshold over the whole window is a formation
 *     and is grouped instead of reported.
 */
import { prepareCatalog, type CatalogElements } from '../../orbit/batch/catalog-elements.js';
import { allocateColumns, propagateListed, type StateColumns } from '../../orbit/batch/grid.js';
import { pointStates, type PointStates } from '../../orbit/batch/point-state.js';
import { epochMicros, isoFromMicros, MICROS_PER_DAY } from '../../orbit/epoch-micros.js';
import { rtnComponents } from '../../orbit/rtn.js';
import { hermiteErrorBoundKm, perigeeSpeedKmS } from './hermite.js';
import { radialShell, shellsOverlap, type RadialShell } from './orbit-filter.js';
import type { ConjunctionEvent, EventObject, GroupedPair, ObjectRef, ScreenElements, ScreenResult } from './types.js';

export const DEFAULT_STEP_SECONDS = 600;
/** Sub-samples of the interpolant per coarse interval before its local minima are polished. */
const SUBSAMPLES = 16;
const TCA_TOLERANCE_MICROS = 1000;

export interface ScreenOptions {
  startMicros: number;
  days: number;
  thresholdKm: number;
  stepSeconds?: number;
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

const elementKey = (e: ScreenElements): string =>
  [e.epoch, e.meanMotion, e.eccentricity, e.inclination, e.raan, e.argOfPericenter, e.meanAnomaly, e.bstar].join('|');

export function objectRef(e: ScreenElements): ObjectRef {
  return { noradId: e.noradId, objectName: e.objectName, objectId: e.objectId, elementEpoch: e.epoch, elementSourceId: e.elementSourceId };
}

export async function screenConjunctions(
  rows: readonly ScreenElements[], primaryIds: readonly number[], opts: ScreenOptions,
  prepared?: CatalogElements, propagateGrid?: GridPropagator,
): Promise<ScreenResult> {
  const cat = prepared ?? prepareCatalog(rows);
  const grid = propagateGrid ?? inThreadPropagator(cat);
  const h = opts.stepSeconds ?? DEFAULT_STEP_SECONDS;
  const D = opts.thresholdKm;
  const indexOf = new Map<number, number>();
  rows.forEach((r, i) => { if (!indexOf.has(r.noradId)) indexOf.set(r.noradId, i); });
  const primaries = [...new Set(primaryIds)].filter((id) => indexOf.has(id)).map((id) => indexOf.get(id)!);
  const missingPrimaries = [...new Set(primaryIds)].filter((id) => !indexOf.has(id));
  const primarySet = new Set(primaries);

  const steps = Math.max(1, Math.ceil((opts.days * 86_400) / h));
  const times = new Float64Array(steps + 1).map((_, k) => opts.startMicros + k * h * 1e6);
  const windowEnd = opts.startMicros + opts.days * MICROS_PER_DAY;
  const shells: RadialShell[] = rows.map((r, i) => radialShell(cat, i, r,
    (opts.startMicros - cat.epochMicros[i]!) / 60e6, (windowEnd - cat.epochMicros[i]!) / 60e6));
  const bounds = new Map<number, { vmax: number; eps: number }>();
  const boundsOf = (i: number): { vmax: number; eps: number } => {
    let b = bounds.get(i);
    if (!b) {
      const rp = Math.max(shells[i]!.minKm, 6300), a = semiMajorAxisOf(rows[i]!);
      b = { vmax: perigeeSpeedKmS(rp, a) * 1.05, eps: hermiteErrorBoundKm(rp, a, h) };
      bounds.set(i, b);
    }
    return b;
  };

  const groups: GroupedPair[] = [];
  const pairs: [number, number][] = [];
  for (const p of primaries) {
    const key = elementKey(rows[p]!);
    for (let s = 0; s < rows.length; s++) {
      if (s === p || (primarySet.has(s) && s < p && primarySet.has(p))) continue; // each primary pair once
      if (cat.initError[s] !== 0) continue;
      if (rows[s]!.epoch === rows[p]!.epoch && elementKey(rows[s]!) === key) {
        groups.push({ primary: objectRef(rows[p]!), secondary: objectRef(rows[s]!), reason: 'same-element-set', maxSampledDistanceKm: 0 });
        continue;
      }
      if (shellsOverlap(shells[p]!, shells[s]!, D)) pairs.push([p, s]);
    }
  }

  const listed = [...new Set([...primaries, ...pairs.map(([, s]) => s)])];
  const rowOf = new Map(listed.map((i, r) => [i, r]));
  const cols = pairs.length > 0 ? await grid(times, Int32Array.from(listed)) : allocateColumns(0);
  const nT = times.length;
  const points = pointStates(cat);
  const events: ConjunctionEvent[] = [];
  let intervalsRefined = 0;

  const rel = new Float64Array(nT * 6);
  const poly = new Float64Array(12);
  const samples = new Float64Array(SUBSAMPLES + 1);
  const interp = (u: number): number => {
    let acc = 0;
    for (let c = 0; c < 12; c += 4) {
      const q = ((poly[c]! * u + poly[c + 1]!) * u + poly[c + 2]!) * u + poly[c + 3]!;
      acc += q * q;
    }
    return Math.sqrt(acc);
  };
  for (const [p, s] of pairs) {
    const rp = rowOf.get(p)! * nT, rs = rowOf.get(s)! * nT;
    const vPair = boundsOf(p).vmax + boundsOf(s).vmax;
    const epsPair = boundsOf(p).eps + boundsOf(s).eps;
    const slack = (vPair * h) / (2 * SUBSAMPLES);
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
    let d0 = Math.hypot(rel[0]!, rel[1]!, rel[2]!);
    for (let k = 0; k + 1 < nT; k++) {
      const o = k * 6;
      const d1 = Math.hypot(rel[o + 6]!, rel[o + 7]!, rel[o + 8]!);
      const lipschitzMin = (d0 + d1 - vPair * h) / 2;
      d0 = d1;
      if (!(lipschitzMin < D + epsPair)) continue; // also skips NaN (SGP4 failure at an end)
      for (let c = 0; c < 3; c++) {
        const p0 = rel[o + c]!, v0 = h * rel[o + 3 + c]!, p1 = rel[o + 6 + c]!, v1 = h * rel[o + 9 + c]!;
        poly[c * 4] = 2 * p0 + v0 - 2 * p1 + v1;
        poly[c * 4 + 1] = -3 * p0 - 2 * v0 + 3 * p1 - v1;
        poly[c * 4 + 2] = v0;
        poly[c * 4 + 3] = p0;
      }
      let best = Infinity, bestS = 0;
      for (let j = 0; j <= SUBSAMPLES; j++) samples[j] = interp(j / SUBSAMPLES);
      for (let j = 0; j <= SUBSAMPLES; j++) {
        const v = samples[j]!;
        const isLocalMin = (j === 0 || v <= samples[j - 1]!) && (j === SUBSAMPLES || v <= samples[j + 1]!);
        if (!isLocalMin || v - slack >= D + epsPair) continue;
        const [sMin, dMin] = goldenMin(interp, Math.max(0, (j - 1) / SUBSAMPLES), Math.min(1, (j + 1) / SUBSAMPLES));
        if (dMin < best) { best = dMin; bestS = sMin; }
      }
      if (best >= D + epsPair) continue;
      intervalsRefined++;
      const ev = refine(points, cat, rows, p, s, times[k]!, times[k + 1]!, times[k]! + bestS * h * 1e6, k === 0, k === nT - 2);
      if (ev && ev.missDistanceKm < D) found.push(ev);
    }
    if (!failed && maxD < D) {
      groups.push({ primary: objectRef(rows[p]!), secondary: objectRef(rows[s]!), reason: 'within-threshold-whole-window', maxSampledDistanceKm: maxD });
      continue;
    }
    events.push(...dedupe(found, h * 1e6));
  }
  events.sort((a, b) => a.tca.localeCompare(b.tca) || a.missDistanceKm - b.missDistanceKm);
  return {
    start: isoFromMicros(times[0]!),
    stop: isoFromMicros(opts.startMicros + opts.days * MICROS_PER_DAY),
    thresholdKm: D,
    stepSeconds: h,
    events,
    groups,
    counts: {
      catalogObjects: rows.length,
      primaries: primaries.length,
      pairs: primaries.length * (rows.length - 1),
      pairsAfterOrbitFilter: pairs.length,
      propagatedObjects: pairs.length > 0 ? listed.length : 0,
      coarseSteps: nT,
      intervalsRefined,
    },
    missingPrimaries,
  };
}

function semiMajorAxisOf(e: ScreenElements): number {
  const n = (e.meanMotion * 2 * Math.PI) / 86_400;
  return Math.cbrt(398600.8 / (n * n));
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Golden-section minimum of f on [a, b] (unimodal there), to 1e-6 of the interval. */
function goldenMin(f: (s: number) => number, a: number, b: number): [number, number] {
  let c = b - GOLDEN * (b - a), d = a + GOLDEN * (b - a);
  let fc = f(c), fd = f(d);
  while (b - a > 1e-6) {
    if (fc < fd) { b = d; d = c; fd = fc; c = b - GOLDEN * (b - a); fc = f(c); }
    else { a = c; c = d; fc = fd; d = a + GOLDEN * (b - a); fd = f(d); }
  }
  const s = (a + b) / 2;
  const ends: [number, number][] = [[s, f(s)], [0, f(0)], [1, f(1)]];
  return ends.filter(([x]) => x >= a - 1e-9 && x <= b + 1e-9).concat([[s, f(s)]]).reduce((m, v) => (v[1] < m[1] ? v : m));
}

/** Range rate (km/s) of s relative to p at t, with both states; NaN when SGP4 fails. */
function rangeRate(points: PointStates, p: number, s: number, t: number, sp: Float64Array, ss: Float64Array): number {
  if (!points.at(p, t, sp) || !points.at(s, t, ss)) return NaN;
  const rx = ss[0]! - sp[0]!, ry = ss[1]! - sp[1]!, rz = ss[2]! - sp[2]!;
  const vx = ss[3]! - sp[3]!, vy = ss[4]! - sp[4]!, vz = ss[5]! - sp[5]!;
  return (rx * vx + ry * vy + rz * vz) / Math.hypot(rx, ry, rz);
}

/** TCA in [a, b] (µs) from SGP4 states: the range-rate zero nearest the estimate, else the nearer end. */
function refine(
  points: PointStates, cat: CatalogElements, rows: readonly ScreenElements[], p: number, s: number,
  a: number, b: number, estimate: number, windowStart: boolean, windowEnd: boolean,
): ConjunctionEvent | null {
  const sp = new Float64Array(6), ss = new Float64Array(6);
  const g = (t: number): number => rangeRate(points, p, s, t, sp, ss);
  const span = (b - a) / SUBSAMPLES;
  let lo = Math.max(a, estimate - span), hi = Math.min(b, estimate + span);
  let glo = g(lo), ghi = g(hi);
  if (!(glo < 0 && ghi >= 0)) { lo = a; hi = b; glo = g(lo); ghi = g(hi); }
  let tca: number;
  if (glo < 0 && ghi >= 0) {
    let side = 0;
    while (hi - lo > TCA_TOLERANCE_MICROS) {
      const t = (lo * ghi - hi * glo) / (ghi - glo);
      const gt = g(t);
      if (Number.isNaN(gt)) return null;
      if (gt < 0) { lo = t; glo = gt; if (side === -1) ghi /= 2; side = -1; }
      else { hi = t; ghi = gt; if (side === 1) glo /= 2; side = 1; }
      if (gt === 0) { lo = hi = t; }
    }
    tca = (lo + hi) / 2;
  } else {
    // No range-rate zero in [a, b]: the distance is smallest at an end. Inside the window the
    // neighbouring interval holds that minimum; only the window's own ends are reported from here.
    const atStart = glo >= 0;
    if (atStart ? !windowStart : !windowEnd) return null;
    tca = atStart ? a : b;
  }
  if (Number.isNaN(g(tca))) return null;
  return buildEvent(cat, rows, p, s, tca, sp, ss);
}

function buildEvent(
  cat: CatalogElements, rows: readonly ScreenElements[], p: number, s: number, tca: number,
  sp: Float64Array, ss: Float64Array,
): ConjunctionEvent {
  const rel: [number, number, number] = [ss[0]! - sp[0]!, ss[1]! - sp[1]!, ss[2]! - sp[2]!];
  const relV: [number, number, number] = [ss[3]! - sp[3]!, ss[4]! - sp[4]!, ss[5]! - sp[5]!];
  const obj = (i: number, st: Float64Array): EventObject => ({
    ...objectRef(rows[i]!),
    elementAgeDays: (tca - cat.epochMicros[i]!) / MICROS_PER_DAY,
    positionKm: [st[0]!, st[1]!, st[2]!],
    velocityKmS: [st[3]!, st[4]!, st[5]!],
  });
  return {
    primary: obj(p, sp),
    secondary: obj(s, ss),
    tca: isoFromMicros(tca),
    missDistanceKm: Math.hypot(...rel),
    relativeSpeedKmS: Math.hypot(...relV),
    relativePositionRtnKm: rtnComponents(sp, rel),
    relativeVelocityRtnKmS: rtnComponents(sp, relV),
  };
}

/** One event per approach: TCAs of the same pair closer than one step are the same approach. */
function dedupe(found: ConjunctionEvent[], stepMicros: number): ConjunctionEvent[] {
  const out: ConjunctionEvent[] = [];
  for (const ev of found.sort((x, y) => x.tca.localeCompare(y.tca))) {
    const last = out[out.length - 1];
    if (last && epochMicros(ev.tca) - epochMicros(last.tca) < stepMicros / 2) {
      if (ev.missDistanceKm < last.missDistanceKm) out[out.length - 1] = ev;
    } else out.push(ev);
  }
  return out;
}
