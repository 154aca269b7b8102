/**
 * UCS Satellite Database (release 2023-05-01; tab-delimited even when named .csv). RFC 4180 quoting
 * with TAB as the delimiter: one record (UVSQ-Sat) has line breaks inside a quoted Comments cell,
 * numbers ≥ 1000 are quoted with thousands separators ("35,778", " 1,700 "). Header names are matched
 * after trimming (" Dry Mass (kg.) "). Rows made only of tabs (two at the end) are skipped.
 * An empty cell is UCS's "no value" and becomes null for optional fields; text is mojibake-repaired
 * (see mojibake.ts). Fields not read here (Comments, sources, masses other than launch mass) are left out.
 */
import type { ParseResult, RowError, RowKey } from '../feed-errors.js';
import { readDelimitedTable } from '../celestrak-gp/csv-reader.js';
import { integerField, numberField, optionalTextField, textField } from '../celestrak-gp/field-values.js';
import { cosparField } from '../celestrak-gp/gp-row.js';
import { collectRow, RowRejection } from '../celestrak-gp/row-rejection.js';
import { repairUcsMojibake } from './mojibake.js';

/** The columns this parser reads (header names as trimmed). */
export const UCS_COLUMNS = {
  name: 'Current Official Name of Satellite',
  countryOfUnRegistry: 'Country/Org of UN Registry',
  countryOfOperator: 'Country of Operator/Owner',
  operator: 'Operator/Owner',
  users: 'Users',
  purpose: 'Purpose',
  detailedPurpose: 'Detailed Purpose',
  classOfOrbit: 'Class of Orbit',
  typeOfOrbit: 'Type of Orbit',
  perigee: 'Perigee (km)',
  apogee: 'Apogee (km)',
  inclination: 'Inclination (degrees)',
  period: 'Period (minutes)',
  launchMass: 'Launch Mass (kg.)',
  dateOfLaunch: 'Date of Launch',
  contractor: 'Contractor',
  countryOfContractor: 'Country of Contractor',
  launchSite: 'Launch Site',
  launchVehicle: 'Launch Vehicle',
  cospar: 'COSPAR Number',
  norad: 'NORAD Number',
} as const;
type UcsKey = keyof typeof UCS_COLUMNS;

export interface UcsRow {
  name: string;
  countryOfUnRegistry: string | null;
  countryOfOperator: string | null;
  operator: string | null;
  users: string | null;
  purpose: string | null;
  detailedPurpose: string | null;
  /** LEO, MEO, GEO, Elliptical. */
  classOfOrbit: string | null;
  typeOfOrbit: string | null;
  perigeeKm: number | null;
  apogeeKm: number | null;
  inclinationDeg: number | null;
  periodMin: number | null;
  launchMassKg: number | null;
  /** ISO YYYY-MM-DD. */
  launchDate: string | null;
  contractor: string | null;
  countryOfContractor: string | null;
  launchSite: string | null;
  launchVehicle: string | null;
  cospar: string | null;
  noradId: number;
}

/** A UCS number: plain, or with comma thousands separators ("35,778", "1,436.1"); spaces trimmed. */
function ucsNumber(raw: string, field: string, bounds: { min?: number; max?: number } = {}): number | null {
  const t = raw.trim();
  if (t === '') return null;
  const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t) ? t.replace(/,/g, '') : t;
  if (plain.includes(',')) throw new RowRejection(field, `"${t}" is not a number`);
  return numberField(plain, field, bounds);
}

/**
 * UCS "Date of Launch": m/d/yy (as exported by Excel) or m/d/yyyy. Two-digit years 57–99 are 19xx,
 * 00–56 are 20xx (the space-age pivot; the file's dates run 1974–2023). Anything else rejects the
 * row rather than being guessed (e.g. "11/29/018", "1/9//2023" in the 2023-05-01 file).
 */
export function ucsLaunchDate(raw: string, field = UCS_COLUMNS.dateOfLaunch): string | null {
  const t = raw.trim();
  if (t === '') return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (!m) throw new RowRejection(field, `"${t}" is not m/d/yy or m/d/yyyy`);
  const yy = Number(m[3]);
  const year = m[3]!.length === 4 ? yy : yy >= 57 ? 1900 + yy : 2000 + yy;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RowRejection(field, `"${t}" is not a valid date`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function ucsRow(get: (k: UcsKey) => string): UcsRow {
  // After the repair, no-break spaces (the former "Ê") become plain spaces: in names and labels they
  // carry no meaning and would defeat matching ("AAC AIS-Sat1 (Kelpie 1)").
  const clean = (k: UcsKey): string => repairUcsMojibake(get(k)).replace(/\u00A0/g, ' ').trim();
  const text = (k: UcsKey): string | null => optionalTextField(clean(k), UCS_COLUMNS[k]);
  const col = UCS_COLUMNS;
  return {
    name: textField(clean('name'), col.name),
    countryOfUnRegistry: text('countryOfUnRegistry'),
    countryOfOperator: text('countryOfOperator'),
    operator: text('operator'),
    users: text('users'),
    purpose: text('purpose'),
    detailedPurpose: text('detailedPurpose'),
    classOfOrbit: text('classOfOrbit'),
    typeOfOrbit: text('typeOfOrbit'),
    perigeeKm: ucsNumber(get('perigee'), col.perigee),
    apogeeKm: ucsNumber(get('apogee'), col.apogee),
    inclinationDeg: ucsNumber(get('inclination'), col.inclination, { min: 0, max: 180 }),
    periodMin: ucsNumber(get('period'), col.period, { min: 0 }),
    launchMassKg: ucsNumber(get('launchMass'), col.launchMass, { min: 0 }),
    launchDate: ucsLaunchDate(get('dateOfLaunch')),
    contractor: text('contractor'),
    countryOfContractor: text('countryOfContractor'),
    launchSite: text('launchSite'),
    launchVehicle: text('launchVehicle'),
    cospar: cosparField(get('cospar'), col.cospar),
    noradId: integerField(get('norad'), col.norad, { min: 1 }),
  };
}

/** A row's key: its NORAD number as the parser reads it (a UCS row has no other identity; see map.ts). */
function ucsKey(get: (k: UcsKey) => string): RowKey {
  return { [UCS_COLUMNS.norad]: String(integerField(get('norad'), UCS_COLUMNS.norad, { min: 1 })) };
}

export function parseUcs(text: string, file: string): ParseResult<UcsRow> {
  const table = readDelimitedTable(text, file, '\t', Object.values(UCS_COLUMNS));
  const rows: UcsRow[] = [];
  const lines: number[] = [];
  const keys: RowKey[] = [];
  const rejected: RowError[] = [...table.rejected];
  for (const rec of table.rows) {
    const get = (k: UcsKey) => rec.fields[table.columnIndex.get(UCS_COLUMNS[k])!] ?? '';
    collectRow(file, rec.line, () => ucsRow(get), rows, rejected, lines, { read: () => ucsKey(get), accepted: keys });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, total: rows.length + rejected.length, lines, keys };
}
