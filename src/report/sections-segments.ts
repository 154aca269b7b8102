/** §3 Segment analysis: for each segment, goals → shifts → achievements → risks, with Figures 7 (launches), 8 (spacecraft) and 9 (Tiangong vs ISS). */
import type { ReportData } from './report-data.js';
import type { Citations } from './citations.js';
import { SEGMENTS, type SegmentId } from '../model/segments.js';
import { all, first, type EntityRow } from '../model/entity-row.js';
import { esc, cited, citedAll, table, figure, valueText } from './html.js';
import { groupedBars, heatmap, horizontalBars } from './svg-charts.js';
import { GOAL_JUDGEMENT_DEFINITION, GOAL_STATUSES, judgeGoal } from '../analytics/goals.js';
import type { TiangongReport } from '../services/analytics.js';
import { catalogVsReported } from './constellation-catalog.js';
import { chineseNames } from './chinese-names.js';
import { propertiesOf } from '../model/kinds.js';
import { inReportSegment } from '../model/funding-charts.js';

const inSegment = (rows: EntityRow[], seg: SegmentId) => rows.filter((r) => all(r, 'segment').includes(seg));
const captionOf = (d: ReportData) => { const m = new Map(Object.values(d.rows).flat().map((r) => [r.id, r.caption])); return (id: string) => m.get(id) ?? id; };

function goals(d: ReportData, seg: SegmentId, cites: Citations): string {
  const asOf = d.generatedAt.slice(0, 10);
  const gs = inSegment(d.rows.Goal, seg).map((g) => ({ g, j: judgeGoal(g, asOf) }));
  if (!gs.length) return '<p>No goals recorded for this segment.</p>';
  const counts = GOAL_STATUSES.map((s) => [s, gs.filter((x) => x.j.status === s).length] as const).filter(([, n]) => n > 0);
  const summary = `<p class="goal-summary" data-goal-summary="${esc(seg)}">As of ${esc(asOf)}: ${counts.map(([s, n]) => `${n} ${esc(s)}`).join(', ')}. ${esc(GOAL_JUDGEMENT_DEFINITION)}</p>`;
  return summary + table(['goal', 'by', 'set in', 'status', 'evidence'], gs.map(({ g, j }) => [
    `${esc(g.caption)}${g.values.target?.[0] ? cites.cite(g.values.target[0].sourceId, g.values.target[0].locator) : ''}`,
    cited(g.values.deadline?.[0], cites), citedAll(g, 'setIn', cites, captionOf(d)),
    `<span class="status status-${esc(j.status)}" data-goal="${esc(g.id)}">${esc(j.status)}</span>${j.overdueSince ? ` <small>since ${esc(j.overdueSince)} (sources: ${esc(j.sourcedStatus)})</small>` : ''}`,
    (g.values.evidence ?? []).slice(0, 2).map((e) => cited(e, cites)).join('<br>'),
  ]), `class="compact" data-table="goals-${seg}"`);
}

/** Entities already described in an earlier segment: later segments name them and point back instead of repeating the entry. */
type Shown = Map<string, string>;
const once = (shown: Shown, section: string, r: Pick<EntityRow, 'id' | 'caption'>, full: () => string): string => {
  const at = shown.get(r.id);
  if (at) return `<li data-see="${esc(r.id)}">${esc(r.caption)} <span class="basis">(see §${esc(at)})</span></li>`;
  shown.set(r.id, section);
  return full();
};

