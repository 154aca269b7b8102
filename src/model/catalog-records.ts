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

/** A payload of the launch log with its launch vehicle's state and its owner's state (GCAT codes). */
export interface LaunchedPayload {
  launchTag: string; launchDate: string; name: string | null; lvState: string | null; satState: string | null; satOwner: string | null; sourceId: string;
}

/** A payload of the launch log, with its launch. */
export interface LaunchPayload {
  launchTag: string; launchDate: string; name: string; plName: string | null; noradId: number | null; sourceId: string;
}
