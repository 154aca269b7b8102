/** The constellations page: deployment vs plan, over time, and the ITU milestones. */
import { apiGet } from '../api/client.ts';
import type { ConstellationsFigure } from '../api/types.ts';
import { constellationTable, deploymentOverTimeChart, deploymentShareChart } from '../charts/constellations-chart.ts';
import { catalogReviewSection } from '../charts/constellation-catalog.ts';
import { h } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';

export async function renderConstellations(root: HTMLElement, ctx: PageContext): Promise<void> {
  const asOf = ctx.query.get('asOf') ?? undefined;
  ctx.setTitle('Constellations');
  const f = await apiGet('/analytics/constellations', { query: { asOf } });
  if (!ctx.isCurrent()) return;
  const permalink = href('/chart/constellations', { asOf });
  const charts = h('div');
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Chart'),
    h('h1', null, 'Constellation deployment vs plan'),
    h('p', { class: 'page-intro' }, `Satellites in orbit in each CelesTrak snapshot (${f.snapshots.map((s) => s.asOf).join(', ')}), counted by the curated name rules, against the planned sizes the sources give, and the ITU deployment milestones.`),
    charts);
  charts.append(await deploymentShareChart(f, { asOf }, permalink, charts));
  charts.append(catalogReviewSection(f));
  charts.append(await deploymentOverTimeChart(f, { asOf }, permalink, charts));
  charts.append(h('section', null, h('h2', null, 'Plans, pace and ITU milestones'), constellationTable(f)));
}
