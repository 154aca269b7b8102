/** The signed-in account's own proposals and their status, with the reviewer's comment once decided. */
import { h, fill } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { read } from '../editorial/session.ts';
import { gate } from '../editorial/forms.ts';
import type { Proposal } from '../editorial/types.ts';

function summary(p: Proposal): string {
  const v = p.payload.statements?.map((s) => `${s.property}: ${String(s.value)}`).join('; ');
  return v ?? (p.payload.newSource ? `source ${String(p.payload.newSource.id ?? '')}` : p.payload.targetStatementId ? `statement ${p.payload.targetStatementId}` : '');
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Your proposals');
  if (!(await gate(root, 'contributor', 'See your proposals'))) return;
  const mine = await read('/proposals', { query: { mine: '1', limit: 200 } });
  if (!ctx.isCurrent()) return;
  fill(root, h('h1', null, 'Your proposals'),
    h('p', null, h('a', { href: href('/propose') }, 'Suggest an edit')),
    mine.items.length ? h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['#', 'What', 'Entity', 'Proposed', 'Status', 'Reviewer', 'Comment'].map((t) => h('th', null, t)))),
      h('tbody', null, mine.items.map((p) => h('tr', { 'data-proposal': p.id, 'data-status': p.status },
        h('td', null, String(p.id)), h('td', null, `${p.kind}: ${summary(p)}`),
        h('td', null, p.entityId ? h('a', { href: href(`/entity/${p.entityId}`) }, p.entityId) : ''),
        h('td', null, p.createdAt.slice(0, 10)), h('td', null, h('span', { class: `pill status-${p.status}` }, p.status)),
        h('td', null, p.reviewer ?? ''), h('td', null, p.decisionComment ?? '')))))
      : h('p', { class: 'muted' }, 'No proposals yet.'));
}
