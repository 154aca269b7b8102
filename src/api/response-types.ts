/**
 * The TypeScript types of the API's typed response bodies: `npm run gen` derives their JSON
 * Schemas (src/api/generated/response-schemas.ts, with ts-json-schema-generator), the routes
 * declare those schemas, and the OpenAPI document and the web app's types follow from them.
 * A route returns a value of its type, so a change to an analytic changes its schema.
 */
import type { Figure7 } from '../analytics/launches.js';
import type { Figure8, ClassifiedObject } from '../analytics/spacecraft.js';
import type { ConstellationReport, TiangongReport } from '../services/analytics.js';
import type { Indicators } from '../services/indicators.js';
import type { SnapshotInfo } from '../model/catalog-records.js';
import type { SetSatellite } from '../analytics/exports.js';
import type { StoreStatus } from '../store/queries/status.js';
import type { SeriesView, SourceRow } from '../store/queries/sources-series.js';
import type { EntityRow } from '../model/entity-row.js';
import type { GoalJudgement, GoalStatus } from '../analytics/goals.js';
import type { TimelineItem } from '../store/queries/timeline.js';
import type { ExportDocument } from '../store/export-import.js';
import type { CslItem } from '../analytics/citation-csl.js';
import type { EntityCatalog } from '../services/entity-catalog.js';
import type { CsvMetadata } from './csv-metadata.js';
import type { ConjunctionReport } from '../services/conjunctions.js';
import type { GeoBeltReport, ManeuverReport } from '../services/maneuvers.js';
import type { ReentryReport } from '../services/reentries.js';
import type { EntitySafety } from '../services/entity-safety.js';

export type LaunchesResponse = Figure7;
export type SpacecraftResponse = Figure8;
export interface ConstellationsResponse { asOf: string; snapshots: SnapshotInfo[]; constellations: ConstellationReport[]; note: string }
export type TiangongResponse = TiangongReport;
export type IndicatorsResponse = Indicators;
export type ConjunctionsResponse = ConjunctionReport;
export type ManeuversResponse = ManeuverReport;
export type GeoBeltResponse = GeoBeltReport;
export type ReentriesResponse = ReentryReport;
export type EntitySafetyResponse = EntitySafety;

export type StatusResponse = StoreStatus;
export type SourceResponse = SourceRow;
export interface SourcesResponse { items: SourceRow[]; next: string | null }
export type SeriesResponse = SeriesView;
export interface SeriesListResponse { items: SeriesView[] }

/** /risks, /recommendations: entities as rows of preferred, cited values. */
export interface EntityRowsResponse { total: number; items: EntityRow[] }
export interface GoalRow extends EntityRow { judged: GoalJudgement }
/** One row of the goal tracker: a segment and how many of its goals stand at each judged status. */
export type GoalTrackerRow = { segment: string } & Record<GoalStatus, number>;
export interface GoalsResponse { total: number; items: GoalRow[]; tracker: GoalTrackerRow[]; asOf: string; definition: string }
export interface TimelineResponse { items: TimelineItem[] }

/** The whole knowledge base as one document (docs/export-format.md). */
export type KnowledgeBaseResponse = ExportDocument;
/** CSL-JSON: an array of one CSL item. */
export type CslItemsResponse = CslItem[];
/** An entity's NORAD number seen in the orbital catalog (/entities/{id}: catalog). */
export type EntityCatalogResponse = EntityCatalog;
/** A CSV's CSVW metadata (?format=csv-metadata). */
export type CsvMetadataResponse = CsvMetadata;

export interface CatalogObjectsResponse { snapshot: SnapshotInfo; total: number; items: ClassifiedObject[] }
export interface ElementHistoryResponse { noradId: number; elementSets: { epoch: string; meanMotion: number; eccentricity: number; inclination: number; sourceId: string }[] }

/** GeoJSON (RFC 7946) as the /geo routes write it: a point is [longitude, latitude] in degrees (WGS 84). */
export interface PointGeometry { type: 'Point'; coordinates: [number, number] }
export interface PolygonGeometry { type: 'Polygon'; coordinates: number[][][] }
export interface MultiPolygonGeometry { type: 'MultiPolygon'; coordinates: number[][][][] }

export interface PlaceProperties {
  id: string; kind: string; name: string; category: string | null; hub: string | null; country: string | null;
  /** The city the point stands for: an organization's headquarters, a facility's city. */
  city: string | null;
  segments: string[]; locationSource: string; locationLocator: string | null;
}
export interface PlaceFeature { type: 'Feature'; geometry: PointGeometry; properties: PlaceProperties }
export interface PlacesResponse { type: 'FeatureCollection'; features: PlaceFeature[] }

export interface HubProperties {
  id: string; name: string; figureNumber: number; cities: string[]; principalCity: string | null; counts: Record<string, number | null>;
  countsSource: string | null; locationSource: string | null; locationLocator: string | null; members: string[];
  /** Where the hub is drawn and from which source, or why it is not drawn. */
  geometryBasis: string;
}
export interface HubFeature { type: 'Feature'; geometry: PointGeometry | null; properties: HubProperties }
export interface HubsResponse { type: 'FeatureCollection'; features: HubFeature[] }

export interface CountryAgreement {
  id: string; name: string; kind: string | null; signed: string | null;
  /** The signing date's own note, when its source gives one (e.g. a year read from the article's context, not stated). */
  signedNote: string | null;
  /** The sources of the agreement's parties and of its signing date. */
  sources: string[];
}
export interface CountryMember { id: string; kind: string; name: string; sources: string[] }
export interface CountryProperties {
  iso2: string; entityId: string; name: string; set: string;
  agreements: CountryAgreement[];
  /** The entities that put the country in the set (agreements, stations abroad). */
  members?: CountryMember[];
  /** Export sets: the satellites behind the country, each with its evidence. */
  satellites?: SetSatellite[];
  satelliteCount?: number;
}
export interface CountryFeature { type: 'Feature'; geometry: PolygonGeometry | MultiPolygonGeometry | null; properties: CountryProperties }
export interface CountriesResponse {
  type: 'FeatureCollection'; name: string; features: CountryFeature[];
  /** Export sets: the set's id and what it counts. */
  set?: string;
  definition?: string;
  /** Export sets: satellites whose owner is not a country, with the reason they are not drawn. */
  notPlaced?: { reason: string; satellites: SetSatellite[] }[];
}
