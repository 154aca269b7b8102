/** World and China maps as SVG from the bundled Natural Earth geometry (world-atlas) with d3-geo: no tiles, no network. */
import { geoNaturalEarth1, geoPath, geoMercator } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { countryFeatures } from '../services/world-countries.js';
import { inside, overlaps, textBox, type Anchor, type Box } from './label-layout.js';

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

const MAP_FONT = 11;

/**
 * Places each dot's label where its box meets no other label, no dot and stays on the canvas:
 * beside the dot first, then further out along eight directions with a leader line. Bigger
 * dots are labelled first. A label that finds no room is shortened (ending in …), then drawn as its number alone.
 */
function placeLabels(dots: { x: number; y: number; r: number; label: string; short: string }[], width: number, height: number) {
  const taken: Box[] = dots.map((d) => ({ x0: d.x - d.r, y0: d.y - d.r, x1: d.x + d.r, y1: d.y + d.r }));
  const out: { x: number; y: number; text: string; anchor: Anchor; leader: boolean; dot: (typeof dots)[number] }[] = [];
  const order = [...dots].sort((a, b) => b.r - a.r);
  for (const d of order) {
    let placed = false;
    const head = d.label.slice(0, 28);
    const cut = d.label.length > 30 ? `${head.slice(0, Math.max(head.lastIndexOf('-'), head.lastIndexOf(' '), 8))}…` : null;
    for (const text of [d.label, ...(cut ? [cut] : []), d.short]) {
      for (const dist of [0, 14, 28, 44, 62, 84, 110, 140]) {
        for (const [ux, uy] of [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]] as const) {
          const ox = d.x + ux * (d.r + 4 + dist);
          const oy = d.y + 4 + uy * (d.r + 6 + MAP_FONT * 0.6 + dist);
          const anchor: Anchor = ux > 0 ? 'start' : ux < 0 ? 'end' : 'middle';
          const box = textBox(text, ox, oy, MAP_FONT, anchor);
          if (!inside(box, width, height) || taken.some((t) => overlaps(t, box, 2))) continue;
          taken.push(box);
          out.push({ x: ox, y: oy, text, anchor, leader: dist > 0, dot: d });
          placed = true;
          break;
        }
        if (placed) break;
      }
      if (placed) break;
    }
  }
  return out;
}

export function chinaMap(points: { lon: number; lat: number; label: string; short: string; r: number }[]): string {
  const china = countryFeatures().get('CN');
  if (!china) return '';
  const [W, H] = [760, 460];
  const projection = geoMercator().fitExtent([[10, 10], [W - 10, H - 10]], { type: 'Feature', geometry: china.geometry, properties: {} });
  const path = geoPath(projection);
  const dots = points.flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ x: xy[0], y: xy[1], r: p.r, label: p.label, short: p.short }] : [];
  });
  const circles = dots.map((d) => `<circle cx="${d.x.toFixed(1)}" cy="${d.y.toFixed(1)}" r="${d.r.toFixed(1)}" fill="#b22" fill-opacity="0.6" stroke="#711"><title>${esc(d.label)}</title></circle>`);
  const labels = placeLabels(dots, W, H).map((l) => (l.leader
    ? `<line x1="${l.dot.x.toFixed(1)}" y1="${l.dot.y.toFixed(1)}" x2="${l.x.toFixed(1)}" y2="${(l.y - 4).toFixed(1)}" stroke="#777" stroke-width="0.6"/>`
    : '') + `<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" font-size="${MAP_FONT}" text-anchor="${l.anchor}" paint-order="stroke" stroke="white" stroke-width="3">${esc(l.text)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" data-chart="hub-map"><path d="${path(china.geometry) ?? ''}" fill="#f4efe6" stroke="#999"/>${circles.join('')}${labels.join('')}</svg>`;
}
