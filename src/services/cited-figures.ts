/**
 * What a chart or map page draws on, for citing it: its title, the (source, locator) pairs
 * behind its numbers (from the same analytics and queries the page's API calls use) and the
 * date its data describe. Names follow the web app's routes (#/chart/:name, #/map/:name).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { listSeries, type SeriesView } from '../store/queries/sources-series.js';
import { sourcePairs } from '../store/queries/cited-sources.js';
import { storeStatus } from '../store/queries/status.js';
import { entityRows } from '../store/queries/entity-table.js';
import { inFramework } from '../analytics/places.js';
import { constellationsAnalytic, launchesAnalytic, spacecraftAnalytic } from './analytics.js';
import { REPORT_FIGURE, REPORT_SOURCE_ID } from '../model/report-figures.js';
import { fundingPageSeries } from '../model/funding-charts.js';
import type { Pair } from './cited-sources.js';

/** A view's data date: a snapshot's or coverage's date, or (curated data) the newest publication date of the sources it cites. */
export type DataDate = { asOf: string | null; asOfBasis: string } | { bySources: true };
export const BY_SOURCES = { bySources: true } as const;

export type FigureCitation = { title: string; pairs: Pair[] } & DataDate;

const figure = (n: number): Pair => ({ sourceId: REPORT_SOURCE_ID, locator: REPORT_FIGURE[n]! });
const points = (series: SeriesView[]): Pair[] => series.flatMap((s) => s.points.map((p) => ({ sourceId: p.sourceId, locator: p.locator ?? s.locator })));
const DATE_PERIOD = /^\d{4}(?:-\d{2}){0,2}$/;
/** The latest period of the series that is a date (a poll's periods are its answers, not dates). */
const latestPeriod = (series: SeriesView[]) => series.flatMap((s) => s.points.map((p) => p.period)).filter((p) => DATE_PERIOD.test(p)).sort().at(-1) ?? null;
const year = (raw: string | null) => (raw && /^\d{4}$/.test(raw) ? Number(raw) : undefined);

type Build = (db: Kysely<Database>, rules: Rules, query: URLSearchParams) => Promise<FigureCitation>;

export const CHART_CITATIONS: Record<string, Build> = {
  async launches(db, rules, query) {
    const f = await launchesAnalytic(db, rules, { fromYear: year(query.get('from')), country: query.get('country') ?? undefined });
    return {
      title: f.title,
      pairs: [...f.coverage.sources.map((sourceId) => ({ sourceId, locator: null })), ...f.afterCoverage.map((a) => ({ sourceId: a.source, locator: null })), figure(7)],
      asOf: f.coverage.to, asOfBasis: 'end of the launch log\'s coverage',
    };
  },
  async spacecraft(db, rules, query) {
    const f = await spacecraftAnalytic(db, rules, { country: query.get('country') ?? undefined });
    return {
      title: f.title,
      pairs: [{ sourceId: f.snapshot.sourceId, locator: null }, ...f.sources.map((sourceId) => ({ sourceId, locator: null })), figure(8)],
      asOf: f.snapshot.asOf, asOfBasis: 'date of the orbital-elements snapshot',
    };
  },
  async constellations(db, rules) {
    const c = await constellationsAnalytic(db, rules);
    return {
      title: 'Constellations: satellites in orbit against planned sizes',
      pairs: [
        ...c.snapshots.filter((s) => s.asOf === c.asOf).map((s) => ({ sourceId: s.sourceId, locator: null })),
        ...c.constellations.flatMap((k) => [...(k.planned ? [{ sourceId: k.planned.sourceId, locator: k.planned.locator }] : []), ...k.reported.map((r) => ({ sourceId: r.sourceId, locator: r.locator }))]),
      ],
      asOf: c.asOf, asOfBasis: 'date of the orbital-elements snapshot',
    };
  },
  async funding(db) {
    // Exactly the series the page's three charts draw (segment rows, investor rows, government vs commercial), each with its own reference.
    const series = fundingPageSeries(await listSeries(db, {}));
    return { title: 'Funding: government expenditure and commercial investment', pairs: [...points(series), figure(2)], ...seriesDate(series) };
  },
  async polls(db) {
    const series = (await listSeries(db, {})).filter((s) => s.id.startsWith('poll.'));
    return { title: 'Public polls', pairs: [...points(series), figure(4)], ...seriesDate(series) };
  },
  async goals(db) {
    return { title: 'Goal tracker', pairs: await sourcePairs(db, { kinds: ['Goal'] }), ...BY_SOURCES };
  },
};

