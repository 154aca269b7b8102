/** Catalog records as the store returns them and the analytics read them. */

export interface SnapshotInfo { id: string; sourceId: string; asOf: string; objectCount: number }

export interface SnapshotObject {
  noradId: number;
  objectName: string;
  objectId: string | null;
  epoch: string;
  meanMotion: number;
  eccentricity: number;
  inclination: number;
  raan: number;
  argOfPericenter: number;
  meanAnomaly: number;
  bstar: number;
  meanMotionDot: number;
  meanMotionDdot: number;
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
}
