/** CelesTrak SATCAT (CSV): complete, the SATCAT header (not GP's), and at least 90% of the previous catalog's objects. */
import { ENDS_WITH_NEWLINE, NINETY_PERCENT, type FeedInvariants } from '../feed-invariants.js';
import { SATCAT_CSV_COLUMNS } from './parse.js';

export const SATCAT_INVARIANTS: FeedInvariants = {
  ending: ENDS_WITH_NEWLINE,
  header: { delimiter: ',', first: 'OBJECT_NAME', required: SATCAT_CSV_COLUMNS, absent: ['MEAN_MOTION'] },
  notAfterReceipt: { field: 'launchDate', column: 'LAUNCH_DATE', marginHours: 24, basis: 'the catalog lists objects that have been launched; a day covers clocks and time zones' },
  previous: { minRowShare: NINETY_PERCENT, minKeyCoverage: NINETY_PERCENT, keys: { table: 'satcat', column: 'norad_id' } },
};
