/** Search across everything (names, aliases including Chinese names, descriptions), grouped by kind. */
import { apiGet } from '../api/client.ts';
import { rememberCaption } from '../api/entity-captions.ts';
import type { EntityList, EntitySummary, StoreStatus } from '../api/types.ts';
import { h } from '../dom.ts';
import { kindLabel, kindOrder } from '../format/kinds.ts';
import { loading, unavailable } from '../layout/states.ts';
import { entityHref, href, navigate, type PageContext } from '../router.ts';

const LIMIT = 200;

function resultGroups(items: EntitySummary[]): HTMLElement[] {
  const byKind = new Map<string, EntitySummary[]>();
  for (const it of items) (byKind.get(it.kind) ?? byKind.set(it.kind, []).get(it.kind)!).push(it);
  return [...byKind.entries()].sort(([a], [b]) => kindOrder(a) - kindOrder(b)).map(([kind, list]) =>
    h('section', { class: 'result-group', 'data-kind': kind },
      h('h2', null, kindLabel(kind, true), h('span', { class: 'pill' }, list.length)),
      h('ul', { class: 'result-list' }, list.map((e) => h('li', null, h('a', { href: entityHref(e.id) }, e.caption), h('span', { class: 'id' }, e.id))))));
}

async function browseKinds(): Promise<HTMLElement> {
  const s = await apiGet<StoreStatus>('status');
  return h('section', null,
    h('h2', null, 'Browse by kind'),
    h('ul', { class: 'result-list' }, [...s.entitiesByKind].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind)).map((k) =>
      h('li', null, h('a', { href: href('/search', { kind: k.kind }) }, kindLabel(k.kind, true)), h('span', { class: 'muted small' }, ` ${k.entities}`)))));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const q = ctx.query.get('q')?.trim() ?? '';
  const kind = ctx.query.get('kind') ?? '';
  const segment = ctx.query.get('segment') ?? '';
  ctx.setTitle(q ? `Search: ${q}` : kind ? kindLabel(kind, true) : 'Search');
  const input = h('input', { type: 'search', class: 'field', name: 'q', value: q, 'aria-label': 'Search terms', placeholder: 'e.g. LandSpace, 蓝箭, Qianfan, Wenchang' });
  const form = h('form', { class: 'search-form', role: 'search' }, input, h('button', { class: 'button', type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate('/search', { q: input.value.trim(), kind, segment });
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  root.replaceChildren(
    h('h1', null, kind && !q ? kindLabel(kind, true) : 'Search'),
    h('p', { class: 'page-intro' }, 'Names, aliases (including Chinese names), abbreviations and descriptions of every entity in the knowledge base.'),
    form, results);
  if (!q && !kind && !segment) {
    results.replaceChildren(loading('Loading kinds'));
    try { results.replaceChildren(await browseKinds()); } catch (err) { results.replaceChildren(unavailable(err, 'Entity counts')); }
    return;
  }
  results.replaceChildren(loading('Searching'));
  try {
    const list = await apiGet<EntityList>('entities', { q: q || undefined, kind: kind || undefined, segment: segment || undefined, limit: LIMIT });
    if (!ctx.isCurrent()) return;
    for (const e of list.items) rememberCaption(e.id, e.caption);
    const summary = h('p', { class: 'muted', 'data-total': list.total },
      list.total === 0 ? `Nothing matches “${q}”.` : `${list.total} ${list.total === 1 ? 'match' : 'matches'}${q ? ` for “${q}”` : ''}${list.total > list.items.length ? `; the first ${list.items.length} are shown` : ''}.`,
      kind ? [' ', h('a', { href: href('/search', { q }) }, 'Search all kinds')] : null);
    results.replaceChildren(summary, ...resultGroups(list.items));
  } catch (err) {
    results.replaceChildren(unavailable(err, 'Search'));
  }
}
