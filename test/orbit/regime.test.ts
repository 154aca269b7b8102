import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGpCsv } from '../../src/ingest/celestrak-gp/parse.js';
import { orbitFromAltitudes, orbitFromMeanMotion } from '../../src/orbit/elements.js';
import {
  classifyGeometry,
  classifyOrbit,
  nodalPrecessionDegPerDay,
  SUN_MEAN_MOTION_DEG_PER_DAY,
} from '../../src/orbit/regime.js';

const gp = parseGpCsv(readFileSync(new URL('../fixtures/celestrak-gp/gp-sample.csv', import.meta.url), 'utf8'), 'gp-sample.csv');
const regimeOf = (name: string): string => {
  const r = gp.rows.find((x) => x.objectName === name)!;
  return classifyOrbit({ meanMotion: r.meanMotion, eccentricity: r.eccentricity, inclinationDeg: r.inclination });
};

describe('orbit regime', () => {
  it.each([
    ['ISS (ZARYA)', 'LEO'],
    ['CSS (TIANHE)', 'LEO'],
    ['QIANFAN-1', 'LEO'], // 89° near-polar, not sun-synchronous
    ['CALSPHERE 1', 'LEO'], // 90.2° polar
    ['GAOFEN-1', 'SSO'],
    ['LCS 1', 'MEO'], // 9.89 rev/day, apogee ≈ 2,800 km
    ['BEIDOU-3 M1', 'MEO'],
    ['BEIDOU-2 IGSO-1', 'IGSO'],
    ['TJS-1', 'GEO'],
  ])('%s is %s (real GP elements)', (name, regime) => {
    expect(regimeOf(name)).toBe(regime);
  });

  it('highly elliptical, supersynchronous and beyond-Earth cases', () => {
    // MOLNIYA 2-14 (SGP4 verification set): e = 0.6877, 2.005 rev/day
    expect(classifyOrbit({ meanMotion: 2.00491383, eccentricity: 0.6877146, inclinationDeg: 64.1586 })).toBe('HEO');
    // TJS-23 transfer orbit from the SATCAT excerpt: 213 × 45,721 km
    expect(classifyGeometry(orbitFromAltitudes(213, 45721), 16.4)).toBe('HEO');
    expect(classifyOrbit({ meanMotion: 0.95, eccentricity: 0.001, inclinationDeg: 1 })).toBe('SUPERSYNCHRONOUS');
    expect(classifyOrbit({ meanMotion: 1.0, eccentricity: 0.02, inclinationDeg: 1 })).toBe('IGSO'); // eccentric geosync
    expect(classifyOrbit({ meanMotion: 1.0, eccentricity: 1.2, inclinationDeg: 1 })).toBe('BEYOND_EARTH_ORBIT');
    expect(classifyGeometry(orbitFromAltitudes(200, 2_000_000), 28)).toBe('BEYOND_EARTH_ORBIT');
    expect(classifyGeometry(orbitFromAltitudes(100_000, 375_000), 37)).toBe('HEO'); // TESS-like stays an Earth orbit
  });

  it('SSO: J2 precession equals the Sun rate near 97.4° at 500 km; ±0.1 °/day band', () => {
    const g = orbitFromAltitudes(500, 500);
    // Find the exactly sun-synchronous inclination by bisection on the precession rate.
    let lo = 90;
    let hi = 110;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (nodalPrecessionDegPerDay(g, mid) < SUN_MEAN_MOTION_DEG_PER_DAY) lo = mid;
      else hi = mid;
    }
    expect(lo).toBeCloseTo(97.4, 1); // published SSO inclination at 500 km: 97.4°
    const n = 1440 / g.periodMin;
    expect(classifyOrbit({ meanMotion: n, eccentricity: 0, inclinationDeg: lo + 0.5 })).toBe('SSO');
    expect(classifyOrbit({ meanMotion: n, eccentricity: 0, inclinationDeg: lo - 0.5 })).toBe('SSO');
    expect(classifyOrbit({ meanMotion: n, eccentricity: 0, inclinationDeg: lo + 1.5 })).toBe('LEO');
    expect(classifyOrbit({ meanMotion: n, eccentricity: 0, inclinationDeg: 90 })).toBe('LEO');
  });

  it('LEO ceiling is 2,000 km apogee', () => {
    const g = orbitFromMeanMotion(1440 / orbitFromAltitudes(1990, 1990).periodMin, 0);
    expect(classifyGeometry(g, 50)).toBe('LEO');
    expect(classifyGeometry(orbitFromAltitudes(2010, 2010), 50)).toBe('MEO');
  });
});
