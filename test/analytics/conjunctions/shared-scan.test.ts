import { beforeAll, describe, expect, it } from 'vitest';
import { prepareCatalog, type CatalogElements } from '../../../src/orbit/batch/catalog-elements.js';
import { allocateColumns, propagateListed } from '../../../src/orbit/batch/grid.js';
import { epochMicros, MICROS_PER_DAY } from '../../../src/orbit/epoch-micros.js';
import { prepareScreen, screenConjunctions } from '../../../src/analytics/conjunctions/screen.js';
import { pairRole } from '../../../src/analytics/conjunctions/screen-setup.js';
import { reachKm } from '../../../src/analytics/conjunctions/shared-scan.js';
import { CellIndex } from '../../../src/analytics/conjunctions/spatial-index.js';
import { bruteForcePair } from '../../../src/analytics/conjunctions/brute-force.js';
import type { ConjunctionEvent, ScreenElements, ScreenResult } from '../../../src/analytics/conjunctions/types.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10 } from '../../../src/services/bundled-elements.js';
import { rawChinesePayloadIds } from '../../support/raw-files.js';

const START = '2026-07-10T00:00:00Z';
const DAYS = 1;
const THRESHOLD = 5;
let rows: ScreenElements[];
let cat: CatalogElements;
let primaries: number[];
let many: ScreenResult;

beforeAll(async () => {
  rows = bundledGpRows(GP_SNAPSHOT_2026_07_10.file).map((r) => ({ ...r, elementSourceId: GP_SNAPSHOT_2026_07_10.sourceId }));
  cat = prepareCatalog(rows);
  // Every 8th Chinese payload (raw-file attribution), so the test stays within a minute.
  primaries = rawChinesePayloadIds(GP_SNAPSHOT_2026_07_10.file).filter((_, i) => i % 8 === 0);
  many = await screenConjunctions(rows, primaries, { startMicros: epochMicros(START), days: DAYS, thresholdKm: THRESHOLD, method: 'spatial-index' }, cat);
}, 300_000);

/** An event as an unordered pair and its TCA, so either object may be the primary. */
const pairKey = (e: ConjunctionEvent): string => [e.primary.noradId, e.secondary.noradId].sort((a, b) => a - b).join('-');
const involves = (e: ConjunctionEvent, norad: number): boolean => e.primary.noradId === norad || e.secondary.noradId === norad;

describe('spatial index (uniform grid)', () => {
  it('returns every entry within its half-width of a point, whatever the cell size and bucket collisions', () => {
    let seed = 7;
    const rand = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    for (const [cell, bits] of [[50, 4], [200, 10], [1000, 16]] as const) {
      const index = new CellIndex(bits);
      index.reset(cell);
      const pts = Array.from({ length: 300 }, () => [rand() * 2000 - 1000, rand() * 2000 - 1000, rand() * 2000 - 1000, 20 + rand() * 300] as const);
      pts.forEach(([x, y, z, hw], id) => index.insertCube(id, x, y, z, hw));
      for (let q = 0; q < 500; q++) {
        const [x, y, z] = [rand() * 2400 - 1200, rand() * 2400 - 1200, rand() * 2400 - 1200];
        const got = new Set<number>();
        for (let e = index.first(x, y, z); e >= 0; e = index.nextOf(e)) got.add(index.ids[e]!);
        pts.forEach(([px, py, pz, hw], id) => { if (Math.hypot(x - px, y - py, z - pz) < hw) expect(got.has(id)).toBe(true); });
      }
    }
  });
});

describe('the reach bound', () => {
  it('holds against SGP4 every 2 s: |interpolated position at the nearest sub-step − true position| ≤ V·δ/2 + ε, for every 40th object', () => {
    const pre = prepareScreen(rows, primaries, { startMicros: epochMicros(START), days: DAYS, thresholdKm: THRESHOLD }, cat);
    const { setup } = pre;
    const h = setup.h, m = 30, delta = h / m;
    const list = Int32Array.from([...rows.keys()].filter((i) => i % 40 === 0 && cat.initError[i] === 0));
    const start = epochMicros(START);
    const coarse = new Float64Array(7).map((_, k) => start + k * h * 1e6); // 6 coarse intervals
    const fine = new Float64Array(6 * h / 2 + 1).map((_, k) => start + k * 2e6);
    const c = allocateColumns(list.length * coarse.length), f = allocateColumns(list.length * fine.length);
    propagateListed(cat, coarse, list, 0, list.length, c);
    propagateListed(cat, fine, list, 0, list.length, f);
    let worst = 0;
    list.forEach((i, row) => {
      const b = setup.bounds(i);
      const reach = reachKm(b.vmax, b.eps, delta);
      for (let n = 0; n < fine.length; n++) {
        const t = (fine[n]! - start) / 1e6;
        const k = Math.min(5, Math.floor(t / h));
        const j = Math.round((t - k * h) / delta);
        const u = j / m;
        const a = row * coarse.length + k;
        const pos = (p: Float64Array, v: Float64Array): number => {
          const h00 = 2 * u ** 3 - 3 * u ** 2 + 1, h10 = u ** 3 - 2 * u ** 2 + u, h01 = -2 * u ** 3 + 3 * u ** 2, h11 = u ** 3 - u ** 2;
          return h00 * p[a]! + h10 * h * v[a]! + h01 * p[a + 1]! + h11 * h * v[a + 1]!;
        };
        const o = row * fine.length + n;
        const err = Math.hypot(pos(c.x, c.vx) - f.x[o]!, pos(c.y, c.vy) - f.y[o]!, pos(c.z, c.vz) - f.z[o]!);
        if (!Number.isNaN(err)) worst = Math.max(worst, err / reach);
      }
    });
    expect(list.length).toBeGreaterThan(300);
    expect(worst).toBeGreaterThan(0.5); // the bound is not vacuous
    expect(worst).toBeLessThan(1);
  });
});

