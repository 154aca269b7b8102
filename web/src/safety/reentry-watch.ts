/** The reentry watch: decaying objects with modelled windows, their element sets and ages, and the model's backtest. */
import { apiGet, apiLinks } from '../api/client.ts';
import type { ReentryBacktest, ReentryCandidate, ReentryReport } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatPercent } from '../format/values.ts';
import { days, downloads, horizonEnd, pastWindowNote, snapshotLine } from './provenance.ts';

const QUERY = { days: 90 };
const date = (iso: string) => iso.slice(0, 10);

function flags(c: ReentryCandidate): string {
  const out: string[] = [];
  if (c.chineseRocketBody) out.push('Chinese rocket body');
  if (c.sizeClass === 'large') out.push(`large (RCS ${c.rcsM2} m²)`);
  out.push(...c.flags);
  return out.join(', ');
}

/** Rows drawn on the page (the API's order: soonest central estimate first); the downloads hold every candidate. */
export const REENTRY_ROWS_SHOWN = 25;

function candidatesTable(r: ReentryReport): HTMLElement {
  if (!r.candidates.length) return h('p', { class: 'muted', 'data-candidates': '0' }, `No object modelled to reenter within ${r.horizonDays} days of ${r.asOf}.`);
  const shown = r.candidates.slice(0, REENTRY_ROWS_SHOWN);
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', 'data-candidates': String(r.candidates.length) },
    h('caption', { class: 'small' }, shown.length < r.candidates.length
      ? `The first ${shown.length} of ${r.candidates.length} candidates in the API's order; the CSV and JSON below hold all of them.`
      : `All ${r.candidates.length} candidates.`),
    h('thead', null, h('tr', null, ['Object', 'Country / kind', 'Size', 'Perigee (km)', 'Reentry (central)', 'Window', 'Element set: epoch, source, age', 'Flags']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, shown.map((c) => h('tr', { 'data-norad': String(c.noradId), class: c.chineseRocketBody ? 'flag-cn-rocket-body' : '' },
      h('td', null, `${c.objectName} (NORAD ${c.noradId})`),
      h('td', null, `${c.country ?? 'unattributed'} / ${c.kind}`),
      h('td', null, c.sizeClass === 'unknown' ? 'unknown (no RCS)' : `${c.sizeClass} (RCS ${c.rcsM2} m²)`),
      h('td', { class: 'num' }, c.elementSet.perigeeKm.toFixed(0)),
      h('td', null, date(c.reentry.central)),
      h('td', null, `${date(c.reentry.earliest)} – ${date(c.reentry.latest)}`),
      h('td', { class: 'small' }, `${c.elementSet.epoch.slice(0, 19)}, ${c.elementSet.sourceId}, ${days(c.elementSet.ageDays)}`
        + (c.previousElementSet ? `; previous ${c.previousElementSet.epoch.slice(0, 10)} (${c.previousElementSet.sourceId})` : '')),
      h('td', { class: 'small' }, flags(c)))))));
}

const share = (x: number | null) => (x === null ? 'n/a' : formatPercent(x));

function backtestNote(b: ReentryBacktest | null): HTMLElement {
  if (!b) return h('p', { class: 'small muted' }, 'Backtest: the store holds a single catalog snapshot, so the model cannot be checked against a later one here.');
  const c = b.central;
  return h('div', { class: 'small', 'data-backtest': 'true' },
    h('p', null, `Backtest: the model run on ${b.earlier.id} (${b.earlier.asOf}) against ${b.later.id} (${b.later.asOf}). `
      + `Precision ${share(c.precision)} (${c.predictedAndAbsent} of ${c.predictedAndAbsent + c.predictedButPresent} predicted were absent), `
      + `recall ${share(c.recall)} (${c.predictedAndAbsent} of ${b.absent} absent objects predicted; ${share(b.recallLeo)} over the ${b.absent - b.absentAboveLeo} absences in LEO).`),
    h('p', { class: 'definition' }, b.definition));
}

export async function reentryWatchSection(): Promise<Node[]> {
  const r = await apiGet('/safety/reentries', { query: QUERY });
  return [
    h('p', { class: 'definition small' }, r.definition),
    h('p', { class: 'small' }, h('strong', null, 'Method. '), r.method),
    h('p', { class: 'small' }, h('strong', null, 'Limits. '), r.limits),
    snapshotLine(r.snapshot, `${r.counts.decaying.toLocaleString('en')} objects show decay, ${r.counts.candidates} within ${r.horizonDays} days; `
      + `${r.counts.chineseRocketBodies} Chinese rocket bodies, ${r.counts.large} large, ${r.counts.sizeUnknown} of unknown size.`),
    ...pastWindowNote(horizonEnd(r.asOf, r.horizonDays), r.snapshot.asOf, `${r.horizonDays}-day horizon`),
    candidatesTable(r),
    backtestNote(r.backtest),
    downloads(apiLinks('/safety/reentries', { query: QUERY })),
  ];
}
