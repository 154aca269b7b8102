/**
 * Mean geographic longitude and longitude drift rate of a geosynchronous object from one GP element set,
 * without propagation:
 *
 *   λ = Ω + ω + M − θ_GMST(epoch)            (mean longitude in TEME minus the Greenwich mean sidereal angle)
 *   λ̇ = Ω̇ + ω̇ + Ṁ − ω⊕                      (deg/day)
 *
 * with the secular J2 rates of Brouwer's theory on the mean motion SGP4 recovers from the published (Kozai)
 * mean motion, and ω⊕ Earth's rotation rate. This is the orbit-averaged subsatellite longitude: the actual
 * subsatellite point swings around it once a day by up to 2e rad (eccentricity) plus i²/4 rad (inclination),
 * e.g. ±0.06° for e = 0.0005. Lunisolar secular terms are not modelled (a few 1e-4 deg/day at GEO). Checked
 * against satellite.js propagation rotated by GMST and averaged over a day (test/analytics/maneuvers).
 */
import { gstime } from 'satellite.js';
import { epochMicros, MICROS_PER_DAY } from '../../orbit/epoch-micros.js';
import { EARTH_ROTATION_RAD_S } from '../../orbit/teme-to-pef.js';

/** WGS-72 constants, as SGP4 uses them. */
const WGS72_J2 = 0.001082616;
const WGS72_RADIUS_KM = 6378.135;
const WGS72_MU_KM3_S2 = 398600.8;
/** √(μ/R³) in 1/min: SGP4's ke (Earth radii^1.5 per minute). */
const KE = 60 / Math.sqrt((WGS72_RADIUS_KM ** 3) / WGS72_MU_KM3_S2);
const UNIX_EPOCH_JD = 2440587.5;
const DEG = 180 / Math.PI;
/** Earth's rotation rate, deg/day. */
export const EARTH_ROTATION_DEG_PER_DAY = EARTH_ROTATION_RAD_S * 86400 * DEG;

export interface GeoLongitude {
  /** Mean geographic longitude at the epoch, degrees east in (−180, 180]. */
  longitudeDeg: number;
  /** Drift rate of the mean longitude, deg/day (positive eastward). */
  driftDegPerDay: number;
}

/** Angle in degrees wrapped to (−180, 180]. */
export function wrapDeg(x: number): number {
  const r = ((x % 360) + 360) % 360;
  return r > 180 ? r - 360 : r;
}

/** Greenwich mean sidereal angle at an instant (µs since 1970), degrees (IAU-82, at UTC). */
export function gmstDeg(tMicros: number): number {
  return gstime(UNIX_EPOCH_JD + tMicros / MICROS_PER_DAY) * DEG;
}

/** Secular rate of Ω + ω + M, deg/day, from Kozai mean motion (rev/day), e and i (deg). */
export function meanLongitudeRateDegPerDay(meanMotionRevPerDay: number, eccentricity: number, inclinationDeg: number): number {
  const n0 = (meanMotionRevPerDay * 2 * Math.PI) / 1440; // rad/min
  const cosi = Math.cos(inclinationDeg / DEG);
  const theta2 = cosi * cosi;
  const beta2 = 1 - eccentricity * eccentricity;
  const beta = Math.sqrt(beta2);
  const k2 = 0.5 * WGS72_J2;
  // SGP4's recovery of the Brouwer mean motion and semi-major axis (Earth radii) from the Kozai mean motion.
  const a1 = (KE / n0) ** (2 / 3);
  const d1 = (1.5 * k2 * (3 * theta2 - 1)) / (a1 * a1 * beta * beta2);
  const a0 = a1 * (1 - d1 / 3 - d1 * d1 - (134 / 81) * d1 ** 3);
  const d0 = (1.5 * k2 * (3 * theta2 - 1)) / (a0 * a0 * beta * beta2);
  const n = n0 / (1 + d0);
  const a = a0 / (1 - d0);
  const p2 = (a * beta2) ** 2;
  const q = WGS72_J2 / p2;
  const mDot = n * (1 + 0.75 * q * beta * (3 * theta2 - 1));
  const argpDot = 0.75 * n * q * (5 * theta2 - 1);
  const nodeDot = -1.5 * n * q * cosi;
  return (mDot + argpDot + nodeDot) * 1440 * DEG;
}

export function geoLongitude(e: { epoch: string; meanMotion: number; eccentricity: number; inclination: number; raan: number; argOfPericenter: number; meanAnomaly: number }): GeoLongitude {
  return {
    longitudeDeg: wrapDeg(e.raan + e.argOfPericenter + e.meanAnomaly - gmstDeg(epochMicros(e.epoch))),
    driftDegPerDay: meanLongitudeRateDegPerDay(e.meanMotion, e.eccentricity, e.inclination) - EARTH_ROTATION_DEG_PER_DAY,
  };
}

/**
 * The instant (µs) at which one impulsive change of drift rate joins two GEO element sets: the object drifts at
 * λ̇1 from (t1, λ1) until tm, then at λ̇2 until (t2, λ2). `longitudeChangeDeg` is λ2 − λ1 unwrapped. Null when the
 * drift rates are too close to say (|λ̇1 − λ̇2| ≤ minDriftChange) or tm falls outside [t1, t2].
 */
export function singleBurnMicros(t1: number, t2: number, drift1: number, drift2: number, longitudeChangeDeg: number, minDriftChange: number): number | null {
  if (Math.abs(drift1 - drift2) <= minDriftChange) return null;
  const days = (t2 - t1) / MICROS_PER_DAY;
  const fromStartDays = (longitudeChangeDeg - drift2 * days) / (drift1 - drift2);
  if (!(fromStartDays >= 0 && fromStartDays <= days)) return null;
  return t1 + fromStartDays * MICROS_PER_DAY;
}
