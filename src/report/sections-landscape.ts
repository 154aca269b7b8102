/** §2 Strategic landscape: Figures 1 (policy timeline), 2 (funding), 3 (hubs), 4 (polls), 5 (countries that bought a Chinese-built satellite, and apart those whose satellites China launched), 6 (Space Silk Road) and 10 (ILRS vs Artemis). */
import type { ReportData } from './report-data.js';
import type { Citations } from './citations.js';
import { first } from '../model/entity-row.js';
import { esc, cited, table, figure } from './html.js';
import { stackedBars, line, horizontalBars } from './svg-charts.js';
import { timelineSvg } from './svg-timeline.js';
import { chineseNames } from './chinese-names.js';
import { worldMap, chinaMap } from './svg-maps.js';
import { countriesInFramework, hubPoint, HUB_COUNT_PROPERTIES } from '../analytics/places.js';
import type { ExportSet } from '../analytics/exports.js';
import type { SeriesView } from '../store/queries/sources-series.js';
import { fundingTable, hasYearlyValues, yearValue, FUNDING_YEARS, type StatedTotal } from '../analytics/funding-table.js';

const caption = (d: ReportData) => (id: string) => Object.values(d.rows).flat().find((r) => r.id === id)?.caption ?? id;

const citeAll = (sources: { sourceId: string; locator: string | null }[], cites: Citations) => [...new Set(sources.map((s) => cites.cite(s.sourceId, s.locator)))].join('');

function figure1(d: ReportData, cites: Citations): string {
  const byId = new Map(d.rows.PolicyDocument.map((p) => [p.id, p]));
  const events = d.policyTimeline.filter((e) => e.property === 'issued' && byId.has(e.entityId) && first(byId.get(e.entityId)!, 'country') !== 'US');
  const day = (v: string) => { const x = v.replace('~', ''); return x.length === 4 ? `${x}-07-01` : x.length === 7 ? `${x}-15` : x; };
  const rows = events.map((e) => ({ date: new Date(`${day(e.date)}T00:00:00Z`), label: `${e.date} ${e.caption}` }));
  const docs = new Set(events.map((e) => e.entityId)).size;
  return figure(1, 'China\'s space policy timeline', timelineSvg(rows),
    `Policy documents in the knowledge base with an issue date (${docs}; a document whose sources give different dates appears once per date). Sources: ${[...new Set(events.flatMap((e) => e.sources.map((s) => cites.cite(s.sourceId, s.locator))))].join('')}`)
    + table(['issued', 'document', 'issuer'], events.map((e) => [
      `${esc(e.date)}${citeAll(e.sources, cites)}${e.otherDates.length ? ` <small>(sources differ: also ${esc(e.otherDates.join(', '))})</small>` : ''}${e.agreeingDates.length ? ` <small>(also given as ${esc(e.agreeingDates.join(', '))})</small>` : ''}`,
      `${esc(e.caption)}${chineseNames(byId.get(e.entityId)!, cites)}`,
      (byId.get(e.entityId)!.values.issuer ?? []).map((c) => esc(caption(d)(c.value))).join('; '),
    ]), 'class="compact" data-table="policy-timeline"');
}

const FUNDING_MEASURES = ['funding-by-segment', 'funding-by-source', 'funding-subtotal', 'government-expenditure'];

/** Table rows in the order of the report's tables: segments, segment subtotals, investor types, the commercial subtotal, government expenditure. */
function fundingRank(s: SeriesView): number {
  const measure = s.dimensions.measure ?? '';
  if (measure === 'funding-by-segment') return (s.dimensions.segment ?? '').includes('+') ? 1 : 0;
  return FUNDING_MEASURES.indexOf(measure) + 1;
}

const yearCell = (v: number | null) => (v === null ? '<span class="na" title="no value in the source">—</span>' : String(v));

