/** The station's close approaches in the week after the newest catalog snapshot (conjunction screening of the Tianhe core module against the catalog). */
import { apiGet, apiLinks } from '../api/client.ts';
import type { ConjunctionReport } from '../api/types.ts';
import { h } from '../dom.ts';
import { days, downloads, pastWindowNote, snapshotLine } from './provenance.ts';

/** Tianhe, the station's core module: its element set stands for the docked stack. */
export const STATION_NORAD = 48274;
const QUERY = { primary: String(STATION_NORAD), days: 7, thresholdKm: 5 };

function eventsTable(r: ConjunctionReport): HTMLElement {
  if (!r.events.length) return h('p', { class: 'muted', 'data-events': '0' }, `No approach closer than ${r.thresholdKm} km between ${r.start} and ${r.stop}.`);
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data-table', 'data-events': String(r.events.length) },
    h('thead', null, h('tr', null, ['TCA (UTC)', 'Object', 'Miss distance (km)', 'Relative speed (km/s)', 'Radial / in-track / cross-track (km)', 'Element sets: epochs and ages at TCA']
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, r.events.map((e) => h('tr', null,
      h('td', null, e.tca.slice(0, 19).replace('T', ' ')),
      h('td', null, `${e.secondary.objectName} (NORAD ${e.secondary.noradId})`),
      h('td', { class: 'num' }, e.missDistanceKm.toFixed(3)),
      h('td', { class: 'num' }, e.relativeSpeedKmS.toFixed(3)),
      h('td', { class: 'num' }, [e.relativePositionRtnKm.r, e.relativePositionRtnKm.t, e.relativePositionRtnKm.n].map((x) => x.toFixed(2)).join(' / ')),
      h('td', { class: 'small' }, `station ${e.primary.elementEpoch.slice(0, 19)} (${e.primary.elementSourceId}, ${days(e.primary.elementAgeDays)}); `
        + `object ${e.secondary.elementEpoch.slice(0, 19)} (${e.secondary.elementSourceId}, ${days(e.secondary.elementAgeDays)})`))))));
}

export async function closeApproachesSection(): Promise<Node[]> {
  const r = await apiGet('/safety/conjunctions', { query: QUERY });
  const grouped = h('p', { class: 'small muted' }, r.groups.length
    ? `Flying with the station, not reported: ${r.groups.map((g) => `${g.secondary.objectName} (${g.reason})`).join(', ')}.`
    : 'No object flies with the station in this snapshot.');
  return [
    h('p', { class: 'definition small' }, `Close approach: a local minimum of the distance between the station (${r.primarySelection}) and another catalog object, closer than ${r.thresholdKm} km, `
      + `between ${r.start} and ${r.stop}. ${r.method}`),
    snapshotLine(r.snapshot, r.population),
    ...pastWindowNote(r.stop, r.snapshot.asOf, 'window'),
    ...(r.staleness ? [h('p', { class: 'small warning', 'data-staleness': '' }, r.staleness)] : []),
    eventsTable(r), grouped,
    downloads(apiLinks('/safety/conjunctions', { query: QUERY })),
  ];
}
