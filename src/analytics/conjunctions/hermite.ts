/**
 * Cubic Hermite interpolation of a trajectory between two propagated states, and a bound on its
 * error. For a function with |f''''| ≤ M on [t0, t0 + h] the cubic Hermite interpolant errs by at
 * most M·h⁴/384. For a Kepler orbit |r''''| is ω⁴·r on a circle; near perigee of an eccentric
 * orbit it is of order μ/r² · (v/r)². The bound used is 4 · μ/rp² · (vp/rp)² (rp the smallest radius
 * the object can reach, vp its speed there): a factor 4 over the circular value, checked against
 * SGP4 itself in the tests.
 */
const MU_KM3_S2 = 398600.8;
export const HERMITE_SAFETY_FACTOR = 4;

/** Largest speed (km/s) an object reaches: vis-viva at perigee radius rp, semi-major axis a. */
export function perigeeSpeedKmS(rpKm: number, aKm: number): number {
  return Math.sqrt(MU_KM3_S2 * (2 / rpKm - 1 / aKm));
}

/** Error bound (km) of the cubic Hermite interpolant over steps of `stepS` seconds. */
export function hermiteErrorBoundKm(rpKm: number, aKm: number, stepS: number): number {
  const vp = perigeeSpeedKmS(rpKm, aKm);
  const m4 = HERMITE_SAFETY_FACTOR * (MU_KM3_S2 / (rpKm * rpKm)) * (vp / rpKm) ** 2;
  return (m4 * stepS ** 4) / 384;
}

/** Hermite basis at s ∈ [0, 1]: weights of p0, h·v0, p1, h·v1. */
export function hermiteWeights(s: number, out: Float64Array): void {
  const s2 = s * s, s3 = s2 * s;
  out[0] = 2 * s3 - 3 * s2 + 1;
  out[1] = s3 - 2 * s2 + s;
  out[2] = -2 * s3 + 3 * s2;
  out[3] = s3 - s2;
}
