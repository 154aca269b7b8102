/** Everything the regenerated report shows, gathered through the same services and queries the API uses. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import type { KindName } from '../model/kinds.js';
import type { EntityRow } from '../model/entity-row.js';
import { entityRows } from '../store/queries/entity-table.js';
import { listSeries, type SeriesView } from '../store/queries/sources-series.js';
import { listChanges, type ChangeItem } from '../store/queries/changes.js';
import { constellationsAnalytic, launchesAnalytic, spacecraftAnalytic, tiangongAnalytic, type ConstellationReport, type TiangongReport } from '../services/analytics.js';
import { indicators, type Indicators } from '../services/indicators.js';
import type { Figure7 } from '../analytics/launches.js';
import type { Figure8 } from '../analytics/spacecraft.js';
import type { SourceInfo } from './citations.js';
import { exportSet } from '../services/export-sets.js';
import { timelineItems, type TimelineItem } from '../store/queries/timeline.js';
import { sourcesInUse } from '../store/queries/sources-in-use.js';
import { BUYERS_SET, LAUNCHED_SET, type ExportSet } from '../analytics/exports.js';
import { conjunctionReport, type ConjunctionReport } from '../services/conjunctions.js';
import { reentryReport, type ReentryReport } from '../services/reentries.js';
import { workerRunner } from '../services/screen-runners.js';
import { maneuverReport, type ManeuverReport } from '../services/maneuvers.js';
import { STATION_NORAD } from '../services/safety-changes.js';

export interface ReportData {
  generatedAt: string;
  indicators: Indicators;
  rows: Record<KindName, EntityRow[]>;
  series: SeriesView[];
  launches: Figure7 | null;
  spacecraft: Figure8 | null;
  constellations: ConstellationReport[];
  /** Figure 5: countries that bought a Chinese-built satellite; and, apart, countries whose satellites China launched. */
  exports: { buyers: ExportSet; launched: ExportSet | null };
  tiangong: TiangongReport | null;
  /** Figure 1: policy documents' issue dates, one item per document and date with all its sources (the API's /timeline). */
  policyTimeline: TimelineItem[];
  sources: Map<string, SourceInfo>;
  /** Ids of the sources some stored row cites (the title page credits the datasets among them). */
  sourcesInUse: Set<string>;
  changes: ChangeItem[] | null;
  since: string | null;
  /** The Space safety watch of the newest GP snapshot: the station's close approaches (7 days, 5 km) and the reentry watch (90 days), maneuvers of China's objects. */
  safety: { conjunctions: ConjunctionReport | null; reentries: ReentryReport | null; maneuvers: ManeuverReport | null };
}

const KINDS: KindName[] = ['Organization', 'Facility', 'Hub', 'LaunchVehicle', 'Program', 'Mission', 'Agreement', 'Investment', 'PolicyDocument', 'Goal', 'Risk', 'Recommendation', 'SpaceObject', 'Event', 'Country'];

async function orNull<T>(f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch {
    return null;
  }
}

export async function gatherReportData(db: Kysely<Database>, rules: Rules, opts: { since?: string; now?: Date } = {}): Promise<ReportData> {
  const rows = {} as Record<KindName, EntityRow[]>;
  for (const k of KINDS) rows[k] = await entityRows(db, k);
  const sources = new Map<string, SourceInfo>();
  for (const s of await db.selectFrom('sources').select(['id', 'kind', 'title', 'url', 'publisher', 'published', 'part_of', 'reference_number', 'authors', 'licence', 'citation']).execute()) {
    sources.set(s.id, {
      id: s.id, kind: s.kind, title: s.title, url: s.url, publisher: s.publisher, published: s.published, partOf: s.part_of, referenceNumber: s.reference_number,
      authors: s.authors ?? [], licence: s.licence, citation: s.citation,
    });
  }
  const constellations = await orNull(() => constellationsAnalytic(db, rules));
  return {
    generatedAt: (opts.now ?? new Date()).toISOString(),
    indicators: await indicators(db, rules),
    rows,
    series: await listSeries(db, {}),
    launches: await orNull(() => launchesAnalytic(db, rules, { fromYear: 2015 })),
    spacecraft: await orNull(() => spacecraftAnalytic(db, rules)),
    constellations: constellations?.constellations ?? [],
    exports: { buyers: await exportSet(db, BUYERS_SET, rules), launched: await orNull(() => exportSet(db, LAUNCHED_SET, rules)) },
    tiangong: await orNull(() => tiangongAnalytic(db, { at: opts.now })),
    policyTimeline: await timelineItems(db, { kinds: ['PolicyDocument'], limit: 5000 }),
    sources,
    sourcesInUse: await sourcesInUse(db),
    changes: opts.since ? await listChanges(db, { since: opts.since, limit: 100_000 }) : null,
    since: opts.since ?? null,
    safety: {
      conjunctions: await orNull(() => conjunctionReport(db, rules, { primaries: [STATION_NORAD], days: 7, thresholdKm: 5 }, workerRunner())),
      reentries: await orNull(() => reentryReport(db, rules, { days: 90 })),
      maneuvers: await orNull(() => maneuverReport(db, rules, { country: 'CN' })),
    },
  };
}
