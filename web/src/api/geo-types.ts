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
  /** For sets drawn from other entities (stations abroad, exported satellites): those entities. */
  members?: { id: string; kind: string; name: string; sources: string[] }[];
}

export interface Feature<P> { type: 'Feature'; geometry: PointGeometry | null | { type: string }; properties: P }
export interface FeatureCollection<P> { type: 'FeatureCollection'; name?: string; features: Feature<P>[] }
