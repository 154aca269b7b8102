/** GeoJSON documents of /api/v1/geo/*. */
export interface PointGeometry { type: 'Point'; coordinates: [number, number] }

export interface PlaceProps {
  id: string; kind: string; name: string; category: string | null; hub: string | null; country: string | null;
  /** The city the point stands for: an organization's headquarters, a facility's city. */
  city: string | null;
  segments: string[]; locationSource: string; locationLocator: string | null;
}
export interface HubProps {
  id: string; name: string; figureNumber: number; cities: string[]; principalCity: string | null; counts: Record<string, number | null>;
  countsSource: string | null; locationSource: string | null; locationLocator: string | null; members: string[];
  /** Where the hub is drawn and from which source, or why it is not drawn. */
  geometryBasis: string;
}
export interface CountryProps {
  iso2: string; entityId: string; name: string; set: string;
  agreements: { id: string; name: string; kind: string | null; signed: string | null; sources: string[] }[];
  /** For sets drawn from other entities (stations abroad): those entities. */
  members?: { id: string; kind: string; name: string; sources: string[] }[];
  /** For the export sets: the satellites behind the country, each with its evidence. */
  satellites?: SetSatellite[];
  satelliteCount?: number;
}

export interface SetSatellite {
  id: string; entityId: string | null; name: string; cospar: string | null; manufacturer: string | null; manufacturerCountries: string[];
  launchDate: string | null; launchVehicle: string | null; outcome: string | null;
  evidence: { property: string; value: string; sourceId: string; locator: string | null; status: string }[];
}

export interface Feature<P> { type: 'Feature'; geometry: PointGeometry | null | { type: string }; properties: P }
export interface FeatureCollection<P> {
  type: 'FeatureCollection'; name?: string; features: Feature<P>[];
  /** What the set counts, for sets derived from data (the export sets). */
  definition?: string;
  /** Export sets: satellites whose owner is not a country, with the reason they are not drawn. */
  notPlaced?: { reason: string; satellites: SetSatellite[] }[];
}
