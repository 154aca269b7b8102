/** The facet sidebar: each facet's values with their counts over the filtered rows; a value toggles its filter. */
import type { EntityTable } from '../api/types.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';
import { viewHref, type ViewState } from './view-state.ts';

const SHOWN = 12;

export function facetSidebar(t: EntityTable, state: ViewState): HTMLElement {
  return h('aside', { class: 'table-facets', 'aria-label': 'Facets' },
    h('h2', null, 'Facets'),
    t.facets.length ? null : h('p', { class: 'muted small' }, 'No facets chosen.'),
    t.facets.map((f) => {
      const selected = state[f.column];
      const item = (v: { value: string; text: string; count: number }) => {
        const on = selected === v.value;
        return h('li', null, h('a', {
          href: viewHref(t.kind, state, { [f.column]: on ? null : v.value }), class: on ? 'facet-value selected' : 'facet-value',
          'data-facet': f.column, 'data-value': v.value, 'aria-current': on ? 'true' : null,
        }, on ? '✓ ' : '', f.column === 'hub' || f.column === 'parent' ? v.text : humanize(v.text)), h('span', { class: 'facet-count' }, v.count));
      };
      const head = f.values.slice(0, SHOWN);
      const rest = f.values.slice(SHOWN);
      return h('section', { class: 'facet', 'data-facet': f.column },
        h('h3', null, f.label),
        h('ul', null, head.map(item)),
        rest.length ? h('details', null, h('summary', { class: 'small' }, `${rest.length} more`), h('ul', null, rest.map(item))) : null,
        f.missing ? h('p', { class: 'muted small' }, `no value: ${f.missing}`) : null);
    }));
}
