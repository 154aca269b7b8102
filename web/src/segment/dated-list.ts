/** A dated list from the timeline API (policies issued, events), each entry cited. */
import { apiGet } from '../api/client.ts';
import type { TimelineItem } from '../api/types.ts';
import type { SegmentId } from '../segments.ts';
import { h } from '../dom.ts';
import { formatDate } from '../format/values.ts';
import { entityHref } from '../links.ts';
import { eventSources } from '../timeline/event-sources.ts';

/**
 * The segment's dated entries of some kinds. With `china`, entries whose entity is not China's (a US rule the report
 * cites as context) are listed apart, under their own heading, so "China's policy shifts" holds China's alone.
 */
export async function datedList(segment: SegmentId, kinds: string, emptyText: string, opts: { china?: boolean } = {}): Promise<HTMLElement> {
  const [{ items }, chinese] = await Promise.all([
    apiGet('/timeline', { query: { segment, kind: kinds } }),
    opts.china ? apiGet('/entities', { query: { kind: kinds, segment, country: 'CN', limit: 200 } }) : null,
  ]);
  const seen = new Set<string>();
  const unique = items.filter((i) => !seen.has(`${i.entityId}|${i.property}`) && seen.add(`${i.entityId}|${i.property}`));
  if (!unique.length) return h('p', { class: 'muted' }, emptyText);
  if (!chinese) return entryList(unique);
  const ids = new Set(chinese.items.map((e) => e.id));
  const [china, other] = [unique.filter((i) => ids.has(i.entityId)), unique.filter((i) => !ids.has(i.entityId))];
  return h('div', null,
    china.length ? entryList(china) : h('p', { class: 'muted' }, 'None of China\'s recorded for this segment.'),
    other.length ? [h('h4', null, 'Other countries\' (context the report cites)'), entryList(other)] : null);
}

function entryList(items: TimelineItem[]): HTMLElement {
  return h('ul', { class: 'dated-list' }, items.map((i) => h('li', { 'data-entity': i.entityId },
    h('span', { class: 'date' }, formatDate(i.date)), ' ',
    h('a', { href: entityHref(i.entityId) }, i.caption), h('span', { class: 'muted small' }, ` — ${i.label.toLowerCase()} `), eventSources(i))));
}
