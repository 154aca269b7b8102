/** Conjunction screening: what goes in and what comes out. */
import type { PropagationElements } from '../../orbit/batch/catalog-elements.js';

/** An element set as screened, with the source it came from (for ages and provenance). */
export type ScreenElements = PropagationElements & { elementSourceId: string };

export interface ObjectRef {
  noradId: number;
  objectName: string;
  objectId: string | null;
  /** Epoch of the element set used, ISO 8601 UTC to the microsecond. */
  elementEpoch: string;
  elementSourceId: string;
}

export interface EventObject extends ObjectRef {
  /** TCA minus element-set epoch, days (how far SGP4 was propagated). */
  elementAgeDays: number;
  /** TEME state at TCA: km and km/s. */
  positionKm: [number, number, number];
  velocityKmS: [number, number, number];
}

export interface ConjunctionEvent {
  primary: EventObject;
  secondary: EventObject;
  /** Time of closest approach, ISO 8601 UTC to the microsecond. */
  tca: string;
  missDistanceKm: number;
  relativeSpeedKmS: number;
  /** Secondary minus primary at TCA in the primary's radial / in-track / cross-track frame, km. */
  relativePositionRtnKm: { r: number; t: number; n: number };
  relativeVelocityRtnKmS: { r: number; t: number; n: number };
}

export type GroupReason = 'same-element-set' | 'within-threshold-whole-window';

/** A primary and an object flying with it (docked stack, formation): grouped, not a conjunction. */
export interface GroupedPair {
  primary: ObjectRef;
  secondary: ObjectRef;
  reason: GroupReason;
  /** Largest distance at the coarse samples over the window, km (0 for a shared element set). */
  maxSampledDistanceKm: number;
}

/** How the (pair, interval) tests were chosen: every pair and interval, or by the spatial index. */
export type ScanMethod = 'pairwise' | 'spatial-index';

export interface ScreenCounts {
  catalogObjects: number;
  primaries: number;
  /** Primary × secondary pairs before any filter. */
  pairs: number;
  /** Pairs left after the apogee/perigee filter (and grouping). */
  pairsAfterOrbitFilter: number;
  propagatedObjects: number;
  coarseSteps: number;
  scan: ScanMethod;
  /** Spatial index: the sub-step at which positions are indexed, s (null for the pairwise scan). */
  subStepSeconds: number | null;
  /** Spatial index: the grid's cell size, km (null for the pairwise scan). */
  indexCellKm: number | null;
  /** (pair, coarse interval) combinations given to the interval test. */
  pairIntervalsTested: number;
  /** Coarse intervals whose interpolated approach came within the threshold plus bounds. */
  intervalsRefined: number;
}

export interface ScreenResult {
  start: string;
  stop: string;
  thresholdKm: number;
  stepSeconds: number;
  events: ConjunctionEvent[];
  groups: GroupedPair[];
  counts: ScreenCounts;
  /** Primaries asked for that were not in the catalog (NORAD IDs). */
  missingPrimaries: number[];
}
