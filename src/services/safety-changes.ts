/**
 * The space-safety entries of the change feed (definitions: src/analytics/world-change-types.ts),
 * from the stored GP snapshots: objects that left the catalog while on the reentry watch, and the
 * station's computed close approaches whose TCA day has passed, and maneuvers of China's objects. Each snapshot's watch and screening
 * is memoised; only snapshots whose dates can fall in the asked window are read. What one snapshot (or a pair) gives is kept
 * until that snapshot is written again, so a new daily snapshot costs one screening and one watch, not one per stored snapshot;
 * and it is kept in the store (data-cache.ts, `persist`), so a restarted server reads it instead of screening every snapshot again.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import type { WorldChange, WorldChangeType } from '../analytics/world-change-types.js';
import { closeApproachChange, groupSharedElementSets, isCrossingApproach, leftCatalogChange, maneuverChange } from '../analytics/safety-changes.js';
import { maneuverReport } from './maneuvers.js';
import { lastListedOn, listSnapshots, snapshotsRecordedAt } from '../store/queries/catalog.js';
import { cachedClassified, cachedSnapshotObjects, rulesVersion, SNAPSHOT_OBJECT_INPUTS } from './analytics.js';
import { memo } from './data-cache.js';
import type { ReentryCandidate } from '../analytics/reentry/types.js';
import { cachedWatch, DEFAULT_REENTRY_DAYS } from './reentries.js';
import { conjunctionReport, type ScreenRunner } from './conjunctions.js';
import { DEFAULT_DAYS, DEFAULT_THRESHOLD_KM, STATION_NORAD } from './screen-parameters.js';

export { STATION_NORAD };

/** The feed's maneuvers are those of China's objects (the Space safety page's selection). */
export const MANEUVER_FEED_COUNTRY = 'CN';

export interface SafetyChangeWindow { since?: string; until: string; today: string; wants: (t: WorldChangeType) => boolean; country?: string }

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function safetyChanges(db: Kysely<Database>, rules: Rules, run: ScreenRunner, w: SafetyChangeWindow): Promise<WorldChange[]> {
  const snapshots = await listSnapshots(db);
  if (snapshots.length === 0) return [];
  const recorded = await snapshotsRecordedAt(db);
  const out: WorldChange[] = [];
  const inWindow = (day: string) => (!w.since || day >= w.since) && day < w.until;
  if (w.wants('left-catalog-on-reentry-watch')) {
    for (let i = 0; i + 1 < snapshots.length; i++) {
      const [last, absent] = [snapshots[i]!, snapshots[i + 1]!];
      if (!inWindow(absent.asOf) || last.asOf === absent.asOf) continue;
      out.push(...await leftCatalog(db, rules, last, absent, recorded.get(absent.id) ?? ''));
    }
  }
  if (w.wants('close-approach')) {
    for (let i = 0; i < snapshots.length; i++) {
      const s = snapshots[i]!;
      const startMs = Date.parse(`${s.asOf}T00:00:00Z`);
      const next = snapshots.slice(i + 1).find((x) => x.asOf > s.asOf);
      // Each approach comes from the newest snapshot dated before it: this one's events up to the next snapshot's date.
      const endMs = Math.min(startMs + DEFAULT_DAYS * DAY_MS, next ? Date.parse(`${next.asOf}T00:00:00Z`) : Infinity);
      const lastDay = dayOf(endMs - 1);
      if ((w.since && lastDay < w.since) || s.asOf >= w.until || s.asOf >= w.today) continue;
      if (snapshots.some((x, j) => j > i && x.asOf === s.asOf)) continue;
      const station = await stationIn(db, rules, s);
      if (!station.listed) continue;
      const report = await conjunctionReport(db, rules, { primaries: [STATION_NORAD], asOf: s.asOf, days: DEFAULT_DAYS, thresholdKm: DEFAULT_THRESHOLD_KM }, run);
      if (report.snapshot.id !== s.id) continue;
      const { country } = station;
      for (const e of report.events) {
        if (Date.parse(e.tca) >= endMs || e.tca.slice(0, 10) >= w.today || !isCrossingApproach(e)) continue;
        const c = closeApproachChange(e, s, recorded.get(s.id) ?? '', country);
        if (inWindow(c.day)) out.push(c);
      }
    }
  }
  if (w.wants('maneuver') && (!w.country || w.country === MANEUVER_FEED_COUNTRY)) {
    const report = await maneuverReport(db, rules, { country: MANEUVER_FEED_COUNTRY });
    // An element set is recorded with the snapshot that first brought it.
    const recordedOf = new Map(report.snapshots.map((s) => [s.sourceId, recorded.get(s.id) ?? '']));
    for (const { lead, with: flyingWith } of groupSharedElementSets(report.detections)) {
      const c = maneuverChange(lead, report.referenceInstant, recordedOf.get(lead.after.sourceId) ?? '', MANEUVER_FEED_COUNTRY, flyingWith);
      if (inWindow(c.day)) out.push(c);
    }
  }
  return w.country ? out.filter((c) => c.country === w.country) : out;
}

