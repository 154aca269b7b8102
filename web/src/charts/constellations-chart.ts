/**
 * Constellation deployment against plan: share of the planned size in orbit (latest
 * snapshot), counts per snapshot beside the counts sources reported, and ITU milestones.
 */
import { apiLinks, type ApiQuery } from '../api/client.ts';
import type { Constellation, ConstellationsFigure } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { entityLink } from '../entity/entity-link.ts';
import { formatNumber, formatPercent, humanize } from '../format/values.ts';
import { chartFigure, type DrawnTable } from './chart-frame.ts';
import { discrepancyLabel } from './constellation-catalog.ts';
import { CATEGORICAL, chartWidth, loadPlot } from './plot.ts';

const planned = (c: Constellation) => (c.planned ? `${c.planned.qualifier ? `${c.planned.qualifier} ` : ''}${formatNumber(c.planned.value)}` : 'no planned size');

export async function deploymentShareChart(f: ConstellationsFigure, query: ApiQuery<'/analytics/constellations'>, permalink: string, container: Element): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const rows = f.constellations.filter((c) => c.planned && c.latest).map((c) => ({
    id: c.id, name: c.name, deployed: c.latest!.count, reported: c.latestReported, comparison: discrepancyLabel(c), planned: c.planned!.value, plannedNote: c.planned!.note,
    share: c.latest!.count / c.planned!.value,
    label: `${formatNumber(c.latest!.count)} of ${planned(c)} (${formatPercent(c.latest!.count / c.planned!.value)})${c.discrepancy ? ` · reported ${formatNumber(c.discrepancy.reported)}: differs by ${c.discrepancy.difference > 0 ? '+' : '−'}${formatNumber(Math.abs(c.discrepancy.difference))}` : ''}`,
  }));
  const plot = Plot.plot({
    width: chartWidth(container), height: 40 + rows.length * 34, marginLeft: 200, marginRight: 20,
    x: { domain: [0, 100], grid: true, label: 'Share of the planned constellation in orbit (%) →' },
    y: { domain: rows.map((r) => r.name), label: null },
    marks: [
      Plot.barX(rows, { y: 'name', x: 100, fill: '#eef1f4' }),
      Plot.barX(rows, { y: 'name', x: (d: (typeof rows)[number]) => d.share * 100, fill: '#a4262c', title: (d: (typeof rows)[number]) => `${d.name}: ${d.label}` }),
      Plot.text(rows.filter((d) => d.share <= 0.5), { y: 'name', x: (d: (typeof rows)[number]) => d.share * 100, text: 'label', dx: 6, textAnchor: 'start', fontSize: 11, fill: '#1a1e23' }),
      Plot.text(rows.filter((d) => d.share > 0.5), { y: 'name', x: (d: (typeof rows)[number]) => d.share * 100, text: 'label', dx: -6, textAnchor: 'end', fontSize: 11, fill: 'white' }),
      Plot.ruleX([0]),
    ],
  });
  const table: DrawnTable = {
    columns: ['constellation_id', 'name', 'deployed', 'planned', 'planned_note', 'share_deployed', 'snapshot_as_of', 'reported_latest', 'reported_as_of', 'catalog_vs_reported'],
    rows: rows.map((r) => [r.id, r.name, r.deployed, r.planned, r.plannedNote, Math.round(r.share * 1e6) / 1e6, f.asOf, r.reported?.value ?? null, r.reported?.asOf ?? null, r.comparison]),
  };
  return chartFigure({ id: 'constellations-share', title: `Constellations: share of planned size in orbit on ${f.asOf}`, permalink }, {
    plot, table,
    sources: [...f.snapshots.filter((s) => s.asOf === f.asOf).map((s) => ({ sourceId: s.sourceId })), ...f.constellations.filter((c) => c.planned).map((c) => ({ sourceId: c.planned!.sourceId, locator: c.planned!.locator }))],
    notes: [f.note, 'Planned sizes are the preferred source statement; where sources disagree, the alternatives are listed in the table below. A bar label that says “differs from the reported …” marks a catalog count that disagrees with the latest reported count; the causes are in the table below the chart.',
      ...rows.filter((r) => r.plannedNote).map((r) => `${r.name}: the planned ${formatNumber(r.planned)} — ${r.plannedNote}`)],
    api: apiLinks('/analytics/constellations', { query }),
  });
}

