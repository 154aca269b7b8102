/**
 * The one row type for CelesTrak GP data in any of its formats (OMM CSV, OMM JSON, 3-line TLE),
 * and the field rules the OMM formats share.
 */
import { codeField, integerField, numberField, textField, trimmed, type NumberBounds } from './field-values.js';
import { RowRejection } from './row-rejection.js';

import type { GpClassification, GpRow } from '../../model/gp-elements.js';
export type { GpClassification, GpRow } from '../../model/gp-elements.js';
export const GP_CLASSIFICATIONS = ['U', 'C', 'S'] as const satisfies readonly GpClassification[];


/** OMM keys, in CelesTrak's CSV header order (NOTES.md §6). JSON objects use the same keys. */
export const GP_CSV_COLUMNS = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'EPOCH',
  'MEAN_MOTION',
  'ECCENTRICITY',
  'INCLINATION',
  'RA_OF_ASC_NODE',
  'ARG_OF_PERICENTER',
  'MEAN_ANOMALY',
  'EPHEMERIS_TYPE',
  'CLASSIFICATION_TYPE',
  'NORAD_CAT_ID',
  'ELEMENT_SET_NO',
  'REV_AT_EPOCH',
  'BSTAR',
  'MEAN_MOTION_DOT',
  'MEAN_MOTION_DDOT',
] as const;
export type GpColumn = (typeof GP_CSV_COLUMNS)[number];

/** COSPAR designator: 4-digit year, 3-digit launch number, 1–3 piece letters. */
export const COSPAR_PATTERN = /^\d{4}-\d{3}[A-Z]{1,3}$/;

/** An OMM epoch, position by position: d a digit, other characters as written; 1-6 fraction digits, 'Z' optional. */
const OMM_EPOCH_SHAPE = 'dddd-dd-ddTdd:dd:dd.dddddd';
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

const digitsAt = (t: string, from: number, count: number): number => {
  let v = 0;
  for (let i = from; i < from + count; i++) v = v * 10 + t.charCodeAt(i) - DIGIT_0;
  return v;
};

/** Normalize an OMM epoch (UTC, 'Z' optional) to "YYYY-MM-DDTHH:MM:SS.ffffffZ"; null if invalid. */
export function normalizeOmmEpoch(text: string): string | null {
  const t = trimmed(text);
  const end = t.endsWith('Z') ? t.length - 1 : t.length;
  if (end !== 19 && (end < 21 || end > OMM_EPOCH_SHAPE.length)) return null;
  for (let i = 0; i < end; i++) {
    const c = t.charCodeAt(i);
    const want = OMM_EPOCH_SHAPE.charCodeAt(i);
    if (want === 0x64 /* d */ ? c < DIGIT_0 || c > DIGIT_9 : c !== want) return null;
  }
  const year = digitsAt(t, 0, 4);
  const month = digitsAt(t, 5, 2);
  const day = digitsAt(t, 8, 2);
  // Years before 100 are refused, as Date.UTC (which reads 0-99 as 1900-1999) once made them.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (digitsAt(t, 11, 2) > 23 || digitsAt(t, 14, 2) > 59 || digitsAt(t, 17, 2) > 59) return null;
  // As CelesTrak writes it (six fraction digits): the text itself, with a 'Z' if it has none.
  if (end === OMM_EPOCH_SHAPE.length) return end === t.length ? `${t}Z` : t;
  return `${t.slice(0, 19)}.${t.slice(20, end).padEnd(6, '0')}Z`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export function cosparField(raw: string | number | undefined | null, field: string): string | null {
  if (raw === undefined || raw === null) return null;
  const t = trimmed(String(raw));
  if (t === '') return null;
  if (!COSPAR_PATTERN.test(t)) throw new RowRejection(field, `"${t}" is not a COSPAR designator (YYYY-NNNP)`);
  return t;
}

/** Range checks shared by all GP formats. */
export const GP_BOUNDS = {
  meanMotion: { min: 0, max: 20 },
  eccentricity: { min: 0, max: 1, maxExclusive: true },
  inclination: { min: 0, max: 180 },
  angle: { min: 0, max: 360 },
  noradId: { min: 1, max: 999_999_999 },
  /** Element set number, revolution count, ephemeris type: never negative. */
  count: { min: 0 },
} as const;

/** Sputnik 1's launch (1957-10-04 19:28:34 UTC): no element set can be older. */
export const FIRST_SATELLITE_LAUNCH = '1957-10-04T19:28:34.000000Z';

/**
 * One OMM record's cells by key. `number` and `integer` give exactly what numberField and integerField
 * give for `get(key)` (a CSV reader may read the cell in place instead: omm.ts).
 */
export interface OmmCells {
  /** The cell as written: text, a JSON number, or undefined/null when absent. */
  get(key: GpColumn): string | number | undefined | null;
  number(key: GpColumn, bounds?: NumberBounds): number;
  integer(key: GpColumn, bounds?: NumberBounds): number;
}

/** OMM cells read through `get` alone (JSON members). */
export function ommCellsOf(get: OmmCells['get']): OmmCells {
  return {
    get,
    number: (key, bounds) => numberField(get(key), key, bounds),
    integer: (key, bounds) => integerField(get(key), key, bounds),
  };
}

/** Build a GpRow from OMM key/value pairs (CSV cells or JSON members). */
export function gpRowFromOmm(cells: OmmCells): GpRow {
  const epochRaw = cells.get('EPOCH');
  const epoch = typeof epochRaw === 'string' ? normalizeOmmEpoch(epochRaw) : null;
  if (epoch === null) throw new RowRejection('EPOCH', `"${String(epochRaw)}" is not an ISO UTC date-time`);
  if (epoch < FIRST_SATELLITE_LAUNCH) throw new RowRejection('EPOCH', `${epoch} is before the first artificial satellite's launch (${FIRST_SATELLITE_LAUNCH.slice(0, 10)})`);
  const cls = cells.get('CLASSIFICATION_TYPE');
  return {
    noradId: cells.integer('NORAD_CAT_ID', GP_BOUNDS.noradId),
    objectName: textField(cells.get('OBJECT_NAME'), 'OBJECT_NAME'),
    objectId: cosparField(cells.get('OBJECT_ID'), 'OBJECT_ID'),
    epoch,
    meanMotion: cells.number('MEAN_MOTION', GP_BOUNDS.meanMotion),
    eccentricity: cells.number('ECCENTRICITY', GP_BOUNDS.eccentricity),
    inclination: cells.number('INCLINATION', GP_BOUNDS.inclination),
    raan: cells.number('RA_OF_ASC_NODE', GP_BOUNDS.angle),
    argOfPericenter: cells.number('ARG_OF_PERICENTER', GP_BOUNDS.angle),
    meanAnomaly: cells.number('MEAN_ANOMALY', GP_BOUNDS.angle),
    bstar: cells.number('BSTAR'),
    meanMotionDot: cells.number('MEAN_MOTION_DOT'),
    meanMotionDdot: cells.number('MEAN_MOTION_DDOT'),
    elementSetNo: cells.integer('ELEMENT_SET_NO', GP_BOUNDS.count),
    revAtEpoch: cells.integer('REV_AT_EPOCH', GP_BOUNDS.count),
    classification: codeField(typeof cls === 'number' ? String(cls) : cls, 'CLASSIFICATION_TYPE', GP_CLASSIFICATIONS),
    ephemerisType: cells.integer('EPHEMERIS_TYPE', GP_BOUNDS.count),
  };
}
