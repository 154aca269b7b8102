/**
 * A segment page, following the report's method: goals → shifts (policy, campaign,
 * investment) → achievements (technologies and programs, stakeholders and hubs,
 * international engagement) → risks → the recommendations that answer them.
 */
import { apiGet } from '../api/client.ts';
import type { EntityRowList, GoalList } from '../api/types.ts';
import { h } from '../dom.ts';
import { datedList } from '../segment/dated-list.ts';
import { entityGroups } from '../segment/entity-groups.ts';
import { goalsSection } from '../segment/goals-section.ts';
import { recommendationsSection, risksSection } from '../segment/risks-section.ts';
import { section } from '../layout/states.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { segmentById, SEGMENTS } from '../segments.ts';
import { renderNotFound } from './not-found.ts';
import { isSegmentRow } from '../../../src/model/funding-charts.ts';

function step(title: string, intro: string | null, ...parts: HTMLElement[]): HTMLElement {
  return h('section', { class: 'method-step' }, h('h2', null, title), intro ? h('p', { class: 'muted small' }, intro) : null, ...parts);
}

function sub(title: string, slot: HTMLElement): HTMLElement {
  return h('div', { class: 'sub-step' }, h('h3', null, title), slot);
}

async function investment(segment: string, slot: HTMLElement): Promise<Node[]> {
  const [{ API_ROWS_NOTE, drawnSeriesApi, seriesChart }, { items }] = await Promise.all([import('../charts/series-chart.ts'), apiGet('/series', { query: { segment, measure: 'funding-by-segment' } })]);
  const yearly = items.filter(isSegmentRow);
  const out: Node[] = [];
  if (yearly.length) {
    out.push(await seriesChart(yearly, slot, {
      spec: { id: `funding-${segment}`, title: 'Commercial investment into this segment, per year (USD millions)', permalink: href(`/segment/${segment}`), level: 'h3' },
      label: (s) => s.dimensions.segment?.replace(/-/g, ' ') ?? s.title, yLabel: 'USD millions', api: drawnSeriesApi(yearly),
      notes: ['Orbital Gateway Consulting data as printed in the report\'s funding table for this segment: every segment row of that table (a row two tables print, such as Satellite Manufacturing in Tables 5 and 7, is drawn on both segments\' pages); the table\'s grouped subtotal is not drawn.', API_ROWS_NOTE],
    }));
  } else out.push(h('p', { class: 'muted' }, 'The report gives no funding table for this segment.'));
  out.push(h('p', { class: 'small' }, h('a', { href: href('/chart/funding') }, 'All segments and investor types, with government expenditure')));
  return out;
}

const TABLE_KINDS: [string, string][] = [['Organization', 'Organizations'], ['Facility', 'Facilities'], ['LaunchVehicle', 'Launch vehicles'], ['Program', 'Programs'], ['Mission', 'Missions']];

/** Links to the faceted tables filtered to this segment. */
function segmentTables(segment: string): HTMLElement {
  return h('p', { class: 'segment-tables' }, 'Tables of this segment (filter, sort, download): ',
    TABLE_KINDS.map(([kind, label], i) => [i ? ' · ' : '', h('a', { href: href(`/table/${kind}`, { segment }), 'data-table-kind': kind }, label)]));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const seg = segmentById(ctx.params.id ?? '');
  if (!seg) return renderNotFound(root, `/segment/${ctx.params.id}`);
  ctx.setTitle(seg.label);
  const id = seg.id;
  const slots = {
    goals: h('div'), policy: h('div'), campaign: h('div'), invest: h('div'),
    tech: h('div'), stakeholders: h('div'), international: h('div'), risks: h('div'), recs: h('div'),
  };
  const i = SEGMENTS.findIndex((s) => s.id === id);
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, `Segment · Report §${seg.section}`),
    h('h1', null, seg.label),
    h('p', { class: 'page-intro' }, `Following the report's method for §${seg.section}: what China set out to do, how it shifted policy, campaigns and money, what it achieved, the risks for America, and the recommendations that answer them.`),
    h('nav', { class: 'small', 'aria-label': 'Other segments' }, SEGMENTS.map((s, j) => [j ? ' · ' : '', j === i ? h('strong', null, s.label) : h('a', { href: href(`/segment/${s.id}`) }, s.label)])),
    h('div', { class: 'method-steps' },
      step('Goals', 'Stated targets, their deadlines and whether they were met on time.', slots.goals),
      step('Shifts', null, sub('Policy shifts', slots.policy), sub('Campaign shifts', slots.campaign), sub('Investment shifts', slots.invest)),
      step('Achievements', null, sub('Technologies and programs', slots.tech), sub('Stakeholders and hubs', slots.stakeholders), sub('International engagement', slots.international)),
      segmentTables(id),
      step('Risks and the recommendations that answer them', 'Each risk the report names (§' + seg.section + '.4), beside the recommendations (§4) linked to it.', slots.risks),
      step('All recommendations for this segment', null, slots.recs)));
  const risksAndRecs = Promise.all([apiGet('/risks', { query: { segment: id } }), apiGet('/recommendations', { query: { segment: id } })]);
  await Promise.all([
    section(slots.goals, 'Goals', async () => goalsSection(await apiGet('/goals', { query: { segment: id } }))),
    section(slots.policy, 'Policy documents', () => datedList(id, 'PolicyDocument', 'No policy documents recorded for this segment.', { china: true })),
    section(slots.campaign, 'Events and milestones', () => datedList(id, 'Event', 'No events recorded for this segment.')),
    section(slots.invest, 'Investment', () => investment(id, slots.invest)),
    section(slots.tech, 'Technologies and programs', () => entityGroups(id, ['Program', 'Mission', 'LaunchVehicle', 'SpaceObject'], 'None recorded.')),
    section(slots.stakeholders, 'Stakeholders and hubs', () => entityGroups(id, ['Organization', 'Facility', 'Hub', 'Person', 'Investment'], 'None recorded.')),
    section(slots.international, 'International engagement', () => entityGroups(id, ['Agreement'], 'No agreements recorded for this segment.')),
    section(slots.risks, 'Risks', async () => { const [r, c] = await risksAndRecs; return risksSection(r, c); }),
    section(slots.recs, 'Recommendations', async () => recommendationsSection((await risksAndRecs)[1])),
  ]);
}
