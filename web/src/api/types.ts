/**
 * The shapes of the API's JSON documents that the dashboard reads (see /api/v1/openapi.json).
 * Only the fields the pages use are declared, except the typed routes whose types are generated.
 */
import type { JsonBody } from './contract.ts';

export interface ApiErrorBody { error: { status: number; code: string; message: string; details?: unknown } }

export interface EntitySummary { id: string; kind: string; caption: string }
/** /api/v1/search: why a result matched (see the OpenAPI schema for the meaning of each field). */
export interface SearchMatch { how: 'exact' | 'prefix' | 'substring' | 'fuzzy' | 'related' | 'description'; text: string; property: string; similarity: number | null; via?: { id: string; caption: string } }
export interface SearchItem extends EntitySummary { match: SearchMatch }
export interface SearchResult { query: string; normalized: string; items: SearchItem[]; total: number }
export interface EntityList { total: number; items: EntitySummary[]; next?: string | null }

export type StatementStatus = 'confirmed' | 'reported' | 'unverified' | 'superseded';

export interface Statement {
  id: string;
  value: string;
  originalValue: string | null;
  sourceId: string;
  locator: string | null;
  asOf: string | null;
  status: StatementStatus;
  qualifier: string | null;
  note: string | null;
  origin: string;
  firstSeen: string;
  lastSeen: string;
  /** For entity-valued properties: the referenced entity's name (null when it no longer exists). */
  valueCaption?: string | null;
  /** For a statement written by an approved proposal: who proposed and who approved it, and when. */
  editors?: { proposalId: number; proposer: string; approver: string; approvedAt: string };
}

export interface PropertyView {
  property: string;
  label: string;
  type: string;
  multiple: boolean;
  preferred: Statement[];
  statements: Statement[];
  conflict: boolean;
}

export interface SourceView {
  id: string;
  kind: string;
  title: string;
  url: string | null;
  publisher: string | null;
  published: string | null;
  licence: string | null;
  citation: string | null;
  partOf: string | null;
  referenceNumber: string | null;
}

export interface EntityDetail extends EntitySummary {
  firstSeen: string;
  lastSeen: string;
  properties: PropertyView[];
  sources: SourceView[];
  referencedBy: (EntitySummary & { property: string })[];
  /** For an entity with a NORAD number: its newest element set and its orbit history link. */
  catalog?: EntityCatalog | null;
}

export interface LatestElements {
  epoch: string; objectName: string; objectId: string | null; meanMotion: number; eccentricity: number; inclination: number;
  raan: number; argOfPericenter: number; meanAnomaly: number; bstar: number; meanMotionDot: number; meanMotionDdot: number;
  elementSetNo: number; revAtEpoch: number; sourceId: string;
}
export interface EntityCatalog {
  noradId: number; noradSource: { sourceId: string; locator: string | null }; cosparId: string | null;
  latest: LatestElements | null; elementSetCount: number; history: string | null; definition: string;
}

export interface StoreStatus {
  totals: { sources: number; entities: number; statements: number; series: number; points: number };
  entitiesByKind: { kind: string; entities: number }[];
  origins: {
    origin: string; lastRun: string | null; lastSuccess: string | null; lastStatus: string | null; lastError: string | null; dataAsOf: string | null; sourceId: string | null;
    runs: number; failures: number;
    /** The newest failed or refused run: which check refused the file, why, and where it is kept. */
    lastFailure: { at: string; runId: number; check: string | null; reason: string | null; quarantined: string | null } | null;
  }[];
}

/** The analytics and catalog routes: their types come from the OpenAPI document (src/api/response-types.ts on the server). */
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

/** An entity as a row of preferred, cited values (/goals, /risks, /recommendations). */
export interface Cited { value: string; sourceId: string; locator: string | null; qualifier: string | null; status: string; asOf: string | null }
export interface EntityRow { id: string; kind: string; caption: string; values: Record<string, Cited[]>; conflicts: Record<string, Cited[]> }
export interface EntityRowList { total: number; items: EntityRow[] }
export interface GoalJudgement { status: string; sourcedStatus: string; deadline: string | null; overdueSince: string | null; asOf: string }
export interface GoalRow extends EntityRow { judged: GoalJudgement }
export interface GoalList { total: number; items: GoalRow[]; tracker: ({ segment: string } & Record<string, number | string>)[]; asOf: string; definition: string }

export interface SeriesPoint { period: string; value: number; originalValue: string | null; sourceId: string; locator: string | null; status: string; qualifier: string | null; note: string | null }
export interface Series { id: string; title: string; unit: string; description: string | null; dimensions: Record<string, string>; sourceId: string; locator: string | null; points: SeriesPoint[] }

export interface TimelineSource { sourceId: string; locator: string | null; status: string }
/** One dated event (entity, property, date) with every source that gives that date; otherDates: the dates other sources give. */
export interface TimelineItem { date: string; entityId: string; kind: string; caption: string; property: string; label: string; segments: string[]; sources: TimelineSource[]; otherDates: string[] }

/** /tables/{kind}: a kind as a faceted table; each cell value keeps its sources. */
export interface TableCellValue { value: string; text: string; sources: { id: string; locator: string | null }[]; status: string; qualifier: string | null; conflict: boolean }
export interface TableColumn { id: string; label: string; type: string; doc: string | null; values: string[] | null }
export interface TableFacet { column: string; label: string; values: { value: string; text: string; count: number }[]; missing: number }
export interface EntityTable {
  kind: string;
  columns: TableColumn[];
  availableColumns: { id: string; label: string; facet: boolean }[];
  rows: { id: string; name: string; cells: Record<string, TableCellValue[]> }[];
  facets: TableFacet[];
  total: number;
  totalUnfiltered: number;
  query: { filters: Record<string, string>; q: string | null; sort: string; columns: string[]; facets: string[] };
  definitions: string[];
}
