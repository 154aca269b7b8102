/** Tiangong's orbit from the newest stored element set in the catalog (/api/v1/analytics/tiangong). */
import type { TiangongNow } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { formatNumber } from '../format/values.ts';

const stat = (n: string, label: string, extra?: Node | string | null) => h('div', { class: 'stat' }, h('div', { class: 'n' }, n), h('div', { class: 'label' }, label), extra ?? null);

export function orbitCard(t: TiangongNow): HTMLElement {
  const s = t.station;
  if (!s) return h('p', { class: 'muted' }, t.note);
  const alt = s.altitudeKm !== null
    ? stat(`${formatNumber(s.altitudeKm, 1)} km`, `altitude at ${s.at.slice(0, 16).replace('T', ' ')} UTC`)
    : stat(s.altitudeAtEpochKm !== null ? `${formatNumber(s.altitudeAtEpochKm, 1)} km` : '—', `altitude at the element set's epoch (${s.epoch.slice(0, 10)})`);
  return h('div', { 'data-tiangong-orbit': '' },
    h('div', { class: 'stat-row' },
      alt,
      stat(`${formatNumber(s.perigeeKm, 1)} × ${formatNumber(s.apogeeKm, 1)} km`, 'perigee × apogee'),
      stat(`${formatNumber(s.inclinationDeg, 2)}°`, 'inclination'),
      stat(`${formatNumber(s.periodMin, 2)} min`, 'orbital period'),
      stat(String(t.coOrbiting.length + 1), 'catalogued objects in the station\'s orbit')),
    h('p', { class: 'small muted' }, `${s.objectName} (NORAD ${s.noradId}), element set of ${s.epoch.slice(0, 19).replace('T', ' ')} UTC, ${formatNumber(s.epochAgeHours / 24, 0)} days old. `,
      s.propagationError ? h('span', { class: 'incomplete-note' }, `No current altitude: ${s.propagationError}. `) : null,
      t.note, ' Source: ', cite(t.snapshot.sourceId, null), '.'));
}

export function coOrbitingTable(t: TiangongNow): HTMLElement {
  return h('table', { class: 'small', 'data-co-orbiting': '' },
    h('thead', null, h('tr', null, h('th', null, 'Object'), h('th', null, 'NORAD'), h('th', null, 'Element set epoch'), h('th', { class: 'num' }, 'Δ semi-major axis (km)'))),
    h('tbody', null, [...(t.station ? [{ noradId: t.station.noradId, objectName: t.station.objectName, epoch: t.station.epoch, deltaSemiMajorAxisKm: 0 }] : []), ...t.coOrbiting].map((o) =>
      h('tr', null, h('td', null, o.objectName), h('td', null, o.noradId), h('td', { class: 'nowrap' }, o.epoch.slice(0, 16).replace('T', ' ')), h('td', { class: 'num' }, o.deltaSemiMajorAxisKm)))));
}
