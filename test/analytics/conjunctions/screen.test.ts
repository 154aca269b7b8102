import { beforeAll, describe, expect, it } from 'vitest';
import { prepareCatalog, type CatalogElements } from '../../../src/orbit/batch/catalog-elements.js';
import { allocateColumns, propagateListed } from '../../../src/orbit/batch/grid.js';
import { epochMicros, MICROS_PER_DAY } from '../../../src/orbit/epoch-micros.js';
import { screenConjunctions } from '../../../src/analytics/conjunctions/screen.js';
import { radialShell, shellsOverlap } from '../../../src/analytics/conjunctions/orbit-filter.js';
import { hermiteErrorBoundKm } from '../../../src/analytics/conjunctions/hermite.js';
import { bruteForcePair } from '../../../src/analytics/conjunctions/brute-force.js';
import type { ScreenElements, ScreenResult } from '../../../src/analytics/conjunctions/types.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10 } from '../../../src/services/bundled-elements.js';

const TIANHE = 48274;
const START = '2026-07-10T00:00:00Z';
let rows: ScreenElements[];
let cat: CatalogElements;

beforeAll(() => {
  rows = bundledGpRows(GP_SNAPSHOT_2026_07_10.file).map((r) => ({ ...r, elementSourceId: GP_SNAPSHOT_2026_07_10.sourceId }));
  cat = prepareCatalog(rows);
});

const idx = (norad: number): number => rows.findIndex((r) => r.noradId === norad);

describe('apogee/perigee filter bounds', () => {
  it('contains every SGP4 radius over 7 days for a sample of near-Earth objects (every 25th)', () => {
    const start = epochMicros(START);
    const times = new Float64Array(7 * 1440 / 2 + 1).map((_, k) => start + k * 120e6);
    const list = Int32Array.from([...rows.keys()].filter((i) => i % 25 === 0 && cat.nearEarth[i] === 1 && cat.initError[i] === 0));
    const out = allocateColumns(list.length * times.length);
    propagateListed(cat, times, list, 0, list.length, out);
    const outside: string[] = [];
    list.forEach((i, p) => {
      const shell = radialShell(cat, i, rows[i]!, (start - cat.epochMicros[i]!) / 60e6, (times[times.length - 1]! - cat.epochMicros[i]!) / 60e6);
      for (let k = 0; k < times.length; k++) {
        const j = p * times.length + k;
        const r = Math.hypot(out.x[j]!, out.y[j]!, out.z[j]!);
        if (Number.isNaN(r)) continue;
        if (r < shell.minKm || r > shell.maxKm) { outside.push(`${rows[i]!.noradId} r=${r.toFixed(2)} shell=${shell.minKm.toFixed(2)}..${shell.maxKm.toFixed(2)}`); break; }
      }
    });
    expect(list.length).toBeGreaterThan(500);
    expect(outside).toEqual([]);
  });
});

describe('interpolation error bound', () => {
  it('bounds the cubic Hermite error at mid-step for a sample of objects (every 40th), 600 s steps', () => {
    const h = 600;
    const start = epochMicros(START);
    const times = new Float64Array(2 * 144 + 1).map((_, k) => start + (k * h * 1e6) / 2); // ends and midpoints
    const list = Int32Array.from([...rows.keys()].filter((i) => i % 40 === 0 && cat.initError[i] === 0));
    const out = allocateColumns(list.length * times.length);
    propagateListed(cat, times, list, 0, list.length, out);
    let worstRatio = 0;
    list.forEach((i, p) => {
      const shell = radialShell(cat, i, rows[i]!, 0, 1);
      const n = (rows[i]!.meanMotion * 2 * Math.PI) / 86400;
      const bound = hermiteErrorBoundKm(Math.max(shell.minKm, 6300), Math.cbrt(398600.8 / (n * n)), h);
      for (let k = 0; k + 2 < times.length; k += 2) {
        const o = p * times.length + k;
        let err2 = 0;
        for (const [c, v] of [[out.x, out.vx], [out.y, out.vy], [out.z, out.vz]] as const) {
          // Hermite at s = 1/2: (p0 + p1)/2 + h (v0 − v1)/8
          const interp = (c[o]! + c[o + 2]!) / 2 + (h * (v[o]! - v[o + 2]!)) / 8;
          err2 += (interp - c[o + 1]!) ** 2;
        }
        const err = Math.sqrt(err2);
        if (!Number.isNaN(err)) worstRatio = Math.max(worstRatio, err / bound);
      }
    });
    expect(worstRatio).toBeGreaterThan(0);
    expect(worstRatio).toBeLessThan(1);
  });
});

