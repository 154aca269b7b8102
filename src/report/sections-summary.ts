/** Executive summary (key findings, then → now), recommendations and the changes-since section. */
import type { ReportData } from './report-data.js';
import type { Citations } from './citations.js';
import { SEGMENTS } from '../model/segments.js';
import { all, first } from '../model/entity-row.js';
import { esc, cited, table } from './html.js';
import type { ClaimView } from '../services/indicators.js';

const fmt = (v: number | null, unit: string | null) => (v === null ? '—' : `${unit === 'year' ? String(v) : v.toLocaleString('en-US')}${unit && unit !== 'year' ? ` ${unit}` : ''}`);

function claimLine(c: ClaimView, cites: Citations): string {
  const value = c.reportValue === null ? 'no single number (see the quotation)' : `${c.qualifier ? `${c.qualifier} ` : ''}${fmt(c.reportValue, c.unit)}`;
  const then = `${value}${c.sourceId ? cites.cite(c.sourceId, c.locator) : ''}`;
  const def = c.definition ? `<span class="definition">${esc(c.definition.label)}: ${esc(c.definition.counts)} (${esc(c.definition.unit)}).</span> ` : '';
  const live = c.live
    ? `${fmt(c.live.value, c.live.unit)} (data as of ${esc(c.live.asOf)})${c.live.sources.map((s) => cites.cite(s)).join('')}${(c.live.references ?? []).map((s) => cites.cite(s)).join('')} <span class="basis">${esc(c.live.basis)}</span>. `
    : '';
  const related = c.related ? ` <span class="related">${esc(c.related.label)}: ${fmt(c.related.value, c.related.unit)} (${esc(c.related.basis)})${c.related.sources.map((s) => cites.cite(s)).join('')}.</span>` : '';
  return `<li data-claim="${esc(c.id)}" data-report-value="${c.reportValue ?? ''}" data-live-value="${c.live?.value ?? ''}" data-comparison="${c.comparison.kind}">“${esc(c.quote)}”<br>`
    + `<span class="thennow">Report: ${then}. ${def}${c.live ? `Data: ${live}` : ''}<span class="comparison">${esc(c.comparison.text)}</span>${related}</span></li>`;
}

export function executiveSummary(d: ReportData, cites: Citations): string {
  const findings = d.indicators.findings.map((f) => `<section class="finding" data-finding="${f.number}"><h3>Key Finding ${f.number}: ${esc(f.headline)}${f.sourceId ? cites.cite(f.sourceId, f.locator) : ''}</h3>
${f.description ? `<p>${esc(f.description)}</p>` : ''}${f.claims.length ? `<ul class="claims">${f.claims.map((c) => claimLine(c, cites)).join('')}</ul>` : ''}</section>`);
  return `<section id="executive-summary"><h2>Executive Summary</h2>
<p>This document regenerates the structure of <em>Redshift</em> (Commercial Space Federation, September 2025) from the Redshift Monitor knowledge base and the public catalogs it ingests. Every statement carries a numbered citation; where the report's number and today's data differ, both are shown (“then → now”).</p>
${findings.join('\n')}</section>`;
}

export function recommendations(d: ReportData, cites: Citations): string {
  const recs = d.rows.Recommendation;
  const caption = (id: string) => d.rows.Risk.find((r) => r.id === id)?.caption ?? id;
  const parts = SEGMENTS.map((s) => {
    const mine = recs.filter((r) => all(r, 'segment').includes(s.id)).sort((a, b) => Number(first(a, 'number')) - Number(first(b, 'number')));
    return `<section class="recs" data-segment="${s.id}"><h3>${esc(s.label)}</h3><ol>${mine.map((r) => `<li value="${esc(first(r, 'number'))}" data-rec="${esc(r.id)}"><strong>${esc(r.caption)}</strong>${r.values.name?.[0] ? cites.cite(r.values.name[0].sourceId, r.values.name[0].locator) : ''}${r.values.description?.[0] ? `<br>${cited(r.values.description[0], cites)}` : ''}${r.values.answers ? `<br><em>Answers:</em> ${(r.values.answers ?? []).map((a) => esc(caption(a.value))).join('; ')}` : ''}</li>`).join('')}</ol></section>`;
  });
  return `<section id="recommendations"><h2>4. Path Ahead: Recommendations</h2><p>${recs.length} recommendations.</p>${parts.join('\n')}</section>`;
}

export function changesSince(d: ReportData, cites: Citations): string {
  if (!d.changes || !d.since) return '';
  const bySegment = new Map<string, typeof d.changes>();
  const segOf = new Map<string, string[]>();
  for (const kind of Object.values(d.rows)) for (const r of kind) segOf.set(r.id, all(r, 'segment'));
  for (const c of d.changes) {
    const segs = c.entityId ? segOf.get(c.entityId) ?? [] : [];
    for (const s of segs.length ? segs : [c.subject === 'launch' ? 'launch-reentry' : c.subject === 'catalog-object' ? 'catalog' : 'other']) {
      (bySegment.get(s) ?? bySegment.set(s, []).get(s)!).push(c);
    }
  }
  const label = (id: string) => SEGMENTS.find((s) => s.id === id)?.label ?? (id === 'catalog' ? 'Orbital catalog' : 'Not tied to a segment');
  const parts = [...bySegment.entries()].map(([seg, list]) => {
    const counts = new Map<string, number>();
    for (const c of list) counts.set(`${c.action} ${c.subject}`, (counts.get(`${c.action} ${c.subject}`) ?? 0) + 1);
    const sample = list.filter((c) => c.subject !== 'catalog-object').slice(0, 40);
    return `<section class="changes" data-segment="${esc(seg)}"><h3>${esc(label(seg))} (${list.length} changes)</h3><p>${[...counts.entries()].map(([k, v]) => `${v} × ${esc(k)}`).join(', ')}</p>
${sample.length ? table(['when', 'change', 'source'], sample.map((c) => [esc(c.at.slice(0, 10)), esc(`${c.action} ${c.subject}: ${c.entityName ?? c.subjectId}${c.property ? ` · ${c.property}` : ''}${c.value ? ` = ${c.value.slice(0, 120)}` : ''}`), c.sourceId ? cites.cite(c.sourceId) : ''])) : ''}</section>`;
  });
  return `<section id="changes-since"><h2>What changed since ${esc(d.since)}</h2><p>${d.changes.length} changes recorded in the change log since ${esc(d.since)}.</p>${parts.join('\n')}</section>`;
}
