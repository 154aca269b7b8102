/**
 * Maneuver detection on the bundled element sets (2026-05-04 TLE → 2026-07-10 OMM):
 *  - GEO mean longitude and drift against satellite.js propagation rotated by a GMST written here;
 *  - the verdicts on every real pair against an independent recomputation from the raw files;
 *  - no detection on objects without propulsion (the false-alarm control);
 *  - maneuvers injected into copies of real element sets found, dated to the interval that holds them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sgp4 } from 'satellite.js';
import { bundledGpRows, GP_SNAPSHOT_2026_07_10, TLE_SNAPSHOT_2026_05_04 } from '../../../src/services/bundled-elements.js';
import { satrecFromGpRow } from '../../../src/orbit/propagate.js';
import { classifyOrbit, type OrbitRegime } from '../../../src/orbit/regime.js';
import { epochMicros, isoFromMicros, MICROS_PER_DAY } from '../../../src/orbit/epoch-micros.js';
import { meanMotionFromSemiMajorAxis, semiMajorAxisFromMeanMotion } from '../../../src/orbit/elements.js';
import { compareElementSets, detectManeuvers, regimeOf } from '../../../src/analytics/maneuvers/detect.js';
import { geoLongitude, gmstDeg, wrapDeg } from '../../../src/analytics/maneuvers/geo-longitude.js';
import { GEO_LONGITUDE_THRESHOLDS, GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2, MANEUVER_THRESHOLDS } from '../../../src/analytics/maneuvers/thresholds.js';
import type { ManeuverElements } from '../../../src/analytics/maneuvers/types.js';
import { rawCsvSets, rawTleSets, type RawSet } from './raw-element-sets.js';

type Row = ManeuverElements & { elementSetNo: number; revAtEpoch: number; classification: 'U'; ephemerisType: number; bstar: number; meanMotionDdot: number; objectId: string | null };
const REF = epochMicros('2026-07-11T00:00:00Z');
let early: Map<number, Row>;
let late: Row[];

beforeAll(() => {
  const rows = (s: { file: string; sourceId: string }) => bundledGpRows(s.file).map((r) => ({ ...r, id: `${r.noradId}@${r.epoch}`, sourceId: s.sourceId }) as Row);
  early = new Map(rows(TLE_SNAPSHOT_2026_05_04).map((r) => [r.noradId, r]));
  late = rows(GP_SNAPSHOT_2026_07_10);
});

/** Greenwich mean sidereal time, IAU-82 (Vallado eq. 3-47), degrees: written here, not the product's. */
function gmstIau82Deg(ms: number): number {
  const jd = ms / 86_400_000 + 2440587.5;
  const t = (jd - 2451545.0) / 36525;
  const sec = 67310.54841 + (876600 * 3600 + 8640184.812866) * t + 0.093104 * t * t - 6.2e-6 * t ** 3;
  return ((((sec / 240) % 360) + 360) % 360);
}

/** Subsatellite longitude averaged over one orbit starting `fromMin` after the epoch (satellite.js SGP4 + GMST above). */
function propagatedMeanLongitude(row: Row, fromMin: number): number {
  const sat = satrecFromGpRow(row);
  const period = 1440 / row.meanMotion;
  const t0 = epochMicros(row.epoch) / 1000;
  let sx = 0, sy = 0;
  for (let k = 0; k < 96; k++) {
    const min = fromMin + (k * period) / 96;
    const pv = sgp4(sat, min);
    if (!pv || typeof pv.position === 'boolean') throw new Error(`SGP4 failed for ${row.noradId}`);
    const lon = (Math.atan2(pv.position.y, pv.position.x) * 180) / Math.PI - gmstIau82Deg(t0 + min * 60_000);
    sx += Math.cos((lon * Math.PI) / 180);
    sy += Math.sin((lon * Math.PI) / 180);
  }
  return (Math.atan2(sy, sx) * 180) / Math.PI;
}

