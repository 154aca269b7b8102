/** The timeline of policies, missions, agreements and milestones, filterable by segment, kind and years. */
import { apiGet, apiLinks } from '../api/client.ts';
import type { TimelineItem } from '../api/types.ts';
import { h } from '../dom.ts';
import { kindLabel } from '../format/kinds.ts';
import { formatDate } from '../format/values.ts';
import { entityHref, navigate } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { segmentId, segmentLabel, SEGMENTS } from '../segments.ts';
import { eventSources } from '../timeline/event-sources.ts';

const KINDS = ['PolicyDocument', 'Mission', 'Agreement', 'Event', 'Program', 'Goal', 'LaunchVehicle', 'Organization', 'Facility', 'SpaceObject', 'Investment'];
const DEFAULT_KINDS = ['PolicyDocument', 'Mission', 'Agreement', 'Event'];
const MAX_KINDS = 6;

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Timeline');
  const segment = ctx.query.get('segment') ?? '';
  const kinds = (ctx.query.get('kind')?.split(',').filter((k) => KINDS.includes(k)) ?? DEFAULT_KINDS).slice(0, MAX_KINDS);
  const from = ctx.query.get('from') ?? '';
  const to = ctx.query.get('to') ?? '';
  const query = { segment: segmentId(segment), kind: kinds.join(','), from: from || undefined, to: to || undefined };

  const form = h('form', { class: 'toolbar timeline-filters' },
    h('label', null, 'Segment', h('select', { name: 'segment' }, h('option', { value: '' }, 'All segments'), SEGMENTS.map((s) => h('option', { value: s.id, selected: s.id === segment }, s.label)))),
    h('fieldset', { class: 'kind-filter' }, h('legend', null, `Kinds (up to ${MAX_KINDS})`),
      KINDS.map((k) => h('label', null, h('input', { type: 'checkbox', name: 'kind', value: k, checked: kinds.includes(k) }), kindLabel(k, true)))),
    h('label', null, 'From year', h('input', { type: 'number', name: 'from', min: 1950, max: 2100, value: from, style: 'width:6.5em' })),
    h('label', null, 'To year', h('input', { type: 'number', name: 'to', min: 1950, max: 2100, value: to, style: 'width:6.5em' })),
    h('button', { class: 'button', type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const picked = data.getAll('kind').map(String).slice(0, MAX_KINDS);
    navigate('/timeline', { segment: String(data.get('segment') ?? ''), kind: (picked.length ? picked : DEFAULT_KINDS).join(','), from: String(data.get('from') ?? ''), to: String(data.get('to') ?? '') });
  });
  const list = h('div', { 'aria-live': 'polite' });
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Timeline'),
    h('h1', null, 'Policies, missions, agreements and milestones'),
    h('p', { class: 'page-intro' }, 'Every date the knowledge base gives an event, one row per date with all the sources that give it; where sources give different dates, or the same date at another precision (“2024-05” and “2024-05-20”), each is its own row and names the others. Approximate dates are marked “c.”; a date every source stated before it came is marked as stated in advance (a plan, not a record).'),
    form, list);

  const { items } = await apiGet('/timeline', { query });
  const links = apiLinks('/timeline', { query });
  if (!ctx.isCurrent()) return;
  const byYear = new Map<string, TimelineItem[]>();
  for (const i of items) {
    const y = i.date.replace('~', '').slice(0, 4);
    (byYear.get(y) ?? byYear.set(y, []).get(y)!).push(i);
  }
  list.replaceChildren(
    h('p', { class: 'small muted', 'data-total': items.length }, `${items.length} dated events${segment ? ` in ${segmentLabel(segment)}` : ''}. `,
      h('a', { href: links.csv, 'data-api': 'csv' }, 'Download CSV'), ' · ', h('a', { href: links.json, 'data-api': 'json' }, 'JSON')),
    items.length ? h('ol', { class: 'timeline' }, [...byYear.entries()].map(([year, list]) => [
      h('li', { class: 'timeline-year-item' }, h('h2', { class: 'timeline-year' }, year)),
      list.map((i) => h('li', { class: `kind-${i.kind}`, 'data-entity': i.entityId, 'data-event': `${i.entityId}|${i.property}|${i.date}` },
        h('span', { class: 'date' }, formatDate(i.date)),
        h('span', { class: 'kind-badge' }, kindLabel(i.kind)), ' ',
        h('a', { href: entityHref(i.entityId) }, i.caption),
        h('span', { class: 'muted small' }, ` — ${i.label.toLowerCase()} `),
        i.segments.map((s) => h('span', { class: 'pill', style: 'margin-right:.25rem' }, segmentLabel(s))), ' ',
        eventSources(i))),
    ])) : h('p', { class: 'muted' }, 'Nothing dated matches these filters.'));
}
