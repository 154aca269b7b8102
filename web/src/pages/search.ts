/**
 * Search across everything (names, aliases including Chinese names and pinyin, misspellings,
 * descriptions, related entities), grouped by kind; each result says why it matched. Arrow keys
 * move through the results, Enter opens one (search/result-keys.ts).
 */
import { apiGet } from '../api/client.ts';
import { segmentId } from '../segments.ts';
import { rememberCaption } from '../api/entity-captions.ts';
import type { EntityList, EntitySummary, SearchItem, SearchResult, StoreStatus } from '../api/types.ts';
import { h } from '../dom.ts';
import { kindLabel, kindOrder } from '../format/kinds.ts';
import { loading, unavailable } from '../layout/states.ts';
import { matchReason } from '../search/match-reason.ts';
import { navigateResults } from '../search/result-keys.ts';
import { entityHref, href, navigate } from '../links.ts';
import type { PageContext } from '../page-context.ts';

const LIMIT = 200;

function resultGroups(items: (EntitySummary | SearchItem)[]): HTMLElement[] {
  const byKind = new Map<string, (EntitySummary | SearchItem)[]>();
  for (const it of items) (byKind.get(it.kind) ?? byKind.set(it.kind, []).get(it.kind)!).push(it);
  // Search results come ranked (best match first): a kind's group goes where its best result is; a browsed list goes in kind order.
  const ranked = items.some((it) => 'match' in it);
  const order = (kind: string) => (ranked ? items.findIndex((it) => it.kind === kind) : kindOrder(kind));
  return [...byKind.entries()].sort(([a], [b]) => order(a) - order(b)).map(([kind, list]) =>
    h('section', { class: 'result-group', 'data-kind': kind },
      h('h2', null, kindLabel(kind, true), h('span', { class: 'pill' }, list.length)),
      h('ul', { class: 'result-list' }, list.map((e) => h('li', { 'data-id': e.id },
        h('a', { class: 'result-link', href: entityHref(e.id) }, e.caption), h('span', { class: 'id' }, e.id),
        'match' in e ? h('div', { class: 'small muted' }, matchReason(e.match)) : null)))));
}

async function browseKinds(): Promise<HTMLElement> {
  const s = await apiGet('/status');
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
  const input = h('input', { type: 'search', class: 'field', name: 'q', value: q, 'aria-label': 'Search terms', placeholder: 'e.g. LandSpace, 蓝箭, 千帆, Qianfan, Wenchang', autocomplete: 'off' });
  const form = h('form', { class: 'search-form', role: 'search' }, input, h('button', { class: 'button', type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    navigate('/search', { q: input.value.trim(), kind, segment });
  });
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  root.replaceChildren(
    h('h1', null, kind && !q ? kindLabel(kind, true) : 'Search'),
    h('p', { class: 'page-intro' }, 'Names, aliases (Chinese names, pinyin with or without tone marks), abbreviations and descriptions of every entity in the knowledge base; misspelled names are found by similarity.'),
    form, results);
  if (!q && !kind && !segment) {
    results.replaceChildren(loading('Loading kinds'));
    try { results.replaceChildren(await browseKinds()); } catch (err) { results.replaceChildren(unavailable(err, 'Entity counts')); }
    return;
  }
  results.replaceChildren(loading('Searching'));
  navigateResults(input, results);
  try {
    const scope = kind ? [' ', h('a', { href: href('/search', { q }) }, 'Search all kinds')] : null;
    if (q && !segment) {
      const found = await apiGet('/search', { query: { q, kind: kind || undefined, limit: LIMIT } });
      if (!ctx.isCurrent()) return;
      for (const e of found.items) rememberCaption(e.id, e.caption);
      const summary = h('p', { class: 'muted', 'data-total': found.total },
        found.total === 0 ? `Nothing matches “${q}”.` : `${found.total} ${found.total === 1 ? 'match' : 'matches'} for “${q}”${found.total > found.items.length ? `; the first ${found.items.length} are shown` : ''}. `,
        found.total ? h('span', { class: 'small' }, 'Names match exactly, by start, by contained text or by similarity (misspellings); entities related to a name match follow. Use ↓ ↑ to move through the results and Enter to open one.') : null, scope);
      results.replaceChildren(summary, ...resultGroups(found.items));
      return;
    }
    const list = await apiGet('/entities', { query: { q: q || undefined, kind: kind || undefined, segment: segmentId(segment), limit: LIMIT } });
    if (!ctx.isCurrent()) return;
    for (const e of list.items) rememberCaption(e.id, e.caption);
    const summary = h('p', { class: 'muted', 'data-total': list.total },
      list.total === 0 ? `Nothing matches “${q}”.` : `${list.total} ${list.total === 1 ? 'match' : 'matches'}${q ? ` for “${q}”` : ''}${list.total > list.items.length ? `; the first ${list.items.length} are shown` : ''}.`,
      scope);
    results.replaceChildren(summary, ...resultGroups(list.items));
  } catch (err) {
    results.replaceChildren(unavailable(err, 'Search'));
  }
}
