/** Sign in and out. The password goes to POST /api/v1/session only; the session is an HttpOnly cookie. */
import { h, fill } from '../dom.ts';
import { href, navigate } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { session, signIn, signOut } from '../editorial/session.ts';
import { field, input, showFailure } from '../editorial/forms.ts';

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Sign in');
  const s = await session();
  if (!ctx.isCurrent()) return;
  if (s) {
    const out = h('button', { type: 'button' }, 'Sign out');
    out.addEventListener('click', () => void signOut().then(() => navigate('/login')));
    fill(root, h('h1', null, 'Signed in'), h('p', null, `You are signed in as ${s.account.name} (${s.account.role}).`),
      h('ul', null, h('li', null, h('a', { href: href('/my-proposals') }, 'Your proposals')),
        s.account.role !== 'contributor' ? h('li', null, h('a', { href: href('/review') }, 'Review queue')) : null,
        s.account.role === 'admin' ? h('li', null, h('a', { href: href('/accounts') }, 'Accounts')) : null),
      out);
    return;
  }
  const name = input('name', { autocomplete: 'username', required: true });
  const password = input('password', { type: 'password', autocomplete: 'current-password', required: true });
  const errors = h('div');
  const form = h('form', { class: 'editorial-form', 'aria-label': 'Sign in' }, field('Account name', name), field('Password', password), errors, h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    signIn(name.value.trim(), password.value).then(() => {
      const next = ctx.query.get('next');
      const [path = '/', qs = ''] = (next && next.startsWith('/') ? next : '/login').split('?');
      navigate(path, Object.fromEntries(new URLSearchParams(qs)));
    }, (err: unknown) => showFailure(errors, err));
  });
  fill(root, h('h1', null, 'Sign in'), h('p', { class: 'muted' }, 'Everything is readable without an account. Contributors, reviewers and admins sign in to propose and review edits; accounts are made by an admin.'), form);
}
