/**
 * GCAT failed-to-orbit catalogue (tsv/cat/ftocat.tsv) — the 12-column extract staged in
 * /work/shared/data (its header has no leading `#`; the reader accepts either form).
 */
import type { GcatDate } from './gcat-date.js';
import { rejectRepeatedKeys } from '../celestrak-gp/row-rejection.js';
import { buildGcatRows, cell, dateCell, readGcatTable, requiredCell, type GcatParseResult } from './gcat-table.js';

export const FTOCAT_COLUMNS = [
  'JCAT',
  'Satcat',
  'Launch_Tag',
  'Type',
  'Name',
  'PLName',
  'LDate',
  'Status',
  'Owner',
  'State',
  'Manufacturer',
  'Bus',
] as const;

export interface FtocatRow {
  /** GCAT catalogue id, e.g. "F01700". */
  jcat: string;
  /** SATCAT number field as written (e.g. "NSO" for objects without one). */
  satcat: string | null;
  launchTag: string;
  /** GCAT SatType string, e.g. "R3", "P". */
  satType: string | null;
  name: string | null;
  plName: string | null;
  launchDate: GcatDate;
  status: string | null;
  owner: string | null;
  /** Owner state code, e.g. "CN". */
  state: string | null;
  manufacturer: string | null;
  bus: string | null;
}

export function parseFtocat(text: string, file: string): GcatParseResult<FtocatRow> {
  const table = readGcatTable(text, file, FTOCAT_COLUMNS);
  const parsed = buildGcatRows(table, file, ['JCAT'], (r) => ({
    jcat: requiredCell(r, 'JCAT'),
    satcat: cell(r, 'Satcat'),
    launchTag: requiredCell(r, 'Launch_Tag'),
    satType: cell(r, 'Type'),
    name: cell(r, 'Name'),
    plName: cell(r, 'PLName'),
    launchDate: dateCell(r, 'LDate'),
    status: cell(r, 'Status'),
    owner: cell(r, 'Owner'),
    state: cell(r, 'State'),
    manufacturer: cell(r, 'Manufacturer'),
    bus: cell(r, 'Bus'),
  }));
  return rejectRepeatedKeys(parsed, file, (r) => ({ key: r.jcat, field: 'JCAT', conflict: 'same JCAT, different values' }));
}
