/**
 * GCAT tables: what a complete, plausible download of each looks like. Every GCAT TSV ends with a
 * newline; each table is identified by its header's first column, its required columns and the
 * columns of a sibling table it does not have. Sites and launch points share one layout, so their
 * rows' Type tells them apart. The launch log must keep every launch tag of the previous ingest
 * (GCAT adds launches; a tag that disappears is a cut or a different file until an operator accepts it).
 */
import { ENDS_WITH_NEWLINE, NINETY_PERCENT, type FeedInvariants, type ValueRange } from '../feed-invariants.js';
import { LAUNCHLOG_COLUMNS } from './parse-launchlog.js';
import { ORGS_COLUMNS } from './parse-orgs.js';
import { SITES_COLUMNS } from './parse-sites.js';
import { PLATFORMS_COLUMNS } from './parse-platforms.js';
import { FTOCAT_COLUMNS } from './parse-ftocat.js';

const tsv = (first: string, required: readonly string[], absent?: readonly string[]) => ({ delimiter: '\t' as const, first, required, absent });
const records = { table: 'catalog_records' as const, column: 'key' };
const plausible = { minRowShare: NINETY_PERCENT, minKeyCoverage: NINETY_PERCENT, keys: records };
/** A latitude outside ±90° is not a coordinate (longitudes are not bounded: orgs.tsv has -213.25 as published). */
const LATITUDE: ValueRange[] = [{ field: 'latitude', min: -90, max: 90 }];

export const LAUNCHLOG_INVARIANTS: FeedInvariants = {
  ending: ENDS_WITH_NEWLINE,
  header: tsv('Launch_Tag', LAUNCHLOG_COLUMNS),
  notAfterReceipt: {
    field: 'launchDate.iso', column: 'Launch_Date', marginHours: 24,
    basis: 'the launch log lists launches that have taken place (the bundled log of 2024-12-08 ends with a launch that day); a day covers clocks and time zones',
  },
  previous: { minRowShare: NINETY_PERCENT, minKeyCoverage: 1, keys: { table: 'launches', column: 'id' } },
};

export const ORGS_INVARIANTS: FeedInvariants = {
  ending: ENDS_WITH_NEWLINE, header: tsv('Code', ORGS_COLUMNS, ['VClass']), ranges: LATITUDE, previous: plausible,
};

export const PLATFORMS_INVARIANTS: FeedInvariants = {
  ending: ENDS_WITH_NEWLINE, header: tsv('Code', PLATFORMS_COLUMNS), ranges: LATITUDE, previous: plausible,
};

const SITE_TYPES_BASIS = 'the Type values of the bundled sites (2024-11-27) and launch points (2024-01-13) tables';

export const SITES_INVARIANTS: FeedInvariants = {
  ending: ENDS_WITH_NEWLINE, header: tsv('Site', SITES_COLUMNS), ranges: LATITUDE, previous: plausible,
  rowIdentity: { field: 'type', values: ['LS', 'LC', 'LZ'], minShare: 0.5, basis: SITE_TYPES_BASIS },
};

export const LP_INVARIANTS: FeedInvariants = {
  ending: ENDS_WITH_NEWLINE, header: tsv('Site', SITES_COLUMNS, ['Group']), ranges: LATITUDE, previous: plausible,
  rowIdentity: { field: 'type', values: ['LP'], minShare: 0.5, basis: SITE_TYPES_BASIS },
};

export const FTOCAT_INVARIANTS: FeedInvariants = {
  ending: ENDS_WITH_NEWLINE, header: tsv('JCAT', FTOCAT_COLUMNS), previous: plausible,
};
