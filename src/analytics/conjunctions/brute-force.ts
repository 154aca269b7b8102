/**
 * Brute-force close approaches of one pair, independent of the screener: satellite.js's sgp4 at a
 * fine fixed step over the window; a step interval can hold an approach closer than D only if
 * (d0 + d1 − Vmax·δ)/2 < D (the distance changes no faster than the relative speed, at most Vmax);
 * each such interval is searched by golden section on the true distance. Used to validate the
 * screener (tests) and as its baseline (bench:screen). The first object's positions on the step grid
 * are kept per satrec, so a primary checked against many secondaries is propagated once per step.
 */
import { sgp4, type SatRec } from 'satellite.js';
import { isoFromMicros, MICROS_PER_MINUTE } from '../../orbit/epoch-micros.js';

export interface BruteForceObject { satrec: SatRec; epochMicros: number }
export interface BruteApproach { tca: string; tcaMicros: number; missDistanceKm: number }

/** Relative speed bound for any two Earth orbiters below about 2,000 km perigee, km/s. */
export const DEFAULT_VMAX_KM_S = 16;

function position(o: BruteForceObject, t: number, out: Float64Array, at: number): boolean {
  const pv = sgp4(o.satrec, (t - o.epochMicros) / MICROS_PER_MINUTE);
  if (!pv) return false;
  out[at] = pv.position.x; out[at + 1] = pv.position.y; out[at + 2] = pv.position.z;
  return true;
}

interface Track { key: string; xyz: Float64Array }
const TRACKS = new WeakMap<SatRec, Track>();

/** The object's positions at start, start + step, … (the last at stop), NaN where SGP4 fails; kept for the next call. */
function trackOf(o: BruteForceObject, startMicros: number, stopMicros: number, step: number): Float64Array {
  const key = `${o.epochMicros}:${startMicros}:${stopMicros}:${step}`;
  const kept = TRACKS.get(o.satrec);
  if (kept?.key === key) return kept.xyz;
  const n = Math.ceil((stopMicros - startMicros) / step) + 1;
  const xyz = new Float64Array(n * 3);
  for (let k = 0; k < n; k++) if (!position(o, Math.min(stopMicros, startMicros + k * step), xyz, k * 3)) xyz.fill(NaN, k * 3, k * 3 + 3);
  TRACKS.set(o.satrec, { key, xyz });
  return xyz;
}

export function bruteForcePair(
  a: BruteForceObject, b: BruteForceObject, startMicros: number, stopMicros: number,
  thresholdKm: number, stepSeconds: number, vmaxKmS = DEFAULT_VMAX_KM_S,
): BruteApproach[] {
  const buf = new Float64Array(6);
  const dist = (t: number): number => {
    if (!position(a, t, buf, 0) || !position(b, t, buf, 3)) return NaN;
    return Math.hypot(buf[3]! - buf[0]!, buf[4]! - buf[1]!, buf[5]! - buf[2]!);
  };
  const step = stepSeconds * 1e6;
  const track = trackOf(a, startMicros, stopMicros, step);
  /** The distance at grid point k, with the first object's position read from its track. */
  const distAt = (k: number, t: number): number => {
    if (!position(b, t, buf, 3)) return NaN;
    return Math.hypot(buf[3]! - track[k * 3]!, buf[4]! - track[k * 3 + 1]!, buf[5]! - track[k * 3 + 2]!);
  };
  const found: BruteApproach[] = [];
  let t0 = startMicros;
  let k = 0;
  let d0 = distAt(0, t0);
  while (t0 < stopMicros) {
    k++;
    const t1 = Math.min(stopMicros, startMicros + k * step);
    const d1 = distAt(k, t1);
    if ((d0 + d1 - vmaxKmS * ((t1 - t0) / 1e6)) / 2 < thresholdKm) {
      const [tca, d] = golden(dist, t0, t1);
      if (d < thresholdKm) found.push({ tca: isoFromMicros(tca), tcaMicros: tca, missDistanceKm: d });
    }
    t0 = t1;
    d0 = d1;
  }
  // Adjacent intervals can both hold the same approach: keep one per approach (minima > 60 s apart).
  const merged: BruteApproach[] = [];
  for (const f of found) {
    const last = merged[merged.length - 1];
    if (last && f.tcaMicros - last.tcaMicros < 60e6) { if (f.missDistanceKm < last.missDistanceKm) merged[merged.length - 1] = f; }
    else merged.push(f);
  }
  return merged;
}

const G = (Math.sqrt(5) - 1) / 2;

function golden(f: (t: number) => number, a: number, b: number): [number, number] {
  let c = b - G * (b - a), d = a + G * (b - a);
  let fc = f(c), fd = f(d);
  while (b - a > 100) { // 0.1 ms
    if (fc < fd) { b = d; d = c; fd = fc; c = b - G * (b - a); fc = f(c); }
    else { a = c; c = d; fc = fd; d = a + G * (b - a); fd = f(d); }
  }
  const best: [number, number][] = [[(a + b) / 2, f((a + b) / 2)]];
  return best[0]!;
}
