/** Country polygons from the bundled Natural Earth 1:110m TopoJSON (world-atlas), keyed by ISO alpha-2. */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Geometry } from 'geojson';

let cache: Map<string, { name: string; geometry: Geometry }> | null = null;

export function countryFeatures(): Map<string, { name: string; geometry: Geometry }> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  cache = new Map();
  for (const f of fc.features) {
    const iso2 = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id).padStart(3, '0'));
    if (iso2 && f.geometry) cache.set(iso2, { name: f.properties?.name ?? iso2, geometry: f.geometry });
  }
  return cache;
}
