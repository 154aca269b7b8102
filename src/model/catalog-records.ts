/** Catalog records as the store returns them and the analytics read them. */
import type { GpRow } from './gp-elements.js';

export interface SnapshotInfo { id: string; sourceId: string; asOf: string; objectCount: number }

/** A snapshot member: its element set (the GP fields) joined with what the other catalogs say about it. */
export interface SnapshotObject extends Pick<GpRow, 'noradId' | 'objectName' | 'objectId' | 'epoch' | 'meanMotion' | 'eccentricity' | 'inclination' | 'raan' | 'argOfPericenter' | 'meanAnomaly' | 'bstar' | 'meanMotionDot' | 'meanMotionDdot'> {
  line1: string | null;
  line2: string | null;
  elementSourceId: string;
  satcatOwner: string | null;
  gcatState: string | null;
  gcatOwner: string | null;
  gcatType: string | null;
  launchTag: string | null;
  ucsOperatorCountry: string | null;
  ucsOperator: string | null;
  ucsPurpose: string | null;
  ucsUsers: string | null;
}

export interface LaunchRecord {
  launchTag: string; launchDate: string; year: number; datePrecision: string; lvType: string; lvState: string | null;
  agency: string | null; outcome: string; successFraction: number | null; launchClass: string | null; sourceId: string;
  /** GCAT launch-site code (e.g. JQ, WEN; sea-launch zones have their own). */
  launchSite: string | null;
}

/** A GCAT launch-log object on its launch, with what UCS says of the same COSPAR piece (its builder). */
export interface LaunchPayload {
  launchTag: string; launchDate: string; lvType: string; lvState: string | null; outcome: string;
  piece: string | null; noradId: number | null; satType: string | null; name: string | null; plName: string | null;
  satOwner: string | null; satState: string | null; sourceId: string;
  ucsContractor: string | null; ucsContractorCountry: string | null; ucsSourceId: string | null;
}
