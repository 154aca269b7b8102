/** GCAT tables → launches, launch objects and reference records. */
import { launchesFromLog, type LaunchLogRow } from './parse-launchlog.js';
import type { GcatDate } from './gcat-date.js';
import type { CatalogRow, MappedCatalog } from '../../model/catalog-rows.js';

/** GCAT's JCAT for objects with a SATCAT number is "S" + the number. */
export function noradFromJcat(jcat: string | null): number | null {
  const m = jcat ? /^S(\d+)$/.exec(jcat) : null; // Number() drops the leading zeros
  return m ? Number(m[1]) : null;
}

function year(d: GcatDate): number {
  return Number(d.iso.slice(0, 4));
}

export function mapLaunchLog(rows: readonly LaunchLogRow[], sourceId: string): MappedCatalog {
  const launches: CatalogRow[] = launchesFromLog(rows).map((l) => ({
    id: l.launchTag, launch_date: l.date.iso, date_precision: l.date.precision, date_uncertain: l.date.uncertain, year: year(l.date),
    lv_type: l.lvType, lv_state: l.lvState, agency: l.agency, flight_id: l.flightId, platform: l.platform, launch_site: l.launchSite,
    launch_pad: l.launchPad, launch_code: l.launchCode, launch_class: l.launchClass, outcome: l.outcome,
    success_fraction: l.successFraction, object_count: l.objectCount, source_id: sourceId,
  }));
  const objects = new Map<string, CatalogRow>();
  for (const r of rows) {
    const id = r.jcat ?? `${r.launchTag}#${r.piece ?? objects.size}`;
    if (objects.has(id)) continue;
    objects.set(id, {
      id, launch_tag: r.launchTag, norad_id: noradFromJcat(r.jcat), piece: r.piece, sat_type: r.satType, name: r.name,
      pl_name: r.plName, sat_owner: r.satOwner, sat_state: r.satState, source_id: sourceId,
    });
  }
  return { tables: { launches, launch_objects: [...objects.values()] } };
}

/** Reference tables kept whole, one JSON record per row, keyed by the table's code column. */
export function mapReference<T extends object>(dataset: string, rows: readonly T[], key: (r: T) => string, stateCode: (r: T) => string | null, sourceId: string): MappedCatalog {
  const records = new Map<string, CatalogRow>();
  for (const r of rows) {
    const k = key(r);
    const id = `${dataset}:${k}`;
    if (!records.has(id)) records.set(id, { id, dataset, key: k, state_code: stateCode(r), data: r, source_id: sourceId });
  }
  return { tables: { catalog_records: [...records.values()] } };
}
