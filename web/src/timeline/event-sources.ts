/** Every source of one timeline event, the conflicting dates other sources give for the same fact (kept side by side, not resolved), and the dates that agree at another precision. */
import type { TimelineItem } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { formatDate } from '../format/values.ts';

export function eventSources(i: TimelineItem): HTMLElement {
  return h('span', { class: 'event-sources', 'data-sources': String(i.sources.length) },
    i.sources.map((s) => cite(s.sourceId, s.locator, { status: s.status })),
    i.otherDates.length
      ? h('span', { class: 'small conflict', 'data-other-dates': i.otherDates.join(',') }, ` Sources differ: also dated ${i.otherDates.map(formatDate).join(', ')}.`)
      : null,
    i.agreeingDates.length
      ? h('span', { class: 'small', 'data-agreeing-dates': i.agreeingDates.join(',') }, ` Also dated ${i.agreeingDates.map(formatDate).join(', ')} by another source (the same date, given at another precision or as an approximation).`)
      : null,
    i.statedInAdvance
      ? h('span', { class: 'small warning', 'data-stated-in-advance': '' },
        ` Stated in advance: ${i.sources.length === 1 ? 'its source was' : 'every source giving this date was'} published before it (${[...new Set(i.sources.map((s) => s.published!))].map(formatDate).join(', ')}), `
        + 'so it was a plan or forecast when stated, not a record that it happened.')
      : null,
    [...new Set(i.sources.flatMap((s) => (s.note ? [s.note] : [])))].map((note) => h('span', { class: 'small', 'data-date-note': '' }, ` Date note: ${note}`)));
}
