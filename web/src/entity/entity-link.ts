/** A link to an entity page that shows the entity's caption (fetched lazily when not yet known). */
import { entityCaption, knownCaption } from '../api/entity-captions.ts';
import { h } from '../dom.ts';
import { entityHref } from '../links.ts';

export function entityLink(id: string, caption?: string): HTMLAnchorElement {
  const text = caption ?? knownCaption(id);
  const a = h('a', { href: entityHref(id), class: 'entity-link', 'data-entity': id }, text ?? id);
  if (!text) void entityCaption(id).then((c) => { a.textContent = c; });
  return a;
}
