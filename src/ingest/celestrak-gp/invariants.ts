/**
 * CelesTrak GP (active objects): what a complete, plausible download looks like.
 * The CSV and TLE forms end with a newline, the JSON form with its closing bracket. The CSV header
 * is the OMM column list (SATCAT's CSV also starts with OBJECT_NAME, but has OPS_STATUS_CODE instead of
 * elements). A new snapshot keeps at least 90% of the previous snapshot's objects and NORAD ids:
 * the bundled 2026-07-10 snapshot keeps 15,112 of the 15,297 ids of 2026-05-04 (98.8%).
 * Element ranges are the parser's (GP_BOUNDS in gp-row.ts).
 */
import { NINETY_PERCENT, type FeedInvariants } from '../feed-invariants.js';
import { GP_CSV_COLUMNS } from './gp-row.js';

export const GP_INVARIANTS: FeedInvariants = {
  ending: { pattern: /(?:\n|\][ \t\r\n]*)$/, description: 'a newline (CSV, TLE) or the closing "]" (JSON)' },
  header: {
    delimiter: ',', first: 'OBJECT_NAME', required: GP_CSV_COLUMNS, absent: ['OPS_STATUS_CODE'],
    // The CSV form: its first line is a header of at least ten columns (as detectGpFormat reads it). The JSON
    // form written on one line also has many commas on its first line, but starts with its bracket.
    appliesTo: (line) => !/^\s*[[{]/.test(line) && line.split(',').length >= 10,
  },
  notAfterReceipt: {
    field: 'epoch', column: 'EPOCH', marginHours: 24,
    basis: 'an element set is fitted to observations made before it is published; a day covers clocks and time zones',
  },
  previous: { minRowShare: NINETY_PERCENT, minKeyCoverage: NINETY_PERCENT, keys: { table: 'element_spans', column: 'norad_id', mapped: 'gp_snapshot_objects' } },
};
