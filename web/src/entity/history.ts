/** The history of changes to one entity, from the change feed (/api/v1/changes?entity=…). */
import { apiGet } from '../api/client.ts';
import type { EntityDetail } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';

export interface Change {
  id: number; at: string; action: string; subject: string; subjectId: string; entityId: string | null; entityKind: string | null;
  entityName: string | null; property: string | null; value: string | null; sourceId: string | null; origin: string | null;
}

export function changesTable(items: Change[], withEntity: boolean, entityCell?: (c: Change) => Node | string): HTMLElement {
  return h('table', { class: 'small changes' },
    h('thead', null, h('tr', null, h('th', null, 'When (UTC)'), h('th', null, 'Change'), withEntity ? h('th', null, 'Entity') : null, h('th', null, 'Property'), h('th', null, 'Value'), h('th', null, 'Source'))),
    h('tbody', null, items.map((c) => h('tr', null,
      h('td', { class: 'nowrap' }, c.at.slice(0, 16).replace('T', ' ')),
      h('td', null, humanize(c.action)),
      withEntity ? h('td', null, entityCell ? entityCell(c) : c.entityName ?? c.subjectId) : null,
      h('td', null, c.property ?? '—'),
      h('td', null, c.value && c.value.length > 140 ? `${c.value.slice(0, 140)}…` : c.value ?? '—'),
      h('td', null, c.sourceId ? cite(c.sourceId, null) : '—')))));
}

export async function historySection(e: EntityDetail): Promise<HTMLElement> {
  const body = await apiGet<{ items: Change[]; next: string | null }>('changes', { entity: e.id, limit: 200 });
  if (!body.items.length) return h('p', { class: 'muted' }, `No changes recorded since the entity was first loaded on ${e.firstSeen.slice(0, 10)}.`);
  return h('div', null, changesTable(body.items, false), body.next ? h('p', { class: 'muted small' }, 'Older changes: see the change feed.') : null);
}
