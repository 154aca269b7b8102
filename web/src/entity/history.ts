/** The history of one entity: its changes in the world, then the record audit (/api/v1/changes?entity=…, view=records). */
import { apiGet } from '../api/client.ts';
import type { Change, EntityDetail } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { humanize } from '../format/values.ts';
import { href } from '../links.ts';
import { definitions, worldChangesTable } from './world-changes.ts';

export type { Change };

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

/** The entity's changes in the world first (by world date), then the record audit folded below. */
export async function historySection(e: EntityDetail): Promise<HTMLElement> {
  const [world, records] = await Promise.all([
    apiGet('/changes', { query: { entity: e.id, limit: 200 } }),
    apiGet('/changes', { query: { view: 'records', entity: e.id, limit: 200 } }),
  ]);
  if (world.view !== 'world' || records.view !== 'records') throw new Error('the change feed answered with another view than the one asked for');
  return h('div', { class: 'entity-history' },
    h('h3', null, 'Changes in the world'),
    world.items.length ? worldChangesTable(world.items) : h('p', { class: 'muted' }, 'No dated change in the world is recorded for this entity.'),
    world.next ? h('p', { class: 'muted small' }, h('a', { href: href('/changes', { entity: e.id }) }, 'More in the change feed')) : null,
    definitions(world),
    h('details', { class: 'record-audit' },
      h('summary', null, `Record audit: ${records.items.length}${records.next ? '+' : ''} records loaded since ${e.firstSeen.slice(0, 10)}`),
      records.items.length ? changesTable(records.items, false) : h('p', { class: 'muted' }, 'No records.'),
      records.next ? h('p', { class: 'muted small' }, h('a', { href: href('/changes', { view: 'records', entity: e.id }) }, 'Older records: see the record audit')) : null));
}
