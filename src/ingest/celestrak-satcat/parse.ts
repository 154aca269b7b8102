/**
 * CelesTrak SATCAT in CSV form (satcat.csv / FORMAT=csv). Columns as in the real file header.
 * Empty cells are CelesTrak's own "no value" marker and become null for the optional columns.
 * Code sets are CelesTrak's documented SATCAT values (celestrak.org/satcat/satcat-format.php).
 */
import type { ParseResult, RowError, RowKey } from '../feed-errors.js';
import { readDelimitedTable } from '../celestrak-gp/csv-reader.js';
import { codeField, integerField, numberField, optionalTextField, textField } from '../celestrak-gp/field-values.js';
import { cosparField, FIRST_SATELLITE_LAUNCH } from '../celestrak-gp/gp-row.js';
import { collectRow, RowRejection } from '../celestrak-gp/row-rejection.js';

export const SATCAT_CSV_COLUMNS = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'NORAD_CAT_ID',
  'OBJECT_TYPE',
  'OPS_STATUS_CODE',
  'OWNER',
  'LAUNCH_DATE',
  'LAUNCH_SITE',
  'DECAY_DATE',
  'PERIOD',
  'INCLINATION',
  'APOGEE',
  'PERIGEE',
  'RCS',
  'DATA_STATUS_CODE',
  'ORBIT_CENTER',
  'ORBIT_TYPE',
] as const;
type SatcatColumn = (typeof SATCAT_CSV_COLUMNS)[number];

/** PAY payload, R/B rocket body, DEB debris, UNK unknown. */
export const SATCAT_OBJECT_TYPES = ['PAY', 'R/B', 'DEB', 'UNK'] as const;
/** + operational, - nonoperational, P partially operational, B backup, S spare, X extended mission, D decayed, ? unknown. */
export const SATCAT_OPS_STATUS = ['+', '-', 'P', 'B', 'S', 'X', 'D', '?'] as const;
/** NCE no current elements, NIE no initial elements, NEA no elements available. */
export const SATCAT_DATA_STATUS = ['NCE', 'NIE', 'NEA'] as const;
/** ORB in orbit, LAN landed, IMP impact (decayed), DOC docked, R/T roundtrip. */
export const SATCAT_ORBIT_TYPES = ['ORB', 'LAN', 'IMP', 'DOC', 'R/T'] as const;

export interface SatcatRow {
  objectName: string;
  /** COSPAR designator; null if blank. */
  objectId: string | null;
  noradId: number;
  objectType: (typeof SATCAT_OBJECT_TYPES)[number];
  opsStatus: (typeof SATCAT_OPS_STATUS)[number] | null;
  /** CelesTrak owner/source code, e.g. "PRC", "US", "CIS". */
  owner: string;
  /** ISO date YYYY-MM-DD (a time part is kept if the source gives one); null if blank. */
  launchDate: string | null;
  launchSite: string | null;
  decayDate: string | null;
  periodMin: number | null;
  inclinationDeg: number | null;
  apogeeKm: number | null;
  perigeeKm: number | null;
  /** Radar cross-section, m². */
  rcsM2: number | null;
  dataStatus: (typeof SATCAT_DATA_STATUS)[number] | null;
  /** "EA" Earth, "MO" Moon, "SU" Sun, or another body code. */
  orbitCenter: string;
  orbitType: (typeof SATCAT_ORBIT_TYPES)[number];
}

/** ISO 8601 date; CelesTrak's CSV format allows a time part, kept as written when present. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** Sputnik 1's launch day (the GP epochs' bound, by day): no catalogued object was launched, or decayed, before it. */
const FIRST_LAUNCH_DAY = FIRST_SATELLITE_LAUNCH.slice(0, 10);

