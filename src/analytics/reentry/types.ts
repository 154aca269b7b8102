/** Reentry watch: what goes in and what comes out. */
import type { ObjectKind } from '../attribution.js';
import type { GpRow } from '../../model/gp-elements.js';

/** One GP element set as the watch reads it (the model's fields: model/gp-elements.ts), with the source it came from. */
export interface ReentryElements extends Pick<GpRow, 'noradId' | 'objectName' | 'objectId' | 'epoch' | 'meanMotion' | 'eccentricity' | 'meanMotionDot' | 'bstar'> {
  elementSourceId: string;
}

/** What the other catalogs say about an object (classification by the attribution rules, SATCAT RCS). */
export interface ReentryObjectFacts {
  country: string | null;
  kind: ObjectKind;
  /** CelesTrak SATCAT radar cross-section, m²; null when the stored SATCAT has none for the object. */
  rcsM2: number | null;
}

export interface ReentryInput extends ReentryElements, ReentryObjectFacts {
  /** The object's element set before this one (newest earlier epoch) among every one stored, or null. */
  previous: Pick<ReentryElements, 'epoch' | 'meanMotion' | 'elementSourceId'> | null;
}

/** large: SATCAT RCS ≥ LARGE_RCS_M2; unknown: no RCS in the stored SATCAT. */
export type SizeClass = 'large' | 'not-large' | 'unknown';

export type ReentryFlag =
  /** Eccentricity above ECCENTRIC_LIMIT: the circular-orbit model shortens the estimate. */
  | 'eccentric-orbit'
  /** The element set's age (element-set-age.ts: to the end of the snapshot date) is more than STALE_DAYS. */
  | 'old-element-set'
  /** The element set's epoch is after the end of the snapshot date: its age is negative (element-set-age.ts). */
  | 'epoch-after-snapshot-date'
  /** The change of mean motion since the previous element set is less than half what the current rate implies: a manoeuvre or a noisy rate. */
  | 'history-slower-than-rate'
  /** The central estimate is already before the snapshot date: the object may have reentered. */
  | 'estimate-before-snapshot';

export interface ReentryCandidate {
  noradId: number;
  objectName: string;
  objectId: string | null;
  country: string | null;
  kind: ObjectKind;
  /** Country CN and kind rocket-body by the attribution rules. */
  chineseRocketBody: boolean;
  rcsM2: number | null;
  sizeClass: SizeClass;
  elementSet: {
    epoch: string; sourceId: string;
    /** Snapshot date (00:00 UTC) minus epoch, days. */
    ageDays: number;
    meanMotion: number; eccentricity: number;
    /** ṅ/2 as published, rev/day². */
    meanMotionDot: number; bstar: number;
    perigeeKm: number; apogeeKm: number;
    /** From ṅ: −(2/3)·a·ṅ/n, km/day. */
    semiMajorAxisRateKmDay: number;
  };
  /** The element set before it and the mean-motion change per day between the two, rev/day². */
  previousElementSet: { epoch: string; sourceId: string; meanMotion: number; observedMeanMotionRate: number } | null;
  /** Central estimate and window (ISO dates, UTC). */
  reentry: { central: string; earliest: string; latest: string; daysFromEpoch: number };
  /** The same model run on the observed rate between the two element sets, when that rate shows decay. */
  reentryFromHistory: { central: string; daysFromEpoch: number } | null;
  flags: ReentryFlag[];
}

export interface ReentryWatch {
  /** Snapshot date: ages and the horizon count from it (00:00 UTC). */
  asOf: string;
  horizonDays: number;
  candidates: ReentryCandidate[];
  counts: { objects: number; decaying: number; modelled: number; candidates: number; chineseRocketBodies: number; large: number; sizeUnknown: number };
  definition: string;
  method: string;
  limits: string;
}
