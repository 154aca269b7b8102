/** The analytics as services: query the store, read the rules, compute. The API and the CLI both call these. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { readRulesCached } from '../ingest/rules/read-rules-cached.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { allLaunches, catalogRecords, listSnapshots, snapshotObjects } from '../store/queries/catalog.js';
import { statementsOfKind } from '../store/queries/entities.js';
import { byPreference, type Statement } from '../model/statement.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import { figure7, type FailedToOrbit, type Figure7 } from '../analytics/launches.js';
import { ATTRIBUTION_FEEDS, classifyObjects, figure8, type AttributionCatalog, type Figure8 } from '../analytics/spacecraft.js';
import { constellationProgress, type ConstellationProgress, type SourcedValue } from '../analytics/constellations.js';
import { catalogReview, type CatalogReview, type ReportedCount } from '../analytics/constellation-catalog.js';
import { tiangongNow, type TiangongNow } from '../analytics/tiangong.js';
import { stationVisits, type StationVisits } from '../analytics/station-visits.js';
import { launchPayloadsByLvState } from '../store/queries/launch-payloads.js';
import { memo } from './data-cache.js';
import { countryVocabulary, countryKeyProblem, type CountryVocabulary } from '../model/country-codes.js';
import type { ClassifiedObject } from '../analytics/spacecraft.js';
import type { SnapshotObject, LaunchRecord, LaunchPayload } from '../model/catalog-records.js';

export class AnalyticsError extends Error {}
/** A country parameter that is not an ISO 3166-1 alpha-2 code or a named group (the caller's mistake, not missing data). */
export class CountryParameterError extends Error {}

/**
 * The rules of a folder, parsed once and again only when a rules file changes (readRulesCached):
 * the same object while the files stay the same, so caches can key on rulesVersion(rules).
 */
export function loadRules(dir: string): Rules {
  const r = readRulesCached(dir);
  if (!r.ok) throw new AnalyticsError(`the rules in ${dir} do not validate:\n${r.errors.map(formatValidationError).join('\n')}`);
  return r.rules;
}

/** A number naming one rules object (a cache key part), in place of serialising the whole rules. */
const versions = new WeakMap<Rules, number>();
let lastVersion = 0;
export function rulesVersion(rules: Rules): number {
  return versions.get(rules) ?? versions.set(rules, ++lastVersion).get(rules)!;
}

/** The country vocabulary of the rules (ISO 3166-1 alpha-2 and named groups), built once per rules object. */
const vocabularies = new WeakMap<Rules, CountryVocabulary>();
export function vocabularyOf(rules: Rules): CountryVocabulary {
  return vocabularies.get(rules) ?? vocabularies.set(rules, countryVocabulary(rules.countryCodes)).get(rules)!;
}

/** Why `country` is not a country key of the answers (ISO 3166-1 alpha-2 or a named group), or null. */
export function countryParameterProblem(rules: Rules, country: string | undefined): string | null {
  return country === undefined ? null : countryKeyProblem(vocabularyOf(rules), country);
}

/** The source and as-of date of the newest successful ingest of a feed (its data's date), or null. */
export async function feedSource(db: Kysely<Database>, feed: string): Promise<{ sourceId: string; asOf: string } | null> {
  const runs = await db.selectFrom('runs').select('detail').where('origin', '=', `ingest:${feed}`).where('status', '=', 'succeeded').orderBy('id', 'desc').execute();
  for (const r of runs) {
    const { asOf, sourceId } = (r.detail as { asOf?: string; sourceId?: string } | null) ?? {};
    if (asOf && sourceId) return { sourceId, asOf };
  }
  return null;
}

/** The as-of date of the newest successful ingest of a feed (its data's date), or null. */
export async function feedAsOf(db: Kysely<Database>, feed: string): Promise<string | null> {
  return (await feedSource(db, feed))?.asOf ?? null;
}

