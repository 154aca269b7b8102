/** GeoJSON documents of /api/v1/geo/* (types generated from the OpenAPI document). */
import type { GeoJsonBody } from './contract.ts';

type Places = GeoJsonBody<'/api/v1/geo/places'>;
type Hubs = GeoJsonBody<'/api/v1/geo/hubs'>;
type Countries = GeoJsonBody<'/api/v1/geo/countries'>;

export type PointGeometry = Places['features'][number]['geometry'];
export type PlaceProps = Places['features'][number]['properties'];
export type HubProps = Hubs['features'][number]['properties'];
export type CountryProps = Countries['features'][number]['properties'];
export type SetSatellite = NonNullable<CountryProps['satellites']>[number];

/** One of the three collections, by its features' properties. */
export type FeatureCollection<P> = P extends PlaceProps ? Places : P extends HubProps ? Hubs : P extends CountryProps ? Countries : never;
export type Feature<P> = FeatureCollection<P>['features'][number];
