/** Each analytic as the flat table a chart draws: what the CSV and JSON downloads hold. */
import type { Figure7 } from './launches.js';
import type { Figure8 } from './spacecraft.js';
import type { ConstellationProgress } from './constellations.js';
import type { CatalogReview } from './constellation-catalog.js';
import type { TiangongNow } from './tiangong.js';

export interface FlatTable { columns: string[]; rows: (string | number | boolean | null)[][]; sourceIds: string[]; notes: string[] }

export function launchesTable(f: Figure7): FlatTable {
  const rows: FlatTable['rows'] = [];
  const codes = (country: string) => f.countries[country]?.gcatStates.join(' ') ?? '';
  for (const y of f.years) {
    for (const [country, c] of Object.entries(y.countries)) {
      if (country === 'CN') {
        const china = f.china.find((x) => x.year === y.year)!;
        for (const sector of ['state', 'commercial', 'unattributed'] as const) {
          const s = china[sector];
          const ofStateGroups = sector === 'commercial' ? china.commercialStateGroup.total : null;
          if (s.total) rows.push([y.year, y.complete, country, codes(country), sector, s.success, s.partial, s.failure, s.unknown, s.total, ofStateGroups, f.coverage.sources.join(' ')]);
        }
      } else rows.push([y.year, y.complete, country, codes(country), 'all', c.success, c.partial, c.failure, c.unknown, c.total, null, f.coverage.sources.join(' ')]);
    }
  }
  for (const a of f.afterCoverage) rows.push([a.year, false, a.country, a.gcatState ?? '', 'failures-only', null, null, a.failures, null, null, null, a.source]);
  return {
    columns: ['year', 'year_complete', 'launching_country', 'gcat_states', 'provider_sector', 'success', 'partial', 'failure', 'unknown', 'total',
      'of_which_state_group_subsidiaries', 'sources'],
    rows, sourceIds: [...new Set([...f.coverage.sources, ...f.afterCoverage.map((a) => a.source)])],
    notes: [f.convention, f.sectorDefinition, f.coverage.note, ...(f.afterCoverage.length ? [f.afterCoverage[0]!.note] : [])],
  };
}

export function spacecraftTable(f: Figure8): FlatTable {
  return {
    columns: ['country', 'mission_type', 'orbit_regime', 'count', 'snapshot_as_of'],
    rows: f.cells.map((c) => [f.country, c.missionType, c.regime, c.count, f.snapshot.asOf]),
    sourceIds: f.sources,
    notes: [f.coverage, `Country attributed by: ${Object.entries(f.countryRules).map(([k, v]) => `${k} ${v}`).join(', ')}`],
  };
}

type ConstellationRow = ConstellationProgress & Pick<CatalogReview, 'latestReported' | 'discrepancy' | 'catalog'>;

export function constellationsTable(cs: ConstellationRow[]): FlatTable {
  const rows: FlatTable['rows'] = [];
  for (const c of cs) {
    const r = c.latestReported;
    for (const d of c.deployed) {
      const latest = d.asOf === c.catalog.asOf;
      rows.push([c.id, c.name, d.asOf, d.count, c.planned?.value ?? null, c.planned?.qualifier ?? null, c.planned ? `${c.planned.sourceId} ${c.planned.locator ?? ''}`.trim() : null,
        c.planned ? Math.round((d.count / c.planned.value) * 1e6) / 1e6 : null, d.sourceId,
        r?.value ?? null, r?.qualifier ?? null, r?.asOf ?? null, r ? `${r.sourceId} ${r.locator ?? ''}`.trim() : null, r?.status ?? null,
        latest && c.discrepancy ? c.discrepancy.difference : null, latest && c.discrepancy ? c.discrepancy.causes.map((x) => x.code).join(' ') : null]);
    }
  }
  return {
    columns: ['constellation_id', 'name', 'snapshot_as_of', 'deployed', 'planned', 'planned_qualifier', 'planned_source', 'share_deployed', 'snapshot_source',
      'reported_latest', 'reported_qualifier', 'reported_as_of', 'reported_source', 'reported_status', 'discrepancy_catalog_minus_reported', 'discrepancy_causes'],
    rows, sourceIds: [...new Set(cs.flatMap((c) => [...c.deployed.map((d) => d.sourceId), ...(c.planned ? [c.planned.sourceId] : []), ...(c.latestReported ? [c.latestReported.sourceId] : [])]))],
    notes: ['deployed: payloads in the snapshot matched by the constellation\'s name rules. reported_*: the reported count with the newest date. discrepancy_*: on the latest snapshot\'s row, catalog count minus reported count where they disagree, and the likely causes (see the JSON for their text).'],
  };
}

export function tiangongTable(t: TiangongNow): FlatTable {
  const rows: FlatTable['rows'] = [];
  if (t.station) rows.push([t.station.noradId, t.station.objectName, 'station', t.station.epoch, t.station.altitudeAtEpochKm, t.station.inclinationDeg, null]);
  for (const o of t.coOrbiting) rows.push([o.noradId, o.objectName, 'co-orbiting', o.epoch, null, null, o.deltaSemiMajorAxisKm]);
  return {
    columns: ['norad_id', 'object_name', 'role', 'epoch', 'altitude_at_epoch_km', 'inclination_deg', 'delta_semi_major_axis_km'],
    rows, sourceIds: [t.snapshot.sourceId], notes: [t.note],
  };
}
