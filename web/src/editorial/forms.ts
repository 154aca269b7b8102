/** Pieces the editorial pages share: labelled fields, the field-by-field errors of a refused write, a sign-in gate. */
import { h, fill } from '../dom.ts';
import { href } from '../links.ts';
import { session, WriteFailure, type Session } from './session.ts';

const ROLE_RANK = { contributor: 0, reviewer: 1, admin: 2 } as const;

export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'form-field' }, h('span', { class: 'form-label' }, label), control, hint ? h('span', { class: 'muted small' }, hint) : null);
}

export function input(name: string, attrs: Record<string, string | boolean> = {}): HTMLInputElement {
  return h('input', { name, type: 'text', ...attrs });
}

/** Shows a write's failure: its message and each field's reason, as text (never markup). */
export function showFailure(box: HTMLElement, err: unknown): void {
  const details = err instanceof WriteFailure ? err.details : [];
  fill(box, h('p', { class: 'form-error', role: 'alert' }, err instanceof Error ? err.message : String(err)),
    details.length ? h('ul', { class: 'form-errors' }, details.map((d) => h('li', { 'data-field': d.field }, h('code', null, d.field), ': ', d.reason))) : null);
}

/** The session when its role suffices; otherwise draws why not (sign in, or the role needed) and returns null. */
export async function gate(root: HTMLElement, role: Session['account']['role'], what: string): Promise<Session | null> {
  const s = await session();
  if (s && ROLE_RANK[s.account.role] >= ROLE_RANK[role]) return s;
  fill(root, h('h1', null, what), s
    ? h('p', null, `This needs the ${role} role; you are signed in as ${s.account.name} (${s.account.role}).`)
    : h('p', null, h('a', { href: href('/login', { next: location.hash.replace(/^#/, '') }) }, 'Sign in'), ` to ${what.toLowerCase()}.`));
  return null;
}
