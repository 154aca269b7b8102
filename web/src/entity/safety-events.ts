/**
 * Safety events of an entity's catalog objects (/api/v1/entities/{id}/safety): upcoming close
 * approaches and reentry-watch candidates, each with the element sets it was computed from (epochs,
 * sources, ages), the catalog snapshot, and a link to the Space safety page's section.
 */
import { apiGet } from '../api/client.ts';
import type { EntitySafety, SafetyEvent } from '../api/types.ts';
import { h } from '../dom.ts';
import { href } from '../links.ts';
import { days, horizonEnd, pastWindowNote, snapshotLine } from '../safety/provenance.ts';

const SHOWN = 12;
const KIND_LABELS: Record<SafetyEvent['kind'], string> = { 'close-approach': 'Close approach', 'reentry-watch': 'Reentry watch', 'maneuver': 'Maneuver' };

function what(e: SafetyEvent): string {
  if (e.kind === 'close-approach') return `${e.objectName} and ${e.other.objectName} (NORAD ${e.other.noradId}): ${e.missDistanceKm.toFixed(3)} km at ${e.relativeSpeedKmS.toFixed(3)} km/s`;
  if (e.kind === 'maneuver') {
    return `${e.objectName} (NORAD ${e.noradId}): ${e.relocation ? 'relocation' : 'maneuver'} between ${e.interval.start.slice(0, 16).replace('T', ' ')} and ${e.interval.end.slice(0, 16).replace('T', ' ')} `
      + `(${e.interval.days.toFixed(1)} d); rules: ${e.rules.join(', ')}`;
  }
  return `${e.objectName} (NORAD ${e.noradId}): modelled reentry ${e.reentry.central.slice(0, 10)}, window ${e.reentry.earliest.slice(0, 10)} to ${e.reentry.latest.slice(0, 10)}`
    + `${e.chineseRocketBody ? '; Chinese rocket body' : ''}${e.flags.length ? `; flags: ${e.flags.join(', ')}` : ''}`;
}

function eventsTable(s: EntitySafety): HTMLElement {
  if (!s.events.length) return h('p', { class: 'muted', 'data-safety-events': '0' }, 'No close approach, reentry-watch entry or maneuver for these objects in this snapshot.');
  return h('div', { class: 'table-scroll' }, h('table', { class: 'data-table small', 'data-safety-events': String(s.events.length) },
    h('thead', null, h('tr', null, ['Event', 'Date (UTC)', 'What', 'Element sets: epoch, source, age', 'Space safety'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', null, s.events.map((e) => h('tr', { 'data-safety-kind': e.kind, 'data-norad': String(e.noradId) },
      h('td', null, KIND_LABELS[e.kind]),
      h('td', { class: 'nowrap' }, e.date.slice(0, 19).replace('T', ' ')),
      h('td', null, what(e)),
      h('td', { class: 'small' }, e.elementSets.map((x, i) => [i ? '; ' : '', `NORAD ${x.noradId} ${x.epoch.slice(0, 19)} (${x.sourceId}, ${days(x.ageDays)})`])),
      h('td', null, h('a', { href: href('/safety', { section: e.section }) }, 'section')))))));
}

function objectsLine(s: EntitySafety): HTMLElement {
  const stack = s.objects.filter((o) => o.screenedAs !== null && o.screenedAs !== o.noradId);
  return h('p', { class: 'small' },
    `Objects (${s.objects.length}): ${s.objects.slice(0, SHOWN).map((o) => `NORAD ${o.noradId}${o.objectName ? ` ${o.objectName}` : ' (not in the snapshot)'}`).join(', ')}`
    + `${s.objects.length > SHOWN ? ` and ${s.objects.length - SHOWN} more (JSON below)` : ''}`
    + ` (${s.objects.some((o) => o.mappedBy === 'program-rules') ? 'attributed to this program by the counting rules' : 'the entity\'s NORAD number'}). `
    + (stack.length ? `Sharing an element set with a docked stack, screened as NORAD ${stack[0]!.screenedAs}. ` : '')
    + (s.screening.notScreened ? `Close approaches not screened: ${s.screening.notScreened}.`
      : `Close approaches: ${s.screening.days} days from ${s.screening.start}, closer than ${s.screening.thresholdKm} km.`)
    + ` Reentry watch: ${s.reentryWatch.horizonDays}-day horizon.`
    + (s.maneuvers.notChecked ? ` Maneuvers not looked for: ${s.maneuvers.notChecked}.` : ' Maneuvers: every stored element set of the objects, compared consecutively.'));
}

/** The section, or null when the entity maps to no catalog object. */
export async function safetyEventsSection(entityId: string): Promise<Node[]> {
  const s = await apiGet('/entities/{id}/safety', { path: { id: entityId } });
  if (!s.objects.length) return [];
  return [
    h('h2', { id: 'safety-events' }, 'Space safety events'),
    h('div', { 'data-entity-safety': entityId },
      snapshotLine(s.snapshot, ''), objectsLine(s),
      ...(s.events.some((e) => e.kind === 'close-approach') && !s.screening.notScreened ? pastWindowNote(s.screening.stop, s.snapshot.asOf, 'close-approach screening window') : []),
      ...(s.events.some((e) => e.kind === 'reentry-watch') ? pastWindowNote(horizonEnd(s.snapshot.asOf, s.reentryWatch.horizonDays), s.snapshot.asOf, 'reentry-watch horizon') : []),
      eventsTable(s),
      h('dl', { class: 'small definitions' }, s.kinds.map((k) => [h('dt', null, KIND_LABELS[k]), h('dd', null, s.definitions[k])])),
      h('p', { class: 'small' }, h('a', { href: href('/safety') }, 'Space safety page'), ' · ',
        h('a', { href: `/api/v1/entities/${encodeURIComponent(entityId)}/safety`, 'data-api': 'json' }, 'JSON')))];
}
