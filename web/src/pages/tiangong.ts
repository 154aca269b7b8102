/**
 * Tiangong: modules and launch dates, the six-module plan, crews and visiting vehicles,
 * the current orbit from the catalog, international participation, and the ISS beside it.
 */
import { apiGet } from '../api/client.ts';
import { rememberCaption } from '../api/entity-captions.ts';
import type { EntityDetail, StationVisits, TiangongNow, TimelineItem } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { registerSources } from '../citations/source-registry.ts';
import { h } from '../dom.ts';
import { entityLink } from '../entity/entity-link.ts';
import { factsTable } from '../entity/facts-table.ts';
import { formatDate } from '../format/values.ts';
import { section } from '../layout/states.ts';
import { entityHref } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { eventSources } from '../timeline/event-sources.ts';
import { issComparison } from '../tiangong/comparison.ts';
import { coOrbitingTable, orbitCard } from '../tiangong/orbit-card.ts';

const entity = (id: string) => apiGet('/entities/{id}', { path: { id } }).then((e) => { registerSources(e.sources); rememberCaption(e.id, e.caption); return e; });
const refs = (e: EntityDetail, kind: string, property?: string) => e.referencedBy.filter((r) => r.kind === kind && (!property || r.property === property));

/** Entities with their dates from the timeline (one dated fact per entity and property). */
async function datedTable(ids: Set<string>, kinds: string, empty: string): Promise<HTMLElement> {
  const { items } = await apiGet('/timeline', { query: { kind: kinds } });
  const mine = items.filter((i) => ids.has(i.entityId));
  const undated = [...ids].filter((id) => !mine.some((i) => i.entityId === id));
  if (!mine.length && !undated.length) return h('p', { class: 'muted' }, empty);
  return h('div', null,
    h('ul', { class: 'dated-list' }, mine.map((i) => h('li', null, h('span', { class: 'date' }, formatDate(i.date)), ' ', h('a', { href: entityHref(i.entityId) }, i.caption),
      h('span', { class: 'muted small' }, ` — ${i.label.toLowerCase()} `), eventSources(i)))),
    undated.length ? h('p', { class: 'small muted' }, 'Undated: ', undated.map((id, n) => [n ? ', ' : '', entityLink(id)])) : null);
}

/** Crew and cargo launches to the station, from the launch log, with the definition shown. */
function visitsTable(v: StationVisits): HTMLElement {
  const crews = v.visits.filter((x) => x.role === 'crew').length;
  return h('div', { 'data-station-visits': String(v.visits.length) },
    h('p', { class: 'definition small' }, v.definition),
    h('p', { 'data-visit-count': '' }, `${crews} crewed (Shenzhou) and ${v.visits.length - crews} cargo (Tianzhou) launches`,
      v.coverageEnd ? ` to ${formatDate(v.coverageEnd.slice(0, 10))}, where the launch log stored here ends: later launches to the station are not in it and not counted (ships docked since may show in the catalog table).` : '.'),
    v.visits.length
      ? h('ul', { class: 'dated-list' }, v.visits.map((x) => h('li', null, h('span', { class: 'date' }, formatDate(x.launchDate.slice(0, 10))), ' ',
        h('strong', null, x.name),
        h('span', { class: 'muted small' }, ` — ${x.role}, launch ${x.launchTag}${x.noradId ? `, NORAD ${x.noradId}` : ''} `), cite(x.sourceId, `launch ${x.launchTag}`))))
      : h('p', { class: 'muted' }, 'No crew or cargo launch to the station in the ingested launch log.'));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Tiangong');
  const slots = { orbit: h('div'), modules: h('div'), plan: h('div'), crews: h('div'), catalog: h('div'), international: h('div'), iss: h('div'), claims: h('div') };
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Station · Report §3.5 and Key Finding 4'),
    h('h1', null, 'Tiangong space station'),
    h('p', { class: 'page-intro' }, 'China\'s space station: its modules, the plan to grow to six, crews and visiting vehicles, its orbit from the orbital catalog, the countries taking part, and the International Space Station beside it.'),
    h('h2', null, 'Orbit (the newest stored element set)'), slots.orbit,
    h('div', { class: 'grid grid-2' },
      h('section', null, h('h2', null, 'Modules and other spacecraft, with launch dates'), slots.modules),
      h('section', null, h('h2', null, 'Crews and visiting vehicles'), slots.crews)),
    h('h2', null, 'The plan: from three modules to six'), slots.plan,
    h('h2', null, 'In the station\'s orbit (the newest stored catalog snapshot)'), slots.catalog,
    h('h2', null, 'International participation'), slots.international,
    h('h2', null, 'Tiangong and the ISS'), slots.iss,
    h('h2', null, 'Claims about Tiangong'), slots.claims);
  const tiangong = entity('program.tiangong');
  const now = apiGet('/analytics/tiangong');
  await Promise.all([
    section(slots.orbit, 'Orbit', async () => orbitCard(await now)),
    section(slots.catalog, 'Catalog objects', async () => coOrbitingTable(await now)),
    section(slots.modules, 'Modules', async () => datedTable(new Set(refs(await tiangong, 'SpaceObject', 'program').map((r) => r.id)), 'SpaceObject', 'No modules or spacecraft recorded.')),
    section(slots.crews, 'Crews and vehicles', async () => visitsTable((await now).crewAndCargo)),
    section(slots.plan, 'Plan', async () => {
      const t = await tiangong;
      const shown = t.properties.filter((p) => ['plannedSize', 'modules', 'started', 'completionTarget', 'lifetime', 'cost', 'altitude'].includes(p.property));
      const events = new Set(refs(t, 'Event').map((r) => r.id));
      return [factsTable(shown, t.id), h('h3', null, 'Milestones'), await datedTable(events, 'Event', 'No events recorded.')];
    }),
    section(slots.international, 'International participation', async () => {
      const ids = new Set(refs(await tiangong, 'Agreement').map((r) => r.id));
      return datedTable(ids, 'Agreement', 'No agreements recorded.');
    }),
    section(slots.iss, 'Comparison with the ISS', async () => issComparison(await tiangong, await entity('program.iss'))),
    section(slots.claims, 'Claims', async () => h('ul', { class: 'chip-list' }, refs(await tiangong, 'Claim').map((r) => h('li', null, h('a', { href: entityHref(r.id) }, r.caption))))),
  ]);
}
