/** A dated list from the timeline API (policies issued, events), each entry cited. */
import { apiGet } from '../api/client.ts';
import type { TimelineItem } from '../api/types.ts';
import type { SegmentId } from '../segments.ts';
import { h } from '../dom.ts';
import { formatDate } from '../format/values.ts';
import { entityHref } from '../links.ts';
import { eventSources } from '../timeline/event-sources.ts';

export async function datedList(segment: SegmentId, kinds: string, emptyText: string): Promise<HTMLElement> {
  const { items } = await apiGet('/timeline', { query: { segment, kind: kinds } });
  const seen = new Set<string>();
  const unique = items.filter((i) => !seen.has(`${i.entityId}|${i.property}`) && seen.add(`${i.entityId}|${i.property}`));
  if (!unique.length) return h('p', { class: 'muted' }, emptyText);
  return h('ul', { class: 'dated-list' }, unique.map((i) => h('li', null,
    h('span', { class: 'date' }, formatDate(i.date)), ' ',
    h('a', { href: entityHref(i.entityId) }, i.caption), h('span', { class: 'muted small' }, ` — ${i.label.toLowerCase()} `), eventSources(i))));
}
