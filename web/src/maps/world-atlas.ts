/**
 * Country shapes from the bundled world-atlas TopoJSON (Natural Earth 1:110m), keyed by
 * ISO 3166-1 numeric id, with ISO alpha-2 codes from i18n-iso-countries' code table.
 * Loaded on first use, in its own chunk.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';

export interface CountryProps { name: string }
export type CountryFeature = Feature<Geometry, CountryProps> & { alpha2: string | null };

export interface Atlas {
  countries: CountryFeature[];
  byAlpha2: Map<string, CountryFeature>;
}

let atlas: Promise<Atlas> | null = null;

export function loadAtlas(): Promise<Atlas> {
  atlas ??= (async () => {
    const [{ feature }, topo, codes] = await Promise.all([
      import('topojson-client'),
      import('world-atlas/countries-110m.json').then((m) => m.default as unknown),
      import('i18n-iso-countries/codes.json').then((m) => m.default as unknown as [string, string, string][]),
    ]);
    const alpha2OfNumeric = new Map(codes.map(([a2, , num]) => [num, a2]));
    const t = topo as Parameters<typeof feature>[0] & { objects: { countries: Parameters<typeof feature>[1] } };
    const fc = feature(t, t.objects.countries) as unknown as FeatureCollection<Geometry, CountryProps>;
    const countries = fc.features.map((f) => Object.assign(f, { alpha2: f.id !== undefined ? alpha2OfNumeric.get(String(f.id).padStart(3, '0')) ?? null : null }));
    return { countries, byAlpha2: new Map(countries.filter((c) => c.alpha2).map((c) => [c.alpha2!, c])) };
  })();
  return atlas;
}
