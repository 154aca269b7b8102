/** One GP element set (OMM fields), whatever format it came in: the contract between the GP parsers, the store and the orbit layer. */
export type GpClassification = 'U' | 'C' | 'S';

export interface GpRow {
  noradId: number;
  objectName: string;
  /** COSPAR international designator, e.g. "1998-067A"; null when the source leaves it blank. */
  objectId: string | null;
  /** Epoch, ISO 8601 UTC with microseconds, e.g. "2026-07-10T03:44:00.383136Z". */
  epoch: string;
  /** Revolutions per day. */
  meanMotion: number;
  eccentricity: number;
  /** Degrees. */
  inclination: number;
  /** Right ascension of the ascending node, degrees. */
  raan: number;
  /** Degrees. */
  argOfPericenter: number;
  /** Degrees. */
  meanAnomaly: number;
  /** SGP4 drag term, 1/earth radii. */
  bstar: number;
  /** As published: first derivative of mean motion divided by 2 (rev/day²). */
  meanMotionDot: number;
  /** As published: second derivative of mean motion divided by 6 (rev/day³). */
  meanMotionDdot: number;
  elementSetNo: number;
  revAtEpoch: number;
  classification: GpClassification;
  ephemerisType: number;
  /** Raw TLE lines when the source was TLE (for satellite.js twoline2satrec). */
  line1?: string;
  line2?: string;
}
