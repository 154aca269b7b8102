/**
 * TEME → pseudo-Earth-fixed (PEF) by a rotation about z through the Greenwich mean sidereal angle
 * (IAU-82, as satellite.js's gstime), the Earth-fixed frame SGP4's own documentation uses. PEF
 * differs from ITRF by polar motion (about 10–15 m at the surface) and GMST is evaluated at UTC,
 * not UT1 (|UT1 − UTC| < 0.9 s, up to about 0.4 km along the equator at LEO radii).
 */
import { gstime } from 'satellite.js';
import { MICROS_PER_DAY } from './epoch-micros.js';

/** Earth rotation rate, rad/s (as in Vallado's teme2ecef). */
export const EARTH_ROTATION_RAD_S = 7.292115146706979e-5;
const UNIX_EPOCH_JD = 2440587.5;

/** state: TEME [x, y, z km, vx, vy, vz km/s] → PEF of the same layout. */
export function temeToPef(state: ArrayLike<number>, tMicros: number): [number, number, number, number, number, number] {
  const theta = gstime(UNIX_EPOCH_JD + tMicros / MICROS_PER_DAY);
  const c = Math.cos(theta), s = Math.sin(theta);
  const x = c * state[0]! + s * state[1]!;
  const y = -s * state[0]! + c * state[1]!;
  const vx = c * state[3]! + s * state[4]! + EARTH_ROTATION_RAD_S * y;
  const vy = -s * state[3]! + c * state[4]! - EARTH_ROTATION_RAD_S * x;
  return [x, y, state[2]!, vx, vy, state[5]!];
}
