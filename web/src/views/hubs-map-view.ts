/** Figure 3 from data: China's space activity hubs, with the organizations and facilities located in them. */
import { apiGet } from '../api/client.ts';
import type { FeatureCollection, HubProps, PlaceProps, PointGeometry } from '../api/geo-types.ts';
import { cite } from '../citations/cite.ts';
import { reportFigure } from '../citations/report-figures.ts';
import { h } from '../dom.ts';
import { entityLink } from '../entity/entity-link.ts';
import { categoryColor, categoryLabel, sortCategories } from '../maps/categories.ts';
import { loadAtlas } from '../maps/world-atlas.ts';
import { drawMap, type MapPoint } from '../maps/world-map.ts';
import { entityHref } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { filterLegend } from './map-legend.ts';

const COUNT_LABELS: [string, string][] = [
  ['launchSites', 'Launch sites'], ['launchProviderHqs', 'Launch provider HQs'], ['launchVehicleManufacturers', 'LV manufacturers'], ['ttcSites', 'TT&C sites'],
  ['satelliteHqs', 'Satellite HQs'], ['satelliteManufacturers', 'Satellite manufacturers'], ['governmentOrganizations', 'Government orgs'], ['universities', 'Universities'],
];

const isPoint = (g: unknown): g is PointGeometry => (g as PointGeometry | null)?.type === 'Point';

function hubTable(hubs: FeatureCollection<HubProps>): HTMLElement {
  const rows = [...hubs.features].sort((a, b) => a.properties.figureNumber - b.properties.figureNumber);
  return h('div', { style: 'overflow-x:auto' }, h('table', { class: 'small', 'data-hubs': '' },
    h('thead', null, h('tr', null, h('th', null, '#'), h('th', { style: 'min-width:220px' }, 'Hub'), h('th', { style: 'min-width:160px' }, 'Drawn at'), COUNT_LABELS.map(([, l]) => h('th', { class: 'num' }, l)))),
    h('tbody', null, rows.map((f) => h('tr', { 'data-id': f.properties.id },
      h('td', null, f.properties.figureNumber),
      h('td', null, entityLink(f.properties.id, f.properties.name)),
      h('td', { 'data-basis': '' }, isPoint(f.geometry) ? [f.properties.principalCity ?? '', ' ', f.properties.locationSource ? cite(f.properties.locationSource, f.properties.locationLocator) : null] : h('span', { class: 'muted' }, `not drawn (${f.properties.principalCity ?? 'no principal city'}: no sourced coordinate)`)),
      COUNT_LABELS.map(([k]) => h('td', { class: 'num' }, f.properties.counts[k] ?? '')))))));
}

export async function renderHubsMap(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Activity hubs');
  const [atlas, hubs, places] = await Promise.all([
    loadAtlas(),
    apiGet('/geo/hubs'),
    apiGet('/geo/places', { query: { country: 'CN' } }),
  ]);
  if (!ctx.isCurrent()) return;
  const located = places.features.filter((f) => isPoint(f.geometry));
  const hubPoints: MapPoint[] = hubs.features.filter((f) => isPoint(f.geometry)).map((f) => {
    const [lon, lat] = (f.geometry as PointGeometry).coordinates;
    const total = Object.values(f.properties.counts).reduce<number>((n, v) => n + (v ?? 0), 0);
    return {
      id: f.properties.id, lat, lon, label: `${f.properties.figureNumber}. ${f.properties.name} — ${total} entries in Figure 3 (${f.properties.geometryBasis})`,
      color: 'rgba(164,38,44,0.12)', radius: 8 + Math.sqrt(total) * 3.2, href: entityHref(f.properties.id), data: { 'data-category': 'hub', 'data-kind': 'Hub' }, text: String(f.properties.figureNumber), pinned: true,
    };
  });
  const placePoints: MapPoint[] = located.map((f) => {
    const [lon, lat] = (f.geometry as PointGeometry).coordinates;
    const p = f.properties;
    return {
      id: p.id, lat, lon, label: `${p.name} — ${categoryLabel(p.category)} (location: ${p.locationSource}${p.locationLocator ? ` ${p.locationLocator}` : ''})`,
      color: categoryColor(p.category), radius: 5.5, href: entityHref(p.id), data: { 'data-category': p.category ?? 'none', 'data-kind': p.kind },
    };
  });
  const map = drawMap(atlas, {
    width: 900, height: 700, view: 'china', label: 'Map of China\'s space activity hubs, organizations and facilities',
    countryStyle: (c) => (c.alpha2 === 'CN' ? { className: 'china' } : null),
    points: [...hubPoints, ...placePoints],
  });
  const categories = sortCategories(located.map((f) => f.properties.category ?? 'none'));
  const locationSources = [...new Set(located.map((f) => f.properties.locationSource))];
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Map · Report Figure 3'),
    h('h1', null, 'China\'s space activity hubs'),
    h('p', { class: 'page-intro' }, `The eleven hubs of Figure 3 (shaded circles, sized by the number of entries the figure lists) and the ${located.length} Chinese organizations and facilities whose coordinates a source gives. Select a point or a hub to open it.`),
    h('div', { class: 'map-layout' },
      h('div', { class: 'map-wrap', 'data-map': 'hubs' }, map),
      h('div', { class: 'map-side' },
        filterLegend(map, [{ id: 'hub', label: 'Figure 3 hub', color: 'rgba(164,38,44,0.35)', count: hubPoints.length },
          ...categories.map((c) => ({ id: c, label: categoryLabel(c), color: categoryColor(c), count: located.filter((f) => (f.properties.category ?? 'none') === c).length }))]))),
    h('p', { class: 'cite-line small muted' }, h('strong', null, 'Sources: '), cite(reportFigure(3).sourceId, reportFigure(3).locator), ' (hubs and counts); coordinates: ',
      locationSources.map((s, i) => [i ? '; ' : '', cite(s, null)]), '. Each hub is drawn at the coordinate of its principal city from a GCAT city, province-capital or launch-site row (never at a member\'s), as the table below and the API state; a hub whose principal city has no sourced coordinate is not drawn. Points that share a location are spread around it; hover or focus one for its name and source. ',
      h('a', { href: '/api/v1/geo/hubs' }, 'Hubs GeoJSON'), ' · ', h('a', { href: '/api/v1/geo/places?country=CN' }, 'Places GeoJSON')),
    h('h2', null, 'Figure 3: entries per hub'),
    hubTable(hubs),
    h('p', { class: 'small muted' }, 'Counts as printed in Figure 3 ', cite(reportFigure(3).sourceId, reportFigure(3).locator), '. Empty cells: the figure lists none.'));
}
