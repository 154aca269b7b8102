/** The line under a search result that says why it matched: how, and the matched name or text. */
import type { SearchMatch } from '../api/types.ts';
import { h } from '../dom.ts';
import { entityHref } from '../links.ts';

const HOW: Record<SearchMatch['how'], string> = {
  exact: 'exact',
  prefix: 'starts with',
  substring: 'contains',
  fuzzy: 'similar to',
  related: 'related',
  description: 'in description',
};

const PROPERTY: Record<string, string> = { name: 'name', alias: 'alias', description: 'description', operator: 'operator of', manufacturer: 'maker of', parent: 'parent of', family: 'family of', partOf: 'contains' };

export function matchReason(m: SearchMatch): HTMLElement {
  const label = h('span', { class: `match-how match-${m.how}` }, HOW[m.how]);
  if (m.how === 'related' && m.via) {
    return h('span', { class: 'match', 'data-how': m.how }, label, ` ${PROPERTY[m.property] ?? m.property} `, h('a', { href: entityHref(m.via.id), tabindex: '-1' }, m.via.caption), h('span', { class: 'matched' }, ` (“${m.text}”)`));
  }
  const sim = m.how === 'fuzzy' && m.similarity !== null ? ` · similarity ${m.similarity.toFixed(2)}` : '';
  return h('span', { class: 'match', 'data-how': m.how, title: 'Names are compared in lower case, without tone marks or punctuation; "similar to" is trigram similarity (pg_trgm).' },
    label, ` ${PROPERTY[m.property] ?? m.property}: `, h('span', { class: 'matched' }, m.text), sim);
}
