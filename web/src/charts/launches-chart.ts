/**
 * Figure 7 from data: China's orbital launches by provider sector (state vs commercial),
 * and China beside another country by outcome; incomplete years are marked.
 */
import type { LaunchesFigure, OutcomeCounts } from '../api/types.ts';
import { apiLinks, type ApiQuery } from '../api/client.ts';
import { h } from '../dom.ts';
import { reportFigure } from '../citations/report-figures.ts';
import { chartFigure, type DrawnTable } from './chart-frame.ts';
import { stateName } from './launch-states.ts';
import { chartWidth, COLORS, loadPlot } from './plot.ts';

const SECTORS = ['state', 'commercial', 'unattributed'] as const;
const OUTCOMES = ['success', 'partial', 'failure', 'unknown'] as const;
const yearLabel = (complete: boolean) => (y: number) => `${y}${complete ? '' : '*'}`;

function incompleteNote(f: LaunchesFigure): string | null {
  const partial = f.years.filter((y) => !y.complete).map((y) => y.year);
  return partial.length ? `* ${partial.join(', ')}: incomplete year — ${f.coverage.note}` : null;
}

export async function chinaBySectorChart(f: LaunchesFigure, query: ApiQuery<'/analytics/launches'>, permalink: string, container: Element): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const rows = f.china.flatMap((y) => SECTORS.filter((s) => y[s].total > 0).map((s) => ({
    year: y.year, complete: y.complete, sector: s, count: y[s].total, failure: y[s].failure,
    stateGroup: s === 'commercial' ? y.commercialStateGroup.total : null,
  })));
  const ofStateGroups = (d: { stateGroup: number | null }) => (d.stateGroup ? ` (${d.stateGroup} by subsidiaries of state-owned groups)` : '');
  const totals = f.china.map((y) => ({ year: y.year, total: y.state.total + y.commercial.total + y.unattributed.total }));
  const incomplete = new Set(f.china.filter((y) => !y.complete).map((y) => y.year));
  const width = chartWidth(container);
  const rotate = width / Math.max(1, f.china.length) < 44;
  const plot = Plot.plot({
    width, height: 320, marginLeft: 44, marginBottom: rotate ? 44 : 30,
    x: { type: 'band', label: null, tickFormat: (y: number) => yearLabel(!incomplete.has(y))(y), tickRotate: rotate ? -45 : 0 },
    y: { grid: true, label: 'Orbital launches' },
    color: { domain: [...SECTORS], range: [COLORS.state, COLORS.commercial, COLORS.unattributed] },
    marks: [
      Plot.barY(rows, { x: 'year', y: 'count', fill: 'sector', fillOpacity: (d: { complete: boolean }) => (d.complete ? 1 : 0.55), title: (d: (typeof rows)[number]) => `${d.year}${d.complete ? '' : ' (incomplete)'} · ${d.sector}: ${d.count} launches${ofStateGroups(d)}, ${d.failure} failed`, inset: 1 }),
      Plot.text(totals, { x: 'year', y: 'total', text: 'total', dy: -7, fontSize: 10, fill: '#4b5563' }),
      Plot.ruleY([0]),
    ],
  });
  const table: DrawnTable = {
    columns: ['year', 'year_complete', 'sector', 'launches', 'failures', 'of_which_state_group_subsidiaries'],
    rows: rows.map((r) => [r.year, r.complete, r.sector, r.count, r.failure, r.stateGroup]),
  };
  return chartFigure({ id: 'launches-china-sector', title: 'China: orbital launches per year, state vs commercial providers', permalink }, {
    plot, table,
    legend: [{ label: 'State (CASC and other state providers)', color: COLORS.state }, { label: 'Commercial (not the same as private: see the sector definition)', color: COLORS.commercial }, { label: 'Not attributed by the provider rules', color: COLORS.unattributed }],
    sources: [...f.coverage.sources.map((s) => ({ sourceId: s })), reportFigure(7)],
    notes: [f.convention, f.sectorDefinition, incompleteNote(f)],
    api: apiLinks('/analytics/launches', { query }),
  });
}