/** A stated total with its basis and citation; a total stated in the report's words shows those words. */
function statedTotal(t: StatedTotal, cites: Citations): string {
  const text = !t.basis.startsWith('Table') && t.originalValue ? t.originalValue : `${t.qualifier ? `${t.qualifier} ` : ''}${t.value}`;
  return `<span data-total-basis="${esc(t.basis)}" data-total-value="${t.value}">${esc(text)} <span class="basis">(${esc(t.basis)})</span>${cites.cite(t.sourceId, t.locator)}</span>`;
}

const statedTotals = (totals: StatedTotal[], cites: Citations) => totals.map((t) => statedTotal(t, cites)).join('<br>') || yearCell(null);

/** Chart points of the years a series has a value for (a missing year is not drawn as 0). */
const yearPoints = <X>(s: SeriesView, x: (y: string) => X, group: string) =>
  FUNDING_YEARS.flatMap((y) => { const v = yearValue(s, y); return v === null ? [] : [{ x: x(y), y: v, group }]; });

function fundingTableHtml(d: ReportData, cites: Citations): string {
  const series = d.series.filter((s) => FUNDING_MEASURES.includes(s.dimensions.measure ?? '')).sort((a, b) => fundingRank(a) - fundingRank(b));
  const { rows, unmatched } = fundingTable(series);
  const body = rows.map((r) => [`<span data-series="${esc(r.series.id)}">${esc(r.series.title)}</span>`, ...r.years.map(yearCell), statedTotals(r.totals, cites), cites.cite(r.series.sourceId, r.series.locator)]);
  const apart = unmatched.map((u) => `<li data-series="${esc(u.series.id)}">${esc(u.series.title)}: ${statedTotals(u.totals, cites)}</li>`).join('');
  return table(['series', ...FUNDING_YEARS, '2015–2024 (each stated total, with its basis)', 'source'], body, 'class="compact" data-table="funding"')
    + `<p class="caption">${rows.some((r) => r.years.includes(null)) ? '— : no value in the source for that year. ' : ''}Totals the report states only in its text (rounded, or differing from the table) are given beside the table's total, each with its basis.</p>`
    + (apart ? `<p class="caption">Totals stated without yearly values for their measure:</p><ul data-list="funding-stated-totals">${apart}</ul>` : '');
}

function figure2(d: ReportData, cites: Citations): string {
  const yearly = d.series.filter(hasYearlyValues);
  const seg = yearly.filter((s) => s.dimensions.measure === 'funding-by-segment' && !(s.dimensions.segment ?? '').includes('+'));
  const src = yearly.filter((s) => s.dimensions.measure === 'funding-by-source');
  const gov = yearly.find((s) => s.id === 'funding.gov-expenditure');
  const bySegment = seg.flatMap((s) => yearPoints(s, String, s.dimensions.segment ?? s.id));
  const bySource = src.flatMap((s) => yearPoints(s, String, s.dimensions['source-type'] ?? s.id));
  const govLine = gov ? yearPoints(gov, Number, 'government expenditure (civil and military)') : [];
  const cite = (ss: typeof seg) => [...new Set(ss.map((s) => cites.cite(s.sourceId, s.locator)))].join('');
  return figure(2, 'Chinese commercial space investment by market segment and investor type (USD millions)',
    stackedBars(bySegment, { yLabel: 'USD millions, by segment' }) + stackedBars(bySource, { yLabel: 'USD millions, by investor type' }) + (govLine.length ? line(govLine, { yLabel: 'USD millions' }) : ''),
    `Commercial funding by segment and by source (Orbital Gateway Consulting, via the report's Tables 1–7) ${cite([...seg, ...src])}; government expenditure (Novaspace, via Table 1) ${gov ? cites.cite(gov.sourceId, gov.locator) : ''}.`)
    + fundingTableHtml(d, cites);
}

