/**
 * What both scans of the screener share: the coarse time grid, the primaries, each object's radial
 * shell over the window (orbit-filter.ts), its speed and interpolation-error bounds (hermite.ts),
 * and the pair filter (which pairs are screened at all).
 */
import type { CatalogElements } from '../../orbit/batch/catalog-elements.js';
import { MICROS_PER_DAY } from '../../orbit/epoch-micros.js';
import { hermiteErrorBoundKm, perigeeSpeedKmS } from './hermite.js';
import { radialShell, shellsOverlap, type RadialShell } from './orbit-filter.js';
import type { ScreenElements } from './types.js';

/** Margin on the vis-viva perigee speed used as an object's largest speed. */
export const SPEED_MARGIN = 1.05;

export interface ObjectBounds {
  /** Largest speed the object reaches over the window, km/s (vis-viva at its lowest radius, +5%). */
  vmax: number;
  /** Bound on the cubic Hermite interpolation error over one coarse step, km. */
  eps: number;
}

export interface ScreenSetup {
  rows: readonly ScreenElements[];
  cat: CatalogElements;
  /** Coarse step, s. */
  h: number;
  thresholdKm: number;
  startMicros: number;
  /** Coarse grid: start + k·h, k = 0..steps. */
  times: Float64Array;
  /** Catalog indices of the primaries found, in the order asked. */
  primaries: number[];
  isPrimary: Uint8Array;
  shells: RadialShell[];
  /** Equal numbers for equal element sets (same epoch and elements). */
  elementSetId: Int32Array;
  bounds(i: number): ObjectBounds;
}

const elementKey = (e: ScreenElements): string =>
  [e.epoch, e.meanMotion, e.eccentricity, e.inclination, e.raan, e.argOfPericenter, e.meanAnomaly, e.bstar].join('|');

export function screenSetup(
  rows: readonly ScreenElements[], cat: CatalogElements, primaries: number[],
  opts: { startMicros: number; days: number; thresholdKm: number; stepSeconds: number },
): ScreenSetup {
  const h = opts.stepSeconds;
  const steps = Math.max(1, Math.ceil((opts.days * 86_400) / h));
  const times = new Float64Array(steps + 1).map((_, k) => opts.startMicros + k * h * 1e6);
  const windowEnd = opts.startMicros + opts.days * MICROS_PER_DAY;
  const shells = rows.map((r, i) => radialShell(cat, i, r,
    (opts.startMicros - cat.epochMicros[i]!) / 60e6, (windowEnd - cat.epochMicros[i]!) / 60e6));
  const keys = new Map<string, number>();
  const elementSetId = Int32Array.from(rows, (r) => {
    const k = elementKey(r);
    let id = keys.get(k);
    if (id === undefined) { id = keys.size; keys.set(k, id); }
    return id;
  });
  const isPrimary = new Uint8Array(rows.length);
  for (const p of primaries) isPrimary[p] = 1;
  const cache = new Map<number, ObjectBounds>();
  const bounds = (i: number): ObjectBounds => {
    let b = cache.get(i);
    if (!b) {
      const rp = Math.max(shells[i]!.minKm, 6300), a = semiMajorAxisOf(rows[i]!);
      b = { vmax: perigeeSpeedKmS(rp, a) * SPEED_MARGIN, eps: hermiteErrorBoundKm(rp, a, h) };
      cache.set(i, b);
    }
    return b;
  };
  return { rows, cat, h, thresholdKm: opts.thresholdKm, startMicros: opts.startMicros, times, primaries, isPrimary, shells, elementSetId, bounds };
}

/**
 * How a primary p and another object s are treated: 'skip' (the same object, a failed element set,
 * or a pair of primaries already screened the other way round: a pair of primaries is screened once,
 * the lower catalog index as primary), 'group' (the same element set: a docked stack), 'filtered'
 * (radial shells apart by more than the threshold) or 'screen'.
 */
export function pairRole(setup: ScreenSetup, p: number, s: number): 'skip' | 'group' | 'filtered' | 'screen' {
  if (s === p || (setup.isPrimary[s] === 1 && s < p)) return 'skip';
  if (setup.cat.initError[s] !== 0) return 'skip';
  if (setup.elementSetId[s] === setup.elementSetId[p]) return 'group';
  return shellsOverlap(setup.shells[p]!, setup.shells[s]!, setup.thresholdKm) ? 'screen' : 'filtered';
}

export function semiMajorAxisOf(e: ScreenElements): number {
  const n = (e.meanMotion * 2 * Math.PI) / 86_400;
  return Math.cbrt(398600.8 / (n * n));
}
