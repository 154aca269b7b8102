/**
 * UCS Satellite Database: frozen at its 2023-05-01 release and read only from the bundled file,
 * whose last line is a row of tabs without a newline, so the ending cannot be checked.
 */
import { NINETY_PERCENT, type FeedInvariants } from '../feed-invariants.js';
import { UCS_COLUMNS } from './parse.js';

export const UCS_INVARIANTS: FeedInvariants = {
  ending: { pattern: null, reason: 'the 2023-05-01 release ends with a row of tabs and no newline' },
  header: { delimiter: '\t', first: UCS_COLUMNS.name, required: Object.values(UCS_COLUMNS) },
  previous: { minRowShare: NINETY_PERCENT, minKeyCoverage: NINETY_PERCENT, keys: { table: 'ucs_satellites', column: 'norad_id' } },
};
