/**
 * Which funding series (data/kb/series/funding-*.yaml) each funding chart draws, shared by the
 * web app's charts, their API links and their citations, so all three name the same series.
 * A segment chart draws the segment rows of the report's Tables 1, 3, 5 and 7: never a subtotal
 * of segments (segment "a+b") nor a figure stated in prose (dimension statement), which would
 * double-count when the rows are summed.
 */

/** The part of a series these rules read. */
export interface FundingSeriesLike { id: string; dimensions: Record<string, string> }

/** The series drawn beside the commercial breakdowns: the Novaspace government row and the commercial subtotal. */
export const GOVERNMENT_VS_COMMERCIAL = ['funding.gov-expenditure', 'funding.subtotal'] as const;

const isTableRow = (s: FundingSeriesLike) => !s.dimensions.statement;
/** A segment "a+b": a table's subtotal of segment rows. */
const isSegmentSubtotal = (s: FundingSeriesLike) => (s.dimensions.segment ?? '').includes('+');

/** One segment's row of a funding table (not a subtotal, not prose): these rows sum without double-counting. */
export const isSegmentRow = (s: FundingSeriesLike): boolean =>
  s.dimensions.measure === 'funding-by-segment' && isTableRow(s) && !isSegmentSubtotal(s);

/** One investor type's row of the tables (private, central government, city and provincial government). */
export const isInvestorRow = (s: FundingSeriesLike): boolean => s.dimensions.measure === 'funding-by-source' && isTableRow(s);

export const isGovernmentVsCommercial = (s: FundingSeriesLike): boolean => (GOVERNMENT_VS_COMMERCIAL as readonly string[]).includes(s.id);

/**
 * The report segments (§3.x) whose funding table prints the series: dimension "report-segment",
 * comma-separated when several tables print the same row (Satellite Manufacturing is in Tables 5 and 7).
 */
export const reportSegmentsOf = (s: FundingSeriesLike): string[] => (s.dimensions['report-segment'] ?? '').split(',').map((x) => x.trim()).filter(Boolean);

export const inReportSegment = (s: FundingSeriesLike, segment: string): boolean => reportSegmentsOf(s).includes(segment);

/** Every series the funding page (#/chart/funding) draws, in its three charts. */
export const fundingPageSeries = <S extends FundingSeriesLike>(all: readonly S[]): S[] =>
  all.filter((s) => isSegmentRow(s) || isInvestorRow(s) || isGovernmentVsCommercial(s));

/** A series as its role reads it: its dimensions and its own locator (where in the source its values are). */
export interface SeriesRoleInput extends FundingSeriesLike { locator: string | null }

/**
 * What one series' values are, for a reader adding them up: `row` (one row of a report table: rows of
 * the same measure, unit and period add up without double counting), `subtotal` (a table's sum of other
 * rows), `prose` (a figure the report's text states beside a table, restating or rounding its cells),
 * `figure` (a figure stated outside any table, summed with nothing), `share` (a percentage of a total)
 * or `poll` (a percentage of respondents).
 */
export type SeriesRole = 'row' | 'subtotal' | 'prose' | 'figure' | 'share' | 'poll';

const namesTable = (locator: string | null): boolean => locator !== null && /\bTable \d/.test(locator);

export function seriesRole(s: SeriesRoleInput): SeriesRole {
  const d = s.dimensions;
  if (d.poll) return 'poll';
  if (!isTableRow(s)) return 'prose';
  if ((d.measure ?? '').includes('share')) return 'share';
  if (!namesTable(s.locator)) return 'figure';
  if (d.measure === 'funding-subtotal' || isSegmentSubtotal(s)) return 'subtotal';
  return 'row';
}

/**
 * The role of one value: its series' role, except that a value a table's series holds from the report's
 * text (its own locator names no table, e.g. Table 5's EO total beside the prose "$994 million") is `prose`.
 */
export function pointRole(s: SeriesRoleInput, point: { locator: string | null }): SeriesRole {
  const role = seriesRole(s);
  if ((role === 'row' || role === 'subtotal') && point.locator !== null && !namesTable(point.locator)) return 'prose';
  return role;
}

/** The definition of `role` as the series CSV's metadata gives it. */
export const SERIES_ROLE_DEFINITION =
  'role: "row" is one row of a report table (rows of the same measure, unit and period add up without double counting); ' +
  '"subtotal" is a table\'s sum of other rows; "prose" is a figure the report\'s text states beside a table, restating or rounding its cells; ' +
  '"figure" is a figure stated outside any table, to be added to nothing; "share" is a percentage of a total; ' +
  '"poll" is a percentage of respondents. Sum only "row" values of one measure and unit.';