describe('screening the station against the 2026-07-10 catalog', () => {
  let result: ScreenResult;
  const THRESHOLD = 25;
  const DAYS = 2;
  beforeAll(async () => {
    result = await screenConjunctions(rows, [TIANHE], { startMicros: epochMicros(START), days: DAYS, thresholdKm: THRESHOLD }, cat);
  });

  it('groups the docked stack (one shared element set) instead of reporting it', () => {
    const grouped = result.groups.filter((g) => g.reason === 'same-element-set').map((g) => g.secondary.noradId).sort();
    expect(grouped).toEqual([53239, 54216, 69049, 69180]);
    expect(result.events.some((e) => grouped.includes(e.secondary.noradId))).toBe(false);
  });

  it('reports events with consistent fields', () => {
    expect(result.events.length).toBeGreaterThanOrEqual(3);
    for (const e of result.events) {
      expect(e.primary.noradId).toBe(TIANHE);
      expect(e.missDistanceKm).toBeLessThan(THRESHOLD);
      const { r, t, n } = e.relativePositionRtnKm;
      expect(Math.hypot(r, t, n)).toBeCloseTo(e.missDistanceKm, 9);
      const v = e.relativeVelocityRtnKmS;
      expect(Math.hypot(v.r, v.t, v.n)).toBeCloseTo(e.relativeSpeedKmS, 9);
      // At TCA (found to 1 ms) the relative position is perpendicular to the relative velocity:
      // its along-velocity part is at most the distance covered in 1 ms.
      const alongKm = Math.abs(r * v.r + t * v.t + n * v.n) / e.relativeSpeedKmS;
      if (e.tca !== result.start && e.tca !== result.stop) expect(alongKm).toBeLessThan(e.relativeSpeedKmS * 1e-3);
      expect(e.tca >= result.start && e.tca <= result.stop).toBe(true);
      expect(e.primary.elementAgeDays).toBeCloseTo((epochMicros(e.tca) - epochMicros(e.primary.elementEpoch)) / MICROS_PER_DAY, 9);
      expect(e.secondary.elementSourceId).toBe(GP_SNAPSHOT_2026_07_10.sourceId);
    }
  });

  it('misses nothing a 10 s brute force finds, on every pair the filter kept and on sampled pairs it dropped', () => {
    const p = idx(TIANHE);
    const start = epochMicros(START), stop = start + DAYS * MICROS_PER_DAY;
    const shellOf = (i: number) => radialShell(cat, i, rows[i]!, (start - cat.epochMicros[i]!) / 60e6, (stop - cat.epochMicros[i]!) / 60e6);
    const ps = shellOf(p);
    const kept: number[] = [], dropped: number[] = [];
    rows.forEach((r, i) => {
      if (i === p || cat.initError[i] !== 0 || r.epoch === rows[p]!.epoch) return;
      (shellsOverlap(ps, shellOf(i), THRESHOLD) ? kept : dropped).push(i);
    });
    // Dropped pairs that come nearest in radius are the ones a wrong filter would lose.
    const nearestDropped = dropped
      .map((i) => ({ i, gap: Math.max(shellOf(i).minKm - ps.maxKm, ps.minKm - shellOf(i).maxKm) }))
      .sort((a, b) => a.gap - b.gap).slice(0, 30).map((d) => d.i);
    const brute = new Map<number, { tca: number; d: number }[]>();
    for (const i of [...kept, ...nearestDropped]) {
      const found = bruteForcePair({ satrec: cat.satrecs[p]!, epochMicros: cat.epochMicros[p]! },
        { satrec: cat.satrecs[i]!, epochMicros: cat.epochMicros[i]! }, start, stop, THRESHOLD, 10);
      if (found.length) brute.set(rows[i]!.noradId, found.map((f) => ({ tca: f.tcaMicros, d: f.missDistanceKm })));
    }
    const bruteCount = [...brute.values()].reduce((a, f) => a + f.length, 0);
    expect(bruteCount).toBeGreaterThanOrEqual(3);
    const missed: string[] = [];
    for (const [norad, approaches] of brute) {
      for (const a of approaches) {
        const match = result.events.find((e) => e.secondary.noradId === norad && Math.abs(epochMicros(e.tca) - a.tca) < 1e6);
        if (!match) missed.push(`${norad} at ${new Date(a.tca / 1000).toISOString()} ${a.d.toFixed(3)} km`);
        else expect(Math.abs(match.missDistanceKm - a.d)).toBeLessThan(1e-3);
      }
    }
    expect(missed).toEqual([]);
    // And the screener reports nothing the brute force does not confirm.
    expect(result.events.length).toBe(bruteCount);
  }, 300_000);

  it('groups a formation flyer (within the threshold all window) and names missing primaries', async () => {
    const station = rows[idx(TIANHE)]!;
    const flyer: ScreenElements = { ...station, noradId: 900_001, objectName: 'TEST FORMATION FLYER', meanAnomaly: station.meanAnomaly + 0.01 };
    const r = await screenConjunctions([station, flyer], [TIANHE, 1], { startMicros: epochMicros(START), days: 1, thresholdKm: 5 });
    expect(r.events).toEqual([]);
    expect(r.groups.map((g) => [g.secondary.noradId, g.reason])).toEqual([[900_001, 'within-threshold-whole-window']]);
    expect(r.groups[0]!.maxSampledDistanceKm).toBeGreaterThan(0.5);
    expect(r.missingPrimaries).toEqual([1]);
  });
});
