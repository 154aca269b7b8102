/**
 * The exponential atmosphere of Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed.
 * (Microcosm Press, 2013), Table 8-4: for each band, the base altitude h0 (km), the nominal density
 * at h0 (kg/m³) and the scale height H (km); ρ(h) = ρ0·exp(−(h − h0)/H) within the band. Only the
 * bands from 100 km up are kept (the decay model ends at REENTRY_ALTITUDE_KM). The model is static:
 * it knows nothing of solar or geomagnetic activity, local time or season.
 */

export const ATMOSPHERE_SOURCE = 'Vallado, Fundamentals of Astrodynamics and Applications, 4th ed. (2013), Table 8-4 (exponential atmosphere)';

/** [h0 km, ρ0 kg/m³, H km], ascending. */
const BANDS: readonly (readonly [number, number, number])[] = [
  [100, 5.297e-7, 5.877], [110, 9.661e-8, 7.263], [120, 2.438e-8, 9.473], [130, 8.484e-9, 12.636],
  [140, 3.845e-9, 16.149], [150, 2.070e-9, 22.523], [180, 5.464e-10, 29.740], [200, 2.789e-10, 37.105],
  [250, 7.248e-11, 45.546], [300, 2.418e-11, 53.628], [350, 9.518e-12, 53.298], [400, 3.725e-12, 58.515],
  [450, 1.585e-12, 60.828], [500, 6.967e-13, 63.822], [600, 1.454e-13, 71.835], [700, 3.614e-14, 88.667],
  [800, 1.170e-14, 124.64], [900, 5.245e-15, 181.05], [1000, 3.019e-15, 268.0],
];

/** Density (kg/m³) at an altitude (km); the top band's exponential continues above 1,000 km. */
export function densityKgM3(altitudeKm: number): number {
  if (!(altitudeKm >= BANDS[0]![0])) throw new RangeError(`altitude below the model's ${BANDS[0]![0]} km: ${altitudeKm}`);
  let band = BANDS[0]!;
  for (const b of BANDS) if (b[0] <= altitudeKm) band = b;
  return band[1] * Math.exp(-(altitudeKm - band[0]) / band[2]);
}
