/** A table of changes in the world (/api/v1/changes): world date, what happened, before → after, sources, when recorded. */
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';
import type { WorldChange, WorldPage } from '../api/types.ts';

export type { WorldChange, WorldPage };

export function worldChangesTable(items: WorldChange[], entityCell?: (c: WorldChange) => Node | string | null): HTMLElement {
  return h('table', { class: 'small changes world-changes' },
    h('thead', null, h('tr', null, h('th', null, 'World date'), h('th', null, 'Type'), h('th', null, 'What happened'), h('th', null, 'Before → after'),
      h('th', null, 'Source'), h('th', null, 'Recorded (UTC)'))),
    h('tbody', null, items.map((c) => h('tr', { 'data-type': c.type, 'data-country': c.country ?? '', 'data-entity': c.entityId ?? '', 'data-day': c.day },
      c.earliest
        ? h('td', { class: 'nowrap', title: `known only within this window: on or after ${c.earliest}, by ${c.date}`, 'data-earliest': c.earliest }, `${c.earliest} to ${c.date}`)
        : h('td', { class: 'nowrap', title: `${c.precision} precision` }, c.date),
      h('td', null, humanize(c.type)),
      h('td', null, c.title, entityCell && c.entityId ? [h('br'), entityCell(c)] : null, c.country ? h('span', { class: 'pill', style: 'margin-left:.25rem' }, c.country) : null),
      h('td', null, c.previous ? `${c.previous.value} (${c.previous.date ?? 'undated'}) → ${c.value ?? '—'}` : c.value ?? '—'),
      h('td', null, c.previous ? [cite(c.previous.sourceId, c.previous.locator), ' → '] : null, cite(c.sourceId, c.locator)),
      h('td', { class: 'nowrap muted' }, c.recordedAt.slice(0, 16).replace('T', ' '))))));
}

/** The definitions the API gives: how dates are used, and what each change type is. */
export function definitions(page: Pick<WorldPage, 'definition' | 'types'>): HTMLElement {
  return h('details', { class: 'definitions small' }, h('summary', null, 'How these changes are defined'),
    h('p', null, page.definition),
    h('dl', null, Object.entries(page.types).map(([t, d]) => [h('dt', null, humanize(t)), h('dd', null, d)])));
}
