/** Values of an entity row (preferred, cited) rendered with their citations. */
import type { Cited, EntityRow } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { formatDate, formatValue } from '../format/values.ts';
import { isEntityId } from '../api/entity-captions.ts';
import { entityLink } from './entity-link.ts';

export const values = (r: EntityRow, p: string): Cited[] => r.values[p] ?? [];
export const firstValue = (r: EntityRow, p: string): string | null => r.values[p]?.[0]?.value ?? null;

export type ValueKind = 'text' | 'date' | 'entity' | 'enum' | 'number';

export function citedValue(c: Cited, kind: ValueKind = 'text', withCite = true): HTMLElement {
  const body = kind === 'entity' || (kind === 'text' && isEntityId(c.value)) ? entityLink(c.value)
    : kind === 'date' ? h('span', null, formatDate(c.value))
      : h('span', null, formatValue(kind === 'enum' ? 'enum' : kind === 'number' ? 'number' : 'string', c.value, c.qualifier));
  return h('span', { class: 'cited' }, body, withCite ? [' ', cite(c.sourceId, c.locator, { status: c.status })] : null);
}

export function citedList(r: EntityRow, p: string, kind: ValueKind = 'text', sep: 'block' | 'inline' = 'block'): HTMLElement | null {
  const list = values(r, p);
  if (!list.length) return null;
  return sep === 'block'
    ? h('div', null, list.map((c) => h('div', null, citedValue(c, kind))))
    : h('span', null, list.map((c, i) => [i ? ', ' : '', citedValue(c, kind, false)]), ' ', cite(list[0]!.sourceId, list[0]!.locator));
}
