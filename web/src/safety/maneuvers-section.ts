/** Recent maneuvers of China's objects: detections between consecutive element sets, with the rule, the changes and the element sets. */
import { apiGet, apiLinks } from '../api/client.ts';
import type { ManeuverDetection, ManeuverReport } from '../api/types.ts';
import { h } from '../dom.ts';
import { days, downloads, snapshotLine } from './provenance.ts';

/** Rows shown on the page; the CSV and JSON downloads have every detection. */
export const MANEUVER_ROWS_SHOWN = 25;
const QUERY = { country: 'CN' };

const QUANTITY: Record<string, string> = { semiMajorAxis: 'a', inclination: 'i', eccentricity: 'e', geoLongitude: 'longitude', geoDriftRate: 'drift' };
const DIGITS: Record<string, number> = { km: 2, deg: 3, '1': 5, 'deg/day': 3 };
const UNIT: Record<string, string> = { km: ' km', deg: '°', '1': '', 'deg/day': ' °/day' };

const signed = (x: number, unit: string) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(DIGITS[unit] ?? 3)}${UNIT[unit] ?? ''}`;

/** The changes that fired: observed change, the change the natural model expects, and the allowance around it. */
function changesText(d: ManeuverDetection): string {
  return d.changes.filter((c) => c.exceeded).map((c) => `${QUANTITY[c.quantity] ?? c.quantity} ${signed(c.change, c.unit)}`
    + ` (expected ${signed(c.expectedChange, c.unit)} ± ${Math.abs(c.allowance).toFixed(DIGITS[c.unit] ?? 3)}${UNIT[c.unit] ?? ''})`).join('; ');
}

const utc = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function detectionsTable(r: ManeuverReport): HTMLElement {
  if (!r.detections.length) return h('p', { class: 'muted', 'data-detections': '0' }, `No maneuver detected among ${r.counts.pairs} pairs of consecutive element sets.`);
  const shown = r.detections.slice(0, MANEUVER_ROWS_SHOWN);
  return h('div', null,
    h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', 'data-detections': String(r.detections.length) },
      h('thead', null, h('tr', null, ['Object', 'Regime', 'Maneuver between the element-set epochs (UTC)', 'Rules fired', 'Changes', 'Element sets: source and age (ids NORAD@epoch on hover)'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', null, shown.map((d) => h('tr', { 'data-norad': String(d.noradId), class: d.relocation ? 'maneuver-relocation' : '' },
        h('td', null, `${d.objectName} (NORAD ${d.noradId})`),
        h('td', null, d.regime),
        h('td', null, `${utc(d.interval.start)} – ${utc(d.interval.end)} (${d.interval.days.toFixed(1)} d)`,
          d.singleBurnEstimate ? h('div', { class: 'small muted' }, `one-burn estimate ${utc(d.singleBurnEstimate)}`) : null),
        h('td', null, d.rules.join(', ') + (d.relocation ? ' (relocation)' : '')),
        h('td', { class: 'small' }, changesText(d)),
        h('td', { class: 'small' }, `${d.before.id} (${d.before.sourceId}, ${days(d.before.ageDays)}); ${d.after.id} (${d.after.sourceId}, ${days(d.after.ageDays)})`)))))),
    shown.length < r.detections.length ? h('p', { class: 'small muted' }, `Showing the ${shown.length} most recent of ${r.detections.length} detections; the downloads have all.`) : null);
}

export async function maneuversSection(): Promise<Node[]> {
  const r = await apiGet('/safety/maneuvers', { query: QUERY });
  return [
    h('p', { class: 'definition small' }, 'Maneuver: a change between two consecutive element sets of one object that drag and fit noise do not explain, '
      + `by the thresholds of its orbit regime. Objects: ${r.selection}.`),
    h('p', { class: 'small' }, h('strong', null, 'Method. '), r.method),
    snapshotLine(r.snapshot, `Element sets of ${r.snapshots.length} snapshot${r.snapshots.length === 1 ? '' : 's'} (${r.snapshots.map((s) => s.asOf).join(', ')}); `
      + `${r.counts.objects} objects, ${r.counts.pairs} pairs compared, ${r.counts.detections} detections. Ages counted to ${r.referenceInstant.slice(0, 16).replace('T', ' ')} UTC.`),
    detectionsTable(r),
    downloads(apiLinks('/safety/maneuvers', { query: QUERY })),
  ];
}
