/**
 * The heavy computations the server hands to its analytics worker (analytics-runner.ts): each takes
 * the store, the parsed rules and plain, copyable arguments, and resolves with plain data.
 */
import type { SafetyEventKind } from '../analytics/safety-events.js';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { ExportSetId } from '../analytics/exports.js';
import { constellationsAnalytic, countryParameterProblem, CountryParameterError, launchesAnalytic, spacecraftAnalytic, tiangongAnalytic } from './analytics.js';
import { catalogObjects, type CatalogObjectsQuery } from './catalog-objects.js';
import { indicators } from './indicators.js';
import { exportSet } from './export-sets.js';
import { buildDataPackage, zipFiles } from './datapackage.js';
import { resolveCitation } from './resolve-citation.js';
import { worldChangesPage, type WorldChangeQuery } from './world-changes.js';
import { precomputeAnalytics } from './precompute.js';
import { geoBeltReport, maneuverReport, type ManeuverQuery } from './maneuvers.js';
import { reentryReport, type ReentryQuery } from './reentries.js';
import { conjunctionReport, type ConjunctionQuery } from './conjunctions.js';
import { workerRunner } from './screen-runners.js';
import { watchedChanges } from './editorial/watchlists.js';
import type { Watchlist } from '../store/editorial/watchlists.js';
import { entitySafety } from './entity-safety.js';
import { entityTable } from './entity-tables.js';
import type { KindName } from '../model/kinds.js';
import type { TableViewParams } from '../analytics/table-view.js';

type Db = Kysely<Database>;

export const ANALYTICS_JOBS = {
  launches: (db: Db, rules: Rules, opts: { country?: string; fromYear?: number; asOf?: string }) => launchesAnalytic(db, rules, opts),
  spacecraft: (db: Db, rules: Rules, opts: { country?: string; asOf?: string; objects?: boolean }) => spacecraftAnalytic(db, rules, opts),
  constellations: (db: Db, rules: Rules, opts: { asOf?: string }) => constellationsAnalytic(db, rules, opts),
  tiangong: (db: Db, _rules: Rules, opts: { at?: Date; asOf?: string }) => tiangongAnalytic(db, opts),
  catalogObjects: (db: Db, rules: Rules, q: CatalogObjectsQuery) => catalogObjects(db, rules, q),
  indicators: (db: Db, rules: Rules, _args: Record<string, never>) => indicators(db, rules),
  exportSet: (db: Db, rules: Rules, args: { id: ExportSetId }) => exportSet(db, args.id, rules),
  dataPackageZip: async (db: Db, rules: Rules, _args: Record<string, never>) => zipFiles(await buildDataPackage(db, rules)),
  citation: (db: Db, rules: Rules, a: { url: string; base: string; accessed: string }) => resolveCitation(db, rules, a.url, a.base, a.accessed),
  worldChanges: async (db: Db, rules: Rules, q: WorldChangeQuery) => {
    const problem = countryParameterProblem(rules, q.country);
    if (problem) throw new CountryParameterError(problem);
    return worldChangesPage(db, rules, q);
  },
  reentries: (db: Db, rules: Rules, q: ReentryQuery) => reentryReport(db, rules, q),
  // The primaries are chosen (a country's objects classified) here; the screening itself runs in a worker of its own.
  conjunctions: (db: Db, rules: Rules, q: ConjunctionQuery) => conjunctionReport(db, rules, q, workerRunner()),
  watchedChanges: (db: Db, rules: Rules, a: { watchlist: Watchlist; today: string }) => watchedChanges(db, rules, a.watchlist, a.today),
  /** Why a country code is not one the rules know, or null (a watchlist's filter is checked before it is stored). */
  countryProblem: async (_db: Db, rules: Rules, a: { country: string }) => countryParameterProblem(rules, a.country),
  entitySafety: (db: Db, rules: Rules, a: { id: string; kinds?: SafetyEventKind[] }) => entitySafety(db, rules, a.id, workerRunner(), a.kinds),
  entityTable: (db: Db, _rules: Rules, a: { kind: KindName; params: TableViewParams }) => entityTable(db, a.kind, a.params),
  precompute: (db: Db, rules: Rules, _args: Record<string, never>) => precomputeAnalytics(db, rules),
  maneuvers: (db: Db, rules: Rules, q: ManeuverQuery) => maneuverReport(db, rules, q),
  geoBelt: (db: Db, rules: Rules, q: { country?: string; asOf?: string }) => geoBeltReport(db, rules, q),
};

export type AnalyticsJobs = typeof ANALYTICS_JOBS;
export type JobName = keyof AnalyticsJobs;
export type JobArgs<K extends JobName> = Parameters<AnalyticsJobs[K]>[2];
export type JobResult<K extends JobName> = Awaited<ReturnType<AnalyticsJobs[K]>>;
