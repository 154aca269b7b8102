/**
 * Country polygons from the bundled Natural Earth TopoJSON (world-atlas), keyed by ISO alpha-2:
 * countryFeatures() is the 1:110m set as d3-geo draws it (the report's maps); countryShape()
 * is what the API publishes: 1:110m, or 1:50m then 1:10m for a country too small for 1:110m,
 * wound per RFC 7946 §3.1.6 (exterior rings counterclockwise, holes clockwise; d3-geo and
 * world-atlas use the opposite order).
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import countries from 'i18n-iso-countries';
import rewind from '@mapbox/geojson-rewind';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Geometry } from 'geojson';

export interface CountryShape { name: string; geometry: Geometry; scale: Scale }
type Scale = '110m' | '50m' | '10m';
const SCALES: readonly Scale[] = ['110m', '50m', '10m'];

const byScale = new Map<Scale, Map<string, CountryShape>>();
const published = new Map<string, CountryShape | null>();

function load(scale: Scale): Map<string, CountryShape> {
  const cached = byScale.get(scale);
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/countries-${scale}.json`), 'utf8')) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const fc = feature(topo, topo.objects.countries);
  const out = new Map<string, CountryShape>();
  for (const f of fc.features) {
    const iso2 = f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id).padStart(3, '0'));
    if (iso2 && f.geometry && !out.has(iso2)) out.set(iso2, { name: f.properties?.name ?? iso2, geometry: f.geometry, scale });
  }
  byScale.set(scale, out);
  return out;
}

/** The 1:110m polygons in d3-geo's winding, for drawing with d3-geo. */
export function countryFeatures(): Map<string, { name: string; geometry: Geometry }> {
  return load('110m');
}

/** A country's polygon for GeoJSON output: the coarsest scale that has it, rewound per RFC 7946; null when no scale has it. */
export function countryShape(iso2: string): CountryShape | null {
  if (published.has(iso2)) return published.get(iso2)!;
  let shape: CountryShape | null = null;
  for (const scale of SCALES) {
    const found = load(scale).get(iso2);
    if (found) {
      shape = { ...found, geometry: rewind(structuredClone(found.geometry), false) };
      break;
    }
  }
  published.set(iso2, shape);
  return shape;
}
