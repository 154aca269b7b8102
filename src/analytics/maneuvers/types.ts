/** Inputs and outputs of maneuver detection (detect.ts) and the GEO belt view (geo-belt.ts). */
import type { OrbitRegime } from '../../orbit/regime.js';
import type { GpRow } from '../../model/gp-elements.js';

/** One stored element set as the detector reads it (GP mean elements, SGP4 conventions: model/gp-elements.ts). */
export interface ManeuverElements extends Pick<GpRow, 'noradId' | 'objectName' | 'epoch' | 'meanMotion' | 'eccentricity' | 'inclination' | 'raan' | 'argOfPericenter' | 'meanAnomaly' | 'meanMotionDot'> {
  /** The element set's id in the store (`NORAD@epoch`). */
  id: string;
  /** The source (catalog download) the element set came from. */
  sourceId: string;
}

/** An element set named in a result: its id, epoch, source and age at the report's reference instant. */
export interface ElementSetRef {
  id: string;
  epoch: string;
  sourceId: string;
  /** Days from the epoch to the reference instant (the end of the snapshot's as-of date, UTC). */
  ageDays: number;
}

export type ManeuverQuantity = 'semiMajorAxis' | 'inclination' | 'eccentricity' | 'geoLongitude' | 'geoDriftRate';

/** One quantity compared across the two element sets. */
export interface ManeuverChange {
  quantity: ManeuverQuantity;
  /** km, deg, 1 (eccentricity) or deg/day. */
  unit: 'km' | 'deg' | '1' | 'deg/day';
  before: number;
  after: number;
  /** after − before (longitude wrapped to (−180, 180]). */
  change: number;
  /** The change the natural model predicts (drag decay for a, the mean drift for longitude, else 0). */
  expectedChange: number;
  /** How far from the expected change the quantity may move without a maneuver (noise floor plus natural allowance). */
  allowance: number;
  /** |change − expectedChange| > allowance. */
  exceeded: boolean;
}

export type ManeuverRule = 'semi-major-axis' | 'inclination' | 'eccentricity' | 'geo-longitude' | 'geo-drift-rate';

export interface ManeuverDetection {
  noradId: number;
  objectName: string;
  /** Regime of the earlier element set (src/orbit/regime.ts), which chose the thresholds. */
  regime: OrbitRegime;
  before: ElementSetRef;
  after: ElementSetRef;
  /** The maneuver happened between the two epochs (UTC); `days` is the interval's length. */
  interval: { start: string; end: string; days: number };
  /**
   * GEO only, when the drift rate changed: the instant at which one impulsive drift change would join the two
   * element sets' longitudes (see geo-longitude.ts), or null when it falls outside the interval.
   */
  singleBurnEstimate: string | null;
  changes: ManeuverChange[];
  /** The rules that fired (each a quantity whose change exceeded its allowance). */
  rules: ManeuverRule[];
  /** GEO only: the maneuver moved the object to another longitude or set it drifting (thresholds.ts RELOCATION). */
  relocation: boolean;
}

/** Counts of the detector's work: what was compared and what was skipped, and why. */
export interface ManeuverCounts {
  objects: number;
  pairs: number;
  detections: number;
  /** Pairs not compared: the same epoch twice, or an orbit beyond Earth orbit. */
  skipped: number;
}
