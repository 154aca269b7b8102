/**
 * A catalog prepared for batch propagation: one satellite.js satrec per object (SGP4 initialisation,
 * and the deep-space path), the near-Earth constants packed into one Float64Array, and each epoch
 * as exact microseconds from the OMM/TLE text.
 */
import type { SatRec } from 'satellite.js';
import type { GpRow } from '../../model/gp-elements.js';
import { epochMicros } from '../epoch-micros.js';
import { satrecFromGpRow } from '../propagate.js';
import { NEAR_EARTH_FIELDS, NEAR_EARTH_STRIDE } from './near-earth-fields.js';

/** The GP fields propagation needs (a GpRow, or a store row of the same shape). */
export type PropagationElements = Pick<GpRow,
  'noradId' | 'objectName' | 'objectId' | 'epoch' | 'meanMotion' | 'eccentricity' | 'inclination' | 'raan'
  | 'argOfPericenter' | 'meanAnomaly' | 'bstar' | 'meanMotionDot' | 'meanMotionDdot'> & {
  elementSetNo?: number; revAtEpoch?: number; line1?: string | null; line2?: string | null;
};

export interface CatalogElements {
  count: number;
  noradIds: Int32Array;
  /** Element-set epochs, µs since 1970 (exact from the OMM text). */
  epochMicros: Float64Array;
  /** 1 for SGP4 near-Earth (period < 225 min), 0 for SDP4 deep-space. */
  nearEarth: Uint8Array;
  /** satellite.js initialisation error code per object (0 = none). */
  initError: Int32Array;
  coeffs: Float64Array;
  satrecs: SatRec[];
}

export function satrecFromElements(e: PropagationElements): SatRec {
  return satrecFromGpRow({
    elementSetNo: 999, revAtEpoch: 0, classification: 'U', ephemerisType: 0, ...e,
    line1: e.line1 ?? undefined, line2: e.line2 ?? undefined,
  });
}

export function prepareCatalog(rows: readonly PropagationElements[]): CatalogElements {
  const n = rows.length;
  const out: CatalogElements = {
    count: n,
    noradIds: new Int32Array(n),
    epochMicros: new Float64Array(n),
    nearEarth: new Uint8Array(n),
    initError: new Int32Array(n),
    coeffs: new Float64Array(n * NEAR_EARTH_STRIDE),
    satrecs: new Array<SatRec>(n),
  };
  rows.forEach((row, i) => {
    const satrec = satrecFromElements(row);
    out.satrecs[i] = satrec;
    out.noradIds[i] = row.noradId;
    out.epochMicros[i] = epochMicros(row.epoch);
    out.nearEarth[i] = satrec.method === 'n' ? 1 : 0;
    out.initError[i] = satrec.error;
    const fields = satrec as unknown as Record<string, number>;
    NEAR_EARTH_FIELDS.forEach((f, j) => { out.coeffs[i * NEAR_EARTH_STRIDE + j] = Number(fields[f] ?? 0); });
  });
  return out;
}
