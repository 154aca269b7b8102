/** Entities of a segment grouped by kind, as compact linked lists (first entries, then a link to all). */
import { apiGet } from '../api/client.ts';
import { rememberCaption } from '../api/entity-captions.ts';
import type { EntityList, EntitySummary } from '../api/types.ts';
import { h } from '../dom.ts';
import type { SegmentId } from '../segments.ts';
import { kindLabel, kindOrder } from '../format/kinds.ts';
import { entityHref, href } from '../links.ts';

const SHOWN = 18;

export async function entityGroups(segment: SegmentId, kinds: string[], emptyText: string): Promise<HTMLElement> {
  const list = await apiGet('/entities', { query: { segment, kind: kinds.join(','), limit: 200, sort: 'name' } });
  for (const e of list.items) rememberCaption(e.id, e.caption);
  const byKind = new Map<string, EntitySummary[]>();
  for (const e of list.items) (byKind.get(e.kind) ?? byKind.set(e.kind, []).get(e.kind)!).push(e);
  if (!byKind.size) return h('p', { class: 'muted' }, emptyText);
  return h('div', { class: 'entity-groups' }, [...byKind.entries()].sort(([a], [b]) => kindOrder(a) - kindOrder(b)).map(([kind, items]) =>
    h('div', { class: 'entity-group', 'data-kind': kind },
      h('h4', null, `${kindLabel(kind, true)} `, h('span', { class: 'pill' }, items.length)),
      h('ul', { class: 'chip-list' }, items.slice(0, SHOWN).map((e) => h('li', null, h('a', { href: entityHref(e.id) }, e.caption)))),
      items.length > SHOWN ? h('a', { class: 'small', href: href('/search', { kind, segment }) }, `All ${items.length} ${kindLabel(kind, true).toLowerCase()}`) : null)));
}