function dateField(raw: string, field: string): string | null {
  const t = raw.trim();
  if (t === '') return null;
  const m = ISO_DATE.exec(t);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new RowRejection(field, `"${t}" is not an ISO date (YYYY-MM-DD)`);
  }
  if (t.slice(0, 10) < FIRST_LAUNCH_DAY) throw new RowRejection(field, `${t} is before the first artificial satellite's launch (${FIRST_LAUNCH_DAY})`);
  return t;
}

/** The apogee, which cannot be below the perigee (the orbit's highest and lowest points). */
function apogeeField(apogee: number | null, perigee: number | null): number | null {
  if (apogee !== null && perigee !== null && apogee < perigee) throw new RowRejection('APOGEE', `${apogee} km is below the perigee (${perigee} km)`);
  return apogee;
}

const optional = <T>(raw: string, parse: (s: string) => T): T | null => (raw.trim() === '' ? null : parse(raw));

function satcatRow(get: (c: SatcatColumn) => string): SatcatRow {
  const ops = get('OPS_STATUS_CODE');
  const data = get('DATA_STATUS_CODE');
  return {
    objectName: textField(get('OBJECT_NAME'), 'OBJECT_NAME'),
    objectId: cosparField(get('OBJECT_ID'), 'OBJECT_ID'),
    noradId: integerField(get('NORAD_CAT_ID'), 'NORAD_CAT_ID', { min: 1 }),
    objectType: codeField(get('OBJECT_TYPE'), 'OBJECT_TYPE', SATCAT_OBJECT_TYPES),
    opsStatus: optional(ops, (s) => codeField(s, 'OPS_STATUS_CODE', SATCAT_OPS_STATUS)),
    owner: textField(get('OWNER'), 'OWNER'),
    launchDate: dateField(get('LAUNCH_DATE'), 'LAUNCH_DATE'),
    launchSite: optionalTextField(get('LAUNCH_SITE'), 'LAUNCH_SITE'),
    decayDate: dateField(get('DECAY_DATE'), 'DECAY_DATE'),
    periodMin: optional(get('PERIOD'), (s) => numberField(s, 'PERIOD', { min: 0 })),
    inclinationDeg: optional(get('INCLINATION'), (s) => numberField(s, 'INCLINATION', { min: 0, max: 180 })),
    apogeeKm: apogeeField(optional(get('APOGEE'), (s) => numberField(s, 'APOGEE')), optional(get('PERIGEE'), (s) => numberField(s, 'PERIGEE'))),
    perigeeKm: optional(get('PERIGEE'), (s) => numberField(s, 'PERIGEE')),
    rcsM2: optional(get('RCS'), (s) => numberField(s, 'RCS', { min: 0 })),
    dataStatus: optional(data, (s) => codeField(s, 'DATA_STATUS_CODE', SATCAT_DATA_STATUS)),
    orbitCenter: textField(get('ORBIT_CENTER'), 'ORBIT_CENTER'),
    orbitType: codeField(get('ORBIT_TYPE'), 'ORBIT_TYPE', SATCAT_ORBIT_TYPES),
  };
}

/** A row's key: its NORAD_CAT_ID as satcatRow reads it. */
function satcatKey(get: (c: string) => string): RowKey {
  return { NORAD_CAT_ID: String(integerField(get('NORAD_CAT_ID'), 'NORAD_CAT_ID', { min: 1 })) };
}

export function parseSatcatCsv(text: string, file: string): ParseResult<SatcatRow> {
  const table = readDelimitedTable(text, file, ',', SATCAT_CSV_COLUMNS);
  const rows: SatcatRow[] = [];
  const lines: number[] = [];
  const keys: RowKey[] = [];
  const rejected: RowError[] = [...table.rejected];
  for (const rec of table.rows) {
    const get = (c: string) => rec.fields[table.columnIndex.get(c)!] ?? '';
    collectRow(file, rec.line, () => satcatRow(get), rows, rejected, lines, { read: () => satcatKey(get), accepted: keys });
  }
  rejected.sort((a, b) => a.line - b.line);
  return { rows, rejected, total: rows.length + rejected.length, lines, keys };
}