export async function deploymentOverTimeChart(f: ConstellationsFigure, query: ApiQuery<'/analytics/constellations'>, permalink: string, container: Element): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const names = f.constellations.map((c) => c.name);
  const colors = names.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]!);
  const counted = f.constellations.flatMap((c) => c.deployed.map((d) => ({ name: c.name, date: new Date(d.asOf), asOf: d.asOf, count: d.count, basis: 'catalog', source: d.sourceId })));
  const reported = f.constellations.flatMap((c) => c.reported.filter((r) => r.asOf).map((r) => ({ name: c.name, date: new Date(r.asOf!.length === 7 ? `${r.asOf}-15` : r.asOf!), asOf: r.asOf!, count: r.value, basis: `reported${r.qualifier ? ` (${r.qualifier})` : ''}`, source: `${r.sourceId}${r.locator ? ` ${r.locator}` : ''}` })));
  const plot = Plot.plot({
    width: chartWidth(container), height: 340, marginLeft: 50, marginRight: 110,
    x: { type: 'utc', label: null, grid: true },
    y: { grid: true, label: 'Satellites (as each count defines them)' },
    color: { domain: names, range: colors },
    marks: [
      Plot.lineY(counted, { x: 'date', y: 'count', stroke: 'name', strokeWidth: 2 }),
      Plot.dot(counted, { x: 'date', y: 'count', fill: 'name', r: 4, title: (d: (typeof counted)[number]) => `${d.name} · ${d.asOf} · in catalog: ${d.count}` }),
      Plot.dot(reported, { x: 'date', y: 'count', stroke: 'name', r: 5, strokeWidth: 1.5, fill: 'white', title: (d: (typeof reported)[number]) => `${d.name} · ${d.asOf} · ${d.basis}: ${d.count}` }),
      Plot.text(counted.filter((d) => d.asOf === f.asOf && d.count >= 20), { x: 'date', y: 'count', text: 'name', dx: 8, textAnchor: 'start', fontSize: 10, fill: 'name' }),
      Plot.ruleY([0]),
    ],
  });
  const all = [...counted, ...reported].sort((a, b) => a.name.localeCompare(b.name) || a.asOf.localeCompare(b.asOf));
  const table: DrawnTable = { columns: ['name', 'as_of', 'count', 'basis', 'source'], rows: all.map((r) => [r.name, r.asOf, r.count, r.basis, r.source]) };
  return chartFigure({ id: 'constellations-over-time', title: 'Satellites per catalog snapshot (filled) and as sources report them (hollow)', permalink }, {
    plot, table,
    legend: names.map((n, i) => ({ label: n, color: colors[i]! })),
    sources: [...f.snapshots.map((s) => ({ sourceId: s.sourceId })), ...f.constellations.flatMap((c) => c.reported.map((r) => ({ sourceId: r.sourceId, locator: r.locator })))],
    notes: ['Filled dots: payloads matched in each CelesTrak GP snapshot by the counting rules (objects CelesTrak lists as active). '
      + 'Hollow dots: counts the sources report, at their dates (a month-only date is drawn mid-month), each on its source\'s own basis: '
      + 'satellites launched, deployed or operational, as the source counts them (each one\'s note, on the constellation\'s page, says which), '
      + 'so a hollow dot is not a catalog count and the two do not measure the same thing.'],
    api: apiLinks('/analytics/constellations', { query }),
  });
}

const STATUS_CLASS: Record<string, string> = { met: 'pill-ok', 'on-track': 'pill-ok', 'behind-pace': 'pill-warn', missed: 'pill-bad' };

function milestoneNote(f: ConstellationsFigure): HTMLElement | null {
  const m = f.constellations[0]?.milestones ?? [];
  if (!m.length) return null;
  return h('p', { class: 'muted small' }, 'ITU milestones (rule: ', m.map((x, i) => [i ? '; ' : '', `${Math.round(x.share * 100)}% of the filed constellation within ${x.years} years of filing `, cite(x.cite.source, x.cite.locator ?? null)]),
    '). “No filing date” means no source in the knowledge base dates the constellation\'s ITU filing, so the milestone cannot be dated. Hover a status for its explanation.');
}

export function constellationTable(f: ConstellationsFigure): HTMLElement {
  return h('div', { class: 'scroll', style: 'overflow-x:auto' }, h('table', { class: 'small', 'data-constellations': '' },
    h('thead', null, h('tr', null, ['Constellation', 'Planned (sources)', `In orbit ${f.asOf}`, 'Rate (snapshots of the last 90 days)', 'Completion at that rate', 'ITU milestones', 'Counting rules'].map((t) => h('th', null, t)))),
    h('tbody', null, f.constellations.map((c) => h('tr', { 'data-id': c.id },
      h('td', null, entityLink(c.id, c.name)),
      h('td', null, c.planned ? h('div', null, planned(c), ' ', cite(c.planned.sourceId, c.planned.locator)) : '—',
        c.planned?.note ? h('div', { class: 'small muted', 'data-planned-note': '' }, c.planned.note) : null,
        c.plannedAlternatives.map((a) => h('div', { class: 'muted' }, `also: ${a.qualifier ? `${a.qualifier} ` : ''}${formatNumber(a.value)} `, cite(a.sourceId, a.locator)))),
      h('td', { class: 'num' }, c.latest ? formatNumber(c.latest.count) : '—', c.reported.map((r) => h('div', { class: 'muted' }, `reported ${r.qualifier ? `${r.qualifier} ` : ''}${r.value}${r.asOf ? ` (${r.asOf})` : ''} `, cite(r.sourceId, r.locator)))),
      h('td', { title: c.rate?.note ?? null }, c.rate ? [h('span', { class: 'nowrap' }, `${c.rate.perDay.toFixed(2)}/day`),
        h('div', { class: 'muted', 'data-rate-window': '' }, `${c.rate.from} to ${c.rate.to} (${c.rate.days} days)`)] : '—'),
      h('td', null, c.projectedCompletion ?? '—', c.rate && c.projectedCompletion ? h('div', { class: 'small muted', 'data-rate-note': '' }, c.rate.note) : null),
      h('td', null, c.milestones.map((m) => h('div', { title: m.note }, `${Math.round(m.share * 100)}% in ${m.years} y: `, h('span', { class: `pill ${STATUS_CLASS[m.status] ?? ''}` }, humanize(m.status))))),
      h('td', null, c.countingRules.map((r) => h('div', null, h('code', null, r.pattern), ' ', cite(r.cite.source, r.cite.locator ?? null, { status: r.status })))))))));
}