function shifts(d: ReportData, seg: SegmentId, cites: Citations, shown: Shown, section: string): string {
  const policies = inSegment(d.rows.PolicyDocument, seg).map((p) => once(shown, section, p, () => `<li>${esc(p.caption)}${chineseNames(p, cites)} (${cited(p.values.issued?.[0], cites) || 'undated'})${p.values.description?.[0] ? `: ${cited(p.values.description[0], cites)}` : ''}</li>`));
  const events = inSegment(d.rows.Event, seg).sort((a, b) => (first(a, 'date') ?? '').localeCompare(first(b, 'date') ?? ''))
    .map((e) => once(shown, section, e, () => `<li>${cited(e.values.date?.[0], cites)}: ${esc(e.caption)}</li>`));
  const money = inSegment(d.rows.Investment, seg).map((i) => once(shown, section, i, () => `<li>${esc(i.caption)}: ${cited(i.values.amount?.[0], cites)}</li>`));
  const series = d.series.filter((s) => inReportSegment(s, seg) && s.dimensions.measure === 'funding-by-segment');
  // A row two segments' tables print (Satellite Manufacturing: Tables 5 and 7) is given once; the later segment points back to it.
  const funding = series.map((s) => once(shown, section, { id: s.id, caption: s.title }, () => {
    const total = s.points.filter((p) => p.period === '2015-2024');
    return `<li>${esc(s.title)}, 2015–2024: ${total.map((p) => `${p.qualifier ? `${p.qualifier} ` : ''}${p.value} ${esc(s.unit)}${cites.cite(p.sourceId, p.locator ?? s.locator)}`).join(' vs ')}</li>`;
  }));
  return `<h5>Policy shifts</h5><ul>${policies.join('') || '<li>none recorded</li>'}</ul><h5>Campaign shifts and milestones</h5><ul>${events.join('') || '<li>none recorded</li>'}</ul><h5>Investment shifts</h5><ul>${[...funding, ...money].join('') || '<li>none recorded</li>'}</ul>`;
}

function achievements(d: ReportData, seg: SegmentId, cites: Citations, shown: Shown, section: string): string {
  const line = (r: EntityRow) => once(shown, section, r, () => `<li>${esc(r.caption)}${chineseNames(r, cites)}${r.values.description?.[0] ? `: ${cited(r.values.description[0], cites)}` : r.values.name?.[0] ? cites.cite(r.values.name[0].sourceId, r.values.name[0].locator) : ''}</li>`);
  const programs = [...inSegment(d.rows.Program, seg), ...inSegment(d.rows.Mission, seg), ...inSegment(d.rows.LaunchVehicle, seg), ...inSegment(d.rows.Facility, seg).filter((f) => !first(f, 'partOf'))];
  const orgs = inSegment(d.rows.Organization, seg);
  const intl = inSegment(d.rows.Agreement, seg);
  const org = (o: EntityRow) => once(shown, section, o, () => `<li>${esc(o.caption)}${chineseNames(o, cites)}${o.values.orgKind?.[0] ? ` (${cited(o.values.orgKind[0], cites)})` : ''}${o.values.hub?.[0] ? `, ${cited(o.values.hub[0], cites, captionOf(d))}` : ''}</li>`);
  return `<h5>New technologies, installations and programs (${programs.length})</h5><ul class="cols">${programs.map(line).join('')}</ul>
<h5>New stakeholders and hubs (${orgs.length})</h5><ul class="cols">${orgs.map(org).join('')}</ul>
<h5>New international engagement (${intl.length})</h5><ul class="cols">${intl.map(line).join('') || '<li>none recorded</li>'}</ul>`;
}

function risks(d: ReportData, seg: SegmentId, cites: Citations): string {
  const rs = inSegment(d.rows.Risk, seg).sort((a, b) => Number(first(a, 'number')) - Number(first(b, 'number')));
  const block = (scope: string, title: string) => `<h5>${title}</h5><ol>${rs.filter((r) => first(r, 'riskScope') === scope).map((r) => `<li data-risk="${esc(r.id)}"><strong>${esc(r.caption)}</strong>${r.values.name?.[0] ? cites.cite(r.values.name[0].sourceId, r.values.name[0].locator) : ''}${r.values.description?.[0] ? `<br>${cited(r.values.description[0], cites)}` : ''}</li>`).join('')}</ol>`;
  return block('industry', 'Segment-specific risks to American industry') + block('national-strategic', 'National strategic risks');
}