export async function countryByOutcomeChart(f: LaunchesFigure, other: string, query: ApiQuery<'/analytics/launches'>, permalink: string, container: Element): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const countries = ['CN', other];
  const rows = f.years.flatMap((y) => countries.flatMap((c) => {
    const counts: OutcomeCounts | undefined = c === 'CN' ? f.chinaVsUnitedStates.find((x) => x.year === y.year)?.CN : c === 'US' ? f.chinaVsUnitedStates.find((x) => x.year === y.year)?.US : y.countries[c];
    return OUTCOMES.filter((o) => (counts?.[o] ?? 0) > 0).map((o) => ({ year: y.year, complete: y.complete, country: c, outcome: o, count: counts![o] }));
  }));
  const totals = f.years.flatMap((y) => countries.map((c) => ({ year: y.year, country: c, total: rows.filter((r) => r.year === y.year && r.country === c).reduce((n, r) => n + r.count, 0) })));
  const plot = Plot.plot({
    width: Math.max(chartWidth(container), f.years.length * 46), height: 360, marginLeft: 44, marginTop: 44, marginBottom: 36,
    fx: { label: null, tickFormat: (y: number) => yearLabel(f.years.find((x) => x.year === y)?.complete ?? true)(y), padding: 0.15 },
    x: { domain: countries, label: null, tickFormat: (c: string) => (c === 'CN' ? 'CN' : c), axis: 'bottom', tickSize: 0 },
    y: { grid: true, label: 'Orbital launches' },
    color: { domain: [...OUTCOMES], range: [COLORS.success, COLORS.partial, COLORS.failure, COLORS.unknown] },
    marks: [
      Plot.barY(rows, { fx: 'year', x: 'country', y: 'count', fill: 'outcome', stroke: (d: { country: string }) => (d.country === 'CN' ? COLORS.china : COLORS.us), strokeWidth: 0.8, fillOpacity: (d: { complete: boolean }) => (d.complete ? 1 : 0.55), title: (d: (typeof rows)[number]) => `${d.year}${d.complete ? '' : ' (incomplete)'} · ${stateName(f, d.country)} · ${d.outcome}: ${d.count}` }),
      Plot.text(totals, { fx: 'year', x: 'country', y: 'total', text: 'total', dy: -7, fontSize: 9, fill: '#4b5563' }),
      Plot.ruleY([0]),
    ],
  });
  const table: DrawnTable = { columns: ['year', 'year_complete', 'country', 'outcome', 'launches'], rows: rows.map((r) => [r.year, r.complete, r.country, r.outcome, r.count]) };
  const after = f.afterCoverage.filter((a) => countries.includes(a.country));
  return chartFigure({ id: 'launches-by-outcome', title: `China vs ${stateName(f, other)}: orbital launches per year by outcome`, permalink }, {
    plot, table,
    legend: OUTCOMES.map((o) => ({ label: o, color: COLORS[o] })),
    sources: [...f.coverage.sources.map((s) => ({ sourceId: s })), ...after.map((a) => ({ sourceId: a.source })), reportFigure(7)],
    notes: [
      `Each year shows two bars: China (CN, left) and ${stateName(f, other)} (${other}, right). Faded bars are incomplete years. ${f.convention}`,
      incompleteNote(f),
      after.length ? h('span', { class: 'incomplete-note' }, `After the launch log ends (${f.coverage.to}), only failures are in the bundled data (not drawn): `,
        after.map((a, i) => `${i ? '; ' : ''}${a.year} ${stateName(f, a.country)} ${a.failures} (${a.launches.join(', ')})`).join(''), '. ',
        // Each year's note once: a year whose failure tags the extract skips names them.
        [...new Set(after.map((a) => a.note))].join(' ')) : null,
    ],
    api: apiLinks('/analytics/launches', { query }),
  });
}