describe('GEO mean longitude and drift', () => {
  it('agrees with SGP4 propagation + GMST for every GEO object of the 2026-07-10 catalog', () => {
    const geo = late.filter((r) => regimeOf(r) === 'GEO');
    let worstLon = 0, worstDrift = 0;
    for (const r of geo) {
      const g = geoLongitude(r);
      const period = 1440 / r.meanMotion;
      const before = propagatedMeanLongitude(r, -period / 2), after = propagatedMeanLongitude(r, period / 2), at = propagatedMeanLongitude(r, 0);
      // The analytic longitude at mid-orbit against the propagated orbit average; the drift across the epoch.
      worstLon = Math.max(worstLon, Math.abs(wrapDeg(g.longitudeDeg + (g.driftDegPerDay * period) / 2880 - at)));
      worstDrift = Math.max(worstDrift, Math.abs(wrapDeg(after - before) / (period / 1440) - g.driftDegPerDay));
    }
    expect(geo.length).toBeGreaterThan(450);
    // Measured 0.025° and 0.0071 °/day (the lunisolar terms the analytic leaves out); bounds stated in docs/space-safety.md.
    expect(worstLon).toBeLessThan(0.03);
    expect(worstDrift).toBeLessThan(0.008);
    // Chinese GEO objects named in the issue, by name, each checked above; their longitudes are in the belt (−180, 180].
    for (const name of ['TJS-3', 'SHIJIAN-23 (SJ-23)', 'FENGYUN 4B', 'BEIDOU-3 G3', 'ZHONGXING-2D']) expect(geo.some((r) => r.objectName === name), name).toBe(true);
  });

  it('uses a GMST that agrees with the independent IAU-82 formula', () => {
    for (const iso of ['2026-05-04T00:00:00Z', '2026-07-10T12:34:56.789Z']) {
      expect(Math.abs(wrapDeg(gmstDeg(epochMicros(iso)) - gmstIau82Deg(Date.parse(iso))))).toBeLessThan(1e-6);
    }
  });
});

/** The rules recomputed from the raw files: a from mean motion (Kepler), the allowances of thresholds.ts, GEO from propagation. */
function independentVerdict(a: RawSet, b: RawSet, rowA: Row, rowB: Row): { fired: boolean; clear: boolean } {
  const regime: OrbitRegime = classifyOrbit({ meanMotion: a.meanMotion, eccentricity: a.eccentricity, inclinationDeg: a.inclination });
  const th = MANEUVER_THRESHOLDS[regime]!;
  const days = (b.epochMs - a.epochMs) / 86_400_000;
  const sma = (n: number) => Math.cbrt(398600.4418 / ((n * 2 * Math.PI) / 86400) ** 2);
  const kmPerRevDay = (-2 / 3) * (sma(a.meanMotion) / a.meanMotion);
  const [d1, d2] = [2 * a.meanMotionDot, 2 * b.meanMotionDot];
  const expDa = th.drag ? kmPerRevDay * ((d1 + d2) / 2) * days : 0;
  const spread = th.drag ? Math.abs(kmPerRevDay) * Math.max(Math.abs(d1), Math.abs(d2)) * days * th.dragUncertainty : 0;
  const margins = [
    Math.abs(sma(b.meanMotion) - sma(a.meanMotion) - expDa) / (th.semiMajorAxisKm + th.semiMajorAxisKmPerDay * days + spread),
    Math.abs(b.inclination - a.inclination) / (th.inclinationDeg + th.inclinationDegPerDay * days),
    Math.abs(b.eccentricity - a.eccentricity) / (th.eccentricity + th.eccentricityPerDay * days),
  ];
  if (regime === 'GEO') {
    const drift = (r: Row) => {
      const p = 1440 / r.meanMotion;
      return wrapDeg(propagatedMeanLongitude(r, p / 2) - propagatedMeanLongitude(r, -p / 2)) / (p / 1440);
    };
    const lon = (r: Row) => propagatedMeanLongitude(r, -720 / r.meanMotion);
    const [v1, v2] = [drift(rowA), drift(rowB)];
    const acc = GEO_MAX_LONGITUDE_ACCELERATION_DEG_PER_DAY2;
    margins.push(Math.abs(wrapDeg(lon(rowB) - lon(rowA) - ((v1 + v2) / 2) * days)) / (GEO_LONGITUDE_THRESHOLDS.longitudeDeg + (acc * days * days) / 4));
    margins.push(Math.abs(v2 - v1) / (GEO_LONGITUDE_THRESHOLDS.driftDegPerDay + acc * days));
  }
  // "Clear": no ratio within 20% of its allowance, where the propagated GEO quantities (±0.008 °/day) cannot tip the verdict.
  return { fired: margins.some((m) => m > 1), clear: margins.every((m) => m < 0.8 || m > 1.2) };
}

