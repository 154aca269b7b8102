/** Every source: the report, its numbered references, the articles and the datasets, with how much cites each. */
import { apiGet, apiLinks } from '../api/client.ts';
import type { SourceRow } from '../api/types.ts';
import { SOURCE_KINDS } from '../api/generated/enums.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';
import { navigate } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { feedStatusSection } from './feed-status.ts';

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Sources');
  const kind = ctx.query.get('kind') ?? '';
  const q = ctx.query.get('q') ?? '';
  const input = h('input', { type: 'search', class: 'field', name: 'q', value: q, placeholder: 'Filter by title or URL', 'aria-label': 'Filter sources' });
  const select = h('select', { name: 'kind' }, ['', 'report', 'reference', 'article', 'dataset', 'feed'].map((k) => h('option', { value: k, selected: k === kind }, k ? humanize(k) : 'All kinds')));
  const form = h('form', { class: 'toolbar' }, h('label', null, 'Kind', select), h('label', null, 'Text', input), h('button', { class: 'button', type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); navigate('/sources', { kind: select.value, q: input.value.trim() }); });
  const list = h('div');
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Sources'),
    h('h1', null, 'Sources'),
    h('p', { class: 'page-intro' }, 'Every fact in Redshift Monitor cites one of these: the report, its 348 numbered references, the seed articles, and the public datasets with their licences.'),
    form, list);
  const query = { kind: SOURCE_KINDS.find((k) => k === kind), q: q || undefined, limit: 500 };
  const [body, feeds] = await Promise.all([apiGet('/sources', { query }), feedStatusSection()]);
  if (!ctx.isCurrent()) return;
  root.append(feeds);
  list.replaceChildren(
    h('p', { class: 'small muted' }, `${body.items.length}${body.next ? '+' : ''} sources. `, h('a', { href: apiLinks('/sources', { query }).csv }, 'Download CSV')),
    h('table', { class: 'small', 'data-sources': '' },
      h('thead', null, h('tr', null, h('th', null, 'Source'), h('th', null, 'Kind'), h('th', null, 'Published'), h('th', null, 'Licence'), h('th', { class: 'num' }, 'Statements citing'))),
      h('tbody', null, body.items.map((s) => h('tr', { id: `source-${s.id}` },
        h('td', null, s.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : s.title, s.citation && s.citation !== s.title ? h('div', { class: 'muted' }, s.citation) : null, h('code', { class: 'source-id' }, s.id)),
        h('td', null, s.kind), h('td', { class: 'nowrap' }, s.published ?? '—'), h('td', null, s.licence ?? '—'), h('td', { class: 'num' }, s.statements))))));
}