function figure3(d: ReportData, cites: Citations): string {
  const labels = ['Launch sites', 'Launch provider HQ', 'LV manufacturers', 'TT&C sites', 'Satellite HQ', 'Satellite manufacturers', 'Government orgs', 'Universities'];
  const cats = HUB_COUNT_PROPERTIES.map((p, i) => [p, labels[i]!] as const);
  const hubs = [...d.rows.Hub].sort((a, b) => Number(first(a, 'figureNumber')) - Number(first(b, 'figureNumber')));
  const placed = hubs.map((h) => ({ h, at: hubPoint(h) }));
  const points = placed.map(({ h, at }) => {
    const total = cats.reduce((n, [p]) => n + Number(first(h, p) ?? 0), 0);
    return at.point ? { ...at.point, label: `${first(h, 'figureNumber')}. ${h.caption.replace(/ Hub$/, '')}`, short: String(first(h, 'figureNumber')), r: 3 + Math.sqrt(total) * 2 } : null;
  }).filter((p): p is NonNullable<typeof p> => p !== null);
  const sources = [...new Set(placed.flatMap(({ h }) => h.values.location?.[0] ? [cites.cite(h.values.location[0].sourceId, h.values.location[0].locator)] : []))].join('');
  const unplaced = placed.filter(({ at }) => !at.point).map(({ h, at }) => `${esc(h.caption)} (${esc(at.principalCity ?? 'no principal city')})`);
  return figure(3, 'China space activity hubs', chinaMap(points),
    `Counts from the report's Figure 3 ${hubs[0] ? cites.cite(hubs[0].values.figureNumber?.[0]?.sourceId ?? 'redshift-2025', hubs[0].values.figureNumber?.[0]?.locator ?? null) : ''}; each hub is drawn at the GCAT coordinate of its principal city (a city, province-capital or launch-site row, never a member's) ${sources}. Not drawn, as no source gives a coordinate for the principal city: ${unplaced.join('; ') || 'none'}. Labels too long for the map are shortened (…); the table gives every hub in full.`)
    + table(['#', 'hub', 'drawn at', ...cats.map(([, l]) => l)], placed.map(({ h, at }) => [esc(first(h, 'figureNumber')), esc(h.caption), esc(at.point ? at.principalCity ?? '' : 'not drawn'), ...cats.map(([p]) => esc(first(h, p) ?? ''))]), 'class="compact" data-table="hubs"');
}

function figure4(d: ReportData, cites: Citations): string {
  const polls = d.series.filter((s) => s.id.startsWith('poll.'));
  const rows = polls.flatMap((s) => s.points.map((p) => ({ label: `${s.title.slice(0, 60)}: ${p.period}`.slice(0, 90), value: p.value, group: s.dimensions.country ?? '' })));
  return figure(4, 'Public perception polls', horizontalBars(rows, { xLabel: 'percent of respondents' }),
    `Poll results as printed in the report ${[...new Set(polls.map((s) => cites.cite(s.sourceId, s.locator)))].join('')}.`);
}

function satelliteCell(sats: ExportSet['countries'][number]['satellites'], cites: Citations): string {
  return sats.map((s) => `${esc(s.name)}${s.cospar ? ` (${esc(s.cospar)}${s.outcome && s.outcome !== 'success' ? `, ${esc(s.outcome)}` : ''})` : ''}`
    + `${s.manufacturer ? `, built by ${esc(s.manufacturer)}` : ''}${s.evidence.map((e) => cites.cite(e.sourceId, e.locator)).join('')}`).join('; ');
}

const countryCell = (set: string, iso2: string) => `<span data-export-country="${esc(set)}:${esc(iso2)}">${esc(iso2)}</span>`;