describe('real histories, 2026-05-04 → 2026-07-10', () => {
  it('gives the verdicts an independent recomputation from the raw files gives, pair by pair', () => {
    const rawEarly = new Map(rawTleSets().map((r) => [r.noradId, r]));
    const rawLate = new Map(rawCsvSets().map((r) => [r.noradId, r]));
    const { detections, counts } = detectManeuvers([...early.values(), ...late], { referenceMicros: REF });
    const detected = new Set(detections.map((d) => d.noradId));
    let compared = 0, clear = 0;
    const disagreements: string[] = [];
    for (const b of late) {
      const a = early.get(b.noradId);
      const [ra, rb] = [rawEarly.get(b.noradId), rawLate.get(b.noradId)];
      if (!a || !ra || !rb) continue;
      if (classifyOrbit({ meanMotion: ra.meanMotion, eccentricity: ra.eccentricity, inclinationDeg: ra.inclination }) === 'BEYOND_EARTH_ORBIT') continue;
      compared++;
      const v = independentVerdict(ra, rb, a, b);
      if (!v.clear) continue;
      clear++;
      if (v.fired !== detected.has(b.noradId)) disagreements.push(`${b.noradId} ${b.objectName}: independent ${v.fired}`);
    }
    expect(compared).toBe(counts.pairs);
    expect(clear / compared).toBeGreaterThan(0.8);
    expect(disagreements).toEqual([]);
    console.info(`real pairs: ${counts.pairs}, detections ${counts.detections}; ${clear} clear verdicts compared independently, 0 disagree`);
  }, 120_000);

  it('raises no alarm on objects without propulsion (passive spheres, reflectors, rocket bodies)', () => {
    // The control: geodetic and calibration satellites and rocket bodies, which cannot maneuver.
    const passive = /^(CALSPHERE \d|LAGEOS \d|STARLETTE|STELLA|AJISAI \(EGS\)|COSMOS 1989 \(ETALON 1\)|COSMOS 2024 \(ETALON 2\)|LARETS|LARES|LARES-2|OSCAR 7 \(AO-7\))$|\bR\/B$/;
    const control = late.filter((r) => passive.test(r.objectName) && early.has(r.noradId));
    const { detections, counts } = detectManeuvers(control.flatMap((r) => [early.get(r.noradId)!, r]), { referenceMicros: REF });
    expect(counts.pairs).toBe(control.length);
    expect(control.length).toBeGreaterThanOrEqual(17);
    expect(detections.map((d) => d.objectName)).toEqual([]);
  });
});

/** A copy of `row` `days` after its epoch with the mean anomaly advanced along the orbit (no maneuver). */
function later(row: Row, days: number, change: Partial<Pick<Row, 'meanMotion' | 'inclination' | 'eccentricity'>>, burnAfterDays: number): Row {
  const t = epochMicros(row.epoch) + days * MICROS_PER_DAY;
  const out: Row = { ...row, ...change, epoch: isoFromMicros(t), id: `${row.noradId}@${isoFromMicros(t)}`, sourceId: 'injected' };
  // Continue the orbit to the burn on the old mean motion, then on the new one.
  const m = row.meanAnomaly + 360 * (row.meanMotion * burnAfterDays + out.meanMotion * (days - burnAfterDays));
  out.meanAnomaly = ((m % 360) + 360) % 360;
  if (regimeOf(row) === 'GEO') {
    // GEO: place the copy on the longitude the burn leads to (drift λ̇ before the burn, λ̇' after it).
    const g = geoLongitude(row);
    const g2 = geoLongitude({ ...out, meanAnomaly: 0 });
    const target = g.longitudeDeg + g.driftDegPerDay * burnAfterDays + g2.driftDegPerDay * (days - burnAfterDays);
    out.meanAnomaly = (((target - g2.longitudeDeg) % 360) + 360) % 360;
  }
  return out;
}

/** Realistic maneuver sizes per regime (a in km, i in degrees, e). */
const SIZES: Partial<Record<OrbitRegime, { a: number; i: number; e: number }>> = {
  LEO: { a: 1, i: 0.05, e: 0.002 }, SSO: { a: 1, i: 0.05, e: 0.002 }, MEO: { a: 3, i: 0.05, e: 0.001 },
  GEO: { a: 3, i: 0.05, e: 0.001 }, IGSO: { a: 3, i: 0.05, e: 0.001 }, HEO: { a: 50, i: 0.1, e: 0.005 },
};

