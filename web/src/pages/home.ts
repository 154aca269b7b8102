/**
 * Home: the report's five key findings, each quantitative claim beside the value computed
 * from the newest stored data, and two headline charts (launches by provider sector, constellations).
 */
import { apiGet } from '../api/client.ts';
import type { Indicators } from '../api/indicator-types.ts';
import type { ConstellationsFigure, LaunchesFigure } from '../api/types.ts';
import { loadPlot } from '../charts/plot.ts';
import { h } from '../dom.ts';
import { claimsTable, findingSection } from '../home/findings.ts';
import { section } from '../layout/states.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { highlight } from '../layout/highlight.ts';

async function findings(ctx: PageContext): Promise<Node[]> {
  const data = await apiGet('/indicators');
  if (!ctx.isCurrent()) return [];
  return [
    ...data.findings.map(findingSection),
    data.otherClaims.length ? h('section', { class: 'finding' },
      h('details', null, h('summary', null, h('strong', null, `${data.otherClaims.length} more claims tracked`), h('span', { class: 'muted small' }, ' (from the report body and the seed articles)')), claimsTable(data.otherClaims))) : null,
    h('p', { class: 'small muted' }, `Live values computed ${data.computedAt.slice(0, 16).replace('T', ' ')} UTC. `, h('a', { href: '/api/v1/indicators?format=csv', 'data-api': 'csv' }, 'Download as CSV'), ' · ', h('a', { href: '/api/v1/indicators', 'data-api': 'json' }, 'JSON')),
  ].filter((n): n is HTMLElement => n !== null);
}

async function launchesGlance(slot: HTMLElement): Promise<Node> {
  const [{ chinaBySectorChart }, f] = await Promise.all([import('../charts/launches-chart.ts'), apiGet('/analytics/launches', { query: { from: 2015 } })]);
  return chinaBySectorChart(f, { from: 2015 }, href('/chart/launches', { from: 2015 }), slot);
}

async function constellationsGlance(slot: HTMLElement): Promise<Node> {
  const [{ deploymentShareChart }, f] = await Promise.all([import('../charts/constellations-chart.ts'), apiGet('/analytics/constellations')]);
  return deploymentShareChart(f, {}, href('/chart/constellations'), slot);
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Key findings');
  void loadPlot();
  const findingsSlot = h('div');
  const launchesSlot = h('div');
  const constellationsSlot = h('div');
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Redshift Monitor'),
    h('h1', null, 'China\'s commercial and civil space enterprise, tracked'),
    h('p', { class: 'page-intro' },
      'The five key findings of the September 2025 ', h('cite', null, 'Redshift'), ' report (Commercial Space Federation), each quantitative claim set beside the value computed from the newest stored data (each value says its data and their date). ',
      'Every number links to the data and sources behind it.'),
    findingsSlot,
    h('section', { class: 'glance' },
      h('h2', null, 'The data behind the findings'),
      h('div', { class: 'grid grid-2' }, launchesSlot, constellationsSlot),
      h('p', { class: 'small' }, 'More: ', h('a', { href: href('/chart/spacecraft') }, 'operational spacecraft'), ' · ', h('a', { href: href('/chart/funding') }, 'funding'), ' · ',
        h('a', { href: href('/map/reach') }, 'ILRS vs Artemis Accords'), ' · ', h('a', { href: href('/chart/goals') }, 'goal tracker'))));
  await Promise.all([
    section(findingsSlot, 'Key findings', () => findings(ctx)),
    section(launchesSlot, 'Launches chart', () => launchesGlance(launchesSlot)),
    section(constellationsSlot, 'Constellations chart', () => constellationsGlance(constellationsSlot)),
  ]);
  const indicator = ctx.query.get('indicator');
  if (indicator && ctx.isCurrent()) highlight(root, `tr[data-claim="${CSS.escape(indicator)}"]`);
}
