/** A key finding with its quantitative claims: the report's value and source beside today's value, its date and trend. */
import type { ClaimView, FindingView } from '../api/indicator-types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { formatNumber } from '../format/values.ts';
import { entityHref } from '../links.ts';
import { metricHref } from './claim-links.ts';
import { trendMark } from './trend-mark.ts';
import { appPermalink, citeButton } from '../citations/cite-dialog.ts';

function amount(value: number | null, qualifier: string | null, unit: string | null): string {
  if (value === null) return '—';
  const big = Math.abs(value) >= 1e9 ? `${formatNumber(value / 1e9)} billion` : Math.abs(value) >= 1e6 ? `${formatNumber(value / 1e6)} million` : formatNumber(value);
  const text = unit === 'USD' ? `$${big}` : unit === 'percent' ? `${big}%` : big;
  return [qualifier, text].filter(Boolean).join(' ');
}

function unitText(unit: string | null): string {
  return unit && unit !== 'USD' && unit !== 'percent' ? unit : '';
}

function liveCell(c: ClaimView): HTMLElement {
  const live = c.live;
  const related = c.related
    ? h('div', { class: 'small related', 'data-related-value': c.related.value },
      h('strong', null, c.related.label, ': '), amount(c.related.value, null, c.related.unit), ' ', unitText(c.related.unit), ` (${c.related.basis})`)
    : null;
  if (!live) return h('td', { class: 'value', 'data-live-value': '' }, h('div', { class: 'small not-computed' }, c.comparison.text), related);
  return h('td', { class: 'value', 'data-live-value': live.value },
    h('a', { href: metricHref(c.metric, c.id) }, amount(live.value, null, live.unit)), ' ',
    c.comparison.kind === 'change-since-claim' ? trendMark(c.trend, c.reportValue, live.value, live.unit) : null,
    h('div', { class: 'muted small' }, unitText(live.unit), ` · data of ${live.asOf}`),
    h('div', { class: 'small comparison' }, c.comparison.text),
    h('div', { class: 'small basis' }, live.basis),
    h('div', { class: 'small' }, live.sources.map((s, i) => [i ? '; ' : '', cite(s, null)]),
      live.references?.length ? [' · given: ', live.references.map((s, i) => [i ? '; ' : '', cite(s, null)])] : null),
    related);
}

function definitionCell(c: ClaimView): HTMLElement {
  const d = c.definition;
  return h('td', { class: 'small definition', 'data-definition': d?.id ?? '' },
    d ? [h('strong', null, d.label), `: ${d.counts} (${d.unit}).`, d.note ? h('div', { class: 'muted' }, d.note) : null] : h('span', { class: 'muted' }, 'No metric defined.'));
}

export function claimRow(c: ClaimView): HTMLElement {
  return h('tr', { 'data-claim': c.id, 'data-metric': c.metric ?? '', 'data-comparison': c.comparison.kind },
    h('td', null, h('q', null, c.quote), ' ', cite(c.sourceId, c.locator), ' ',
      citeButton(() => appPermalink(`#/?indicator=${encodeURIComponent(c.id)}`), 'Cite this indicator (the claim, its measure and their sources)')),
    h('td', { class: 'value', 'data-report-value': c.reportValue ?? '' },
      h('a', { href: entityHref(c.id), title: 'The claim and its source' }, amount(c.reportValue, c.qualifier, c.unit)),
      h('div', { class: 'muted small' }, unitText(c.unit), ' in the report', c.claimDate ? ` (${c.claimDate})` : '')),
    definitionCell(c),
    liveCell(c));
}

export function claimsTable(claims: ClaimView[]): HTMLElement {
  return h('div', { style: 'overflow-x:auto' }, h('table', { class: 'claims' },
    h('thead', null, h('tr', null, h('th', null, 'What the report says'), h('th', null, 'Report value'), h('th', null, 'What it counts'), h('th', null, 'Independent measure, and change since the claim'))),
    h('tbody', null, claims.map(claimRow))));
}

/** Claims in a stable order. */
const ordered = (claims: ClaimView[]) => [...claims].sort((a, b) => a.id.localeCompare(b.id));

export function findingSection(f: FindingView): HTMLElement {
  const computed = f.claims.filter((c) => c.live !== null).length;
  return h('section', { class: 'finding', id: `finding-${f.number}`, 'data-finding': f.number },
    h('div', { class: 'finding-number' }, `Key finding ${f.number}`),
    h('h2', null, h('a', { href: entityHref(f.id), style: 'color:inherit;text-decoration:none' }, f.headline), ' ', f.sourceId ? cite(f.sourceId, f.locator) : null, ' ',
      citeButton(() => appPermalink(`#/entity/${encodeURIComponent(f.id)}`), `Cite key finding ${f.number}`)),
    f.description ? h('details', null, h('summary', { class: 'small' }, 'Read the finding'), h('p', { class: 'small muted', style: 'max-width:820px' }, f.description)) : null,
    f.claims.length
      ? [h('p', { class: 'small muted' }, `${f.claims.length} quantitative claim${f.claims.length > 1 ? 's' : ''}, ${computed} measured by independent data on the claim's own definition.`),
        computed ? claimsTable(ordered(f.claims).filter((c) => c.live !== null)) : null,
        computed < f.claims.length ? h('details', { class: 'more-claims' }, h('summary', { class: 'small' }, `${f.claims.length - computed} claim${f.claims.length - computed > 1 ? 's' : ''} with no independent measure yet`),
          claimsTable(f.claims.filter((c) => c.live === null))) : null]
      : h('p', { class: 'small muted' }, 'This finding makes no quantitative claim the knowledge base tracks.'));
}
