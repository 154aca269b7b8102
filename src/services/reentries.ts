/**
 * The reentry watch of a stored GP snapshot (the newest on or before asOf): decaying objects with
 * their modelled reentry windows, each naming the element sets used; and, when the store holds an
 * earlier snapshot, the backtest of the model from that snapshot's element sets against this one.
 * Memoised per snapshot, rules and parameters. With the default horizon, the watch and the backtest are
 * also kept in the store (data-cache.ts), each once: the report is put together from them in memory, so a
 * restart reads both instead of computing them, and the candidates are not stored a second time.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import type { ReentryInput, ReentryWatch } from '../analytics/reentry/types.js';
import { modelledReentryMs, reentryWatch } from '../analytics/reentry/watch.js';
import { reentryBacktest, type ReentryBacktest } from '../analytics/reentry/backtest.js';
import { elementSetsOf, satcatRcs } from '../store/queries/reentry-inputs.js';
import {
  cachedClassified, cachedSnapshotObjects, countryParameterProblem, CountryParameterError, rulesVersion, snapshotAt, SNAPSHOT_OBJECT_INPUTS,
} from './analytics.js';
import { memo } from './data-cache.js';

export const DEFAULT_REENTRY_DAYS = 90;
export const MAX_REENTRY_DAYS = 730;

export interface ReentryQuery { country?: string; days?: number; asOf?: string }

export interface ReentryReport extends ReentryWatch {
  /** The catalog snapshot whose element sets were read. */
  snapshot: SnapshotInfo;
  /** Only candidates attributed to this country, when given. */
  country: string | null;
  /** The model run on the snapshot before this one, checked against this one; null with a single snapshot. */
  backtest: (ReentryBacktest & { earlier: SnapshotInfo; later: SnapshotInfo }) | null;
}

/** A parameter out of range (the caller's mistake), naming it. */
export class ReentryParameterError extends Error {
  constructor(readonly parameter: 'days', message: string) { super(message); }
}

export async function reentryReport(db: Kysely<Database>, rules: Rules, q: ReentryQuery): Promise<ReentryReport> {
  const days = q.days ?? DEFAULT_REENTRY_DAYS;
  if (!(days > 0 && days <= MAX_REENTRY_DAYS)) throw new ReentryParameterError('days', `days must be in (0, ${MAX_REENTRY_DAYS}], got ${days}`);
  const problem = countryParameterProblem(rules, q.country);
  if (problem) throw new CountryParameterError(problem);
  const { snapshot, all } = await snapshotAt(db, q.asOf);
  const full = await memo(db, `reentries:${snapshot.id}:${rulesVersion(rules)}:${days}`, async () => {
    const watch = await cachedWatch(db, rules, snapshot, days);
    const earlier = all.filter((s) => s.id !== snapshot.id && s.asOf < snapshot.asOf).at(-1);
    return { ...watch, snapshot, backtest: earlier ? { ...await cachedBacktest(db, rules, earlier, snapshot), earlier, later: snapshot } : null };
  });
  if (!q.country) return { ...full, country: null };
  const candidates = full.candidates.filter((c) => c.country === q.country);
  return { ...full, country: q.country, candidates, counts: { ...full.counts, candidates: candidates.length,
    chineseRocketBodies: candidates.filter((c) => c.chineseRocketBody).length, large: candidates.filter((c) => c.sizeClass === 'large').length,
    sizeUnknown: candidates.filter((c) => c.sizeClass === 'unknown').length } };
}

/** The watch of one snapshot over a horizon, memoised per snapshot, rules and horizon; kept in the store for the default horizon. */
export function cachedWatch(db: Kysely<Database>, rules: Rules, snapshot: SnapshotInfo, days: number): Promise<ReentryWatch> {
  return memo(db, `reentry-watch:${snapshot.id}:${rulesVersion(rules)}:${days}`, () => watchOf(db, rules, snapshot, days), { persist: days === DEFAULT_REENTRY_DAYS });
}

async function watchOf(db: Kysely<Database>, rules: Rules, snapshot: SnapshotInfo, days: number): Promise<ReentryWatch> {
  const objects = await cachedSnapshotObjects(db, snapshot.id);
  const classified = new Map((await cachedClassified(db, rules, snapshot.id)).map((c) => [c.noradId, c]));
  const endMs = Date.parse(`${snapshot.asOf}T00:00:00Z`) + days * 86_400_000;
  // Only objects the model puts inside the horizon need their history and RCS read (past it, the model's time is not needed).
  const modelledMs = objects.map((o) => (o.meanMotionDot > 0 ? modelledReentryMs(o, endMs) : null));
  const near = objects.filter((_o, i) => { const t = modelledMs[i]; return t !== null && t !== undefined && t <= endMs; });
  const ids = near.map((o) => o.noradId);
  const [history, rcs] = await Promise.all([elementSetsOf(db, ids), satcatRcs(db, ids)]);
  const byObject = new Map<number, typeof history>();
  for (const h of history) (byObject.get(h.noradId) ?? byObject.set(h.noradId, []).get(h.noradId)!).push(h);
  const inputs: ReentryInput[] = near.map((o) => {
    const previous = (byObject.get(o.noradId) ?? []).filter((h) => h.epoch < o.epoch).at(-1);
    const c = classified.get(o.noradId);
    return {
      noradId: o.noradId, objectName: o.objectName, objectId: o.objectId, epoch: o.epoch, meanMotion: o.meanMotion, eccentricity: o.eccentricity,
      meanMotionDot: o.meanMotionDot, bstar: o.bstar, elementSourceId: o.elementSourceId,
      country: c?.country ?? null, kind: c?.kind ?? 'unknown', rcsM2: rcs.get(o.noradId) ?? null,
      previous: previous ? { epoch: previous.epoch, meanMotion: previous.meanMotion, elementSourceId: previous.sourceId } : null,
    };
  });
  const watch = reentryWatch(inputs, snapshot.asOf, days);
  // The counts of decaying and modelled objects are over the whole snapshot, not the prefiltered list.
  const decaying = objects.filter((o) => o.meanMotionDot > 0).length;
  const modelled = modelledMs.filter((t) => t !== null).length;
  return { ...watch, counts: { ...watch.counts, objects: objects.length, decaying, modelled } };
}

/**
 * The backtest of one pair of snapshots (a few numbers), memoised per pair and rules and kept in the store,
 * valid until either snapshot is written again or the data its objects are read with change.
 */
function cachedBacktest(db: Kysely<Database>, rules: Rules, earlier: SnapshotInfo, later: SnapshotInfo): Promise<ReentryBacktest> {
  return memo(db, `reentry-backtest:${earlier.id}:${later.id}:${rulesVersion(rules)}`, () => backtestOf(db, rules, earlier, later),
    { dependsOn: SNAPSHOT_OBJECT_INPUTS, snapshots: [earlier.id, later.id], small: true, persist: true });
}

async function backtestOf(db: Kysely<Database>, rules: Rules, earlier: SnapshotInfo, later: SnapshotInfo): Promise<ReentryBacktest> {
  const kinds = new Map((await cachedClassified(db, rules, earlier.id)).map((c) => [c.noradId, c.kind]));
  const before = (await cachedSnapshotObjects(db, earlier.id)).map((o) => ({ ...o, kind: kinds.get(o.noradId) ?? 'unknown' as const }));
  const laterIds = new Set((await cachedSnapshotObjects(db, later.id)).map((o) => o.noradId));
  return reentryBacktest(before, laterIds, later.asOf);
}
