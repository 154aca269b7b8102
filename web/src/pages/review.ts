/**
 * The review queue (reviewers): each open proposal beside the current values of what it changes, its conflicts and
 * any reason it would not be approved now; approve (never your own) or reject, with a comment.
 */
import { h, fill } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { read, write } from '../editorial/session.ts';
import { gate, showFailure } from '../editorial/forms.ts';
import type { Proposal, ProposalDetail, StoredStatement } from '../editorial/types.ts';

function statementRow(s: StoredStatement, mark: string): HTMLElement {
  return h('tr', { class: `diff-${mark}`, 'data-statement': s.id },
    h('td', null, mark === 'new' ? '+' : mark === 'old' ? '−' : ''), h('td', null, s.property), h('td', null, s.value),
    h('td', null, s.asOf ?? ''), h('td', null, s.status), h('td', null, h('code', null, s.sourceId), s.locator ? ` · ${s.locator}` : ''));
}

/** The proposal as a diff against today: removed or superseded lines (−), current lines, proposed lines (+). */
function diff(d: ProposalDetail): HTMLElement {
  const p = d.proposal.payload;
  const target = p.targetStatementId;
  const proposed = (p.statements ?? []).map((s) => ({
    id: '', entityId: p.entityId ?? '', property: s.property, value: String(s.value), sourceId: p.cite?.source ?? p.newSource?.id as string ?? '',
    locator: p.cite?.locator ?? null, asOf: s.asOf ?? null, status: s.status ?? 'reported',
  }));
  return h('table', { class: 'diff' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', null, 'Property'), h('th', null, 'Value'), h('th', null, 'As of'), h('th', null, 'Status'), h('th', null, 'Source'))),
    h('tbody', null,
      d.current.map((s) => statementRow(s, s.id === target ? 'old' : 'current')),
      proposed.map((s) => statementRow(s as StoredStatement, 'new'))));
}

function card(d: ProposalDetail, onDone: () => void): HTMLElement {
  const p = d.proposal;
  const comment = h('textarea', { rows: '2', 'aria-label': `Comment on proposal ${p.id}`, placeholder: 'comment (optional)' });
  const errors = h('div');
  const decide = (what: 'approve' | 'reject') => write('post', what === 'approve' ? '/proposals/{id}/approve' : '/proposals/{id}/reject', { path: { id: p.id }, body: comment.value.trim() ? { comment: comment.value.trim() } : {} })
    .then(onDone, (err: unknown) => showFailure(errors, err));
  const approve = h('button', { type: 'button', 'data-action': 'approve' }, 'Approve');
  const reject = h('button', { type: 'button', 'data-action': 'reject' }, 'Reject');
  approve.addEventListener('click', () => void decide('approve'));
  reject.addEventListener('click', () => void decide('reject'));
  const newSource = p.payload.newSource;
  return h('article', { class: 'card proposal', 'data-proposal': p.id },
    h('h2', null, `#${p.id} · ${p.kind}`, p.entityId ? [' · ', h('a', { href: href(`/entity/${p.entityId}`) }, p.entityId)] : null),
    h('p', { class: 'muted small' }, `proposed by ${p.proposer} on ${p.createdAt.slice(0, 16).replace('T', ' ')} UTC`),
    p.comment ? h('blockquote', null, p.comment) : null,
    diff(d),
    newSource ? h('p', null, 'New source: ', h('code', null, String(newSource.id ?? '')), ` · ${String(newSource.title ?? '')} · ${String(newSource.publisher ?? '')} · ${String(newSource.published ?? '')} · `,
      typeof newSource.url === 'string' ? h('a', { href: newSource.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, newSource.url) : null) : null,
    d.conflicts.length ? h('p', { class: 'pill pill-warn' }, `conflicts with ${d.conflicts.length} current value(s) of a single-valued property`) : null,
    d.problems.length ? h('ul', { class: 'form-errors' }, d.problems.map((x) => h('li', null, h('code', null, x.field), ': ', x.reason))) : null,
    comment, h('div', { class: 'actions' }, approve, ' ', reject), errors);
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Review queue');
  if (!(await gate(root, 'reviewer', 'Review proposals'))) return;
  const list = h('div');
  const draw = async () => {
    const open = await read('/proposals', { query: { status: 'open', limit: 50 } });
    const details = await Promise.all(open.items.map((p) => read('/proposals/{id}', { path: { id: p.id } })));
    if (!ctx.isCurrent()) return;
    fill(list, details.length ? details.map((d) => card(d, () => void draw())) : h('p', { class: 'muted', 'data-empty': 'true' }, 'No open proposals.'));
  };
  fill(root, h('h1', null, 'Review queue'), h('p', { class: 'muted' }, 'Open proposals, newest first. Approving writes the values with their source; the proposer cannot approve their own.'),
    list, h('p', null, h('a', { href: href('/audit') }, 'Audit trail')));
  await draw();
}
