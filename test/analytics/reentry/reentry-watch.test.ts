/** The reentry model and watch on real element sets of the bundled snapshots. */
import { beforeAll, describe, expect, it } from 'vitest';
import { decayEstimate, REENTRY_ALTITUDE_KM, semiMajorAxisRateKmDay } from '../../../src/analytics/reentry/decay-model.js';
import { densityKgM3 } from '../../../src/analytics/reentry/exponential-atmosphere.js';
import { reentryWatch, sizeClassOf, WINDOW_HIGH, WINDOW_LOW } from '../../../src/analytics/reentry/watch.js';
import type { ReentryInput } from '../../../src/analytics/reentry/types.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10, TLE_SNAPSHOT_2026_05_04 } from '../../../src/services/bundled-elements.js';
import type { GpRow } from '../../../src/model/gp-elements.js';

let may: Map<number, GpRow>;
let jul: GpRow[];
beforeAll(() => {
  may = new Map(bundledGpRows(TLE_SNAPSHOT_2026_05_04.file).map((r) => [r.noradId, r]));
  jul = bundledGpRows(GP_SNAPSHOT_2026_07_10.file);
});

const input = (r: GpRow, facts: Partial<ReentryInput> = {}): ReentryInput => ({
  ...r, elementSourceId: GP_SNAPSHOT_2026_07_10.sourceId, country: null, kind: 'payload', rcsM2: null, previous: null, ...facts,
});

describe('decay model', () => {
  it('gives days, not months, for a real element set with perigee near 150 km, and none for a GEO object', () => {
    const low = may.get(54180)!; // STARLINK-5228, 2026-05-04: perigee ≈ 154 km, absent from the 2026-07-10 catalog
    const est = decayEstimate({ meanMotion: low.meanMotion, eccentricity: low.eccentricity, meanMotionRate: 2 * low.meanMotionDot });
    expect(est.perigeeKm).toBeGreaterThan(140);
    expect(est.perigeeKm).toBeLessThan(170);
    expect(est.remainingDays).toBeGreaterThan(0);
    expect(est.remainingDays).toBeLessThan(5);
    const geo = jul.find((r) => r.meanMotion > 0.99 && r.meanMotion < 1.01 && r.eccentricity < 0.001)!;
    expect(decayEstimate({ meanMotion: geo.meanMotion, eccentricity: geo.eccentricity, meanMotionRate: 2 * Math.abs(geo.meanMotionDot) }).remainingDays).toBeNull();
  });

  it('matches an independent integration (exact exponential per band, √(a/a0) held at its mean) within 2%', () => {
    const r = jul.filter((x) => x.meanMotionDot > 0 && x.eccentricity < 0.005).find((x) => { const d = decayEstimate({ ...x, meanMotionRate: 2 * x.meanMotionDot }); return d.perigeeKm > 300 && d.perigeeKm < 400; })!;
    const est = decayEstimate({ meanMotion: r.meanMotion, eccentricity: r.eccentricity, meanMotionRate: 2 * r.meanMotionDot });
    // Vallado Table 8-4 bands between 120 km and the perigee; ∫ dh / (|ȧ0|·ρ(h)/ρ0) = Σ H·(e^{(h_top−h0b)/H} − e^{(h_bot−h0b)/H})·ρ0/(ρ0b·|ȧ0|).
    const bands: [number, number, number][] = [[120, 2.438e-8, 9.473], [130, 8.484e-9, 12.636], [140, 3.845e-9, 16.149], [150, 2.070e-9, 22.523], [180, 5.464e-10, 29.740],
      [200, 2.789e-10, 37.105], [250, 7.248e-11, 45.546], [300, 2.418e-11, 53.628], [350, 9.518e-12, 53.298], [400, 3.725e-12, 58.515]];
    const a0 = est.semiMajorAxisKm;
    const adot = Math.abs((2 / 3) * a0 * (2 * r.meanMotionDot) / r.meanMotion);
    expect(Math.abs(est.semiMajorAxisRateKmDay)).toBeCloseTo(adot, 9);
    const rho0 = densityKgM3(est.perigeeKm);
    let days = 0;
    for (let i = 0; i < bands.length; i++) {
      const [hb, rb, H] = bands[i]!;
      const top = Math.min(bands[i + 1]?.[0] ?? Infinity, est.perigeeKm);
      if (top <= hb) break;
      days += (H * (Math.exp((top - hb) / H) - 1) * rho0) / (rb * adot);
    }
    const meanSqrt = Math.sqrt((a0 - (est.perigeeKm - REENTRY_ALTITUDE_KM) / 2) / a0);
    expect(est.remainingDays! / (days / meanSqrt)).toBeGreaterThan(0.98);
    expect(est.remainingDays! / (days / meanSqrt)).toBeLessThan(1.02);
  });

  it('scales inversely with the decay rate (the rate is the only calibration)', () => {
    const r = may.get(46462)!; // JILIN-1 GAOFEN 3J, perigee ≈ 242 km on 2026-05-04
    const one = decayEstimate({ meanMotion: r.meanMotion, eccentricity: r.eccentricity, meanMotionRate: 2 * r.meanMotionDot }).remainingDays!;
    const two = decayEstimate({ meanMotion: r.meanMotion, eccentricity: r.eccentricity, meanMotionRate: 4 * r.meanMotionDot }).remainingDays!;
    expect(two).toBeCloseTo(one / 2, 9);
    expect(semiMajorAxisRateKmDay(r.meanMotion, 0)).toBeCloseTo(0, 12);
    expect(decayEstimate({ meanMotion: r.meanMotion, eccentricity: r.eccentricity, meanMotionRate: -1e-3 }).remainingDays).toBeNull();
  });
});

