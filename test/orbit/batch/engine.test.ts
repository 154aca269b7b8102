import { describe, expect, it } from 'vitest';
import { sgp4 } from 'satellite.js';
import { prepareCatalog, type CatalogElements } from '../../../src/orbit/batch/catalog-elements.js';
import { allocateColumns, propagateListed, propagateRange, type StateColumns } from '../../../src/orbit/batch/grid.js';
import { PropagationPool } from '../../../src/orbit/batch/pool.js';
import { epochMicros, isoFromMicros, minutesBetween } from '../../../src/orbit/epoch-micros.js';
import { bundledRows, GP_2026_07_10, TLE_2026_05_04 } from './support.js';

const MM_IN_KM = 1e-6;

/** Largest position (km) and velocity (km/s) difference from satellite.js's sgp4 at the same minutes. */
function compare(cat: CatalogElements, times: Float64Array, out: StateColumns, rowOf: (i: number) => number, objects: Iterable<number>) {
  let pos = 0, vel = 0, states = 0, nearEarth = 0, deepSpace = 0, bothFailed = 0;
  const failMismatch: number[] = [];
  for (const i of objects) {
    if (cat.nearEarth[i]) nearEarth++; else deepSpace++;
    for (let k = 0; k < times.length; k++) {
      const pv = sgp4(cat.satrecs[i]!, (times[k]! - cat.epochMicros[i]!) / 60e6);
      const j = rowOf(i) * times.length + k;
      if (!pv || Number.isNaN(out.x[j])) {
        if (!pv && Number.isNaN(out.x[j])) bothFailed++; else failMismatch.push(cat.noradIds[i]!);
        continue;
      }
      states++;
      pos = Math.max(pos, Math.hypot(pv.position.x - out.x[j]!, pv.position.y - out.y[j]!, pv.position.z - out.z[j]!));
      vel = Math.max(vel, Math.hypot(pv.velocity.x - out.vx[j]!, pv.velocity.y - out.vy[j]!, pv.velocity.z - out.vz[j]!));
    }
  }
  return { pos, vel, states, nearEarth, deepSpace, bothFailed, failMismatch };
}

/** 40 instants over 30 days from the snapshot date, at odd microsecond offsets. */
const grid = (startIso: string): Float64Array =>
  new Float64Array(40).map((_, k) => epochMicros(startIso) + k * 64_800_000_000 + k * 1_234_567);

describe('batch propagation engine vs satellite.js', () => {
  for (const [file, start] of [[GP_2026_07_10, '2026-07-10T00:00:00Z'], [TLE_2026_05_04, '2026-05-04T00:00:00Z']] as const) {
    it(`agrees within 1 mm on every object of ${file}, near-Earth and deep-space`, () => {
      const cat = prepareCatalog(bundledRows(file));
      const times = grid(start);
      const out = allocateColumns(cat.count * times.length);
      propagateRange(cat, times, 0, cat.count, out);
      const r = compare(cat, times, out, (i) => i, cat.noradIds.keys());
      expect(r.nearEarth).toBeGreaterThan(10_000);
      expect(r.deepSpace).toBeGreaterThan(500);
      expect(r.states).toBeGreaterThan(0.99 * cat.count * times.length);
      expect(r.failMismatch).toEqual([]);
      expect(r.pos).toBeLessThan(MM_IN_KM);
      expect(r.vel).toBeLessThan(MM_IN_KM); // 1 mm/s
    });
  }

  it('propagates a listed subset into rows in list order', () => {
    const cat = prepareCatalog(bundledRows(GP_2026_07_10));
    const times = grid('2026-07-10T00:00:00Z').subarray(0, 5);
    const indices = Int32Array.from([cat.count - 1, 0, 7, 7, 42]);
    const out = allocateColumns(indices.length * times.length);
    propagateListed(cat, times, indices, 0, indices.length, out);
    for (let p = 0; p < indices.length; p++) {
      const r = compare(cat, times, out, () => p, [indices[p]!]);
      expect(r.pos).toBeLessThan(MM_IN_KM);
    }
  });

  it('gives the same states through the worker pool, without blocking the event loop', async () => {
    const rows = bundledRows(GP_2026_07_10);
    const cat = prepareCatalog(rows);
    const times = grid('2026-07-10T00:00:00Z');
    const pool = new PropagationPool(2);
    try {
      await pool.load(rows);
      let ticks = 0;
      const timer = setInterval(() => { ticks++; }, 5);
      const started = Date.now();
      const res = await pool.propagate(times);
      const elapsed = Date.now() - started;
      clearInterval(timer);
      expect(res.rows).toBe(cat.count);
      // The event loop kept turning while the workers ran (a blocked loop gets no timer ticks).
      if (elapsed > 100) expect(ticks).toBeGreaterThan(elapsed / 5 / 10);
      const r = compare(cat, times, res.columns, (i) => i, cat.noradIds.keys());
      expect(r.failMismatch).toEqual([]);
      expect(r.pos).toBeLessThan(MM_IN_KM);
      const subset = Int32Array.from([5, 900, 15_000]);
      const sub = await pool.propagate(times, subset);
      expect(sub.rows).toBe(3);
      expect(sub.columns.x[2 * times.length + 3]).toBe(res.columns.x[15_000 * times.length + 3]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});

describe('epochs to the microsecond', () => {
  it('keeps the microseconds of an OMM epoch that a Date drops', () => {
    const us = epochMicros('2026-07-10T03:44:00.383136');
    expect(us).toBe(Date.UTC(2026, 6, 10, 3, 44, 0) * 1000 + 383_136);
    expect(isoFromMicros(us)).toBe('2026-07-10T03:44:00.383136Z');
    const viaDate = new Date('2026-07-10T03:44:00.383136Z').getTime() * 1000;
    expect(us - viaDate).toBe(136);
    expect(minutesBetween(viaDate, us)).toBeCloseTo(136 / 60e6, 15);
    expect(epochMicros('2026-07-10T03:44:00Z')).toBe(Date.UTC(2026, 6, 10, 3, 44, 0) * 1000);
  });

  it('refuses text that is not a UTC instant', () => {
    for (const bad of ['2026-07-10', '2026-07-10T03:44:00.1234567Z', '2026-07-10T03:44:00+02:00', 'x']) {
      expect(() => epochMicros(bad)).toThrow(RangeError);
    }
  });

  it('stores every bundled OMM epoch exactly, so the catalog epoch times round-trip to the text', () => {
    const rows = bundledRows(GP_2026_07_10);
    const cat = prepareCatalog(rows.slice(0, 2000));
    rows.slice(0, 2000).forEach((r, i) => expect(isoFromMicros(cat.epochMicros[i]!)).toBe(r.epoch));
  });
});
