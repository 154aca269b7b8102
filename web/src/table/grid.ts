/** The table itself: sortable headers (click again to reverse), cells with their values linked and their sources named. */
import type { EntityTable, TableCellValue, TableColumn } from '../api/types.ts';
import { h } from '../dom.ts';
import { cite } from '../citations/cite.ts';
import { entityHref } from '../links.ts';
import { formatDate, formatMoney, humanize } from '../format/values.ts';
import { viewHref, type ViewState } from './view-state.ts';

function valueText(c: TableColumn, v: TableCellValue): string {
  if (c.type === 'date') return formatDate(v.value);
  if (c.type === 'money') return formatMoney(v.value);
  if (c.type === 'enum') return humanize(v.text);
  return v.text;
}

function cell(c: TableColumn, values: TableCellValue[]): HTMLElement {
  return h('td', { 'data-column': c.id }, values.map((v, i) => h('span', { class: v.conflict ? 'table-value conflict' : 'table-value' },
    i ? h('span', { class: 'muted' }, '; ') : null,
    v.qualifier ? `${v.qualifier} ` : null,
    h('span', { title: `Source: ${v.sources.map((s) => `${s.id}${s.locator ? ` ${s.locator}` : ''}`).join('; ')}${v.status === 'unverified' ? ' (unverified)' : ''}` },
      c.type === 'entity' && /^[a-z]+\.[a-z0-9.-]+$/.test(v.value) ? h('a', { href: entityHref(v.value) }, v.text) : valueText(c, v)),
    v.status === 'unverified' ? h('sup', { class: 'muted', title: 'unverified' }, '?') : null,
    h('span', { class: 'table-cites small' }, v.sources.map((s) => cite(s.id, s.locator, { status: v.status === 'derived' ? null : v.status }))),
    v.conflict ? h('span', { class: 'muted small', title: 'The sources disagree; every value is shown, the preferred first.' }, ' (sources disagree)') : null)));
}

/** The table, with a switch that shows each value's citation under it (hidden by default: each value names its source on hover). */
export function tableGrid(t: EntityTable, state: ViewState): HTMLElement {
  const table = grid(t, state);
  const toggle = h('input', { type: 'checkbox', class: 'show-sources' });
  toggle.addEventListener('change', () => table.classList.toggle('with-sources', toggle.checked));
  return h('div', null, h('label', { class: 'small' }, toggle, ' Show each value\'s source'), table);
}

function grid(t: EntityTable, state: ViewState): HTMLElement {
  const [sortCol, desc] = [t.query.sort.replace(/^-/, ''), t.query.sort.startsWith('-')];
  const header = (id: string, label: string, doc: string | null) => {
    const active = sortCol === id;
    const next = active && !desc ? `-${id}` : id;
    return h('th', { scope: 'col', 'data-column': id, 'aria-sort': active ? (desc ? 'descending' : 'ascending') : null, title: doc },
      h('a', { href: viewHref(t.kind, state, { sort: next === 'name' ? null : next }), class: 'sort-link', 'data-sort': id }, label, active ? (desc ? ' ▼' : ' ▲') : ''));
  };
  return h('div', { class: 'table-scroll' }, h('table', { class: 'entity-table' },
    h('thead', null, h('tr', null, header('name', 'Name', null), t.columns.map((c) => header(c.id, c.label, c.doc)))),
    h('tbody', null, t.rows.map((r) => h('tr', { 'data-id': r.id },
      h('th', { scope: 'row' }, h('a', { href: entityHref(r.id) }, r.name)),
      t.columns.map((c) => cell(c, r.cells[c.id] ?? [])))))));
}
