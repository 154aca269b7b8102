/**
 * Orbit regime classification from mean elements. Thresholds (all inclusive of the lower bound):
 *
 *  - BEYOND_EARTH_ORBIT: e ≥ 1 (unbound), or apogee altitude > 1,500,000 km — Earth's Hill sphere
 *    radius (≈ 1 AU × (M⊕ / 3 M☉)^(1/3) ≈ 1.5 million km), outside which the Sun, not the Earth,
 *    dominates. (High Earth orbits such as TESS, apogee ≈ 375,000 km, stay Earth orbits.)
 *  - HEO (highly elliptical): e ≥ 0.25 — Molniya (≈0.7), Tundra (≈0.25–0.3), GTO (≈0.73).
 *  - Geosynchronous band: mean motion 0.99–1.01 rev/day (period ≈ 1425.7–1454.5 min), the band
 *    Space-Track uses for its GEO class; the sidereal day is 1436.07 min.
 *      GEO:  in the band, e < 0.01 and i < 5°.
 *      IGSO: in the band otherwise (inclined, e.g. BeiDou IGSO at 55°, or slightly eccentric).
 *  - LEO: apogee altitude ≤ 2,000 km (the common LEO ceiling, e.g. ESA/IADC "LEO protected region").
 *      SSO: a LEO orbit whose J2 nodal precession matches the Sun's mean motion (360°/365.2422 d =
 *      0.98565 °/day) within ±0.1 °/day. Ω̇ = −(3/2) n J2 (R/p)² cos i, p = a(1 − e²). ±0.1 °/day
 *      is ≈ ±10 % of the required rate, or about ±0.75° of inclination around the SSO inclination
 *      at 500 km (97.4°); it admits operational SSO satellites that are slightly off-nominal and
 *      excludes 90° polar (Ω̇ ≈ 0) and 86–88° constellations.
 *  - MEO: above LEO with period below the geosynchronous band.
 *  - SUPERSYNCHRONOUS: e < 0.25 with period above the band (graveyard beyond the band, high circular).
 */
import { EARTH_EQUATORIAL_RADIUS_KM, orbitFromMeanMotion, type OrbitGeometry } from './elements.js';

export type OrbitRegime = 'LEO' | 'SSO' | 'MEO' | 'GEO' | 'IGSO' | 'HEO' | 'SUPERSYNCHRONOUS' | 'BEYOND_EARTH_ORBIT';

export const REGIME_THRESHOLDS = {
  hillSphereApogeeKm: 1_500_000,
  heoMinEccentricity: 0.25,
  geosyncMinMeanMotion: 0.99,
  geosyncMaxMeanMotion: 1.01,
  geoMaxEccentricity: 0.01,
  geoMaxInclinationDeg: 5,
  leoMaxApogeeKm: 2000,
  ssoToleranceDegPerDay: 0.1,
} as const;

/** Earth's J2 (WGS-84 / EGM-96). */
export const EARTH_J2 = 1.08262668e-3;
/** Sun's mean apparent motion, degrees/day (360° per tropical year of 365.2422 days). */
export const SUN_MEAN_MOTION_DEG_PER_DAY = 360 / 365.2422;

/** Secular J2 rate of the right ascension of the ascending node, degrees/day. */
export function nodalPrecessionDegPerDay(geom: OrbitGeometry, inclinationDeg: number): number {
  const a = geom.semiMajorAxisKm;
  const p = a * (1 - geom.eccentricity ** 2);
  const nRadPerDay = (2 * Math.PI * 1440) / geom.periodMin;
  const rate = -1.5 * nRadPerDay * EARTH_J2 * (EARTH_EQUATORIAL_RADIUS_KM / p) ** 2 * Math.cos((inclinationDeg * Math.PI) / 180);
  return (rate * 180) / Math.PI;
}

export function isSunSynchronous(geom: OrbitGeometry, inclinationDeg: number): boolean {
  const rate = nodalPrecessionDegPerDay(geom, inclinationDeg);
  return Math.abs(rate - SUN_MEAN_MOTION_DEG_PER_DAY) <= REGIME_THRESHOLDS.ssoToleranceDegPerDay;
}

export interface RegimeInput {
  /** Revolutions per day. */
  meanMotion: number;
  eccentricity: number;
  inclinationDeg: number;
}

/** Classify from geometry (e.g. from orbitFromAltitudes) plus inclination. */
export function classifyGeometry(geom: OrbitGeometry, inclinationDeg: number): OrbitRegime {
  const t = REGIME_THRESHOLDS;
  if (geom.eccentricity >= 1 || geom.apogeeAltKm > t.hillSphereApogeeKm) return 'BEYOND_EARTH_ORBIT';
  if (geom.eccentricity >= t.heoMinEccentricity) return 'HEO';
  const meanMotion = 1440 / geom.periodMin;
  if (meanMotion >= t.geosyncMinMeanMotion && meanMotion <= t.geosyncMaxMeanMotion) {
    return geom.eccentricity < t.geoMaxEccentricity && inclinationDeg < t.geoMaxInclinationDeg ? 'GEO' : 'IGSO';
  }
  if (meanMotion < t.geosyncMinMeanMotion) return 'SUPERSYNCHRONOUS';
  if (geom.apogeeAltKm <= t.leoMaxApogeeKm) return isSunSynchronous(geom, inclinationDeg) ? 'SSO' : 'LEO';
  return 'MEO';
}

/** Classify from GP mean elements. e ≥ 1 is beyond Earth orbit (no bound geometry exists). */
export function classifyOrbit(input: RegimeInput): OrbitRegime {
  if (input.eccentricity >= 1) return 'BEYOND_EARTH_ORBIT';
  return classifyGeometry(orbitFromMeanMotion(input.meanMotion, input.eccentricity), input.inclinationDeg);
}
