/**
 * Catalog objects and orbits: for a program (constellation, series, station) the objects the
 * orbital catalog attributes to it (/api/v1/catalog/objects?program=), and for a space object
 * (or mission) with a NORAD number its newest element set (the entity API's catalog field) and its
 * orbit history, every element set ingested (/api/v1/catalog/objects/{norad}).
 */
import { apiGet } from '../api/client.ts';
import type { CatalogObjects, ConstellationsFigure, ElementHistory, EntityCatalog, EntityDetail, SpacecraftObject } from '../api/types.ts';
import { discrepancyLabel } from '../charts/constellation-catalog.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { formatNumber, formatPercent } from '../format/values.ts';
import { href } from '../links.ts';

const first = (e: EntityDetail, p: string) => e.properties.find((x) => x.property === p)?.preferred[0]?.value ?? null;
const LIMIT = 500;

function objectTable(objects: SpacecraftObject[], total: number): HTMLElement {
  return h('div', { class: 'scroll', style: 'max-height:420px;overflow:auto' },
    h('table', { class: 'small', 'data-objects': total },
      h('thead', null, h('tr', null, ['NORAD', 'Name', 'COSPAR', 'Orbit', 'Perigee km', 'Apogee km', 'Incl. °', 'Epoch'].map((t, i) => h('th', { class: i >= 4 && i <= 6 ? 'num' : null }, t)))),
      h('tbody', null, objects.map((o) => h('tr', null,
        h('td', null, o.noradId), h('td', null, o.objectName), h('td', null, o.objectId ?? '—'), h('td', null, o.regime),
        h('td', { class: 'num' }, o.perigeeKm), h('td', { class: 'num' }, o.apogeeKm), h('td', { class: 'num' }, o.inclination.toFixed(2)),
        h('td', { class: 'nowrap' }, o.epoch.slice(0, 10)))))),
    total > objects.length ? h('p', { class: 'muted small' }, `First ${objects.length} of ${total} shown.`) : null);
}

async function programObjects(e: EntityDetail): Promise<HTMLElement> {
  const list = await apiGet('/catalog/objects', { query: { program: e.id, limit: LIMIT } });
  const payloads = list.items.filter((o) => (o as SpacecraftObject & { kind?: string }).kind !== 'rocket-body');
  if (!list.total) return h('p', { class: 'muted' }, `No object in the ${list.snapshot.asOf} orbital snapshot is attributed to this program by the counting rules.`);
  return h('div', null,
    h('p', null, `${list.total} objects attributed to ${e.caption} in the CelesTrak snapshot of ${list.snapshot.asOf} `, cite(list.snapshot.sourceId, null), '. ',
      h('a', { href: `/api/v1/catalog/objects?program=${encodeURIComponent(e.id)}&format=csv`, 'data-api': 'csv' }, 'CSV')),
    objectTable([...payloads].sort((a, b) => a.noradId - b.noradId), list.total));
}

async function constellationProgress(e: EntityDetail): Promise<HTMLElement | null> {
  const c = (await apiGet('/analytics/constellations')).constellations.find((x) => x.id === e.id);
  if (!c) return null;
  return h('div', { class: 'stat-row' },
    h('div', { class: 'stat' }, h('div', { class: 'n' }, c.latest ? formatNumber(c.latest.count) : '—'), h('div', { class: 'label' }, `in orbit on ${c.latest?.asOf ?? '—'} (catalog count by the name rules)`), c.latest ? cite(c.latest.sourceId, null) : null),
    c.latestReported ? h('div', { class: 'stat', 'data-discrepancy': c.discrepancy ? String(c.discrepancy.difference) : null },
      h('div', { class: 'n' }, `${c.latestReported.qualifier ? `${c.latestReported.qualifier} ` : ''}${formatNumber(c.latestReported.value)}`),
      h('div', { class: 'label' }, `reported (${c.latestReported.asOf ?? 'undated'}${c.latestReported.status === 'unverified' ? ', unverified' : ''}): catalog ${discrepancyLabel(c)}`), cite(c.latestReported.sourceId, c.latestReported.locator)) : null,
    h('div', { class: 'stat' }, h('div', { class: 'n' }, c.planned ? `${c.planned.qualifier ? `${c.planned.qualifier} ` : ''}${formatNumber(c.planned.value)}` : '—'), h('div', { class: 'label' }, 'planned'), c.planned ? cite(c.planned.sourceId, c.planned.locator) : null),
    h('div', { class: 'stat' }, h('div', { class: 'n' }, c.shareDeployed !== null ? formatPercent(c.shareDeployed) : '—'), h('div', { class: 'label' }, 'of plan deployed')),
    h('div', { class: 'stat' }, h('div', { class: 'n' }, c.projectedCompletion ?? '—'), h('div', { class: 'label' }, c.rate ? `completion at ${c.rate.perDay.toFixed(2)}/day (${c.rate.from} → ${c.rate.to})` : 'no deployment rate'), h('a', { href: href('/chart/constellations') }, 'chart')));
}