describe('injected maneuvers', () => {
  it('finds a, i and e changes injected two days after a real element set, dated to the interval that holds the burn', () => {
    let injected = 0, found = 0, dated = 0, falseOnCopies = 0, dragExplained = 0;
    const missed: string[] = [];
    late.forEach((r, k) => {
      const regime = regimeOf(r);
      const size = SIZES[regime];
      if (!size || !(regime === 'GEO' || regime === 'MEO' || regime === 'IGSO' || regime === 'HEO' || k % 10 === 0)) return;
      if (compareElementSets(r, later(r, 2, {}, 1))!.changes.some((c) => c.exceeded)) falseOnCopies++;
      const a = semiMajorAxisFromMeanMotion(r.meanMotion);
      const burn = 0.3 + (k % 14) / 10; // 0.3–1.6 days after the real epoch
      for (const change of [{ meanMotion: meanMotionFromSemiMajorAxis(a + size.a) }, { inclination: r.inclination + size.i }, { eccentricity: r.eccentricity + size.e }]) {
        const copy = later(r, 2, change, burn);
        const { detections } = detectManeuvers([r, copy], { referenceMicros: REF });
        injected++;
        const d = detections[0];
        if (!d) {
          // A miss is only allowed where the published ṅ accounts for a change as large as the injected one (objects
          // decaying fast, or thrusting, whose ṅ predicts a change of a over the interval that covers the injected one).
          const sa = compareElementSets(r, copy)!.changes.find((c) => c.quantity === 'semiMajorAxis')!;
          if (!('meanMotion' in change) || sa.allowance + Math.abs(sa.expectedChange) < size.a) missed.push(`${r.noradId} ${regime} ${Object.keys(change)[0]}`);
          else dragExplained++;
          continue;
        }
        found++;
        const burnAt = epochMicros(r.epoch) + burn * MICROS_PER_DAY;
        if (epochMicros(d.interval.start) <= burnAt && burnAt <= epochMicros(d.interval.end) && d.before.id === r.id && d.after.id === copy.id) dated++;
      }
    });
    console.info(`injected (2-day cadence): ${found}/${injected} found, ${dated} dated, ${dragExplained} missed where the published ṅ accounts for the change; unperturbed copies flagged: ${falseOnCopies}`);
    expect(injected).toBeGreaterThan(5000);
    expect(missed).toEqual([]);
    expect(found + dragExplained).toBe(injected);
    expect(found / injected).toBeGreaterThan(0.99);
    expect(dated).toBe(found);
    expect(falseOnCopies).toBe(0);
  });

  it('finds the same changes injected into the real 67-day pairs at the rate stated in the docs', () => {
    const rate: Record<string, { injected: number; found: number }> = {};
    late.forEach((r, k) => {
      const e = early.get(r.noradId);
      if (!e) return;
      const regime = regimeOf(e);
      const size = SIZES[regime];
      if (!size || !(regime !== 'LEO' && regime !== 'SSO' || k % 10 === 0)) return;
      if (detectManeuvers([e, r], { referenceMicros: REF }).detections.length) return; // only pairs with no real detection
      const a = semiMajorAxisFromMeanMotion(r.meanMotion);
      for (const [q, change] of [['a', { meanMotion: meanMotionFromSemiMajorAxis(a + size.a) }], ['i', { inclination: r.inclination + size.i }], ['e', { eccentricity: r.eccentricity + size.e }]] as const) {
        const key = `${regime === 'SSO' ? 'LEO' : regime} ${q}`;
        const c = (rate[key] ??= { injected: 0, found: 0 });
        c.injected++;
        if (detectManeuvers([e, { ...r, ...change }], { referenceMicros: REF }).detections.length) c.found++;
      }
    });
    console.info(`injected into real 67-day pairs: ${Object.entries(rate).map(([k, v]) => `${k} ${v.found}/${v.injected}`).join(', ')}`);
    // Over 67 days LEO drag and GEO natural drift widen the allowances: see docs/space-safety.md for these rates.
    // Floors just under the rates measured on 2026-12-06 (LEO a 34%, LEO i 77%, MEO a 100%, GEO i 18%).
    const share = (k: string) => rate[k]!.found / rate[k]!.injected;
    expect(share('LEO a')).toBeGreaterThan(0.3);
    expect(share('LEO i')).toBeGreaterThan(0.7);
    expect(share('MEO a')).toBeGreaterThan(0.95);
    expect(share('GEO i')).toBeGreaterThan(0.15);
  });

  it('finds a GEO drift-rate change injected at a known instant, relocation and burn time recovered', () => {
    const geo = late.filter((r) => regimeOf(r) === 'GEO');
    let found = 0, relocations = 0, worstBurnErrorMin = 0;
    for (const [k, r] of geo.entries()) {
      const burn = 0.5 + (k % 10) / 10;
      // A drift-rate change of 0.2 °/day: Δn ≈ −0.2/360 rev/day·(a smaller orbit drifts east).
      const copy = later(r, 3, { meanMotion: r.meanMotion + 0.2 / 360 }, burn);
      const d = detectManeuvers([r, copy], { referenceMicros: REF }).detections[0];
      if (!d?.rules.includes('geo-drift-rate')) continue;
      found++;
      if (d.relocation) relocations++;
      const est = d.singleBurnEstimate ? epochMicros(d.singleBurnEstimate) : NaN;
      worstBurnErrorMin = Math.max(worstBurnErrorMin, Math.abs(est - (epochMicros(r.epoch) + burn * MICROS_PER_DAY)) / 60e6);
    }
    console.info(`GEO drift +0.2 °/day injected: ${found}/${geo.length} found, ${relocations} relocations, burn time within ${worstBurnErrorMin.toFixed(3)} min`);
    expect(found).toBe(geo.length);
    expect(relocations).toBe(geo.length);
    expect(worstBurnErrorMin).toBeLessThan(1);
  });
});
