/**
 * Two-line element sets (CelesTrak FORMAT=tle: a name line, then line 1 and line 2 of 69 columns).
 * Column ranges follow the NORAD/Space-Track TLE format, as [start, end) 0-based string offsets
 * (i.e. 1-based columns start+1 … end).
 */
import { FeedFormatError, type ParseResult, type RowError } from '../feed-errors.js';
import { printable } from '../../model/text-safety.js';
import { GP_BOUNDS, GP_CLASSIFICATIONS, type GpRow } from './gp-row.js';
import { codeField, integerField, numberField, safeText } from './field-values.js';
import { collectRow, RowRejection } from './row-rejection.js';

export const TLE_LINE_LENGTH = 69;

export const TLE_LINE1_COLUMNS = {
  lineNumber: [0, 1],
  catalogNumber: [2, 7],
  classification: [7, 8],
  intlDesignatorYear: [9, 11],
  intlDesignatorLaunch: [11, 14],
  intlDesignatorPiece: [14, 17],
  epochYear: [18, 20],
  epochDay: [20, 32],
  meanMotionDot: [33, 43],
  meanMotionDdot: [44, 52],
  bstar: [53, 61],
  ephemerisType: [62, 63],
  elementSetNo: [64, 68],
  checksum: [68, 69],
} as const;

export const TLE_LINE2_COLUMNS = {
  lineNumber: [0, 1],
  catalogNumber: [2, 7],
  inclination: [8, 16],
  raan: [17, 25],
  eccentricity: [26, 33],
  argOfPerigee: [34, 42],
  meanAnomaly: [43, 51],
  meanMotion: [52, 63],
  revNumber: [63, 68],
  checksum: [68, 69],
} as const;

type Range = readonly [number, number];
const col = (line: string, [a, b]: Range): string => line.slice(a, b);

/** Two-digit years 57–99 are 1957–1999, 00–56 are 2000–2056 (Sputnik pivot used by NORAD). */
export function fullYearFromTwoDigits(yy: number): number {
  return yy >= 57 ? 1900 + yy : 2000 + yy;
}

/** Modulo-10 checksum over columns 1–68: digits count their value, '-' counts 1, all else 0. */
export function tleChecksum(line: string): number {
  let sum = 0;
  for (const c of line.slice(0, 68)) {
    if (c >= '0' && c <= '9') sum += c.charCodeAt(0) - 48;
    else if (c === '-') sum += 1;
  }
  return sum % 10;
}

/** Alpha-5 leading letters: A=10 … Z=33, skipping I and O (which look like 1 and 0). */
const ALPHA5_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Decode a 5-character catalog number field: plain digits, or Alpha-5 (letter + 4 digits). */
export function decodeCatalogNumber(field: string, name = 'NORAD_CAT_ID'): number {
  const t = field.trim();
  if (/^\d{1,5}$/.test(t)) return Number(t);
  const m = /^([A-Z])(\d{4})$/.exec(t);
  if (m) {
    const idx = ALPHA5_LETTERS.indexOf(m[1]!);
    if (idx < 0) throw new RowRejection(name, `"${t}": Alpha-5 letter cannot be I or O`);
    return (idx + 10) * 10000 + Number(m[2]);
  }
  throw new RowRejection(name, `"${field}" is not a catalog number`);
}

/**
 * A TLE "exponential" field: sign, five mantissa digits with an implied leading decimal point,
 * exponent sign and digit. " 68146-3" → 0.68146e-3; "-11606-4" → -0.11606e-4; " 00000+0" → 0.
 */
export function decodeImpliedExponent(field: string, name: string): number {
  const m = /^([ +-])(\d{5})([+-])(\d)$/.exec(field.length === 8 ? field : field.padStart(8, ' '));
  if (!m) throw new RowRejection(name, `"${field}" is not a TLE exponent field (±NNNNN±E)`);
  // Let Number() read the decimal form so 0.68146e-3 is the closest double, not a product's rounding.
  const value = Number(`0.${m[2]}e${m[3]}${m[4]}`);
  return m[1] === '-' ? -value : value;
}