describe('reentry watch', () => {
  it('lists decaying objects within the horizon with windows, ages and the previous element set', () => {
    const inputs = jul.map((r) => {
      const p = may.get(r.noradId);
      return input(r, { previous: p ? { epoch: p.epoch, meanMotion: p.meanMotion, elementSourceId: TLE_SNAPSHOT_2026_05_04.sourceId } : null });
    });
    const w = reentryWatch(inputs, '2026-07-10', 90);
    expect(w.counts.objects).toBe(jul.length);
    expect(w.counts.decaying).toBe(jul.filter((r) => r.meanMotionDot > 0).length);
    expect(w.candidates.length).toBeGreaterThan(0);
    const end = Date.parse('2026-07-10T00:00:00Z') + 90 * 864e5;
    for (const c of w.candidates) {
      const r = jul.find((x) => x.noradId === c.noradId)!;
      expect(r.meanMotionDot).toBeGreaterThan(0);
      expect(Date.parse(c.reentry.central)).toBeLessThanOrEqual(end + 1000);
      const epochMs = Date.parse(r.epoch);
      expect((Date.parse(c.reentry.earliest) - epochMs) / 864e5).toBeCloseTo(c.reentry.daysFromEpoch * WINDOW_LOW, 4);
      expect((Date.parse(c.reentry.latest) - epochMs) / 864e5).toBeCloseTo(c.reentry.daysFromEpoch * WINDOW_HIGH, 4);
      // Ages count to the end of the snapshot date (24:00 UTC), the maneuvers' reference too.
      const ageDays = (Date.parse('2026-07-11T00:00:00Z') - epochMs) / 864e5;
      expect(c.elementSet.ageDays).toBeCloseTo(ageDays, 9);
      expect(c.flags.includes('epoch-after-snapshot-date')).toBe(ageDays < 0);
      expect(c.flags.includes('old-element-set')).toBe(ageDays > 7);
      expect(c.elementSet.sourceId).toBe(GP_SNAPSHOT_2026_07_10.sourceId);
      const p = may.get(c.noradId);
      if (p) {
        const observed = (r.meanMotion - p.meanMotion) / ((epochMs - Date.parse(p.epoch)) / 864e5);
        expect(c.previousElementSet!.observedMeanMotionRate).toBeCloseTo(observed, 12);
        expect(c.flags.includes('history-slower-than-rate')).toBe(observed < r.meanMotionDot);
      } else expect(c.previousElementSet).toBeNull();
    }
    expect(w.candidates.map((c) => c.reentry.central)).toEqual(w.candidates.map((c) => c.reentry.central).sort());
  });

  it('stops each integration past the horizon and still lists exactly the objects full integrations put within it, with the same days', () => {
    for (const [asOf, horizon] of [['2026-07-10', 90], ['2026-07-10', 7], ['2026-07-01', 30], ['2026-08-01', 365]] as const) {
      const w = reentryWatch(jul.map((r) => input(r)), asOf, horizon);
      const end = Date.parse(`${asOf}T00:00:00Z`) + horizon * 864e5;
      // Every decaying object integrated to the end, without a limit.
      const full = jul.filter((r) => r.meanMotionDot > 0)
        .map((r) => ({ r, days: decayEstimate({ meanMotion: r.meanMotion, eccentricity: r.eccentricity, meanMotionRate: 2 * r.meanMotionDot }).remainingDays }));
      const within = full.filter((f) => f.days !== null && Date.parse(f.r.epoch) + f.days * 864e5 <= end);
      expect(w.counts.modelled, `${asOf} +${horizon}`).toBe(full.filter((f) => f.days !== null).length);
      expect(new Map(w.candidates.map((c) => [c.noradId, c.reentry.daysFromEpoch])), `${asOf} +${horizon}`)
        .toEqual(new Map(within.map((f) => [f.r.noradId, f.days])));
      expect(w.candidates.length, `${asOf} +${horizon}`).toBeGreaterThan(0);
    }
  });

  it('gives an element set dated after the snapshot date a negative age, flagged, as the bundled file\'s latest epochs are', () => {
    // The raw file holds epochs after the end of its as-of date (2026-07-10): their ages are negative by definition.
    const late = jul.filter((x) => Date.parse(x.epoch) > Date.parse('2026-07-11T00:00:00Z'));
    expect(late.map((x) => x.epoch.slice(0, 16)).sort()).toEqual(['2026-07-11T16:19', '2026-07-12T04:16', '2026-07-12T06:46']);
    const r = jul.filter((x) => x.meanMotionDot > 0).sort((a, b) => b.meanMotionDot - a.meanMotionDot)[0]!;
    // The same decaying element set in a snapshot dated the day before its epoch, and in one dated its epoch's day.
    const day = r.epoch.slice(0, 10);
    const before = new Date(Date.parse(`${day}T00:00:00Z`) - 864e5).toISOString().slice(0, 10);
    const [early] = reentryWatch([input(r)], before, 730).candidates;
    const [same] = reentryWatch([input(r)], day, 730).candidates;
    expect(early!.elementSet.ageDays).toBeCloseTo((Date.parse(`${day}T00:00:00Z`) - Date.parse(r.epoch)) / 864e5, 9);
    expect(early!.elementSet.ageDays).toBeLessThan(0);
    expect(early!.flags).toContain('epoch-after-snapshot-date');
    expect(same!.elementSet.ageDays).toBeGreaterThanOrEqual(0);
    expect(same!.flags).not.toContain('epoch-after-snapshot-date');
  });

  it('flags a Chinese rocket body and sizes by RCS only where there is one', () => {
    const r = jul.filter((x) => x.meanMotionDot > 0).sort((a, b) => b.meanMotionDot - a.meanMotionDot)[0]!;
    const w = reentryWatch([input(r, { country: 'CN', kind: 'rocket-body', rcsM2: 12.5 }), input({ ...r, noradId: r.noradId + 1e6 }, { country: 'CN', kind: 'payload' })], '2026-07-10', 730);
    expect(w.candidates.map((c) => [c.chineseRocketBody, c.sizeClass])).toEqual([[true, 'large'], [false, 'unknown']]);
    expect([sizeClassOf(null), sizeClassOf(0.5), sizeClassOf(1)]).toEqual(['unknown', 'not-large', 'large']);
  });
});