/** The owner catalogs the attribution reads besides the GP snapshot, as last ingested (none before their first ingest). */
export async function attributionCatalogs(db: Kysely<Database>): Promise<AttributionCatalog[]> {
  const catalogs: AttributionCatalog[] = [];
  for (const [feed, title] of ATTRIBUTION_FEEDS) {
    const source = await feedSource(db, feed);
    if (source) catalogs.push({ title, ...source });
  }
  return catalogs;
}

/**
 * One failed launch per launch tag from the failed-to-orbit catalog. Its country is the
 * state of its rocket-stage rows (the launch vehicle's state, as in Figure 7), not of the payloads it carried.
 */
export function failedLaunches(records: { data: Record<string, unknown>; sourceId: string }[]): FailedToOrbit[] {
  type Row = { launchTag: string; launchDate: { iso: string }; state: string | null; name: string | null; satType: string | null };
  const byTag = new Map<string, { rows: Row[]; sourceId: string }>();
  for (const r of records) {
    const d = r.data as Row;
    (byTag.get(d.launchTag) ?? byTag.set(d.launchTag, { rows: [], sourceId: r.sourceId }).get(d.launchTag)!).rows.push(d);
  }
  return [...byTag.entries()].map(([launchTag, { rows, sourceId }]) => {
    const stage = rows.find((x) => x.satType?.trim().startsWith('R')) ?? rows[0]!;
    return { launchTag, launchDate: stage.launchDate.iso, year: Number(stage.launchDate.iso.slice(0, 4)), state: stage.state, name: stage.name, sourceId };
  });
}

/**
 * What a stored snapshot's objects are read with besides the snapshot itself: the SATCAT, launch-log and
 * UCS rows joined to them (snapshotObjects), and an import that replaces everything. A snapshot changes only
 * when it is written again (its last_seen: the caches' `snapshots` option): a second live download on the same day has
 * the same snapshot id and may list objects the first did not. So a new GP snapshot leaves the objects and
 * classifications of the snapshots before it valid: each new snapshot is classified once, alone.
 */
export const SNAPSHOT_OBJECT_INPUTS = ['ingest:celestrak-satcat', 'ingest:gcat-launchlog', 'ingest:ucs', 'import'] as const;

/** A snapshot's objects, and the same classified by the rules, memoised until their inputs, the snapshot or the rules change. */
export function cachedSnapshotObjects(db: Kysely<Database>, snapshotId: string): Promise<SnapshotObject[]> {
  return memo(db, `objects:${snapshotId}`, () => snapshotObjects(db, snapshotId), { dependsOn: SNAPSHOT_OBJECT_INPUTS, snapshots: [snapshotId] });
}
export function cachedClassified(db: Kysely<Database>, rules: Rules, snapshotId: string): Promise<ClassifiedObject[]> {
  return memo(db, `classified:${snapshotId}:${rulesVersion(rules)}`, async () => classifyObjects(await cachedSnapshotObjects(db, snapshotId), rules.objectNameRules, vocabularyOf(rules)),
    { dependsOn: SNAPSHOT_OBJECT_INPUTS, snapshots: [snapshotId] });
}
/** The launch-log objects of a launching state's vehicles, memoised until the data change. */
export function cachedPayloadsOn(db: Kysely<Database>, lvState: string): Promise<LaunchPayload[]> {
  return memo(db, `payloads-on:${lvState}`, () => launchPayloadsByLvState(db, lvState));
}
export function cachedLaunches(db: Kysely<Database>): Promise<LaunchRecord[]> {
  return memo(db, 'launches', () => allLaunches(db));
}

/** Where the launch data end: the launch log's as-of date, else its last launch; null without launches. */
export async function launchCoverageEnd(db: Kysely<Database>, launches: readonly LaunchRecord[]): Promise<string | null> {
  return (await feedAsOf(db, 'gcat-launchlog')) ?? launches.at(-1)?.launchDate.slice(0, 10) ?? null;
}