/** ISO UTC (microsecond precision) from TLE epoch year (2 digits) and fractional day of year. */
export function tleEpochToIso(yearField: string, dayField: string): string {
  if (!/^\d{2}$/.test(yearField)) throw new RowRejection('EPOCH', `epoch year "${yearField}" is not two digits`);
  const m = /^\s*(\d{1,3})\.(\d+)$/.exec(dayField);
  if (!m) throw new RowRejection('EPOCH', `epoch day "${dayField}" is not DDD.DDDDDDDD`);
  const year = fullYearFromTwoDigits(Number(yearField));
  const day = Number(m[1]);
  const daysInYear = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365;
  if (day < 1 || day > daysInYear) throw new RowRejection('EPOCH', `epoch day ${day} is outside ${year}`);
  const frac = m[2]!;
  const micros = Math.round((Number(frac) * 86_400_000_000) / 10 ** frac.length);
  const ms = Date.UTC(year, 0, day) + Math.floor(micros / 1000);
  const iso = new Date(ms).toISOString(); // YYYY-MM-DDTHH:MM:SS.mmmZ
  return `${iso.slice(0, 23)}${String(micros % 1000).padStart(3, '0')}Z`;
}

function cosparFromTle(line1: string): string | null {
  const yy = col(line1, TLE_LINE1_COLUMNS.intlDesignatorYear);
  const launch = col(line1, TLE_LINE1_COLUMNS.intlDesignatorLaunch);
  const piece = col(line1, TLE_LINE1_COLUMNS.intlDesignatorPiece).trim();
  if (`${yy}${launch}${piece}`.trim() === '') return null;
  if (!/^\d{2}$/.test(yy) || !/^\d{3}$/.test(launch) || !/^[A-Z]{1,3}$/.test(piece)) {
    throw new RowRejection('OBJECT_ID', `"${col(line1, [9, 17])}" is not an international designator (YYNNNPPP)`);
  }
  return `${fullYearFromTwoDigits(Number(yy))}-${launch}${piece}`;
}

/** Parse one element set given its name line and both data lines. Throws RowRejection. */
export function parseTleSet(name: string, line1: string, line2: string): GpRow {
  for (const [label, line, expected] of [
    ['line 1', line1, '1'],
    ['line 2', line2, '2'],
  ] as const) {
    if (line.length !== TLE_LINE_LENGTH) {
      throw new RowRejection(label, `is ${line.length} characters, expected ${TLE_LINE_LENGTH}`);
    }
    if (line[0] !== expected) throw new RowRejection(label, `does not start with "${expected}"`);
    if (!isPrintableAscii(line)) throw new RowRejection(label, 'contains a character other than printable ASCII');
    const sum = tleChecksum(line);
    if (String(sum) !== line[68]) {
      throw new RowRejection(label, `checksum mismatch: computed ${sum}, line has "${line[68]}"`);
    }
  }
  const noradId = decodeCatalogNumber(col(line1, TLE_LINE1_COLUMNS.catalogNumber));
  const noradId2 = decodeCatalogNumber(col(line2, TLE_LINE2_COLUMNS.catalogNumber));
  if (noradId !== noradId2) {
    throw new RowRejection('NORAD_CAT_ID', `line 1 has ${noradId}, line 2 has ${noradId2}`);
  }
  const objectName = safeText(name.replace(/^0 /, '').trim(), 'OBJECT_NAME');
  if (objectName === '') throw new RowRejection('OBJECT_NAME', 'empty name line');
  const ecc = col(line2, TLE_LINE2_COLUMNS.eccentricity);
  if (!/^\d{7}$/.test(ecc)) throw new RowRejection('ECCENTRICITY', `"${ecc}" is not 7 digits`);
  return {
    noradId,
    objectName,
    objectId: cosparFromTle(line1),
    epoch: tleEpochToIso(col(line1, TLE_LINE1_COLUMNS.epochYear), col(line1, TLE_LINE1_COLUMNS.epochDay)),
    meanMotion: numberField(col(line2, TLE_LINE2_COLUMNS.meanMotion), 'MEAN_MOTION', GP_BOUNDS.meanMotion),
    eccentricity: Number(`0.${ecc}`),
    inclination: numberField(col(line2, TLE_LINE2_COLUMNS.inclination), 'INCLINATION', GP_BOUNDS.inclination),
    raan: numberField(col(line2, TLE_LINE2_COLUMNS.raan), 'RA_OF_ASC_NODE', GP_BOUNDS.angle),
    argOfPericenter: numberField(col(line2, TLE_LINE2_COLUMNS.argOfPerigee), 'ARG_OF_PERICENTER', GP_BOUNDS.angle),
    meanAnomaly: numberField(col(line2, TLE_LINE2_COLUMNS.meanAnomaly), 'MEAN_ANOMALY', GP_BOUNDS.angle),
    bstar: decodeImpliedExponent(col(line1, TLE_LINE1_COLUMNS.bstar), 'BSTAR'),
    meanMotionDot: numberField(col(line1, TLE_LINE1_COLUMNS.meanMotionDot), 'MEAN_MOTION_DOT'),
    meanMotionDdot: decodeImpliedExponent(col(line1, TLE_LINE1_COLUMNS.meanMotionDdot), 'MEAN_MOTION_DDOT'),
    elementSetNo: integerField(col(line1, TLE_LINE1_COLUMNS.elementSetNo), 'ELEMENT_SET_NO', { min: 0 }),
    revAtEpoch: integerField(col(line2, TLE_LINE2_COLUMNS.revNumber), 'REV_AT_EPOCH', { min: 0 }),
    classification: codeField(col(line1, TLE_LINE1_COLUMNS.classification), 'CLASSIFICATION_TYPE', GP_CLASSIFICATIONS),
    // Column 63 is blank in some historical sets; blank means the default SGP4 type 0.
    ephemerisType: col(line1, TLE_LINE1_COLUMNS.ephemerisType) === ' '
      ? 0
      : integerField(col(line1, TLE_LINE1_COLUMNS.ephemerisType), 'EPHEMERIS_TYPE', { min: 0 }),
    line1,
    line2,
  };
}

