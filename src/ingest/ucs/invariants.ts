/**
 * UCS Satellite Database: frozen at its 2023-05-01 release and read only from the bundled file,
 * whose last line is a row of tabs without a newline, so the ending cannot be checked. Since the
 * database no longer changes, a file with fewer rows or satellites than the stored release is a cut
 * (a file cut at a line boundary passes every other check), not a new release: it must keep them all.
 */
import type { FeedInvariants } from '../feed-invariants.js';
import { UCS_COLUMNS } from './parse.js';

export const UCS_INVARIANTS: FeedInvariants = {
  ending: { pattern: null, reason: 'the 2023-05-01 release ends with a row of tabs and no newline' },
  header: { delimiter: '\t', first: UCS_COLUMNS.name, required: Object.values(UCS_COLUMNS) },
  previous: { minRowShare: 1, minKeyCoverage: 1, keys: { table: 'ucs_satellites', column: 'norad_id' } },
};