function figure5(d: ReportData, cites: Citations): string {
  const { buyers, launched } = d.exports;
  const map = worldMap(buyers.countries.map(({ iso2, satellites }) => ({ iso2, fill: '#2a9d8f', title: `${iso2}: ${satellites.length} Chinese-built satellite(s)` })),
    [{ fill: '#2a9d8f', label: `${buyers.label} (${buyers.countries.length})` }]);
  const out = figure(5, buyers.label, map, `${esc(buyers.definition)}`)
    + table(['country', 'satellites', 'Chinese-built satellites and their sources'], buyers.countries.map(({ iso2, satellites }) => [countryCell(buyers.id, iso2), String(satellites.length), satelliteCell(satellites, cites)]),
      'class="compact" data-table="chinese-built-satellite-buyers"');
  if (!launched) return out;
  const payloads = launched.countries.reduce((n, c) => n + c.satellites.length, 0);
  return `${out}<h4>${esc(launched.label)} (${launched.countries.length} countries, ${payloads} payloads; not Figure 5)</h4><p class="caption">${esc(launched.definition)}</p>`
    + table(['country', 'payloads', 'payloads, builders and sources'], [
      ...launched.countries.map(({ iso2, satellites }) => [countryCell(launched.id, iso2), String(satellites.length), satelliteCell(satellites, cites)]),
      ...launched.notPlaced.map((n) => [`not a country: ${esc(n.reason)}`, String(n.satellites.length), satelliteCell(n.satellites, cites)]),
    ], 'class="compact" data-table="launched-on-chinese-rockets"');
}

function setMap(n: number, title: string, d: ReportData, cites: Citations, sets: { framework: string; fill: string; label: string }[]): string {
  const maps = sets.map((s) => ({ ...s, countries: countriesInFramework(d.rows.Agreement, s.framework, { exceptChina: true }) }));
  const fills = new Map<string, { iso2: string; fill: string; title: string }>();
  for (const m of maps) for (const iso2 of m.countries.keys()) fills.set(iso2, fills.has(iso2) ? { iso2, fill: '#8e44ad', title: `${iso2}: both` } : { iso2, fill: m.fill, title: `${iso2}: ${m.label}` });
  const legend = [...maps.map((m) => ({ fill: m.fill, label: `${m.label} (${m.countries.size})` })), ...(maps.length > 1 ? [{ fill: '#8e44ad', label: 'both' }] : [])];
  const rows = maps.flatMap((m) => [...m.countries.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([iso2, agreements]) => [esc(m.label), esc(iso2),
    agreements.map((a) => `${esc(a.caption)}${a.values.signed ? ` (${cited(a.values.signed[0], cites)})` : ''}${a.values.party?.[0] ? cites.cite(a.values.party[0].sourceId, a.values.party[0].locator) : ''}`).join('; ')]));
  return figure(n, title, worldMap([...fills.values()], legend), `Countries party to agreements in each framework, from the knowledge base; signing dates only where a source gives one.`)
    + table(['set', 'country', 'agreements'], rows, `class="compact" data-table="figure-${n}"`);
}

export function strategicLandscape(d: ReportData, cites: Citations): string {
  return `<section id="strategic-landscape"><h2>2. Strategic Landscape</h2>
<section id="plans-doctrine"><h3>2.1 Plans &amp; Doctrine</h3>${figure1(d, cites)}</section>
<section id="funding"><h3>2.2 Regulatory &amp; Funding Shifts</h3>${figure2(d, cites)}</section>
<section id="domestic"><h3>2.3 Domestic Affairs</h3>${figure3(d, cites)}${figure4(d, cites)}</section>
<section id="foreign"><h3>2.4 Foreign Affairs</h3>${figure5(d, cites)}
${setMap(6, 'The Space Silk Road: countries with Chinese space projects', d, cites, [{ framework: 'program.space-silk-road', fill: '#d35400', label: 'Space Silk Road projects' }])}
${setMap(10, 'ILRS participants vs Artemis Accords signatories', d, cites, [{ framework: 'program.ilrs', fill: '#c0392b', label: 'ILRS' }, { framework: 'program.artemis-accords', fill: '#2471a3', label: 'Artemis Accords' }])}</section>
</section>`;
}
