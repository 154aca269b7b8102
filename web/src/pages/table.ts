/**
 * A kind as a table analysts can facet (#/table/Organization?ownership=private&segment=launch-reentry):
 * facets with counts in a sidebar, a text filter, sortable headers, a column chooser, a link to the
 * view and CSV/JSON downloads of exactly the rows shown. The hash query is the API query.
 */
import { apiGet, apiLinks } from '../api/client.ts';
import type { EntityTable } from '../api/types.ts';
import { h } from '../dom.ts';
import { kindLabel, kindName, KINDS } from '../format/kinds.ts';
import { humanize } from '../format/values.ts';
import { loading, unavailable } from '../layout/states.ts';
import { href, navigate } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { columnChooser } from '../table/column-chooser.ts';
import { facetSidebar } from '../table/facets.ts';
import { tableGrid } from '../table/grid.ts';
import { stateOf, viewHref, type ViewState } from '../table/view-state.ts';
import { renderNotFound } from './not-found.ts';

function activeFilters(t: EntityTable, state: ViewState): HTMLElement | null {
  const entries = Object.entries(t.query.filters);
  if (!entries.length && !t.query.q) return null;
  const label = (column: string) => t.facets.find((f) => f.column === column)?.label ?? column;
  const text = (column: string, value: string) => t.facets.find((f) => f.column === column)?.values.find((v) => v.value === value)?.text ?? value;
  return h('p', { class: 'active-filters' }, 'Filtered by ',
    entries.map(([c, v]) => h('a', { class: 'pill filter-chip', href: viewHref(t.kind, state, { [c]: null }), title: 'Remove this filter' }, `${label(c)}: ${humanize(text(c, v))} ✕`)),
    t.query.q ? h('a', { class: 'pill filter-chip', href: viewHref(t.kind, state, { q: null }) }, `text “${t.query.q}” ✕`) : null,
    ' ', h('a', { href: href(`/table/${t.kind}`) }, 'Clear all'));
}

function toolbar(t: EntityTable, state: ViewState): HTMLElement {
  const input = h('input', { type: 'search', class: 'field', name: 'q', value: state.q ?? '', 'aria-label': 'Filter rows by text', placeholder: 'Filter rows by text' });
  const form = h('form', { class: 'search-form table-filter', role: 'search' }, input, h('button', { class: 'button', type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate(`/table/${t.kind}`, { ...state, q: input.value.trim() || null });
  });
  const links = apiLinks('/tables/{kind}', { path: { kind: t.kind }, query: { ...state } });
  const viewLink = `${location.origin}${location.pathname}${viewHref(t.kind, state)}`;
  return h('div', { class: 'table-toolbar' }, form,
    h('p', { class: 'table-links small' },
      h('a', { href: viewHref(t.kind, state), class: 'view-link', 'data-link': viewLink, title: 'The address of this view: filters, sort and columns included' }, 'Link to this view'),
      ' · Download exactly these rows: ',
      h('a', { href: links.csv, class: 'download-csv', download: '' }, 'CSV'), ' (',
      h('a', { href: `${links.csv}&layout=long`, class: 'download-csv-long', download: '', title: 'One row per value and source: each value with its own qualifier, status and citation' }, 'one row per value and source'), ') · ',
      h('a', { href: links.json, class: 'download-json' }, 'JSON')),
    columnChooser(t, state));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const kind = kindName(ctx.params.kind);
  if (!kind) return renderNotFound(root, `/table/${ctx.params.kind ?? ''}`);
  ctx.setTitle(`${kindLabel(kind, true)} table`);
  const state = stateOf(ctx.query);
  const body = h('div', { class: 'table-page' }, loading(`Loading ${kindLabel(kind, true).toLowerCase()}`));
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Table'),
    h('h1', null, kindLabel(kind, true)),
    h('p', { class: 'page-intro' }, 'Every entity of this kind with its cited values. Pick facet values to filter (counts are over the rows shown), sort by any column, choose columns, then link to or download exactly this view.'),
    h('nav', { class: 'small', 'aria-label': 'Other tables' }, KINDS.map((k, i) => [i ? ' · ' : '', k.kind === kind ? h('strong', null, k.many) : h('a', { href: href(`/table/${k.kind}`) }, k.many)])),
    body);
  let t: EntityTable;
  try {
    t = await apiGet('/tables/{kind}', { query: state, path: { kind } });
  } catch (err) {
    if (ctx.isCurrent()) body.replaceChildren(unavailable(err, `The ${kindLabel(kind, true).toLowerCase()} table`));
    return;
  }
  if (!ctx.isCurrent()) return;
  body.replaceChildren(
    facetSidebar(t, state),
    h('div', { class: 'table-main' },
      toolbar(t, state),
      activeFilters(t, state),
      h('p', { class: 'muted table-count', 'data-total': t.total }, `${t.total} of ${t.totalUnfiltered} ${kindLabel(kind, true).toLowerCase()}`),
      tableGrid(t, state),
      h('details', { class: 'table-definitions small' }, h('summary', null, 'Definitions'), h('ul', null, t.definitions.map((d) => h('li', null, d))))));
}
