/** World and China maps as SVG from the bundled Natural Earth geometry (world-atlas) with d3-geo: no tiles, no network. */
import { geoNaturalEarth1, geoPath, geoMercator } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { countryFeatures } from '../services/world-countries.js';

const esc = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

export interface CountryFill { iso2: string; fill: string; title: string }

export function worldMap(fills: CountryFill[], legend: { fill: string; label: string }[], points: { lon: number; lat: number; title: string; fill: string }[] = []): string {
  const shapes = countryFeatures();
  const fc: FeatureCollection<Geometry> = { type: 'FeatureCollection', features: [...shapes.values()].map((s) => ({ type: 'Feature', geometry: s.geometry, properties: {} })) };
  const projection = geoNaturalEarth1().fitSize([760, 380], fc);
  const path = geoPath(projection);
  const byIso = new Map(fills.map((f) => [f.iso2, f]));
  const countries = [...shapes.entries()].map(([iso2, s]) => {
    const f = byIso.get(iso2);
    return `<path d="${path(s.geometry) ?? ''}" fill="${f?.fill ?? '#eee'}" stroke="#999" stroke-width="0.3" data-iso2="${iso2}"><title>${esc(f?.title ?? s.name)}</title></path>`;
  });
  const dots = points.map((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? `<circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="3" fill="${p.fill}" stroke="white" stroke-width="0.5"><title>${esc(p.title)}</title></circle>` : '';
  });
  const keys = legend.map((l, i) => `<g transform="translate(${10 + i * 230},395)"><rect width="12" height="12" fill="${l.fill}"/><text x="18" y="10" font-size="11">${esc(l.label)}</text></g>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 415" width="760" height="415" font-family="system-ui, sans-serif">${countries.join('')}${dots.join('')}${keys.join('')}</svg>`;
}

export function chinaMap(points: { lon: number; lat: number; label: string; r: number }[]): string {
  const china = countryFeatures().get('CN');
  if (!china) return '';
  const projection = geoMercator().fitExtent([[10, 10], [750, 450]], { type: 'Feature', geometry: china.geometry, properties: {} });
  const path = geoPath(projection);
  const dots = points.map((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? `<g><circle cx="${xy[0].toFixed(1)}" cy="${xy[1].toFixed(1)}" r="${p.r.toFixed(1)}" fill="#b22" fill-opacity="0.6" stroke="#711"/><text x="${(xy[0] + p.r + 3).toFixed(1)}" y="${(xy[1] + 4).toFixed(1)}" font-size="11">${esc(p.label)}</text></g>` : '';
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 460" width="760" height="460" font-family="system-ui, sans-serif"><path d="${path(china.geometry) ?? ''}" fill="#f4efe6" stroke="#999"/>${dots.join('')}</svg>`;
}
