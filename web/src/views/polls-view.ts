/** Figure 4: comparable public polls on space, Chinese citizens (2020) and Americans (2025). */
import { apiGet, apiLinks } from '../api/client.ts';
import type { Series } from '../api/types.ts';
import { chartFigure, type DrawnTable } from '../charts/chart-frame.ts';
import { chartWidth, loadPlot } from '../charts/plot.ts';
import { reportFigure } from '../citations/report-figures.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';

const POLL_TITLE: Record<string, string> = { 'us-air-war-college-2020': 'Chinese citizens, 2020 (U.S. Air War College)', 'cbs-yougov-2025': 'Americans, June 2025 (CBS News/YouGov)' };
const question = (s: Series) => s.title.replace(/^[^:]+:\s*/, '');

async function pollChart(poll: string, series: Series[], container: Element): Promise<HTMLElement> {
  const Plot = await loadPlot();
  const rows = series.flatMap((s) => s.points.map((p, i) => ({ id: s.id, question: question(s), answer: p.period, value: p.value, rank: i, printed: p.originalValue, source: p.sourceId, locator: p.locator ?? s.locator })));
  const colors = ['#1f4e79', '#c0504d', '#9aa3ad', '#d49a1c', '#7a5195'];
  const plot = h('div', { class: 'poll-plots' }, series.map((s) => {
    const mine = rows.filter((r) => r.id === s.id);
    return h('div', { class: 'poll-question' }, h('h3', null, question(s)), Plot.plot({
      width: chartWidth(container), marginLeft: 200, marginRight: 70, height: mine.length * 26 + 34,
      y: { label: null, domain: mine.map((r) => r.answer) },
      x: { domain: [0, 100], grid: true, label: 'Percent of respondents →' },
      marks: [
        Plot.barX(mine, { y: 'answer', x: 'value', fill: (d: { rank: number }) => colors[d.rank] ?? '#9aa3ad', title: (d: (typeof rows)[number]) => `${d.question} — ${d.answer}: ${d.printed ?? d.value}` }),
        Plot.text(mine, { y: 'answer', x: 'value', text: (d: (typeof rows)[number]) => d.printed ?? `${d.value}%`, dx: 5, textAnchor: 'start', fontSize: 11 }),
      ],
    }));
  }));
  const table: DrawnTable = { columns: ['series_id', 'question', 'answer', 'percent', 'printed', 'source', 'locator'], rows: rows.map((r) => [r.id, r.question, r.answer, r.value, r.printed, r.source, r.locator]) };
  return chartFigure({ id: `poll-${poll}`, title: POLL_TITLE[poll] ?? humanize(poll), permalink: href('/chart/polls') }, {
    plot, table,
    sources: rows.map((r) => ({ sourceId: r.source, locator: r.locator })),
    notes: series.map((s) => s.description).filter((d): d is string => !!d),
    api: apiLinks('/series'),
  });
}

export async function renderPolls(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Public polls');
  const { items } = await apiGet('/series');
  if (!ctx.isCurrent()) return;
  const polls = new Map<string, Series[]>();
  for (const s of items.filter((x) => x.id.startsWith('poll.'))) (polls.get(s.dimensions.poll ?? s.id) ?? polls.set(s.dimensions.poll ?? s.id, []).get(s.dimensions.poll ?? s.id)!).push(s);
  const charts = h('div');
  const fig = reportFigure(4);
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Chart · Report Figure 4'),
    h('h1', null, 'Public support for space: comparable polls'),
    h('p', { class: 'page-intro' }, 'The two polls the report compares (', fig.locator, '): answers as printed, including where they do not add up to 100%.'),
    charts);
  for (const [poll, series] of polls) charts.append(await pollChart(poll, series, charts));
}
