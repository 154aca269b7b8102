/**
 * Two-body orbit geometry from mean elements (Kepler's third law). Good to a few km for GP mean
 * elements, which is all regime classification needs; use propagate.ts for positions.
 */

/** Earth's gravitational parameter μ, km³/s² (WGS-84 / EGM-96 value). */
export const MU_EARTH_KM3_S2 = 398600.4418;
/** Earth's equatorial radius, km (WGS-84). */
export const EARTH_EQUATORIAL_RADIUS_KM = 6378.137;
export const SECONDS_PER_DAY = 86400;
export const MINUTES_PER_DAY = 1440;

export interface OrbitGeometry {
  semiMajorAxisKm: number;
  eccentricity: number;
  periodMin: number;
  /** Altitude above the equatorial radius, km. */
  perigeeAltKm: number;
  apogeeAltKm: number;
}

/** Semi-major axis (km) from mean motion (rev/day): a = (μ / n²)^(1/3), n in rad/s. */
export function semiMajorAxisFromMeanMotion(meanMotionRevPerDay: number): number {
  if (!(meanMotionRevPerDay > 0)) throw new RangeError(`mean motion must be > 0, got ${meanMotionRevPerDay}`);
  const n = (meanMotionRevPerDay * 2 * Math.PI) / SECONDS_PER_DAY;
  return Math.cbrt(MU_EARTH_KM3_S2 / (n * n));
}

/** Mean motion (rev/day) from semi-major axis (km). */
export function meanMotionFromSemiMajorAxis(semiMajorAxisKm: number): number {
  if (!(semiMajorAxisKm > 0)) throw new RangeError(`semi-major axis must be > 0, got ${semiMajorAxisKm}`);
  const n = Math.sqrt(MU_EARTH_KM3_S2 / semiMajorAxisKm ** 3);
  return (n * SECONDS_PER_DAY) / (2 * Math.PI);
}

/** Orbital period (minutes) from mean motion (rev/day). */
export function periodFromMeanMotion(meanMotionRevPerDay: number): number {
  if (!(meanMotionRevPerDay > 0)) throw new RangeError(`mean motion must be > 0, got ${meanMotionRevPerDay}`);
  return MINUTES_PER_DAY / meanMotionRevPerDay;
}

export function perigeeAltitudeKm(semiMajorAxisKm: number, eccentricity: number): number {
  return semiMajorAxisKm * (1 - eccentricity) - EARTH_EQUATORIAL_RADIUS_KM;
}

export function apogeeAltitudeKm(semiMajorAxisKm: number, eccentricity: number): number {
  return semiMajorAxisKm * (1 + eccentricity) - EARTH_EQUATORIAL_RADIUS_KM;
}

function checkEccentricity(e: number): void {
  if (!(e >= 0 && e < 1)) throw new RangeError(`eccentricity must be in [0, 1) for a bound orbit, got ${e}`);
}

/** Geometry from GP mean motion and eccentricity. */
export function orbitFromMeanMotion(meanMotionRevPerDay: number, eccentricity: number): OrbitGeometry {
  checkEccentricity(eccentricity);
  const a = semiMajorAxisFromMeanMotion(meanMotionRevPerDay);
  return {
    semiMajorAxisKm: a,
    eccentricity,
    periodMin: periodFromMeanMotion(meanMotionRevPerDay),
    perigeeAltKm: perigeeAltitudeKm(a, eccentricity),
    apogeeAltKm: apogeeAltitudeKm(a, eccentricity),
  };
}

/** Geometry from perigee/apogee altitudes (km), as SATCAT and UCS publish them. */
export function orbitFromAltitudes(perigeeAltKm: number, apogeeAltKm: number): OrbitGeometry {
  if (apogeeAltKm < perigeeAltKm) throw new RangeError(`apogee ${apogeeAltKm} km is below perigee ${perigeeAltKm} km`);
  const rp = perigeeAltKm + EARTH_EQUATORIAL_RADIUS_KM;
  const ra = apogeeAltKm + EARTH_EQUATORIAL_RADIUS_KM;
  if (!(rp > 0)) throw new RangeError(`perigee radius must be > 0, got ${rp} km`);
  const a = (rp + ra) / 2;
  return {
    semiMajorAxisKm: a,
    eccentricity: (ra - rp) / (ra + rp),
    periodMin: periodFromMeanMotion(meanMotionFromSemiMajorAxis(a)),
    perigeeAltKm,
    apogeeAltKm,
  };
}
