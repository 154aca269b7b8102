/**
 * The screener's test of one pair over one coarse interval, shared by the pairwise and the
 * spatial-index scans so both give the same events for the same interval:
 *   - Lipschitz test: the distance cannot change faster than the pair's largest relative speed Vmax,
 *     so an interval whose end distances d0, d1 satisfy (d0 + d1 − Vmax·h)/2 ≥ D + ε holds no approach
 *     closer than D;
 *   - the cubic Hermite interpolant of the relative position (error ≤ ε, hermite.ts) minimised on
 *     the interval; only an interval that can hold an approach within D is refined;
 *   - refinement: the TCA is the zero of the range rate, from SGP4 states, by a safeguarded secant
 *     (regula falsi, Illinois) to 1 ms.
 */
import type { CatalogElements } from '../../orbit/batch/catalog-elements.js';
import type { PointStates } from '../../orbit/batch/point-state.js';
import { epochMicros, isoFromMicros, MICROS_PER_DAY } from '../../orbit/epoch-micros.js';
import { rtnComponents } from '../../orbit/rtn.js';
import type { ConjunctionEvent, EventObject, ObjectRef, ScreenElements } from './types.js';

/** Sub-samples of the interpolant per coarse interval before its local minima are polished. */
const SUBSAMPLES = 16;
const TCA_TOLERANCE_MICROS = 1000;

export function objectRef(e: ScreenElements): ObjectRef {
  return { noradId: e.noradId, objectName: e.objectName, objectId: e.objectId, elementEpoch: e.epoch, elementSourceId: e.elementSourceId };
}

export interface IntervalContext {
  points: PointStates;
  cat: CatalogElements;
  rows: readonly ScreenElements[];
  /** Coarse step, s. */
  h: number;
  thresholdKm: number;
}

/** Scratch buffers of one scan (not shared between concurrent scans). */
export class IntervalTester {
  private readonly poly = new Float64Array(12);
  private readonly samples = new Float64Array(SUBSAMPLES + 1);
  /** Intervals whose interpolated approach came within the threshold plus bounds (refined). */
  refined = 0;

  constructor(private readonly ctx: IntervalContext) {}

  /**
   * Tests pair (p, s) over [ta, tb] (µs). `rel` holds, from offset o, the secondary-minus-primary
   * position and velocity at ta (6 numbers) then at tb (6 numbers). Returns the refined approach
   * when it is closer than the threshold.
   */
  test(p: number, s: number, ta: number, tb: number, rel: Float64Array, o: number, vPair: number, epsPair: number,
    windowStart: boolean, windowEnd: boolean): ConjunctionEvent | null {
    const { h, thresholdKm: D } = this.ctx;
    const d0 = Math.hypot(rel[o]!, rel[o + 1]!, rel[o + 2]!);
    const d1 = Math.hypot(rel[o + 6]!, rel[o + 7]!, rel[o + 8]!);
    const lipschitzMin = (d0 + d1 - vPair * h) / 2;
    if (!(lipschitzMin < D + epsPair)) return null; // also skips NaN (SGP4 failure at an end)
    const poly = this.poly, samples = this.samples;
    for (let c = 0; c < 3; c++) {
      const p0 = rel[o + c]!, v0 = h * rel[o + 3 + c]!, p1 = rel[o + 6 + c]!, v1 = h * rel[o + 9 + c]!;
      poly[c * 4] = 2 * p0 + v0 - 2 * p1 + v1;
      poly[c * 4 + 1] = -3 * p0 - 2 * v0 + 3 * p1 - v1;
      poly[c * 4 + 2] = v0;
      poly[c * 4 + 3] = p0;
    }
    const interp = (u: number): number => {
      let acc = 0;
      for (let c = 0; c < 12; c += 4) {
        const q = ((poly[c]! * u + poly[c + 1]!) * u + poly[c + 2]!) * u + poly[c + 3]!;
        acc += q * q;
      }
      return Math.sqrt(acc);
    };
    const slack = (vPair * h) / (2 * SUBSAMPLES);
    let best = Infinity, bestS = 0;
    for (let j = 0; j <= SUBSAMPLES; j++) samples[j] = interp(j / SUBSAMPLES);
    for (let j = 0; j <= SUBSAMPLES; j++) {
      const v = samples[j]!;
      const isLocalMin = (j === 0 || v <= samples[j - 1]!) && (j === SUBSAMPLES || v <= samples[j + 1]!);
      if (!isLocalMin || v - slack >= D + epsPair) continue;
      const [sMin, dMin] = goldenMin(interp, Math.max(0, (j - 1) / SUBSAMPLES), Math.min(1, (j + 1) / SUBSAMPLES));
      if (dMin < best) { best = dMin; bestS = sMin; }
    }
    if (best >= D + epsPair) return null;
    this.refined++;
    const ev = refine(this.ctx, p, s, ta, tb, ta + bestS * h * 1e6, windowStart, windowEnd);
    return ev && ev.missDistanceKm < D ? ev : null;
  }
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
  ctx: IntervalContext, p: number, s: number, a: number, b: number, estimate: number, windowStart: boolean, windowEnd: boolean,
): ConjunctionEvent | null {
  const sp = new Float64Array(6), ss = new Float64Array(6);
  const g = (t: number): number => rangeRate(ctx.points, p, s, t, sp, ss);
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
  return buildEvent(ctx.cat, ctx.rows, p, s, tca, sp, ss);
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
export function dedupe(found: ConjunctionEvent[], stepMicros: number): ConjunctionEvent[] {
  const out: ConjunctionEvent[] = [];
  for (const ev of found.sort((x, y) => x.tca.localeCompare(y.tca))) {
    const last = out[out.length - 1];
    if (last && epochMicros(ev.tca) - epochMicros(last.tca) < stepMicros / 2) {
      if (ev.missDistanceKm < last.missDistanceKm) out[out.length - 1] = ev;
    } else out.push(ev);
  }
  return out;
}
