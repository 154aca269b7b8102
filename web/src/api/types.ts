/**
 * Names for the API's bodies the dashboard reads. Every one is taken from the types generated from
 * the OpenAPI document (generated/openapi.ts, `npm run gen`), never written by hand, so a change
 * to the server's response types that a page depends on fails the web typecheck.
 */
import type { JsonBody } from './contract.ts';
import type { StatementStatus } from './generated/enums.ts';

export type { StatementStatus };

export type EntityList = JsonBody<'/api/v1/entities'>;
export type EntitySummary = EntityList['items'][number];
export type SearchResult = JsonBody<'/api/v1/search'>;
export type SearchItem = SearchResult['items'][number];
export type SearchMatch = SearchItem['match'];

export type EntityDetail = JsonBody<'/api/v1/entities/{id}'>;
export type PropertyView = EntityDetail['properties'][number];
export type Statement = PropertyView['statements'][number];
export type SourceView = EntityDetail['sources'][number];
export type EntityCatalog = NonNullable<EntityDetail['catalog']>;
export type LatestElements = NonNullable<EntityCatalog['latest']>;

export type SourceList = JsonBody<'/api/v1/sources'>;
export type SourceRow = SourceList['items'][number];

export type StoreStatus = JsonBody<'/api/v1/status'>;

/** The analytics and catalog routes (src/api/response-types.ts on the server). */
export type LaunchesFigure = JsonBody<'/api/v1/analytics/launches'>;
export type OutcomeCounts = LaunchesFigure['chinaVsUnitedStates'][number]['CN'];
export type SpacecraftFigure = JsonBody<'/api/v1/analytics/spacecraft'>;
export type SnapshotInfo = SpacecraftFigure['snapshot'];
export type CatalogObjects = JsonBody<'/api/v1/catalog/objects'>;
export type SpacecraftObject = CatalogObjects['items'][number];
export type ElementHistory = JsonBody<'/api/v1/catalog/objects/{norad}'>;
export type ConstellationsFigure = JsonBody<'/api/v1/analytics/constellations'>;
export type Constellation = ConstellationsFigure['constellations'][number];
export type SourcedValue = Constellation['reported'][number];
export type SnapshotCount = Constellation['deployed'][number];
export type TiangongNow = JsonBody<'/api/v1/analytics/tiangong'>;
export type StationVisits = TiangongNow['crewAndCargo'];
export type StationVisit = StationVisits['visits'][number];

/** Entities as rows of preferred, cited values (/goals, /risks, /recommendations). */
export type EntityRowList = JsonBody<'/api/v1/risks'>;
export type EntityRow = EntityRowList['items'][number];
export type Cited = EntityRow['values'][string][number];
export type GoalList = JsonBody<'/api/v1/goals'>;
export type GoalRow = GoalList['items'][number];
export type GoalJudgement = GoalRow['judged'];

export type SeriesList = JsonBody<'/api/v1/series'>;
export type Series = JsonBody<'/api/v1/series/{id}'>;
export type SeriesPoint = Series['points'][number];

/** One dated event (entity, property, date) with every source that gives that date; otherDates: the conflicting dates other sources give; agreeingDates: the same date at another precision. */
export type TimelineItem = JsonBody<'/api/v1/timeline'>['items'][number];
export type TimelineSource = TimelineItem['sources'][number];

/** /changes: the world view (default) or the record audit (view=records). */
export type ChangePage = JsonBody<'/api/v1/changes'>;
export type WorldPage = Extract<ChangePage, { view: 'world' }>;
export type WorldChange = WorldPage['items'][number];
export type RecordPage = Extract<ChangePage, { view: 'records' }>;
export type Change = RecordPage['items'][number];

/** /cite?format=json: the view cited, its text, BibTeX and CSL-JSON. */
export type CitationJson = JsonBody<'/api/v1/cite'>;

/** /tables/{kind}: a kind as a faceted table; each cell value keeps its sources. */
export type EntityTable = JsonBody<'/api/v1/tables/{kind}'>;
export type TableColumn = EntityTable['columns'][number];
export type TableFacet = EntityTable['facets'][number];
export type TableCellValue = EntityTable['rows'][number]['cells'][string][number];

// Space safety
export type ConjunctionReport = JsonBody<'/api/v1/safety/conjunctions'>;
export type ConjunctionEvent = ConjunctionReport['events'][number];
export type ReentryReport = JsonBody<'/api/v1/safety/reentries'>;
export type ReentryCandidate = ReentryReport['candidates'][number];
export type ReentryBacktest = NonNullable<ReentryReport['backtest']>;
export type ManeuverReport = JsonBody<'/api/v1/safety/maneuvers'>;
export type ManeuverDetection = ManeuverReport['detections'][number];
export type GeoBeltReport = JsonBody<'/api/v1/safety/geo-belt'>;
export type GeoBeltObject = GeoBeltReport['objects'][number];
export type EntitySafety = JsonBody<'/api/v1/entities/{id}/safety'>;
export type SafetyEvent = EntitySafety['events'][number];
