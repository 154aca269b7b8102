/**
 * Remaining orbital lifetime from an element set's decay rate: a circular-orbit drag model.
 *
 * Under drag a circular orbit's semi-major axis falls at da/dt = −ρ·(C_D·A/m)·√(μ·a). The element
 * set gives today's rate (from its mean-motion derivative, ȧ = −(2/3)·a·ṅ/n); the unknown ballistic
 * coefficient and today's absolute density cancel if the rate is scaled by the density ratio of a
 * static atmosphere (exponential-atmosphere.ts): ȧ(h) = ȧ0·ρ(h)/ρ(h0)·√(a/a0). The height h is the
 * perigee height, lowered by the fall of the semi-major axis (the orbit is treated as shrinking as a
 * whole, which for an eccentric orbit shortens the estimate: drag lowers the apogee first). The
 * time to fall from h0 to REENTRY_ALTITUDE_KM is integrated in 1 km steps (midpoint rule).
 * What it ignores: changes of solar and geomagnetic activity (the density is held at the ratio the
 * element set's rate implies), attitude and lift, manoeuvres, the noise of the fitted ṅ, and how
 * old the element set is (the estimate counts from its epoch).
 */
import { densityKgM3 } from './exponential-atmosphere.js';
import { EARTH_EQUATORIAL_RADIUS_KM, semiMajorAxisFromMeanMotion } from '../../orbit/elements.js';

/** Where the integration stops: 120 km (below it the model's remaining time is under an hour). */
export const REENTRY_ALTITUDE_KM = 120;
/** Above this perigee height (km) no estimate is made (drag there is too weak for the model's table and years-long horizons). */
export const MAX_MODEL_PERIGEE_KM = 1000;

export interface DecayInput {
  /** rev/day */
  meanMotion: number;
  eccentricity: number;
  /** The mean-motion rate used, rev/day² (the full derivative ṅ, not ṅ/2). */
  meanMotionRate: number;
}

export interface DecayEstimate {
  perigeeKm: number;
  semiMajorAxisKm: number;
  /** Semi-major-axis rate at the epoch, km/day (negative when decaying). */
  semiMajorAxisRateKmDay: number;
  /** Model time from the element set's epoch to REENTRY_ALTITUDE_KM, days; null when not decaying or out of the model's range. */
  remainingDays: number | null;
  /** The integration was stopped once the time passed `stopAfterDays` (remainingDays is then null: longer than that). */
  beyond?: true;
}

/** How far past `stopAfterDays` the sum must be before the integration stops (days): keeps a rounding at the limit from deciding. */
const STOP_MARGIN_DAYS = 1e-6;

export function semiMajorAxisRateKmDay(meanMotion: number, meanMotionRate: number): number {
  return (-2 / 3) * semiMajorAxisFromMeanMotion(meanMotion) * (meanMotionRate / meanMotion);
}

/**
 * `stopAfterDays`: a caller that only needs estimates up to that many days (the reentry watch's
 * horizon) lets the integration stop as soon as the time passes it. The sum only grows, so every
 * estimate within the limit is the same number as without it; the others come back `beyond`.
 */
export function decayEstimate(e: DecayInput, stopAfterDays = Infinity): DecayEstimate {
  const a0 = semiMajorAxisFromMeanMotion(e.meanMotion);
  const h0 = a0 * (1 - e.eccentricity) - EARTH_EQUATORIAL_RADIUS_KM;
  const rate0 = semiMajorAxisRateKmDay(e.meanMotion, e.meanMotionRate);
  const base = { perigeeKm: h0, semiMajorAxisKm: a0, semiMajorAxisRateKmDay: rate0 };
  if (!(rate0 < 0) || !(h0 > REENTRY_ALTITUDE_KM) || h0 > MAX_MODEL_PERIGEE_KM) {
    return { ...base, remainingDays: h0 <= REENTRY_ALTITUDE_KM && rate0 < 0 ? 0 : null };
  }
  const rho0 = densityKgM3(h0);
  let days = 0;
  let h = h0;
  while (h > REENTRY_ALTITUDE_KM) {
    const step = Math.min(1, h - REENTRY_ALTITUDE_KM);
    const mid = h - step / 2;
    const a = a0 + (mid - h0);
    days += step / (-rate0 * (densityKgM3(mid) / rho0) * Math.sqrt(a / a0));
    h -= step;
    if (days > stopAfterDays + STOP_MARGIN_DAYS) return { ...base, remainingDays: null, beyond: true };
  }
  return { ...base, remainingDays: days };
}