function figure7(d: ReportData, cites: Citations): string {
  const f = d.launches;
  if (!f) return '<p>Figure 7 needs launch data (ingest gcat-launchlog).</p>';
  const rows = f.chinaVsUnitedStates.flatMap((y) => [
    { x: `${y.year}${y.complete ? '' : '*'}`, y: y.CN.total, group: 'China' }, { x: `${y.year}${y.complete ? '' : '*'}`, y: y.US.total, group: 'United States' }]);
  const srcs = f.coverage.sources.map((s) => cites.cite(s)).join('');
  return figure(7, 'Orbital launches by country and outcome: China (state and commercial) vs the United States', groupedBars(rows, { yLabel: 'orbital launches' }),
    `${esc(f.convention)} ${esc(f.sectorDefinition)} ${esc(f.coverage.note)} * incomplete year. Sources: ${srcs}${f.afterCoverage.length ? `; after ${esc(f.coverage.to)}, failures only: ${[...new Set(f.afterCoverage.map((a) => cites.cite(a.source)))].join('')}` : ''}.`)
    + table(['year', 'complete', 'China total', 'China failures', 'China state', 'China commercial', 'of which state-group subsidiaries', 'US total', 'US failures'], f.chinaVsUnitedStates.map((y) => {
      const c = f.china.find((x) => x.year === y.year);
      return [String(y.year), y.complete ? 'yes' : 'no', `<span data-cn-total="${y.year}">${y.CN.total}</span>`, String(y.CN.failure), String(c?.state.total ?? 0), String(c?.commercial.total ?? 0), String(c?.commercialStateGroup.total ?? 0), `<span data-us-total="${y.year}">${y.US.total}</span>`, String(y.US.failure)];
    }), 'class="compact" data-table="figure-7"');
}

function figure8(d: ReportData, cites: Citations): string {
  const f = d.spacecraft;
  if (!f) return '<p>Figure 8 needs a GP snapshot (ingest celestrak-gp).</p>';
  return figure(8, `Operational Chinese spacecraft by mission type and orbit (${f.total}, as of ${f.snapshot.asOf})`,
    heatmap(f.cells.map((c) => ({ x: c.regime, y: c.missionType, value: c.count })), { xLabel: 'orbit regime', yLabel: 'mission type' }),
    `${esc(f.coverage)} Attribution: ${Object.entries(f.countryRules).length} rules; objects newer than the catalogs by the curated name rules. Sources: ${f.sources.map((id) => cites.cite(id)).join('')}.`)
    + `<p data-figure8-total="${f.total}">Total: ${f.total} operational Chinese payloads in the snapshot of ${esc(f.snapshot.asOf)}.</p>`;
}

function constellationTable(d: ReportData, cites: Citations): string {
  if (!d.constellations.length) return '';
  return table(['constellation', 'planned', 'in orbit by snapshot', 'share', 'rate /day', 'completion at that rate', 'reported by sources'], d.constellations.map((c) => [
    esc(c.name), c.planned ? `${esc(valueText({ ...c.planned, value: String(c.planned.value), status: 'reported' }))}${cites.cite(c.planned.sourceId, c.planned.locator)}${c.plannedAlternatives.map((p) => ` vs ${esc(valueText({ ...p, value: String(p.value), status: 'reported' }))}${cites.cite(p.sourceId, p.locator)}`).join('')}` : '',
    c.deployed.map((x) => `${esc(x.asOf)}: <span data-deployed="${esc(c.id)}@${esc(x.asOf)}">${x.count}</span>${cites.cite(x.sourceId)}`).join('<br>'),
    c.shareDeployed === null ? '' : `${(c.shareDeployed * 100).toFixed(2)}%`, c.rate ? c.rate.perDay.toFixed(2) : '', esc(c.projectedCompletion ?? ''),
    c.reported.map((r) => `then ${esc(valueText({ ...r, value: String(r.value), status: 'reported' }))}${r.asOf ? ` (${esc(r.asOf)})` : ''}${cites.cite(r.sourceId, r.locator)}`).join('<br>'),
  ]), 'class="compact" data-table="constellations"') + catalogVsReported(d.constellations, cites);
}

