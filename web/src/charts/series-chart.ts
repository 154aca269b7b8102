/**
 * Numeric series (the report's funding tables) as bars per year: stacked for parts of a
 * whole (segments, investor types), or grouped. Span totals ("2015-2024") are listed, not drawn,
 * each with its unit and its basis (the table that prints it, or the report's text), as the
 * report's Figure 2 table gives them (src/analytics/funding-table.ts).
 */
import type { Series } from '../api/types.ts';
import { apiLinks, type ApiLinks } from '../api/client.ts';
import { formatNumber } from '../format/values.ts';
import { chartFigure, type ChartSpec, type DrawnTable } from './chart-frame.ts';
import { CATEGORICAL, chartWidth, loadPlot } from './plot.ts';
import { decadeTotals, FUNDING_DECADE, type StatedTotal } from '../../../src/analytics/funding-table.ts';

export interface SeriesChartOptions {
  spec: ChartSpec;
  /** Short label per series id (legend); defaults to the title. */
  label?: (s: Series) => string;
  stacked?: boolean;
  yLabel: string;
  api: ApiLinks;
  notes?: string[];
  colors?: string[];
}

const isYear = (p: string) => /^\d{4}$/.test(p);

/** "994 USD millions (report text: “$994 million”)": a stated total with its unit, basis and printed form. */
function statedTotal(t: StatedTotal, unit: string): string {
  return `${t.qualifier ? `${t.qualifier} ` : ''}${formatNumber(t.value)} ${unit} (${t.basis}${t.originalValue ? `: “${t.originalValue}”` : ''})`;
}

/** One line per series with a decade total: "launch, 2015–2024: 4,058.43 USD millions (Table 3: “$4,058.43”)". */
function totalsNote(series: Series[], label: (s: Series) => string): string | null {
  const lines = series.flatMap((s) => {
    const totals = decadeTotals(s);
    return totals.length ? [`${label(s)}, ${FUNDING_DECADE}: ${totals.map((t) => statedTotal(t, s.unit)).join(' vs ')}`] : [];
  });
  return lines.length ? `Totals as stated (not drawn), each with its basis: ${lines.join('; ')}.` : null;
}

/** The API request for exactly these series (`/series?ids=…`): a chart's "From the API" link returns what it draws, nothing more. */
export function drawnSeriesApi(series: readonly Series[]): ApiLinks {
  return apiLinks('/series', { query: { ids: series.map((s) => s.id).join(',') } });
}

/** What the API's rows of drawn series hold, and which of them to sum. */
export const API_ROWS_NOTE = 'From the API: exactly the series drawn, one row per point. Rows whose period is a year are the bars; '
  + `rows with period ${FUNDING_DECADE} are the totals as stated (listed below, not drawn), so leave them out of any sum of the yearly rows.`;

export async function seriesChart(series: Series[], container: Element, o: SeriesChartOptions): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const label = o.label ?? ((s: Series) => s.title);
  const names = series.map(label);
  const colors = o.colors ?? names.map((_, i) => CATEGORICAL[i % CATEGORICAL.length]!);
  const rows = series.flatMap((s) => s.points.filter((p) => isYear(p.period)).map((p) => ({ series: label(s), id: s.id, year: p.period, value: p.value, unit: s.unit, original: p.originalValue, source: p.sourceId, locator: p.locator ?? s.locator })));
  const totals = [...new Set(rows.map((r) => r.year))].map((year) => ({ year, total: rows.filter((r) => r.year === year).reduce((n, r) => n + r.value, 0) }));
  const title = (d: (typeof rows)[number]) => `${d.year} · ${d.series}: ${formatNumber(d.value)} ${d.unit}`;
  const width = chartWidth(container);
  const rotate = o.stacked !== false && width / Math.max(1, totals.length) < 44;
  const plot = Plot.plot({
    width, height: 320, marginLeft: 56, marginBottom: rotate ? 44 : 30,
    x: { type: 'band', label: null, tickRotate: rotate ? -45 : 0 },
    y: { grid: true, label: o.yLabel, tickFormat: (v: number) => formatNumber(v, 0) },
    color: { domain: names, range: colors },
    marks: o.stacked === false
      ? [Plot.barY(rows, { fx: 'year', x: 'series', y: 'value', fill: 'series', title }), Plot.axisX({ ticks: [] }), Plot.ruleY([0])]
      : [
        Plot.barY(rows, { x: 'year', y: 'value', fill: 'series', title, inset: 1 }),
        Plot.text(totals, { x: 'year', y: 'total', text: (d: { total: number }) => formatNumber(d.total, 0), dy: -7, fontSize: 10, fill: '#4b5563' }),
        Plot.ruleY([0]),
      ],
    ...(o.stacked === false ? { fx: { label: null, axis: 'bottom' as const } } : {}),
  });
  const table: DrawnTable = { columns: ['series_id', 'series', 'year', 'value', 'unit', 'printed', 'source', 'locator'], rows: rows.map((r) => [r.id, r.series, r.year, r.value, r.unit, r.original, r.source, r.locator]) };
  return chartFigure(o.spec, {
    plot, table,
    legend: names.map((n, i) => ({ label: n, color: colors[i]! })),
    sources: rows.map((r) => ({ sourceId: r.source, locator: r.locator })),
    notes: [...(o.notes ?? []), totalsNote(series, label)],
    api: o.api,
  });
}