/** Element lines are printable ASCII (space to tilde), as the format defines them. */
function isPrintableAscii(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

const isLine1 = (l: string): boolean => l.startsWith('1 ');
const isLine2 = (l: string): boolean => l.startsWith('2 ');

/**
 * Parse a 3-line TLE file. Each object (name + 2 lines) becomes one row or one rejection, reported
 * at the line of its name. A set cut short at the end of the file throws FeedFormatError
 * (truncated); a set missing a line in the middle is rejected and parsing resumes at the next line.
 */
export function parseTle(text: string, file: string): ParseResult<GpRow> {
  if (text.trim().length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  const lines = text.split(/\r?\n/).map((l, i) => ({ text: l.trimEnd(), line: i + 1 }));
  const content = lines.filter((l) => l.text.length > 0);
  const rows: GpRow[] = [];
  const rejected: RowError[] = [];
  const accepted: number[] = [];
  let i = 0;
  while (i < content.length) {
    const name = content[i]!;
    const l1 = content[i + 1];
    const l2 = content[i + 2];
    if (isLine1(name.text) || isLine2(name.text)) {
      rejected.push({ file, line: name.line, field: 'OBJECT_NAME', reason: 'element line without a name line' });
      i += 1;
      continue;
    }
    if (!l1 || (isLine1(l1.text) && !l2)) {
      throw new FeedFormatError(file, name.line, null, `truncated file: "${name.text}" is missing ${l1 ? 'line 2' : 'lines 1 and 2'}`);
    }
    if (!isLine1(l1.text)) {
      rejected.push({ file, line: name.line, field: 'line 1', reason: printable(`"${name.text}" is not followed by line 1`) });
      i += 1;
      continue;
    }
    if (!isLine2(l2!.text)) {
      rejected.push({ file, line: name.line, field: 'line 2', reason: printable(`"${name.text}" is missing line 2`) });
      i += 2;
      continue;
    }
    const isLast = i + 3 >= content.length;
    if (isLast && l2!.text.length < TLE_LINE_LENGTH) {
      throw new FeedFormatError(file, l2!.line, 'line 2', `truncated file: last line is ${l2!.text.length} characters, expected ${TLE_LINE_LENGTH}`);
    }
    const before = rejected.length;
    collectRow(file, name.line, () => parseTleSet(name.text, l1.text, l2!.text), rows, rejected, accepted);
    const err = rejected[before];
    // Point line-level problems (length, checksum) at the offending line itself.
    if (err && err.field === 'line 1') err.line = l1.line;
    if (err && err.field === 'line 2') err.line = l2!.line;
    i += 3;
  }
  return { rows, rejected, total: rows.length + rejected.length, lines: accepted };
}
