/** Account management (admins): every account, a form to add one, and changing a role or disabling an account. */
import { h, fill } from '../dom.ts';
import type { PageContext } from '../page-context.ts';
import { read, write } from '../editorial/session.ts';
import { field, gate, input, showFailure } from '../editorial/forms.ts';
import type { Account } from '../editorial/types.ts';

const ROLES = ['contributor', 'reviewer', 'admin'] as const;

function roleSelect(value: string, label: string): HTMLSelectElement {
  return h('select', { 'aria-label': label }, ROLES.map((r) => h('option', { value: r, selected: r === value }, r)));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Accounts');
  const me = await gate(root, 'admin', 'Manage accounts');
  if (!me) return;
  const table = h('div');
  const errors = h('div');
  const draw = async () => {
    const accounts = await read('/accounts');
    if (!ctx.isCurrent()) return;
    fill(table, h('table', { class: 'data-table' },
      h('thead', null, h('tr', null, ['Name', 'Role', 'Created', 'State', ''].map((t) => h('th', null, t)))),
      h('tbody', null, accounts.map((a) => {
        const role = roleSelect(a.role, `Role of ${a.name}`);
        role.addEventListener('change', () => void write('patch', '/accounts/{id}', { path: { id: a.id }, body: { role: role.value as Account['role'] } }).then(draw, (e: unknown) => showFailure(errors, e)));
        const toggle = h('button', { type: 'button' }, a.disabledAt ? 'Enable' : 'Disable');
        toggle.addEventListener('click', () => void write('patch', '/accounts/{id}', { path: { id: a.id }, body: { disabled: !a.disabledAt } }).then(draw, (e: unknown) => showFailure(errors, e)));
        return h('tr', { 'data-account': a.name }, h('td', null, a.name), h('td', null, role), h('td', null, a.createdAt.slice(0, 10)),
          h('td', null, a.disabledAt ? `disabled ${a.disabledAt.slice(0, 10)}` : 'active'), h('td', null, a.name === me.account.name ? '' : toggle));
      }))));
  };
  const name = input('name', { autocomplete: 'off', required: true });
  const password = input('password', { type: 'password', autocomplete: 'new-password', required: true });
  const role = roleSelect('contributor', 'Role');
  const form = h('form', { class: 'editorial-form', 'aria-label': 'Add an account' }, field('Name', name), field('Role', role),
    field('Password', password, 'At least 12 characters; hand it over in person or by another channel.'), h('button', { type: 'submit' }, 'Add account'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    fill(errors);
    write('post', '/accounts', { body: { name: name.value.trim(), role: role.value as Account['role'], password: password.value } })
      .then(() => { form.reset(); return draw(); }, (e: unknown) => showFailure(errors, e));
  });
  fill(root, h('h1', null, 'Accounts'), table, errors, h('h2', null, 'Add an account'), form);
  await draw();
}
