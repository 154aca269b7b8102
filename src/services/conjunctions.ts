/**
 * Conjunction screening of a stored GP snapshot: the primaries (NORAD IDs, or every object the
 * attribution rules give to a country, by kind), the window and threshold checked, then the
 * screener run by a caller-chosen runner (a worker for the server, the pool for the CLI).
 * Reports are memoised per snapshot and parameters, until an import replaces the store's data.
 */
import type { Kysely } from 'kysely';
import { MAX_PROPAGATION_DAYS } from '../analytics/tiangong.js';
import type { Database } from '../store/schema.js';
import { objectKind, type ObjectKind } from '../analytics/attribution.js';
import type { ScreenElements, ScreenResult } from '../analytics/conjunctions/types.js';
import type { ScreenOptions } from '../analytics/conjunctions/screen.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { epochMicros } from '../orbit/epoch-micros.js';
import { AnalyticsError, cachedClassified, cachedSnapshotObjects, countryParameterProblem, CountryParameterError, snapshotAt } from './analytics.js';
import { memo } from './data-cache.js';

import { DEFAULT_DAYS, DEFAULT_THRESHOLD_KM, MAX_PRIMARIES, MAX_SCREEN_DAYS, MAX_THRESHOLD_KM, SCREEN_KINDS, STATION_NORAD } from './screen-parameters.js';
export { DEFAULT_DAYS, DEFAULT_THRESHOLD_KM, MAX_PRIMARIES, MAX_SCREEN_DAYS, MAX_THRESHOLD_KM, SCREEN_KINDS };

/** A screening parameter out of range or unknown (the caller's mistake), naming the parameter. */
export class ScreenParameterError extends Error {
  constructor(readonly parameter: 'primary' | 'country' | 'kinds' | 'start' | 'days' | 'thresholdKm', message: string) {
    super(message);
  }
}

export interface ConjunctionQuery {
  primaries?: readonly number[];
  country?: string;
  /** With `country`: which kinds of object are primaries (default payloads). */
  kinds?: readonly ObjectKind[];
  /** Window start, ISO 8601 UTC; default: the snapshot's as-of date at 00:00 UTC. */
  start?: string;
  days?: number;
  thresholdKm?: number;
  asOf?: string;
}

export type ScreenRunner = (rows: ScreenElements[], primaries: number[], opts: ScreenOptions) => Promise<ScreenResult>;

export interface ConjunctionReport extends ScreenResult {
  snapshot: SnapshotInfo;
  /** How the primaries were chosen, e.g. "NORAD 48274" or "country CN, kinds payload". */
  primarySelection: string;
  method: string;
  /** What the screened catalog holds: the snapshot's objects, and how few of them are rocket bodies or debris. */
  population: string;
  /**
   * Set when the window starts more than MAX_PROPAGATION_DAYS after the snapshot's data date: every element set is at
   * least that old at every TCA, too old to predict from (as the station's altitude is refused then); null otherwise.
   */
  staleness: string | null;
}

/** The warning for a window that starts long after its snapshot (see ConjunctionReport.staleness), or null. */
export function screeningStaleness(snapshot: SnapshotInfo, start: string): string | null {
  const days = (Date.parse(start) - Date.parse(`${snapshot.asOf}T00:00:00Z`)) / 86_400_000;
  if (!(days > MAX_PROPAGATION_DAYS)) return null;
  return `The window starts ${Math.floor(days)} days after the snapshot's data date (${snapshot.asOf}), so every element set is at least that old `
    + `at every time of closest approach. SGP4's error grows with an element set's age, and objects manoeuvre: beyond ${MAX_PROPAGATION_DAYS} days `
    + 'these are not predictions to rely on (the station\'s altitude is not given from an element set that old). A newer GP download screens again.';
}

