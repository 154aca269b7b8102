/** What changed in the knowledge base and catalogs since a date (the change feed). */
import { apiGet, apiUrl } from '../api/client.ts';
import { fill, h } from '../dom.ts';
import { changesTable, type Change } from '../entity/history.ts';
import { entityLink } from '../entity/entity-link.ts';
import { navigate, type PageContext } from '../router.ts';

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Changes');
  const since = ctx.query.get('since') ?? new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
  const cursor = ctx.query.get('cursor') ?? '';
  const date = h('input', { type: 'date', name: 'since', value: since });
  const form = h('form', { class: 'toolbar' }, h('label', null, 'Since', date), h('button', { class: 'button', type: 'submit' }, 'Show'));
  form.addEventListener('submit', (ev) => { ev.preventDefault(); navigate('/changes', { since: date.value }); });
  const list = h('div');
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Change feed'),
    h('h1', null, 'What changed'),
    h('p', { class: 'page-intro' }, 'New entities, new or removed statements, new launches and catalog objects, goal status changes: each with its time and source. Also as ', h('a', { href: apiUrl('changes.atom', { since }) }, 'an Atom feed'), '.'),
    form, list);
  const query = { since, limit: 200, cursor: cursor || undefined };
  const body = await apiGet<{ items: Change[]; next: string | null }>('changes', query);
  if (!ctx.isCurrent()) return;
  fill(list,
    h('p', { class: 'small muted' }, `${body.items.length}${body.next ? '+' : ''} changes since ${since}. `, h('a', { href: apiUrl('changes', { since, limit: 1000, format: 'csv' }) }, 'Download CSV')),
    body.items.length ? changesTable(body.items, true, (c) => (c.entityId ? entityLink(c.entityId, c.entityName ?? undefined) : c.subjectId)) : h('p', { class: 'muted' }, 'No changes in this period.'),
    body.next ? h('p', null, h('a', { class: 'button', href: `#/changes?since=${since}&cursor=${body.next}` }, 'Next 200')) : null);
}
