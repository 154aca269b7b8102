/** GCAT launch platforms (tsv/tables/platforms.tsv): ships, aircraft, towers. */
import { GCAT_PLACE_COLUMNS, placeFields, type GcatPlaceFields } from './gcat-place.js';
import { rejectRepeatedKeys } from '../celestrak-gp/row-rejection.js';
import { buildGcatRows, cell, readGcatTable, requiredCell, type GcatParseResult } from './gcat-table.js';

export const PLATFORMS_COLUMNS = [
  'Code',
  'UCode',
  'StateCode',
  'Type',
  'Class',
  ...GCAT_PLACE_COLUMNS,
  'VClass',
  'VClassID',
  'VID',
  'Group',
] as const;

export interface GcatPlatformRow extends GcatPlaceFields {
  code: string;
  uCode: string | null;
  stateCode: string | null;
  type: string | null;
  platformClass: string | null;
  vClass: string | null;
  vClassId: string | null;
  vid: string | null;
  group: string | null;
}

export function parsePlatforms(text: string, file: string): GcatParseResult<GcatPlatformRow> {
  const table = readGcatTable(text, file, PLATFORMS_COLUMNS);
  const parsed = buildGcatRows(table, file, ['Code'], (r) => ({
    code: requiredCell(r, 'Code'),
    uCode: cell(r, 'UCode'),
    stateCode: cell(r, 'StateCode'),
    type: cell(r, 'Type'),
    platformClass: cell(r, 'Class'),
    vClass: cell(r, 'VClass'),
    vClassId: cell(r, 'VClassID'),
    vid: cell(r, 'VID'),
    group: cell(r, 'Group'),
    ...placeFields(r),
  }));
  return rejectRepeatedKeys(parsed, file, (r) => ({ key: r.code, field: 'Code', conflict: 'same Code, different values' }));
}