async function orbitHistory(norad: string): Promise<HTMLElement> {
  const hist = await apiGet('/catalog/objects/{norad}', { path: { norad: Number(norad) } });
  return h('div', null,
    h('p', null, `${hist.elementSets.length} element set${hist.elementSets.length === 1 ? '' : 's'} ingested for NORAD ${hist.noradId}:`),
    h('table', { class: 'small', 'data-element-sets': hist.elementSets.length },
      h('thead', null, h('tr', null, ['Epoch (UTC)', 'Mean motion (rev/day)', 'Eccentricity', 'Inclination °', 'Source'].map((t, i) => h('th', { class: i && i < 4 ? 'num' : null }, t)))),
      h('tbody', null, hist.elementSets.map((s) => h('tr', null,
        h('td', { class: 'nowrap' }, s.epoch.slice(0, 19).replace('T', ' ')), h('td', { class: 'num' }, s.meanMotion.toFixed(8)),
        h('td', { class: 'num' }, s.eccentricity.toFixed(7)), h('td', { class: 'num' }, s.inclination.toFixed(4)), h('td', null, cite(s.sourceId, null)))))));
}

function latestElements(c: EntityCatalog): HTMLElement {
  const ids = h('p', null, `NORAD ${c.noradId}`, cite(c.noradSource.sourceId, c.noradSource.locator), c.cosparId ? ` · COSPAR ${c.cosparId}` : '', '. ');
  if (!c.latest) return h('div', { 'data-latest-elements': 'none' }, ids, h('p', { class: 'muted' }, `No element set for NORAD ${c.noradId} has been ingested (the GP snapshots list objects in Earth orbit).`));
  const l = c.latest;
  const rows: [string, string][] = [
    ['Epoch (UTC)', l.epoch.slice(0, 19).replace('T', ' ')], ['Catalog name', l.objectName], ['Mean motion (rev/day)', l.meanMotion.toFixed(8)],
    ['Eccentricity', l.eccentricity.toFixed(7)], ['Inclination (°)', l.inclination.toFixed(4)], ['RAAN (°)', l.raan.toFixed(4)],
    ['Argument of perigee (°)', l.argOfPericenter.toFixed(4)], ['Mean anomaly (°)', l.meanAnomaly.toFixed(4)], ['B* (1/earth radii)', String(l.bstar)],
  ];
  return h('div', { 'data-latest-elements': String(c.noradId) }, ids,
    h('p', { class: 'small' }, h('strong', null, 'Latest elements. '), c.definition, ' Source: ', cite(l.sourceId, null), '.'),
    h('table', { class: 'small' }, h('tbody', null, rows.map(([k, v]) => h('tr', null, h('th', null, k), h('td', { class: 'num' }, v))))));
}

async function objectSection(c: EntityCatalog): Promise<HTMLElement> {
  const history = c.history ? await orbitHistory(String(c.noradId)) : null;
  return h('div', null, latestElements(c), history,
    c.history ? h('p', { class: 'small' }, h('a', { href: c.history, 'data-api': 'orbit-history' }, `Orbit history of NORAD ${c.noradId} (JSON)`)) : null);
}

/** Program kinds whose spacecraft the orbital catalog can hold. */
const FLYING_PROGRAMS = new Set(['constellation', 'satellite-series', 'navigation-system', 'space-station']);

/** Null when the entity has nothing in the catalog to show. */
export async function catalogSection(e: EntityDetail): Promise<HTMLElement | null> {
  if (e.kind === 'Program') {
    if (!FLYING_PROGRAMS.has(first(e, 'programKind') ?? '')) return null;
    const isConstellation = first(e, 'programKind') === 'constellation';
    const [progress, objects] = await Promise.all([isConstellation ? constellationProgress(e) : null, programObjects(e)]);
    return h('div', null, progress, objects);
  }
  return e.catalog ? objectSection(e.catalog) : null;
}
