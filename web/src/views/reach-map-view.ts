/**
 * China's international reach on a world map: ILRS participants vs Artemis Accords
 * signatories (Figure 10), Space Silk Road, APSCO and BRI countries, from /api/v1/geo/countries.
 */
import { ApiFailure, apiGet, type ApiQuery } from '../api/client.ts';
import type { CountryProps, FeatureCollection, SetSatellite } from '../api/geo-types.ts';
import { cite } from '../citations/cite.ts';
import { reportFigure } from '../citations/report-figures.ts';
import { h } from '../dom.ts';
import { formatDate } from '../format/values.ts';
import { unavailable } from '../layout/states.ts';
import { loadAtlas } from '../maps/world-atlas.ts';
import { drawMap } from '../maps/world-map.ts';
import { entityHref, href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { selectControl, setQueryParam } from './controls.ts';

/** A map layer: the /geo/countries sets it draws (the OpenAPI document's list of sets). */
interface Layer { id: string; label: string; sets: { set: NonNullable<ApiQuery<'/geo/countries'>['set']>; label: string; color: string }[]; figure?: number; intro: string }

const LAYERS: Layer[] = [
  { id: 'ilrs-artemis', label: 'ILRS vs Artemis Accords', figure: 10, intro: 'Countries party to an International Lunar Research Station agreement and signatories of the Artemis Accords (report Figure 10).',
    sets: [{ set: 'ilrs', label: 'ILRS participant', color: '#a4262c' }, { set: 'artemis-accords', label: 'Artemis Accords signatory', color: '#1f4e79' }] },
  { id: 'space-silk-road', label: 'Space Silk Road', figure: 6, intro: 'Partner countries of Space Silk Road projects (satellite exports, ground stations, launch services, training) in the knowledge base; China, which runs the programme, is not shaded as its own partner. The report\'s Figure 6 map is not reproduced: countries its text names without a curated agreement (Argentina, South Africa, Turkey, Brazil) are not shaded.', sets: [{ set: 'space-silk-road', label: 'Space Silk Road partner country', color: '#a4262c' }] },
  { id: 'apsco', label: 'APSCO members', intro: 'Members of the Asia-Pacific Space Cooperation Organization, headquartered in Beijing.', sets: [{ set: 'apsco', label: 'APSCO member', color: '#a4262c' }] },
  { id: 'bri', label: 'Belt and Road (space investments)', intro: 'Countries with a Belt and Road space investment or agreement in the knowledge base: the eight space-related BRI investments AEI\'s China Global Investment Tracker lists since 2013, and Pakistan\'s 2019 Belt and Road Forum agreements. Not the list of BRI member countries.', sets: [{ set: 'bri', label: 'BRI space investment or agreement', color: '#c98a00' }] },
  { id: 'overseas-stations', label: 'Chinese tracking and ground stations abroad', figure: 5, intro: 'Countries hosting tracking, telemetry and ground stations that serve China\'s programme, including those delivered with exported satellites (report Figure 5); Sweden and Australia ended or did not renew their contracts with China and are shaded as former hosts.', sets: [{ set: 'overseas-stations', label: 'Hosts a station serving China (now or formerly)', color: '#7a5195' }] },
  { id: 'chinese-built-satellite-buyers', label: 'Bought a Chinese-built satellite', figure: 5, intro: 'Countries that own a satellite built in China (report Figure 5, UCS contractor fields). Satellites China only launched are on the next layer.',
    sets: [{ set: 'chinese-built-satellite-buyers', label: 'Bought a Chinese-built satellite', color: '#2a9d8f' }] },
  { id: 'launched-on-chinese-rockets', label: 'Launched on Chinese rockets', intro: 'Countries whose satellites were launched on Chinese rockets (launch services), whoever built them (GCAT launch log).',
    sets: [{ set: 'launched-on-chinese-rockets', label: 'Satellite launched on a Chinese rocket', color: '#c98a00' }] },
];
const BOTH = '#7a5195';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
export const countryName = (iso2: string, fallback: string) => { try { return regionNames.of(iso2) ?? fallback; } catch { return fallback; } };

function agreementsTable(items: (CountryProps & { name: string })[]): HTMLElement {
  return h('table', { class: 'small' },
    h('thead', null, h('tr', null, h('th', null, 'Country'), h('th', null, 'Signed or joined'), h('th', null, 'Agreement and source'))),
    h('tbody', null, items.map((p) => {
      const agreements = [...new Map(p.agreements.map((a) => [a.id, a])).values()];
      return h('tr', { 'data-iso2': p.iso2 },
        h('td', null, h('a', { href: entityHref(p.entityId) }, p.name)),
        h('td', { class: 'nowrap' }, agreements.map((a) => h('div', null, a.signed ? formatDate(a.signed) : '—', a.signedNote ? '*' : ''))),
        h('td', null, agreements.map((a) => h('div', null, h('a', { href: entityHref(a.id) }, a.kind ?? 'agreement'), ' ', [...new Set(a.sources)].map((s, i) => [i ? '; ' : '', cite(s, null)]),
          a.signedNote ? h('div', { class: 'small muted', 'data-signed-note': '' }, `* Date: ${a.signedNote}`) : null))));
    })));
}

function membersTable(items: (CountryProps & { name: string })[]): HTMLElement {
  return h('table', { class: 'small' },
    h('thead', null, h('tr', null, h('th', null, 'Country'), h('th', null, 'What is there, and its source'))),
    h('tbody', null, items.map((p) => h('tr', { 'data-iso2': p.iso2 },
      h('td', null, h('a', { href: entityHref(p.entityId) }, p.name)),
      h('td', null, (p.members ?? []).map((m) => h('div', null, h('a', { href: entityHref(m.id) }, m.name), ' ', m.sources.map((s, i) => [i ? '; ' : '', cite(s, null)]))))))));
}

function satelliteLines(list: SetSatellite[]): HTMLElement[] {
  return list.map((s) => h('div', { 'data-satellite': s.cospar ?? s.id },
    s.entityId ? h('a', { href: entityHref(s.entityId) }, s.name) : s.name,
    s.cospar ? ` (${s.cospar}${s.launchDate ? `, launched ${formatDate(s.launchDate)}` : ''}${s.outcome && s.outcome !== 'success' ? `, ${s.outcome}` : ''})` : '',
    s.manufacturer ? `; built by ${s.manufacturer}. ` : s.manufacturerCountries.length ? `; built in ${s.manufacturerCountries.map((c) => countryName(c, c)).join('/')}. ` : '; builder not named by these sources. ',
    s.evidence.map((e, i) => [i ? '; ' : '', cite(e.sourceId, e.locator)])));
}

function satellitesTable(items: (CountryProps & { name: string })[]): HTMLElement {
  return h('table', { class: 'small' },
    h('thead', null, h('tr', null, h('th', null, 'Country'), h('th', null, 'Satellites'), h('th', null, 'Satellite, builder and sources'))),
    h('tbody', null, items.map((p) => h('tr', { 'data-iso2': p.iso2 },
      h('td', null, h('a', { href: entityHref(p.entityId) }, p.name)),
      h('td', { class: 'num' }, String(p.satelliteCount ?? p.satellites?.length ?? 0)),
      h('td', null, satelliteLines(p.satellites ?? []))))));
}

function setList(title: string, color: string, fc: FeatureCollection<CountryProps>): HTMLElement {
  const items = [...fc.features].map((f) => ({ ...f.properties, name: countryName(f.properties.iso2, f.properties.name) })).sort((a, b) => a.name.localeCompare(b.name));
  const bySatellites = items.some((p) => p.satellites);
  const byMembers = items.some((p) => !p.agreements.length && p.members?.length);
  return h('section', { 'data-set': items[0]?.set ?? '' },
    h('h3', null, h('span', { class: 'swatch', style: `display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:.4rem;background:${color}` }), `${title} (${items.length} countries)`),
    bySatellites ? satellitesTable(items) : byMembers ? membersTable(items) : agreementsTable(items),
    (fc.notPlaced ?? []).map((n) => h('div', { class: 'small', 'data-not-placed': '' }, h('strong', null, `Not drawn, ${n.reason}: `), satelliteLines(n.satellites))));
}

export async function renderReachMap(root: HTMLElement, ctx: PageContext): Promise<void> {
  const layer = LAYERS.find((l) => l.id === ctx.query.get('layer')) ?? LAYERS[0]!;
  ctx.setTitle(`International reach: ${layer.label}`);
  const control = selectControl('Layer', 'layer', LAYERS.map((l) => ({ value: l.id, label: l.label })), layer.id, (v) => setQueryParam('/map/reach', ctx.query, 'layer', v));
  const head = [h('p', { class: 'eyebrow' }, `Map${layer.figure ? ` · Report Figure ${layer.figure}` : ''}`), h('h1', null, `China's international reach: ${layer.label}`), h('p', { class: 'page-intro' }, layer.intro), h('div', { class: 'toolbar' }, control)];
  let sets: FeatureCollection<CountryProps>[];
  try {
    sets = await Promise.all(layer.sets.map((s) => apiGet('/geo/countries', { query: { set: s.set } })));
  } catch (err) {
    // An unknown set is a 400 on the set parameter: the API does not offer this layer yet.
    const unknownSet = err instanceof ApiFailure && err.status === 400 && /set/.test(err.message);
    root.replaceChildren(...head, unavailable(err, layer.label, { notYet: unknownSet }));
    return;
  }
  const atlas = await loadAtlas();
  if (!ctx.isCurrent()) return;
  const membership = new Map<string, { sets: number[]; props: CountryProps }>();
  sets.forEach((fc, i) => fc.features.forEach((f) => {
    const m = membership.get(f.properties.iso2) ?? { sets: [], props: f.properties };
    m.sets.push(i);
    membership.set(f.properties.iso2, m);
  }));
  const map = drawMap(atlas, {
    width: 960, height: 500, view: 'world', label: `World map: ${layer.label}`,
    countryStyle: (c) => {
      const m = c.alpha2 ? membership.get(c.alpha2) : undefined;
      if (!m) return c.alpha2 === 'CN' ? { className: 'china' } : null;
      const color = m.sets.length > 1 ? BOTH : layer.sets[m.sets[0]!]!.color;
      const what = m.sets.map((i) => layer.sets[i]!.label).join(' and ');
      return { fill: color, href: entityHref(m.props.entityId), title: `${countryName(m.props.iso2, m.props.name)}: ${what}`, data: { 'data-sets': m.sets.map((i) => layer.sets[i]!.set).join(' ') } };
    },
  });
  const legend = [...layer.sets.map((s) => ({ label: s.label, color: s.color })), ...(layer.sets.length > 1 ? [{ label: 'Both', color: BOTH }] : [])];
  const sources = [...new Set(sets.flatMap((fc) => fc.features.flatMap((f) => [...f.properties.agreements.flatMap((a) => a.sources), ...(f.properties.members ?? []).flatMap((m) => m.sources), ...(f.properties.satellites ?? []).flatMap((x) => x.evidence.map((e) => e.sourceId))])))];
  const notDrawn = [...membership.entries()].filter(([iso]) => !atlas.byAlpha2.has(iso)).map(([iso, m]) => countryName(iso, m.props.name));
  const definitions = sets.filter((fc) => fc.definition).map((fc) => h('p', { class: 'page-intro', 'data-definition': fc.features[0]?.properties.set ?? '' }, h('strong', null, 'Definition: '), fc.definition!));
  root.replaceChildren(...head, ...definitions,
    h('ul', { class: 'chart-legend' }, legend.map((l) => h('li', null, h('span', { class: 'swatch', style: `background:${l.color}` }), l.label))),
    h('div', { class: 'map-wrap', 'data-map': 'reach' }, map),
    h('p', { class: 'cite-line small muted' }, h('strong', null, 'Sources: '), sources.map((s, i) => [i ? '; ' : '', cite(s, null)]),
      layer.figure ? ['; ', cite(reportFigure(layer.figure).sourceId, reportFigure(layer.figure).locator)] : null, '. Country shapes: Natural Earth 1:110m (world-atlas). ',
      notDrawn.length ? `Too small to draw at this scale: ${notDrawn.join(', ')}. ` : '',
      layer.sets.map((s, i) => [i ? ' · ' : '', h('a', { href: `/api/v1/geo/countries?set=${s.set}` }, `${s.label} GeoJSON`)])),
    h('div', { class: 'set-lists' }, sets.map((fc, i) => setList(layer.sets[i]!.label, layer.sets[i]!.color, fc))),
    h('p', { class: 'small' }, 'Also: ', h('a', { href: href('/map/hubs') }, 'hubs in China'), '.'));
}