describe('many primaries at once (every 8th Chinese payload, 1 day, 5 km)', () => {
  it('uses the spatial index and reports events', () => {
    expect(many.counts.scan).toBe('spatial-index');
    expect(many.counts.primaries).toBeGreaterThan(100);
    expect(many.events.length).toBeGreaterThan(20);
    for (const e of many.events) expect(e.missDistanceKm).toBeLessThan(THRESHOLD);
  });

  it('equals the one-primary-at-a-time pairwise screening for a sample of primaries', async () => {
    const sample = primaries.filter((_, i) => i % 20 === 0).slice(0, 8);
    expect(sample.length).toBeGreaterThanOrEqual(5);
    let compared = 0;
    for (const p of sample) {
      const one = await screenConjunctions(rows, [p], { startMicros: epochMicros(START), days: DAYS, thresholdKm: THRESHOLD, method: 'pairwise' }, cat);
      // Pairs of two primaries are screened once in the many-primary run (the lower catalog index as primary).
      const fromMany = many.events.filter((e) => involves(e, p)).map((e) => `${pairKey(e)}@${e.tca}:${e.missDistanceKm.toFixed(9)}`).sort();
      const fromOne = one.events.map((e) => `${pairKey(e)}@${e.tca}:${e.missDistanceKm.toFixed(9)}`).sort();
      expect(fromMany).toEqual(fromOne);
      compared += fromOne.length;
    }
    expect(compared).toBeGreaterThan(0);
  }, 300_000);

  it('misses nothing a 10 s brute force (satellite.js) finds on the event pairs and on the screened pairs that come nearest without an event', () => {
    const start = epochMicros(START), stop = start + DAYS * MICROS_PER_DAY;
    const pre = prepareScreen(rows, primaries, { startMicros: start, days: DAYS, thresholdKm: THRESHOLD }, cat);
    const idx = new Map(rows.map((r, i) => [r.noradId, i]));
    const sample = primaries.filter((_, i) => i % 10 === 3).slice(0, 12).map((n) => idx.get(n)!);
    // Nearest approach of every screened pair of the sampled primaries on a 60 s engine grid.
    const times = new Float64Array(DAYS * 1440 + 1).map((_, k) => start + k * 60e6);
    const list = Int32Array.from(pre.listed);
    const cols = allocateColumns(list.length * times.length);
    propagateListed(cat, times, list, 0, list.length, cols);
    const rowOf = new Map(pre.listed.map((i, r) => [i, r]));
    const withEvent = new Set(many.events.map(pairKey));
    const near: { p: number; s: number; d: number }[] = [];
    for (const p of sample) {
      const rp = rowOf.get(p)! * times.length;
      for (const s of pre.listed) {
        const [a, b] = s < p && pre.setup.isPrimary[s] === 1 ? [s, p] : [p, s];
        if (pairRole(pre.setup, a, b) !== 'screen') continue;
        const rs = rowOf.get(s)! * times.length;
        let d = Infinity;
        for (let k = 0; k < times.length; k++) d = Math.min(d, Math.hypot(cols.x[rs + k]! - cols.x[rp + k]!, cols.y[rs + k]! - cols.y[rp + k]!, cols.z[rs + k]! - cols.z[rp + k]!));
        near.push({ p, s, d });
      }
    }
    const key = (a: number, b: number): string => [rows[a]!.noradId, rows[b]!.noradId].sort((x, y) => x - y).join('-');
    const eventPairs = near.filter((n) => withEvent.has(key(n.p, n.s)));
    const nearestWithout = near.filter((n) => !withEvent.has(key(n.p, n.s))).sort((a, b) => a.d - b.d).slice(0, 40);
    expect(nearestWithout.length).toBe(40);
    let bruteEvents = 0;
    const missed: string[] = [];
    for (const { p, s } of [...eventPairs, ...nearestWithout]) {
      const found = bruteForcePair({ satrec: cat.satrecs[p]!, epochMicros: cat.epochMicros[p]! }, { satrec: cat.satrecs[s]!, epochMicros: cat.epochMicros[s]! }, start, stop, THRESHOLD, 10);
      for (const f of found) {
        bruteEvents++;
        const match = many.events.find((e) => pairKey(e) === key(p, s) && Math.abs(epochMicros(e.tca) - f.tcaMicros) < 1e6);
        if (!match) missed.push(`${key(p, s)} at ${new Date(f.tcaMicros / 1000).toISOString()} ${f.missDistanceKm.toFixed(3)} km`);
        else expect(Math.abs(match.missDistanceKm - f.missDistanceKm)).toBeLessThan(1e-3);
      }
    }
    expect(eventPairs.length).toBeGreaterThan(0);
    expect(bruteEvents).toBeGreaterThan(0);
    expect(missed).toEqual([]);
    // The nearest pairs without an event did come close: the sample is where a wrong bound would lose events.
    expect(nearestWithout[0]!.d).toBeLessThan(200);
  }, 300_000);
});
