/**
 * GCAT launch sites (tsv/tables/sites.tsv) and launch points/pads (tsv/tables/lp.tsv). The two
 * files share a layout: sites.tsv has an extra `Group` column, and on lp.tsv `Site` is the parent
 * launch site while `Code` names the pad.
 */
import { GCAT_PLACE_COLUMNS, placeFields, type GcatPlaceFields } from './gcat-place.js';
import { rejectRepeatedKeys } from '../celestrak-gp/row-rejection.js';
import { buildGcatRows, cell, readGcatTable, requiredCell, type GcatParseResult } from './gcat-table.js';

export const SITES_COLUMNS = ['Site', 'Code', 'UCode', 'Type', 'StateCode', ...GCAT_PLACE_COLUMNS] as const;
/** sites.tsv only. */
export const SITES_OPTIONAL_COLUMNS = ['Group'] as const;

export interface GcatSiteRow extends GcatPlaceFields {
  site: string;
  /** Pad code on lp.tsv; usually `-` (null) on sites.tsv. */
  code: string | null;
  uCode: string | null;
  /** "LS" launch site, "LP" launch point/pad, … */
  type: string | null;
  stateCode: string | null;
  /** sites.tsv Group column; null on lp.tsv, which has no such column. */
  group: string | null;
}

/** sites.tsv: one row per site (its Site code). */
export function parseSites(text: string, file: string): GcatParseResult<GcatSiteRow> {
  return rejectRepeatedKeys(readSiteRows(text, file), file, (r) => ({ key: r.site, field: 'Site', conflict: 'same Site, different values' }));
}

/** lp.tsv uses the same layout: one row per pad (Site and Code; a site's own row has no Code). */
export function parseLaunchPoints(text: string, file: string): GcatParseResult<GcatSiteRow> {
  return rejectRepeatedKeys(readSiteRows(text, file), file, (r) => ({
    key: `${r.site}/${r.code ?? '-'}`, field: 'Code', conflict: 'same Site and Code, different values',
  }));
}

function readSiteRows(text: string, file: string): GcatParseResult<GcatSiteRow> {
  const table = readGcatTable(text, file, SITES_COLUMNS);
  return buildGcatRows(table, file, ['Site', 'Code'], (r) => ({
    site: requiredCell(r, 'Site'),
    code: cell(r, 'Code'),
    uCode: cell(r, 'UCode'),
    type: cell(r, 'Type'),
    stateCode: cell(r, 'StateCode'),
    group: cell(r, 'Group'),
    ...placeFields(r),
  }));
}
