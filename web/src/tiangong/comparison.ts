/** Tiangong beside the ISS: the properties the knowledge base records for both, each value cited. */
import type { EntityDetail, PropertyView } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { formatValue, withUnit } from '../format/values.ts';
import { entityLink } from '../entity/entity-link.ts';

const COMPARED = ['started', 'completionTarget', 'modules', 'plannedSize', 'altitude', 'lifetime', 'cost', 'operator', 'country', 'orbit', 'missionType'];

function cell(p: PropertyView | undefined): HTMLElement {
  if (!p) return h('td', { class: 'muted' }, 'not in the knowledge base');
  return h('td', null, (p.multiple ? p.statements : p.statements).map((s) => h('div', null,
    p.type === 'entity' ? entityLink(s.value) : withUnit(formatValue(p.type, s.value, s.qualifier), p.unit), ' ', cite(s.sourceId, s.locator, { asOf: s.asOf }),
    // What the value stands for when it is not what the label says (the ISS's "start" is the start of continuous crewing).
    s.note ? h('div', { class: 'muted small', 'data-note': '' }, s.note) : null)));
}

export function issComparison(tiangong: EntityDetail, iss: EntityDetail): HTMLElement {
  const of = (e: EntityDetail, p: string) => e.properties.find((x) => x.property === p);
  const rows = COMPARED.filter((p) => of(tiangong, p) || of(iss, p));
  return h('table', { class: 'small comparison', 'data-comparison': '' },
    h('thead', null, h('tr', null, h('th', null, ''), h('th', null, entityLink(tiangong.id, tiangong.caption)), h('th', null, entityLink(iss.id, iss.caption)))),
    h('tbody', null, rows.map((p) => h('tr', null, h('th', { scope: 'row' }, (of(tiangong, p) ?? of(iss, p))!.label), cell(of(tiangong, p)), cell(of(iss, p))))));
}