export async function launchesAnalytic(db: Kysely<Database>, rules: Rules, opts: { country?: string; fromYear?: number; asOf?: string } = {}): Promise<Figure7> {
  const problem = countryParameterProblem(rules, opts.country);
  if (problem) throw new CountryParameterError(problem);
  const launches = await cachedLaunches(db);
  if (launches.length === 0) throw new AnalyticsError('no launch data: ingest gcat-launchlog first');
  const coverageEnd = (await launchCoverageEnd(db, launches))!;
  const fto = failedLaunches(await catalogRecords(db, 'gcat-ftocat'));
  const groups = rules.launchProviderRules.flatMap((r) => (r.stateGroup ? [r.provider, r.stateGroup.parent] : []));
  const captions = groups.length
    ? new Map((await db.selectFrom('entities').select(['id', 'caption']).where('id', 'in', groups).execute()).map((e) => [e.id, e.caption]))
    : new Map<string, string>();
  return figure7(launches, fto, rules.launchProviderRules, vocabularyOf(rules), coverageEnd, { ...opts, names: (id) => captions.get(id) ?? id });
}

export async function snapshotAt(db: Kysely<Database>, asOf?: string): Promise<{ snapshot: SnapshotInfo; all: SnapshotInfo[] }> {
  const all = await listSnapshots(db);
  const eligible = asOf ? all.filter((s) => s.asOf <= asOf) : all;
  const snapshot = eligible.at(-1);
  if (!snapshot) throw new AnalyticsError(asOf ? `no GP snapshot on or before ${asOf} (snapshots: ${all.map((s) => s.asOf).join(', ') || 'none'})` : 'no GP snapshot: ingest celestrak-gp first');
  return { snapshot, all: eligible };
}

export async function spacecraftAnalytic(db: Kysely<Database>, rules: Rules, opts: { country?: string; asOf?: string; objects?: boolean } = {}): Promise<Figure8> {
  const country = opts.country ?? 'CN';
  const problem = countryParameterProblem(rules, country);
  if (problem) throw new CountryParameterError(problem);
  const { snapshot } = await snapshotAt(db, opts.asOf);
  const classified = await cachedClassified(db, rules, snapshot.id);
  return figure8(classified, snapshot, await attributionCatalogs(db), { country, withObjects: opts.objects ?? false, countryName: vocabularyOf(rules).nameOf(country) });
}

const sourced = (s: Statement): SourcedValue => ({ value: Number(s.value), qualifier: s.qualifier, sourceId: s.sourceId, locator: s.locator, asOf: s.asOf });

const reportedCount = (s: Statement): ReportedCount => ({ ...sourced(s), status: s.status, original: s.originalValue, note: s.note });

export type ConstellationReport = ConstellationProgress & Omit<CatalogReview, 'nameWords'> & {
  countingRules: { id: string; pattern: string; status: string; cite: { source: string; locator?: string } }[];
  /** The words near misses are looked for with (from the names, aliases and rule patterns). */
  nearMissWords: string[];
};

/** The analytic for the snapshot on or before asOf: cached per snapshot (every asOf mapping to one snapshot shares one entry), kept in the store. */
export async function constellationsAnalytic(db: Kysely<Database>, rules: Rules, opts: { asOf?: string } = {}): Promise<{ asOf: string; snapshots: SnapshotInfo[]; constellations: ConstellationReport[]; note: string }> {
  const { snapshot, all } = await snapshotAt(db, opts.asOf);
  return memo(db, `constellations:${snapshot.id}:${rulesVersion(rules)}`, () => computeConstellations(db, rules, snapshot, all), { persist: true });
}

/**
 * Payloads per program in one snapshot (a small entry, so the per-snapshot series need not keep every classified snapshot),
 * kept in the store too: a restarted server does not classify every stored snapshot again.
 */
function programPayloadCounts(db: Kysely<Database>, rules: Rules, snapshotId: string): Promise<Map<string, number>> {
  return memo(db, `program-payloads:${snapshotId}:${rulesVersion(rules)}`, async () => {
    const counts = new Map<string, number>();
    for (const o of await cachedClassified(db, rules, snapshotId)) if (o.program && o.kind === 'payload') counts.set(o.program, (counts.get(o.program) ?? 0) + 1);
    return counts;
  }, { dependsOn: SNAPSHOT_OBJECT_INPUTS, snapshots: [snapshotId], small: true, persist: true });
}