function figure9(d: ReportData, cites: Citations): string {
  const tg = d.rows.Program.find((p) => p.id === 'program.tiangong');
  const iss = d.rows.Program.find((p) => p.id === 'program.iss');
  const props = ['plannedSize', 'modules', 'lifetime', 'cost', 'started'];
  const rows = props.filter((p) => tg?.values[p] || iss?.values[p]).map((p) => [esc(propertiesOf('Program')[p]?.label ?? p), cited(tg?.values[p]?.[0], cites), cited(iss?.values[p]?.[0], cites)]);
  const cost = (r: EntityRow | undefined) => { const v = r?.values.cost?.[0]; return v ? (JSON.parse(v.value) as { amount: number }).amount / 1e9 : null; };
  const bars = [{ label: 'Tiangong', value: cost(tg) }, { label: 'ISS', value: cost(iss) }].filter((b): b is { label: string; value: number } => b.value !== null);
  const now = d.tiangong?.station;
  return figure(9, 'Tiangong and the ISS', bars.length ? horizontalBars(bars, { xLabel: 'cost, USD billion (as the sources state it)' }) : '',
    'Comparison points the sources give, each cited; the report\'s own Figure 9 was an image absent from the text.')
    + table(['', 'Tiangong', 'ISS'], rows, 'class="compact"')
    + (now ? `<p data-tiangong-norad="${now.noradId}">Tiangong now: ${esc(now.objectName)} at ${now.altitudeKm ?? now.altitudeAtEpochKm} km${now.altitudeKm === null ? ' at its element set epoch' : ''}, inclination ${now.inclinationDeg}°, period ${now.periodMin} min (element set ${esc(now.epoch)})${cites.cite(d.tiangong!.snapshot.sourceId)}; co-orbiting: ${d.tiangong!.coOrbiting.map((o) => esc(o.objectName)).join(', ') || 'none'}.</p>` : '')
    + (d.tiangong ? stationVisits(d.tiangong.crewAndCargo, cites) : '');
}

function stationVisits(v: TiangongReport['crewAndCargo'], cites: Citations): string {
  if (!v.visits.length) return `<p>${esc(v.definition)} None in the ingested launch log.</p>`;
  const crews = v.visits.filter((x) => x.role === 'crew').length;
  return `<p data-station-visits="${v.visits.length}">Crews and cargo: ${crews} crewed (Shenzhou) and ${v.visits.length - crews} cargo (Tianzhou) launches. ${esc(v.definition)}</p>`
    + table(['launch', 'mission', 'role'], v.visits.map((x) => [`${esc(x.launchDate.slice(0, 10))}${cites.cite(x.sourceId, `launch ${x.launchTag}`)}`, esc(x.name), x.role]), 'class="compact" data-table="station-visits"');
}

export function segmentAnalysis(d: ReportData, cites: Citations): string {
  const extra: Partial<Record<SegmentId, () => string>> = {
    'launch-reentry': () => figure7(d, cites),
    'remote-sensing-ssa': () => figure8(d, cites),
    'satcom-pnt': () => constellationTable(d, cites),
    'commercial-leo': () => figure9(d, cites),
  };
  const shown: Shown = new Map();
  return `<section id="segment-analysis"><h2>3. Segment Analysis &amp; Risks to America</h2><p class="basis">An entity that belongs to several segments is described under the first; later segments name it and point back.</p>${SEGMENTS.map((s) => `<section class="segment" id="segment-${s.id}" data-segment="${s.id}"><h3>${s.section} ${esc(s.label)}</h3>
<h4>${s.section}.1 What were China's goals?</h4>${goals(d, s.id, cites)}
<h4>${s.section}.2 How did China shift?</h4>${shifts(d, s.id, cites, shown, s.section)}
<h4>${s.section}.3 What has China achieved?</h4>${extra[s.id]?.() ?? ''}${achievements(d, s.id, cites, shown, s.section)}
<h4>${s.section}.4 What risks does America face?</h4>${risks(d, s.id, cites)}</section>`).join('\n')}</section>`;
}
