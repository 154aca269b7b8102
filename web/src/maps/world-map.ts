/**
 * Draws countries and points as SVG with d3-geo (no tiles, no network). Countries and
 * points with an href are SVG links, so they are clickable and reachable by keyboard.
 */
import { geoConicConformal, geoEqualEarth, geoGraticule10, geoPath, type GeoProjection } from 'd3-geo';
import { svg } from '../dom.ts';
import type { Atlas, CountryFeature } from './world-atlas.ts';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  label: string;
  color: string;
  radius?: number;
  href?: string;
  /** Extra attributes for tests and styling, e.g. {'data-category': 'launch-site'}. */
  data?: Record<string, string>;
  /** A short label drawn beside the point (e.g. a hub's number in Figure 3). */
  text?: string;
  /** Points that share a position with others are spread around it unless pinned. */
  pinned?: boolean;
}

export interface CountryStyle { className?: string; fill?: string; href?: string; title?: string; data?: Record<string, string> }

export interface MapOptions {
  width: number;
  height: number;
  /** 'world' (Equal Earth) or 'china' (conic conformal fitted to China). */
  view: 'world' | 'china' | { center: [number, number]; span: number };
  countryStyle?: (c: CountryFeature) => CountryStyle | null;
  points?: MapPoint[];
  label: string;
}

function projectionFor(atlas: Atlas, o: MapOptions): GeoProjection {
  const extent: [[number, number], [number, number]] = [[8, 8], [o.width - 8, o.height - 8]];
  if (o.view === 'world') return geoEqualEarth().fitExtent(extent, { type: 'Sphere' });
  if (o.view === 'china') {
    const china = atlas.byAlpha2.get('CN');
    const p = geoConicConformal().parallels([25, 47]).rotate([-105, 0]);
    return china ? p.fitExtent([[20, 20], [o.width - 20, o.height - 20]], china) : p;
  }
  const { center: [lon, lat], span } = o.view;
  return geoEqualEarth().rotate([-lon, 0]).center([0, lat]).scale((o.width / span) * 57).translate([o.width / 2, o.height / 2]);
}

function withData(attrs: Record<string, string | number | undefined>, data?: Record<string, string>) {
  return { ...attrs, ...(data ?? {}) };
}

/**
 * Points at (nearly) the same position are spread on a small ring around it, so each stays
 * visible and clickable; their titles keep the true location. Pinned points stay put.
 */
function spread<T extends { p: MapPoint; x: number; y: number }>(items: T[]): T[] {
  const groups = new Map<string, T[]>();
  for (const it of items) {
    if (it.p.pinned) continue;
    const key = `${Math.round(it.x / 4)}|${Math.round(it.y / 4)}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(it);
  }
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const r = 4 + g.length * 1.6;
    g.forEach((it, i) => {
      const a = (2 * Math.PI * i) / g.length - Math.PI / 2;
      it.x += r * Math.cos(a);
      it.y += r * Math.sin(a);
    });
  }
  return items;
}

export function drawMap(atlas: Atlas, o: MapOptions): SVGSVGElement {
  const projection = projectionFor(atlas, o);
  const path = geoPath(projection);
  const countries = atlas.countries.map((c) => {
    const style = o.countryStyle?.(c) ?? null;
    const d = path(c) ?? '';
    const shape = svg('path', withData({ d, class: `map-country ${style?.className ?? ''}${style?.href ? ' clickable' : ''}`, style: style?.fill ? `fill:${style.fill}` : undefined, 'data-country': c.alpha2 ?? undefined }, style?.data),
      svg('title', null, style?.title ?? c.properties.name));
    return style?.href ? svg('a', { href: style.href, 'aria-label': style.title ?? c.properties.name }, shape) : shape;
  });
  const placed = spread((o.points ?? []).flatMap((p) => {
    const xy = projection([p.lon, p.lat]);
    return xy ? [{ p, x: xy[0], y: xy[1] }] : [];
  }));
  const points = placed.map(({ p, x, y }) => {
    const dot = svg('circle', withData({ cx: x.toFixed(1), cy: y.toFixed(1), r: p.radius ?? 4.5, fill: p.color, class: 'map-point', 'data-id': p.id }, p.data), svg('title', null, p.label));
    const label = p.text ? svg('text', { x: (x + (p.radius ?? 4.5) * 0.75).toFixed(1), y: (y - (p.radius ?? 4.5) * 0.75).toFixed(1), class: 'map-label' }, p.text) : null;
    const mark = p.href ? svg('a', { href: p.href, 'aria-label': p.label }, dot) : dot;
    return label ? svg('g', null, mark, label) : mark;
  });
  return svg('svg', { viewBox: `0 0 ${o.width} ${o.height}`, role: 'img', 'aria-label': o.label, class: 'world-map' },
    o.view === 'world' ? svg('path', { d: path({ type: 'Sphere' }) ?? '', class: 'map-sphere' }) : null,
    svg('path', { d: path(geoGraticule10()) ?? '', class: 'map-graticule' }),
    svg('g', { class: 'countries' }, countries),
    svg('g', { class: 'points' }, points));
}
