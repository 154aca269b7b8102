/** GCAT tables → launches, launch objects and reference records. */
import { launchesFromLog, launchObjectId, type LaunchLogRow } from './parse-launchlog.js';
import type { GcatDate } from './gcat-date.js';
import type { CatalogRow, MappedCatalog } from '../../model/catalog-rows.js';
import type { ParseResult, RowError, RowKey } from '../feed-errors.js';
import { keptIds, keyValue } from '../kept-rows.js';

/** GCAT's JCAT for objects with a SATCAT number is "S" + the number. */
export function noradFromJcat(jcat: string | null): number | null {
  const m = jcat ? /^S(\d+)$/.exec(jcat) : null; // Number() drops the leading zeros
  return m ? Number(m[1]) : null;
}

function year(d: GcatDate): number {
  return Number(d.iso.slice(0, 4));
}

/** The launch_objects id of a rejected log row: its JCAT, else Launch_Tag#Piece; null when neither can be read. */
function rejectedObjectId(key: RowKey): string | null {
  const jcat = keyValue(key, 'JCAT');
  if (jcat !== null) return jcat;
  const tag = keyValue(key, 'Launch_Tag');
  const piece = keyValue(key, 'Piece');
  return tag !== null && piece !== null ? `${tag}#${piece}` : null;
}

/**
 * One launch object per row: the rows are distinct objects (parseLaunchLog rejects repeats; a repeat here throws), so each
 * launch's object_count is its objects. Rejected log rows keep their stored object and the stored launch of their Launch_Tag.
 */
export function mapLaunchLog(rows: readonly LaunchLogRow[], sourceId: string, rejected: readonly RowError[] = []): MappedCatalog {
  const launches: CatalogRow[] = launchesFromLog(rows).map((l) => ({
    id: l.launchTag, launch_date: l.date.iso, date_precision: l.date.precision, date_uncertain: l.date.uncertain, year: year(l.date),
    lv_type: l.lvType, lv_state: l.lvState, agency: l.agency, flight_id: l.flightId, platform: l.platform, launch_site: l.launchSite,
    launch_pad: l.launchPad, launch_code: l.launchCode, launch_class: l.launchClass, outcome: l.outcome,
    success_fraction: l.successFraction, object_count: l.objectCount, source_id: sourceId,
  }));
  const objects = new Map<string, CatalogRow>();
  for (const r of rows) {
    const id = launchObjectId(r) ?? `${r.launchTag}#${objects.size}`;
    if (objects.has(id)) throw new Error(`launch object ${id} is listed twice (parseLaunchLog rejects a row for an object already listed)`);
    objects.set(id, {
      id, launch_tag: r.launchTag, norad_id: noradFromJcat(r.jcat), piece: r.piece, sat_type: r.satType, name: r.name,
      pl_name: r.plName, sat_owner: r.satOwner, sat_state: r.satState, source_id: sourceId,
    });
  }
  const kept = { launches: keptIds(rejected, (k) => keyValue(k, 'Launch_Tag')), launch_objects: keptIds(rejected, rejectedObjectId) };
  return { tables: { launches, launch_objects: [...objects.values()] }, kept };
}

/**
 * Reference tables kept whole, one JSON record per row, keyed by `key` of the row's key cells (the
 * parser's keys, so accepted and rejected rows are keyed alike); rejected rows keep their stored record.
 * The parsers reject a row repeating an earlier row's key, so a key listed twice here is a parser's fault.
 */
export function mapReference<T extends object>(
  dataset: string, parsed: ParseResult<T>, key: (k: RowKey) => string | null, stateCode: (r: T) => string | null, sourceId: string,
): MappedCatalog {
  const records = new Map<string, CatalogRow>();
  parsed.rows.forEach((r, i) => {
    const k = acceptedKey(dataset, parsed.keys?.[i], key);
    const id = `${dataset}:${k}`;
    if (records.has(id)) throw new Error(`${dataset}: ${k} is listed twice (its parser rejects a row whose key repeats an earlier row's)`);
    records.set(id, { id, dataset, key: k, state_code: stateCode(r), data: r, source_id: sourceId });
  });
  const kept = keptIds(parsed.rejected, (cells) => {
    const k = key(cells);
    return k === null ? null : `${dataset}:${k}`;
  });
  return { tables: { catalog_records: [...records.values()] }, kept: { catalog_records: kept } };
}

/** An accepted row's key: its parser read every key cell, so a missing one is a parser's fault. */
function acceptedKey(dataset: string, cells: RowKey | undefined, key: (k: RowKey) => string | null): string {
  const k = cells ? key(cells) : null;
  if (k === null) throw new Error(`${dataset}: an accepted row has no key (the parser reads no key cells)`);
  return k;
}
