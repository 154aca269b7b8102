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

/** One segment's row of a funding table (not a subtotal, not prose): these rows sum without double-counting. */
export const isSegmentRow = (s: FundingSeriesLike): boolean =>
  s.dimensions.measure === 'funding-by-segment' && isTableRow(s) && !(s.dimensions.segment ?? '').includes('+');

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
