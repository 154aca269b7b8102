/** Entities this one points to and entities that point to it, grouped by property. */
import type { EntityDetail } from '../api/types.ts';
import { h } from '../dom.ts';
import { kindLabel } from '../format/kinds.ts';
import { entityLink } from './entity-link.ts';

const SHOWN = 12;
const item = (r: EntityDetail['referencedBy'][number]) => h('li', null, h('span', { class: 'prop' }, `${kindLabel(r.kind)} · ${r.property}`), entityLink(r.id, r.caption));

export function relatedPanel(e: EntityDetail): HTMLElement | null {
  const outgoing = e.properties.filter((p) => p.type === 'entity').flatMap((p) => p.statements.map((s) => ({ id: s.value, label: p.label, caption: s.valueCaption ?? undefined })));
  const seen = new Set<string>();
  const out = outgoing.filter((o) => !seen.has(o.id) && seen.add(o.id));
  const incoming = e.referencedBy;
  if (!out.length && !incoming.length) return null;
  return h('section', { class: 'card related' },
    h('h2', null, 'Related'),
    out.length ? h('ul', { class: 'related-list' }, out.map((o) => h('li', null, h('span', { class: 'prop' }, o.label), entityLink(o.id, o.caption)))) : null,
    incoming.length ? [
      h('h3', { class: 'small muted' }, `Referenced by (${incoming.length})`),
      h('ul', { class: 'related-list', 'data-referenced-by': '' }, incoming.slice(0, SHOWN).map(item)),
      incoming.length > SHOWN ? h('details', null, h('summary', { class: 'small' }, `${incoming.length - SHOWN} more`), h('ul', { class: 'related-list' }, incoming.slice(SHOWN).map(item))) : null,
    ] : null);
}