/** Layers of the reach map (web/src/views/reach-map-view.ts): the report figure each recomputes, and what it is drawn from. */
const REACH_LAYERS: Record<string, { label: string; figure?: number; kinds?: string[]; frameworks?: string[]; feeds?: string[] }> = {
  'ilrs-artemis': { label: 'ILRS vs Artemis Accords', figure: 10, frameworks: ['program.ilrs', 'program.artemis-accords'] },
  'space-silk-road': { label: 'Space Silk Road', figure: 6, frameworks: ['program.space-silk-road'] },
  apsco: { label: 'APSCO members', frameworks: ['org.apsco'] },
  bri: { label: 'Belt and Road (space investments)', frameworks: ['program.bri'] },
  'overseas-stations': { label: 'Chinese tracking and ground stations abroad', figure: 5, kinds: ['Facility'] },
  'chinese-built-satellite-buyers': { label: 'Bought a Chinese-built satellite', figure: 5, feeds: ['ingest:ucs'] },
  'launched-on-chinese-rockets': { label: 'Launched on Chinese rockets', feeds: ['ingest:gcat-launchlog'] },
};

export const MAP_CITATIONS: Record<string, Build> = {
  async hubs(db) {
    return { title: 'Activity hubs (Figure 3)', pairs: [figure(3), ...(await sourcePairs(db, { kinds: ['Hub'] }))], ...BY_SOURCES };
  },
  async reach(db, _rules, query) {
    const id = query.get('layer') ?? 'ilrs-artemis';
    const layer = REACH_LAYERS[id] ?? REACH_LAYERS['ilrs-artemis']!;
    const status = layer.feeds ? await storeStatus(db) : null;
    const feeds = status?.origins.filter((o) => layer.feeds!.includes(o.origin) && o.sourceId).map((o) => ({ sourceId: o.sourceId!, locator: null })) ?? [];
    return {
      title: `International reach: ${layer.label}`,
      pairs: [
        ...(layer.figure ? [figure(layer.figure)] : []),
        ...(layer.kinds ? await sourcePairs(db, { kinds: layer.kinds }) : []),
        ...(layer.frameworks ? await sourcePairs(db, { entityIds: await agreementsOf(db, layer.frameworks) }) : []),
        ...feeds,
      ],
      ...BY_SOURCES,
    };
  },
};

/** The agreements within these frameworks: the layer's own, whose sources it cites (not every agreement's). */
async function agreementsOf(db: Kysely<Database>, frameworks: readonly string[]): Promise<string[]> {
  return (await entityRows(db, 'Agreement')).filter((a) => frameworks.some((f) => inFramework(a, f))).map((a) => a.id);
}

/** The latest dated period of the series, or else the newest publication date of its sources. */
function seriesDate(series: SeriesView[]): DataDate {
  const latest = latestPeriod(series);
  return latest ? { asOf: latest, asOfBasis: 'latest period of the series' } : BY_SOURCES;
}

/** The newest date any feed's data describe (the latest snapshot in the store). */
export async function newestFeedDate(db: Kysely<Database>): Promise<{ asOf: string | null; asOfBasis: string }> {
  const dates = (await storeStatus(db)).origins.map((o) => o.dataAsOf).filter((d): d is string => !!d).sort();
  return { asOf: dates.at(-1)?.slice(0, 10) ?? null, asOfBasis: 'newest data in the store' };
}
