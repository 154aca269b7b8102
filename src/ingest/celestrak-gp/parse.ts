/**
 * CelesTrak GP parsers: OMM CSV, OMM JSON and 3-line TLE, all producing GpRow.
 * `parseGp` picks the parser from the content (JSON array, OMM CSV header, or TLE lines), and rejects
 * an element set whose NORAD_CAT_ID and EPOCH repeat an earlier row's, whatever the format.
 */
import { FeedFormatError, type ParseResult } from '../feed-errors.js';
import type { GpRow } from './gp-row.js';
import { elementSetId } from './map.js';
import { rejectRepeatedKeys, type RepeatKey } from './row-rejection.js';
import { parseGpCsv, parseGpJson } from './omm.js';
import { parseTle } from './tle.js';

export type { GpRow, GpClassification, GpColumn } from './gp-row.js';
export { GP_CSV_COLUMNS, COSPAR_PATTERN, normalizeOmmEpoch } from './gp-row.js';
export { parseGpCsv, parseGpJson } from './omm.js';
export {
  parseTle,
  parseTleSet,
  tleChecksum,
  decodeCatalogNumber,
  decodeImpliedExponent,
  tleEpochToIso,
  fullYearFromTwoDigits,
  TLE_LINE1_COLUMNS,
  TLE_LINE2_COLUMNS,
  TLE_LINE_LENGTH,
} from './tle.js';

export type GpFormat = 'csv' | 'json' | 'tle';

/** Detect the GP format from the text; throws FeedFormatError when it is none of the three. */
export function detectGpFormat(text: string, file: string): GpFormat {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.length === 0) throw new FeedFormatError(file, null, null, 'empty input');
  if (t.startsWith('[')) return 'json';
  const first = t.split(/\r?\n/, 1)[0] ?? '';
  if (first.split(',').length >= 10) return 'csv'; // header row: the column check names what is missing
  const lines = t.split(/\r?\n/, 3);
  if (lines[1]?.startsWith('1 ')) return 'tle';
  throw new FeedFormatError(file, 1, null, 'not a CelesTrak GP file (expected OMM JSON, OMM CSV or 3-line TLE)');
}

export function parseGp(text: string, file: string): ParseResult<GpRow> {
  return rejectRepeatedKeys(parseGpFormat(text, file), file, elementSetKey, (row) => row.noradId);
}

function parseGpFormat(text: string, file: string): ParseResult<GpRow> {
  const format = detectGpFormat(text, file);
  if (format === 'json') return parseGpJson(text, file);
  if (format === 'csv') return parseGpCsv(text, file);
  return parseTle(text, file);
}

/** An element set is one object's elements at one epoch: a second row for both is the same set again (rows of one NORAD number share a bucket). */
function elementSetKey(row: GpRow): RepeatKey {
  return { key: elementSetId(row.noradId, row.epoch), field: 'NORAD_CAT_ID', conflict: 'same NORAD_CAT_ID and EPOCH, different elements' };
}
