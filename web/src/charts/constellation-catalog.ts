/**
 * Each constellation's catalog count beside the latest count the sources report, with a
 * visible flag and the likely causes where they disagree, and the matched objects and
 * near-miss names for review.
 */
import type { Constellation, ConstellationsFigure } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { entityLink } from '../entity/entity-link.ts';
import { formatNumber } from '../format/values.ts';

/** Visible text for the comparison: "differs by −58", "agrees" or "no reported count". */
export function discrepancyLabel(c: Constellation): string {
  if (!c.latestReported) return 'no reported count';
  if (!c.discrepancy) return 'agrees with the reported count';
  const d = c.discrepancy.difference;
  return `differs from the reported ${c.latestReported.qualifier ? `${c.latestReported.qualifier} ` : ''}${formatNumber(c.latestReported.value)} by ${d > 0 ? '+' : '−'}${formatNumber(Math.abs(d))}`;
}

const reportedCell = (c: Constellation) => {
  const r = c.latestReported;
  if (!r) return h('td', { class: 'muted' }, 'none');
  return h('td', null, `${r.qualifier ? `${r.qualifier} ` : ''}${formatNumber(r.value)} (${r.asOf ?? 'undated'}${r.status === 'unverified' ? ', unverified' : ''}) `, cite(r.sourceId, r.locator));
};

const objectList = (label: string, items: { key: string; text: string }[]) => (items.length
  ? h('details', null, h('summary', { class: 'small' }, `${items.length} ${label}`), h('ul', { class: 'small' }, items.map((i) => h('li', { 'data-norad': i.key }, i.text))))
  : h('span', { class: 'muted small' }, `no ${label}`));

export function catalogReviewSection(f: ConstellationsFigure): HTMLElement {
  return h('section', null,
    h('h2', null, 'Catalog count vs the latest reported count'),
    h('p', { class: 'small' }, `Catalog count: payloads in the CelesTrak GP “active” snapshot of ${f.asOf} whose name matches one of the constellation's curated name rules; objects CelesTrak does not list as active (decayed, failed, retired) are not counted. `
      + 'Latest reported: the count the sources give with the newest date. Where the two disagree the row is flagged and the likely causes are listed. '
      + 'Near misses: payloads no rule matches whose names share a word with the constellation\'s names and rules, or that are named only by designator and share a launch with a matched object; they are listed for review and not counted.'),
    h('div', { class: 'scroll', style: 'overflow-x:auto' }, h('table', { class: 'small', 'data-constellation-catalog': '' },
      h('thead', null, h('tr', null, ['Constellation', `Catalog ${f.asOf}`, 'Latest reported', 'Catalog vs reported', 'Matched objects', 'Near misses'].map((t) => h('th', null, t)))),
      h('tbody', null, f.constellations.map((c) => h('tr', { 'data-id': c.id, 'data-discrepancy': c.discrepancy ? String(c.discrepancy.difference) : null },
        h('td', null, entityLink(c.id, c.name)),
        h('td', { class: 'num' }, h('span', { 'data-catalog-count': '' }, formatNumber(c.catalog.count)), ' ', cite(c.catalog.sourceId, null),
          c.catalog.inferred ? h('div', { class: 'muted' }, `${formatNumber(c.catalog.inferred)} by an unverified rule`) : null),
        reportedCell(c),
        h('td', null, h('span', { class: `pill ${c.discrepancy ? 'pill-warn' : c.latestReported ? 'pill-ok' : ''}` }, discrepancyLabel(c)),
          c.discrepancy ? h('ul', { class: 'small' }, c.discrepancy.causes.map((x) => h('li', { 'data-cause': x.code }, x.text))) : null),
        h('td', null, objectList('matched', c.matched.map((m) => ({ key: String(m.noradId), text: `${m.objectName} (NORAD ${m.noradId}) — rule ${m.ruleId}${m.inferred ? ', unverified' : ''}` })))),
        h('td', null, objectList('near misses', c.nearMisses.map((m) => ({ key: String(m.noradId), text: `${m.objectName} (NORAD ${m.noradId}) — ${m.detail}` }))))))))));
}
