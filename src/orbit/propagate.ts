/**
 * Thin layer over satellite.js (SGP4/SDP4, WGS-72 as in the reference implementation): build a
 * satrec from TLE lines or OMM elements, propagate, and convert TEME/ECI position to geodetic
 * latitude/longitude/altitude via GMST.
 */
import {
  eciToGeodetic,
  gstime,
  json2satrec,
  propagate as sgp4Propagate,
  sgp4,
  twoline2satrec,
  type EciVec3,
  type OMMJsonObject,
  type SatRec,
} from 'satellite.js';
import type { GpRow } from '../model/gp-elements.js';

export interface StateVector {
  /** TEME position, km. */
  positionKm: EciVec3<number>;
  /** TEME velocity, km/s. */
  velocityKmS: EciVec3<number>;
}

export interface GeodeticState extends StateVector {
  latitudeDeg: number;
  longitudeDeg: number;
  /** Height above the WGS-84 ellipsoid, km. */
  altitudeKm: number;
}

export type PropagationResult = { ok: true; state: GeodeticState } | { ok: false; error: string };

export function satrecFromTle(line1: string, line2: string): SatRec {
  return twoline2satrec(line1, line2);
}

/** From a parsed GP row: the raw TLE lines when present, else the OMM elements. */
export function satrecFromGpRow(row: GpRow): SatRec {
  if (row.line1 && row.line2) return twoline2satrec(row.line1, row.line2);
  const omm: OMMJsonObject = {
    OBJECT_NAME: row.objectName,
    OBJECT_ID: row.objectId ?? '',
    EPOCH: row.epoch,
    MEAN_MOTION: row.meanMotion,
    ECCENTRICITY: row.eccentricity,
    INCLINATION: row.inclination,
    RA_OF_ASC_NODE: row.raan,
    ARG_OF_PERICENTER: row.argOfPericenter,
    MEAN_ANOMALY: row.meanAnomaly,
    EPHEMERIS_TYPE: 0,
    CLASSIFICATION_TYPE: row.classification === 'C' ? 'C' : 'U',
    NORAD_CAT_ID: row.noradId,
    ELEMENT_SET_NO: row.elementSetNo,
    REV_AT_EPOCH: row.revAtEpoch,
    BSTAR: row.bstar,
    MEAN_MOTION_DOT: row.meanMotionDot,
    MEAN_MOTION_DDOT: row.meanMotionDdot,
  };
  return json2satrec(omm);
}

/** TEME state at `minutes` after the element set epoch (the form the SGP4 verification data uses). */
export function stateAtMinutes(satrec: SatRec, minutes: number): StateVector | null {
  const pv = sgp4(satrec, minutes);
  if (!pv) return null;
  return { positionKm: pv.position, velocityKmS: pv.velocity };
}

const RAD_TO_DEG = 180 / Math.PI;

export interface PropagateAtOptions {
  /**
   * satellite.js's community decay check (default true): report objects that decayed long before
   * `date` as failures instead of the meaningless positions plain SGP4 returns for them. It is not
   * part of the reference SGP4; pass false for reference behaviour.
   */
  decayCheck?: boolean;
}

/** Position and geodetic altitude at a UTC instant. */
export function propagateAt(satrec: SatRec, date: Date, options: PropagateAtOptions = {}): PropagationResult {
  const pv = sgp4Propagate(satrec, date, { communityDecayCheckEnabled: options.decayCheck ?? true });
  if (!pv) return { ok: false, error: `SGP4 error code ${satrec.error}` };
  const geo = eciToGeodetic(pv.position, gstime(date));
  return {
    ok: true,
    state: {
      positionKm: pv.position,
      velocityKmS: pv.velocity,
      latitudeDeg: geo.latitude * RAD_TO_DEG,
      longitudeDeg: geo.longitude * RAD_TO_DEG,
      altitudeKm: geo.height,
    },
  };
}

/** Geodetic altitude (km) at a UTC instant, or null when SGP4 reports an error (e.g. decayed). */
export function altitudeAt(satrec: SatRec, date: Date, options: PropagateAtOptions = {}): number | null {
  const r = propagateAt(satrec, date, options);
  return r.ok ? r.state.altitudeKm : null;
}