/** The screened population, said plainly: a GP "active" snapshot lists operational objects, so debris is mostly not screened. */
export function screenedPopulation(rows: readonly Pick<ScreenElements, 'objectName'>[], snapshot: SnapshotInfo): string {
  const debrisOrBodies = rows.filter((r) => objectKind({ objectName: r.objectName, gcatType: null }) !== 'payload').length;
  return `Every object of the snapshot ${snapshot.id} (${rows.length.toLocaleString('en-US')}) was screened; `
    + `${debrisOrBodies.toLocaleString('en-US')} of them are named as rocket bodies (R/B) or debris (DEB). `
    + 'CelesTrak\'s "active" group lists operational objects, so approaches with rocket bodies and debris are mostly not screened.';
}

export const SCREEN_METHOD = 'SGP4/SDP4 on the snapshot\'s GP element sets (each object\'s newest in the snapshot); '
  + 'apogee/perigee filter bounded from SGP4\'s terms; coarse scan on a fixed grid with a Lipschitz test on the '
  + 'relative speed and a bounded cubic-Hermite interpolant; TCA refined on the range-rate zero to 1 ms. With many primaries '
  + 'the pairs and intervals to test come from a uniform grid over the interpolated positions every 20 s (each object propagated '
  + 'once for all primaries; the grid\'s reach bound keeps every pair that can come within the threshold), with the same interval test. '
  + 'Objects sharing the primary\'s element set, or within the threshold all window, are grouped, not reported. '
  + 'GP element sets carry no covariance and SGP4\'s error grows with the element set\'s age (given for both objects of '
  + 'each event): an event is a prompt to look, not a collision probability.';

/** What a stored snapshot's screening depends on besides that snapshot's own writes: an import, which replaces everything. */
export const SCREENING_INPUTS = ['import'] as const;

/**
 * A screening of at most this many primaries (the station, an entity page's objects) holds a few events: it is kept
 * among the memo's small entries, so the station screenings of a year of daily snapshots stay cached together.
 */
export const SMALL_SCREENING_PRIMARIES = 10;

export function checkQuery(q: ConjunctionQuery): { days: number; thresholdKm: number } {
  const days = q.days ?? DEFAULT_DAYS;
  const thresholdKm = q.thresholdKm ?? DEFAULT_THRESHOLD_KM;
  if (!(days > 0 && days <= MAX_SCREEN_DAYS)) throw new ScreenParameterError('days', `days must be in (0, ${MAX_SCREEN_DAYS}], got ${days}`);
  if (!(thresholdKm > 0 && thresholdKm <= MAX_THRESHOLD_KM)) throw new ScreenParameterError('thresholdKm', `threshold must be in (0, ${MAX_THRESHOLD_KM}] km, got ${thresholdKm}`);
  if (!q.primaries?.length && !q.country) throw new ScreenParameterError('primary', 'give primaries (NORAD IDs) or a country');
  if (q.primaries?.length && q.country) throw new ScreenParameterError('country', 'give primaries or a country, not both');
  if ((q.primaries?.length ?? 0) > MAX_PRIMARIES) throw new ScreenParameterError('primary', `at most ${MAX_PRIMARIES} primaries`);
  for (const id of q.primaries ?? []) if (!(Number.isInteger(id) && id > 0 && id < 1e9)) throw new ScreenParameterError('primary', `not a NORAD catalog number: ${id}`);
  for (const k of q.kinds ?? []) if (!(SCREEN_KINDS as readonly string[]).includes(k)) throw new ScreenParameterError('kinds', `unknown object kind "${k}" (${SCREEN_KINDS.join(', ')})`);
  if (q.start !== undefined) {
    try { epochMicros(q.start); } catch { throw new ScreenParameterError('start', `start must be an ISO 8601 UTC instant, got ${JSON.stringify(q.start)}`); }
  }
  return { days, thresholdKm };
}

