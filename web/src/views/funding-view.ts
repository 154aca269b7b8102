/**
 * Figure 2 and Tables 1–7: commercial funding by segment and by investor type per year,
 * with the government's space expenditure beside the commercial total.
 */
import { apiGet } from '../api/client.ts';
import { reportFigure } from '../citations/report-figures.ts';
import { API_ROWS_NOTE, drawnSeriesApi, seriesChart } from '../charts/series-chart.ts';
import { isInvestorRow, isSegmentRow } from '../../../src/model/funding-charts.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';

const PATH = '/chart/funding';

export async function renderFunding(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Funding');
  const [bySegment, bySource, gov, subtotal] = await Promise.all([
    apiGet('/series', { query: { measure: 'funding-by-segment' } }),
    apiGet('/series', { query: { measure: 'funding-by-source' } }),
    apiGet('/series/{id}', { path: { id: 'funding.gov-expenditure' } }),
    apiGet('/series/{id}', { path: { id: 'funding.subtotal' } }),
  ]);
  if (!ctx.isCurrent()) return;
  const charts = h('div');
  const fig2 = reportFigure(2);
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Chart · Report Figure 2 and Tables 1–7'),
    h('h1', null, 'Funding: commercial investment and government expenditure'),
    h('p', { class: 'page-intro' }, 'Chinese commercial space investment by market segment and by investor type (Orbital Gateway Consulting data, as printed in the report), and estimated government expenditure on the full civil and military sector (Novaspace). USD millions.'),
    charts);
  const segments = bySegment.items.filter(isSegmentRow);
  const investors = bySource.items.filter(isInvestorRow);
  charts.append(await seriesChart(segments, charts, {
    spec: { id: 'funding-by-segment', title: 'Commercial investment by market segment (USD millions)', permalink: href(PATH) },
    label: (s) => humanize(s.dimensions.segment ?? s.title), yLabel: 'USD millions', api: drawnSeriesApi(segments),
    notes: [`The report draws this as ${fig2.locator}; the segment rows come from its Tables 1, 3, 5 and 7. Subtotal rows and prose figures are not drawn (they would double-count); they stay in the API's full list of series.`, API_ROWS_NOTE],
  }));
  charts.append(await seriesChart(investors, charts, {
    spec: { id: 'funding-by-investor', title: 'Commercial investment by investor type (USD millions)', permalink: href(PATH) },
    label: (s) => humanize(s.dimensions['source-type'] ?? s.title), yLabel: 'USD millions', api: drawnSeriesApi(investors),
    colors: ['#2a9d8f', '#1f4e79', '#c0504d'],
    notes: ['Private, central-government, and city and provincial government funding of the commercial sector.', API_ROWS_NOTE],
  }));
  charts.append(await seriesChart([gov, subtotal], charts, {
    spec: { id: 'funding-government-vs-commercial', title: 'Government space expenditure beside commercial investment (USD millions)', permalink: href(PATH) },
    label: (s) => (s.id === gov.id ? 'Government expenditure (civil and military)' : 'Commercial investment, all sources'), yLabel: 'USD millions', stacked: false,
    colors: ['#7b1c21', '#e06b70'], api: drawnSeriesApi([gov, subtotal]),
    notes: ['Government expenditure: Novaspace estimate for the full civil and military sector (report reference [078]). Commercial: the funding-by-source subtotal (Orbital Gateway Consulting, [014]). Two different scopes from two different data providers, shown side by side, not summed.', API_ROWS_NOTE],
  }));
}