async function computeConstellations(db: Kysely<Database>, rules: Rules, snapshot: SnapshotInfo, all: SnapshotInfo[]): Promise<{ asOf: string; snapshots: SnapshotInfo[]; constellations: ConstellationReport[]; note: string }> {
  const statements = (await statementsOfKind(db, 'Program', ['programKind', 'plannedSize', 'deployedCount', 'ituFiling', 'alias'])) as unknown as (Statement & { caption: string })[];
  const byProgram = new Map<string, (Statement & { caption: string })[]>();
  for (const s of statements) (byProgram.get(s.entityId) ?? byProgram.set(s.entityId, []).get(s.entityId)!).push(s);
  const tracked = [...byProgram.entries()].filter(([, st]) => st.some((s) => s.property === 'programKind' && s.value === 'constellation') && st.some((s) => s.property === 'plannedSize'));
  const counts = new Map<string, { snapshotId: string; asOf: string; sourceId: string; count: number }[]>();
  for (const snap of all) {
    const perProgram = await programPayloadCounts(db, rules, snap.id);
    for (const [id] of tracked) {
      const count = perProgram.get(id) ?? 0;
      (counts.get(id) ?? counts.set(id, []).get(id)!).push({ snapshotId: snap.id, asOf: snap.asOf, sourceId: snap.sourceId, count });
    }
  }
  const latestClassified = await cachedClassified(db, rules, snapshot.id);
  const constellations = tracked.map(([id, st]) => {
    const of = (p: string) => st.filter((s) => s.property === p).sort(byPreference);
    const filing = of('ituFiling')[0];
    return constellationProgress({
      id, name: st[0]!.caption, planned: of('plannedSize').map((p) => ({ ...sourced(p), note: p.note })), reported: of('deployedCount').map(sourced),
      ituFiling: filing ? { date: filing.value, sourceId: filing.sourceId, locator: filing.locator } : null,
    }, counts.get(id) ?? [], rules.ituMilestones);
  }).map((c) => {
    const st = byProgram.get(c.id)!;
    const { nameWords, ...review } = catalogReview({ id: c.id, names: [c.name, ...st.filter((s) => s.property === 'alias').map((s) => s.value)] }, rules.objectNameRules,
      latestClassified, snapshot, st.filter((s) => s.property === 'deployedCount').sort(byPreference).map(reportedCount));
    return { ...c, ...review, nearMissWords: nameWords, countingRules: rules.objectNameRules.filter((r) => r.program === c.id).map((r) => ({ id: r.id, pattern: r.pattern, status: r.status, cite: r.cite })) };
  }).sort((a, b) => (b.planned?.value ?? 0) - (a.planned?.value ?? 0));
  return {
    asOf: snapshot.asOf, snapshots: all, constellations,
    note: 'Deployed = payloads in each CelesTrak GP "active" snapshot matched to the constellation by the curated object-name rules (data/rules). Planned sizes and reported counts are the sources\' statements. '
      + 'catalog is the latest snapshot\'s count; latestReported is the reported count with the newest date; discrepancy is set when the two disagree (reading the reported qualifier) and lists likely causes; '
      + 'matched lists the counted objects with the rule that matched each; nearMisses lists payloads no rule matches whose names share a distinctive word with the constellation\'s names and rules, or that are named only by designator and share a launch with a matched object.',
  };
}

export type TiangongReport = TiangongNow & { crewAndCargo: StationVisits };

/** The station now (from a GP snapshot) with the crew and cargo launches to it (from the launch log). */
export async function tiangongAnalytic(db: Kysely<Database>, opts: { at?: Date; asOf?: string } = {}): Promise<TiangongReport> {
  const { snapshot } = await snapshotAt(db, opts.asOf);
  const now = tiangongNow(await cachedSnapshotObjects(db, snapshot.id), snapshot, opts.at ?? new Date());
  return { ...now, crewAndCargo: stationVisits(await cachedPayloadsOn(db, 'CN'), await launchCoverageEnd(db, await cachedLaunches(db))) };
}
