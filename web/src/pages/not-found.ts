import { h } from '../dom.ts';

export function renderNotFound(root: HTMLElement, path: string): void {
  root.replaceChildren(h('h1', null, 'Page not found'), h('p', null, 'There is no page at ', h('code', null, path), '. ', h('a', { href: '#/' }, 'Back to the key findings'), '.'));
}
