/** The audit trail (reviewers and admins): every sign-in, token use, proposal, decision and account change, newest first. */
import { h, fill } from '../dom.ts';
import type { PageContext } from '../page-context.ts';
import { read } from '../editorial/session.ts';
import { gate } from '../editorial/forms.ts';
import type { AuditRow } from '../editorial/types.ts';

const brief = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, 300));

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Audit trail');
  if (!(await gate(root, 'reviewer', 'Read the audit trail'))) return;
  const page = await read('/audit', { query: { limit: 200 } });
  if (!ctx.isCurrent()) return;
  fill(root, h('h1', null, 'Audit trail'), h('p', { class: 'muted' }, 'Append-only: the database refuses to change or delete a row. The newest 200.'),
    h('table', { class: 'data-table audit' },
      h('thead', null, h('tr', null, ['When (UTC)', 'Who', 'Action', 'Subject', 'Before', 'After'].map((t) => h('th', null, t)))),
      h('tbody', null, page.items.map((a) => h('tr', { 'data-action': a.action },
        h('td', null, a.at.slice(0, 19).replace('T', ' ')), h('td', null, a.actorName ?? ''), h('td', null, a.action), h('td', null, a.subject),
        h('td', null, h('code', null, brief(a.before))), h('td', null, h('code', null, brief(a.after))))))));
}
