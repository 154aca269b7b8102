/** The spacecraft page: Figure 8 from data for a country and snapshot date. */
import { apiGet } from '../api/client.ts';
import type { SpacecraftFigure, StoreStatus } from '../api/types.ts';
import { spacecraftChart } from '../charts/spacecraft-chart.ts';
import { h } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { selectControl, setQueryParam } from './controls.ts';

const PATH = '/chart/spacecraft';
const COUNTRIES = [['CN', 'China'], ['US', 'United States'], ['RU', 'Russia'], ['JP', 'Japan'], ['IN', 'India'], ['GB', 'United Kingdom'], ['FR', 'France']];

export async function renderSpacecraft(root: HTMLElement, ctx: PageContext): Promise<void> {
  const country = ctx.query.get('country') ?? 'CN';
  const asOf = ctx.query.get('asOf') ?? undefined;
  ctx.setTitle('Operational spacecraft');
  const query = { country, asOf };
  const [f, status] = await Promise.all([apiGet('/analytics/spacecraft', { query }), apiGet('/status')]);
  // The catalogs the attribution consulted: the API lists them; older servers only in /status.
  const attribution = f.sources?.filter((s) => s !== f.snapshot.sourceId)
    ?? status.origins.filter((o) => ['ingest:gcat-launchlog', 'ingest:celestrak-satcat', 'ingest:ucs'].includes(o.origin) && o.sourceId).map((o) => o.sourceId!);
  if (!ctx.isCurrent()) return;
  const date = h('input', { type: 'date', name: 'asOf', value: asOf ?? '' });
  date.addEventListener('change', () => setQueryParam(PATH, ctx.query, 'asOf', date.value || null));
  const charts = h('div');
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Chart · Report Figure 8'),
    h('h1', null, 'Operational spacecraft by mission type and orbit'),
    h('p', { class: 'page-intro' }, `From the CelesTrak GP snapshot of ${f.snapshot.asOf} (${f.snapshot.objectCount.toLocaleString('en-US')} objects): payloads attributed to ${country}, by mission type and orbit regime.`),
    h('div', { class: 'toolbar' },
      selectControl('Country', 'country', COUNTRIES.map(([v, l]) => ({ value: v!, label: `${l} (${v})` })), country, (v) => setQueryParam(PATH, ctx.query, 'country', v)),
      h('label', null, 'Snapshot on or before', date)),
    charts);
  charts.append(await spacecraftChart(f, attribution, query, href(PATH, query), charts));
}