/** The snapshot's element sets in screening form, memoised per snapshot. */
export function screeningRows(db: Kysely<Database>, snapshotId: string): Promise<ScreenElements[]> {
  return memo(db, `screen-rows:${snapshotId}`, async () => (await cachedSnapshotObjects(db, snapshotId)).map((o) => ({
    noradId: o.noradId, objectName: o.objectName, objectId: o.objectId, epoch: o.epoch, meanMotion: o.meanMotion,
    eccentricity: o.eccentricity, inclination: o.inclination, raan: o.raan, argOfPericenter: o.argOfPericenter,
    meanAnomaly: o.meanAnomaly, bstar: o.bstar, meanMotionDot: o.meanMotionDot, meanMotionDdot: o.meanMotionDdot,
    line1: o.line1, line2: o.line2, elementSourceId: o.elementSourceId,
  })));
}

/**
 * The screening the Space safety page and the change feed ask of every snapshot: the station over the default window
 * and threshold. Its reports are kept in the store (one per snapshot); so are those a caller with a bounded set of
 * queries asks to keep (an entity page's objects). Others, with a request's own parameters, are kept in memory only.
 */
export function isStationScreening(q: ConjunctionQuery): boolean {
  return q.primaries?.length === 1 && q.primaries[0] === STATION_NORAD && !q.country && q.start === undefined
    && (q.days ?? DEFAULT_DAYS) === DEFAULT_DAYS && (q.thresholdKm ?? DEFAULT_THRESHOLD_KM) === DEFAULT_THRESHOLD_KM;
}

export async function conjunctionReport(
  db: Kysely<Database>, rules: Rules, q: ConjunctionQuery, run: ScreenRunner, opts: { persist?: boolean } = {},
): Promise<ConjunctionReport> {
  const { days, thresholdKm } = checkQuery(q);
  const problem = countryParameterProblem(rules, q.country);
  if (problem) throw new CountryParameterError(problem);
  const { snapshot } = await snapshotAt(db, q.asOf);
  const start = q.start ?? `${snapshot.asOf}T00:00:00Z`;
  const kinds = q.kinds?.length ? [...q.kinds].sort() : ['payload'];
  let primaries: number[];
  let primarySelection: string;
  if (q.country) {
    const classified = await cachedClassified(db, rules, snapshot.id);
    primaries = classified.filter((o) => o.country === q.country && (kinds as string[]).includes(o.kind)).map((o) => o.noradId);
    primarySelection = `country ${q.country}, kinds ${kinds.join(', ')} (${primaries.length} objects in snapshot ${snapshot.id})`;
    if (primaries.length === 0) throw new AnalyticsError(`no ${kinds.join('/')} objects of ${q.country} in snapshot ${snapshot.id}`);
    if (primaries.length > MAX_PRIMARIES) throw new ScreenParameterError('kinds', `${primaries.length} primaries: more than ${MAX_PRIMARIES}; narrow the kinds`);
  } else {
    primaries = [...new Set(q.primaries)].sort((a, b) => a - b);
    primarySelection = `NORAD ${primaries.join(', ')}`;
  }
  const key = `screen:${snapshot.id}:${primaries.join(',')}:${start}:${days}:${thresholdKm}`;
  // A screening reads nothing but the snapshot's element sets, so it stays valid when other data arrive: only
  // a new write of that snapshot (its last_seen) or an import, which replaces everything, invalidates it. A new
  // daily snapshot then costs one screening, not one per stored snapshot (the change feed's station entries).
  const report = await memo(db, key, async () => {
    const rows = await screeningRows(db, snapshot.id);
    const result = await run(rows, primaries, { startMicros: epochMicros(start), days, thresholdKm });
    if (result.counts.primaries === 0) throw new AnalyticsError(`none of the primaries (${primarySelection}) is in snapshot ${snapshot.id}`);
    return { ...result, snapshot, primarySelection, method: SCREEN_METHOD, population: screenedPopulation(rows, snapshot) };
  }, {
    dependsOn: SCREENING_INPUTS, snapshots: [snapshot.id], small: primaries.length <= SMALL_SCREENING_PRIMARIES,
    persist: isStationScreening(q) || opts.persist === true,
  });
  return { ...report, staleness: screeningStaleness(snapshot, start) };
}