/**
 * Whether the snapshot lists the station, and the station's country by the rules: a small entry per snapshot, so the
 * feed does not keep (or re-read) every snapshot's objects to ask. Valid until that snapshot is written again or the
 * data its objects are read with change (SNAPSHOT_OBJECT_INPUTS).
 */
function stationIn(db: Kysely<Database>, rules: Rules, s: SnapshotInfo): Promise<{ listed: boolean; country: string | null }> {
  return memo(db, `station-in:${s.id}:${rulesVersion(rules)}`, async () => {
    if (!(await cachedSnapshotObjects(db, s.id)).some((o) => o.noradId === STATION_NORAD)) return { listed: false, country: null };
    return { listed: true, country: (await cachedClassified(db, rules, s.id)).find((o) => o.noradId === STATION_NORAD)?.country ?? null };
  }, { dependsOn: SNAPSHOT_OBJECT_INPUTS, snapshots: [s.id], small: true, persist: true });
}

async function leftCatalog(db: Kysely<Database>, rules: Rules, last: SnapshotInfo, absent: SnapshotInfo, recordedAt: string): Promise<WorldChange[]> {
  const leaving = await leavingWatch(db, rules, last, absent);
  // Absent from the next snapshot and every later one: the newest snapshot listing it is `last` (or older, for a duplicate date).
  const lastListed = await lastListedOn(db, leaving.map((c) => c.noradId));
  return leaving.filter((c) => (lastListed.get(c.noradId) ?? '') <= last.asOf).map((c) => leftCatalogChange(c, last, absent, recordedAt));
}

/**
 * The candidates of `last`'s reentry watch that `absent` (the next snapshot) no longer lists: a small entry per pair of
 * snapshots, valid until either is written again or the data the objects are read with change. Which objects are
 * candidates, and the fields the change's text uses (the element set of `last`, the modelled reentry, country and kind),
 * come from `last` alone; the candidates' history fields (the previous element set) are as they were when computed.
 * The objects that come back in a later snapshot are left out by the caller, on every read.
 */
function leavingWatch(db: Kysely<Database>, rules: Rules, last: SnapshotInfo, absent: SnapshotInfo): Promise<ReentryCandidate[]> {
  return memo(db, `leaving-watch:${last.id}:${absent.id}:${rulesVersion(rules)}:${DEFAULT_REENTRY_DAYS}`, async () => {
    const watch = await cachedWatch(db, rules, last, DEFAULT_REENTRY_DAYS);
    const listed = new Set((await cachedSnapshotObjects(db, absent.id)).map((o) => o.noradId));
    return watch.candidates.filter((c) => !listed.has(c.noradId));
  }, { dependsOn: SNAPSHOT_OBJECT_INPUTS, snapshots: [last.id, absent.id], small: true, persist: true });
}
