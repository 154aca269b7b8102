/**
 * Every property of an entity with every value and its source. Multi-valued properties
 * list all values; a single-valued property with disagreeing sources shows them side by side.
 */
import type { PropertyView, Statement } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { formatValue, withUnit } from '../format/values.ts';
import { segmentLabel } from '../segments.ts';
import { href } from '../links.ts';
import { entityLink } from './entity-link.ts';
import { appPermalink, citeButton } from '../citations/cite-dialog.ts';

function valueNode(p: PropertyView, s: Statement): Node {
  if (p.type === 'entity') return entityLink(s.value, s.valueCaption ?? undefined);
  if (p.type === 'url') return h('a', { href: s.value, target: '_blank', rel: 'noopener noreferrer' }, s.value);
  if (p.property === 'segment') return h('a', { href: href(`/segment/${s.value}`) }, segmentLabel(s.value));
  if (p.type === 'country') return h('a', { href: `#/entity/country.${s.value.toLowerCase()}` }, s.value);
  const text = withUnit(formatValue(p.type, s.value, s.qualifier), p.unit);
  return h('span', { title: text !== s.value ? s.value : null }, text);
}

function statementLine(p: PropertyView, s: Statement, entityId: string | null): HTMLElement {
  return h('div', { class: 'value-line', 'data-statement': s.id },
    h('span', { class: 'value-text' }, valueNode(p, s)),
    s.originalValue && s.originalValue !== s.value ? h('span', { class: 'muted small' }, `(“${s.originalValue}”) `) : null,
    cite(s.sourceId, s.locator, { asOf: s.asOf, status: s.status }),
    entityId ? [' ', citeButton(() => appPermalink(`#/entity/${encodeURIComponent(entityId)}?statement=${encodeURIComponent(s.id)}`), `Cite this statement (${p.label})`),
      ' ', h('a', { class: 'suggest-edit small', href: href('/propose', { entity: entityId, statement: s.id, property: p.property }), 'aria-label': `Suggest an edit of ${p.label}` }, 'Suggest an edit')] : null,
    s.note ? h('div', { class: 'muted small' }, s.note) : null,
    s.editors ? h('div', { class: 'muted small', 'data-editors': '' }, `Proposed by ${s.editors.proposer}, approved by ${s.editors.approver} on ${s.editors.approvedAt.slice(0, 10)} (proposal #${s.editors.proposalId})`) : null);
}

function conflictBlock(p: PropertyView, entityId: string | null): HTMLElement {
  return h('div', { class: 'conflict', 'data-conflict': p.property },
    p.statements.map((s, i) => h('div', { class: 'conflict-value' },
      h('div', { class: 'conflict-label' }, i === 0 ? 'Preferred' : s.status === 'superseded' ? 'Superseded' : 'Other source'),
      statementLine(p, s, entityId))));
}

/** Properties shown in the page header instead of the table. */
const IN_HEADER = new Set(['name', 'alias']);

/** With `entityId`, each statement has its own Cite button (its permalink names the statement). */
export function factsTable(properties: PropertyView[], entityId: string | null = null): HTMLElement {
  const rows = properties.filter((p) => !IN_HEADER.has(p.property)).map((p) =>
    h('tr', { 'data-property': p.property },
      h('th', { scope: 'row' }, p.label, p.conflict ? h('div', null, h('span', { class: 'pill pill-warn' }, 'sources differ')) : null),
      h('td', null, p.conflict ? conflictBlock(p, entityId) : (p.multiple ? p.statements : p.preferred).map((s) => statementLine(p, s, entityId)),
        !p.conflict && !p.multiple && p.statements.length > 1
          ? h('details', { class: 'small' }, h('summary', null, `${p.statements.length - 1} more statement(s) of the same value`), p.statements.slice(1).map((s) => statementLine(p, s, entityId)))
          : null)));
  return h('table', { class: 'facts' }, h('tbody', null, rows));
}
