/** GCAT organizations table (tsv/tables/orgs.tsv): agencies, companies, countries, ground sites. */
import { GCAT_PLACE_COLUMNS, placeFields, type GcatPlaceFields } from './gcat-place.js';
import { rejectRepeatedKeys } from '../celestrak-gp/row-rejection.js';
import { buildGcatRows, cell, readGcatTable, requiredCell, type GcatParseResult } from './gcat-table.js';

export const ORGS_COLUMNS = ['Code', 'UCode', 'StateCode', 'Type', 'Class', ...GCAT_PLACE_COLUMNS] as const;

export interface GcatOrgRow extends GcatPlaceFields {
  code: string;
  uCode: string | null;
  stateCode: string | null;
  /** Slash-separated type codes split into a list (O, PL, LA, LV, E, S, LS, CY, …); [] for `-`. */
  types: string[];
  /** Org class, e.g. A (academic), B (business), C (civil government), D (defence). */
  orgClass: string | null;
}

export function parseOrgs(text: string, file: string): GcatParseResult<GcatOrgRow> {
  const table = readGcatTable(text, file, ORGS_COLUMNS);
  const parsed = buildGcatRows(table, file, ['Code'], (r) => ({
    code: requiredCell(r, 'Code'),
    uCode: cell(r, 'UCode'),
    stateCode: cell(r, 'StateCode'),
    types: (cell(r, 'Type') ?? '').split('/').map((t) => t.trim()).filter((t) => t.length > 0),
    orgClass: cell(r, 'Class'),
    ...placeFields(r),
  }));
  return rejectRepeatedKeys(parsed, file, (r) => ({ key: r.code, field: 'Code', conflict: 'same Code, different values' }));
}
