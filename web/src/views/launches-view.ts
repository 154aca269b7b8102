/** The launches page: Figure 7 from data, with a start year and a comparison country. */
import { apiGet } from '../api/client.ts';
import type { LaunchesFigure } from '../api/types.ts';
import { chinaBySectorChart, countryByOutcomeChart } from '../charts/launches-chart.ts';
import { stateName } from '../charts/launch-states.ts';
import { h } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { selectControl, setQueryParam } from './controls.ts';

const PATH = '/chart/launches';

export async function renderLaunches(root: HTMLElement, ctx: PageContext): Promise<void> {
  const from = Number(ctx.query.get('from') ?? 2010);
  const vs = ctx.query.get('vs') ?? 'US';
  ctx.setTitle('Orbital launches');
  const f = await apiGet('/analytics/launches', { query: { from } });
  if (!ctx.isCurrent()) return;
  const compareWith = [...new Set(f.years.flatMap((y) => Object.keys(y.countries)))].filter((c) => c !== 'CN').sort((a, b) => stateName(f, a).localeCompare(stateName(f, b)));
  const permalink = href(PATH, { from, vs });
  const query = { from };
  const charts = h('div');
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Chart · Report Figure 7'),
    h('h1', null, 'Orbital launches by outcome and country'),
    h('p', { class: 'page-intro' }, `Computed from the launch log: ${f.coverage.note} Years marked * are incomplete.`),
    h('div', { class: 'toolbar' },
      selectControl('From year', 'from', [1957, 1990, 2000, 2010, 2015, 2020].map((y) => ({ value: String(y), label: String(y) })), String(from), (v) => setQueryParam(PATH, ctx.query, 'from', v)),
      selectControl('Compare China with', 'vs', (compareWith.includes(vs) ? compareWith : [vs, ...compareWith]).map((c) => ({ value: c, label: `${stateName(f, c)} (${c})` })), vs, (v) => setQueryParam(PATH, ctx.query, 'vs', v))),
    charts);
  charts.append(await chinaBySectorChart(f, query, permalink, charts));
  charts.append(await countryByOutcomeChart(f, vs, query, permalink, charts));
}
