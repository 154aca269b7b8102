import { describe, expect, it } from 'vitest';
import {
  EARTH_EQUATORIAL_RADIUS_KM,
  meanMotionFromSemiMajorAxis,
  orbitFromAltitudes,
  orbitFromMeanMotion,
  periodFromMeanMotion,
  semiMajorAxisFromMeanMotion,
} from '../../src/orbit/elements.js';

describe('orbit elements (Kepler III, μ = 398600.4418 km³/s²)', () => {
  it('geostationary: one sidereal day gives the textbook 42,164 km radius and 35,786 km altitude', () => {
    const siderealRevPerDay = 1440 / 1436.0682; // sidereal day 23 h 56 min 4.09 s
    const g = orbitFromMeanMotion(siderealRevPerDay, 0);
    expect(g.semiMajorAxisKm).toBeCloseTo(42164.17, 1);
    expect(g.perigeeAltKm).toBeCloseTo(35786.0, 0);
    expect(g.periodMin).toBeCloseTo(1436.0682, 4);
  });

  it('ISS mean motion from the GP file gives ~6,795 km and ~410–425 km altitudes', () => {
    const g = orbitFromMeanMotion(15.48965714, 0.00066838);
    expect(g.semiMajorAxisKm).toBeGreaterThan(6790);
    expect(g.semiMajorAxisKm).toBeLessThan(6800);
    expect(g.perigeeAltKm).toBeGreaterThan(405);
    expect(g.apogeeAltKm).toBeLessThan(430);
    expect(g.apogeeAltKm - g.perigeeAltKm).toBeCloseTo(2 * g.semiMajorAxisKm * 0.00066838, 9);
  });

  it('round-trips mean motion ↔ semi-major axis and altitudes ↔ geometry', () => {
    for (const n of [16, 15.5, 14.2, 2.00491383, 1.0027, 0.07309491]) {
      expect(meanMotionFromSemiMajorAxis(semiMajorAxisFromMeanMotion(n))).toBeCloseTo(n, 10);
    }
    const c = orbitFromAltitudes(500, 500);
    expect(c.semiMajorAxisKm).toBeCloseTo(EARTH_EQUATORIAL_RADIUS_KM + 500, 9);
    expect(c.eccentricity).toBe(0);
    expect(c.periodMin).toBeCloseTo(94.62, 2); // 500 km circular orbit period
    const gto = orbitFromAltitudes(213, 45721); // TJS-23 in the SATCAT excerpt, period 833.79 min there
    expect(gto.periodMin).toBeGreaterThan(833.79 - 1);
    expect(gto.periodMin).toBeLessThan(833.79 + 1);
    const back = orbitFromMeanMotion(1440 / gto.periodMin, gto.eccentricity);
    expect(back.perigeeAltKm).toBeCloseTo(213, 6);
    expect(back.apogeeAltKm).toBeCloseTo(45721, 6);
  });

  it('period is 1440 / mean motion; invalid inputs throw', () => {
    expect(periodFromMeanMotion(16)).toBe(90);
    expect(() => semiMajorAxisFromMeanMotion(0)).toThrow(RangeError);
    expect(() => orbitFromMeanMotion(1, 1)).toThrow(RangeError);
    expect(() => orbitFromAltitudes(600, 500)).toThrow(RangeError);
  });
});
