/**
 * Figure 2's table (the report's funding Tables 1–7): one row per series with yearly values, a year
 * without a value left empty (never 0), and beside each row's 2015–2024 total every total a source
 * states for the same measure, each with its basis: the table that prints it, or the report's text.
 * A series with no yearly value (a decade total stated in prose) is not a row: its total sits beside
 * the total of the row with the same measure, segment and investor type.
 */
import type { SeriesView } from '../store/queries/sources-series.js';
import { REPORT_SOURCE_ID } from '../model/report-figures.js';

export const FUNDING_YEARS = Array.from({ length: 10 }, (_, i) => String(2015 + i));
export const FUNDING_DECADE = '2015-2024';

type Point = SeriesView['points'][number];

export interface StatedTotal {
  value: number; originalValue: string | null; qualifier: string | null;
  /** "Table 5", "Tables 1, 3, 5, 7", "report text" (the report's prose) or "source text" (another source's). */
  basis: string;
  sourceId: string; locator: string | null;
}

export interface FundingRow {
  series: SeriesView;
  /** One per FUNDING_YEARS: the printed value, or null where the source gives none. */
  years: (number | null)[];
  totals: StatedTotal[];
}

export interface FundingTable {
  rows: FundingRow[];
  /** Stated totals whose measure has no yearly row (shown apart, never dropped). */
  unmatched: { series: SeriesView; totals: StatedTotal[] }[];
}

const TABLE_NUMBER = /Table (\d+)/g;

const tablesNamed = (locator: string | null) => [...(locator ?? '').matchAll(TABLE_NUMBER)].map((m) => m[1]!);

/** What a value rests on: the tables its locator names, else the text of its source. */
export function basisOf(sourceId: string, locator: string | null): string {
  const tables = tablesNamed(locator);
  if (tables.length) return `${tables.length > 1 ? 'Tables' : 'Table'} ${tables.join(', ')}`;
  return sourceId === REPORT_SOURCE_ID ? 'report text' : 'source text';
}

const pointLocator = (s: Pick<SeriesView, 'locator'>, p: Pick<Point, 'locator'>) => p.locator ?? s.locator;

const fromTable = (s: SeriesView, p: Point) => tablesNamed(pointLocator(s, p)).length > 0;

/** The year's value: a table's cell before any other point of that year; null if the series has none. */
export function yearValue(s: SeriesView, year: string): number | null {
  const points = s.points.filter((p) => p.period === year);
  return (points.find((p) => fromTable(s, p)) ?? points[0])?.value ?? null;
}

export const hasYearlyValues = (s: SeriesView) => s.points.some((p) => FUNDING_YEARS.includes(p.period));

/** The measure a series states, whichever way (table or prose): measure, segment and investor type. */
const measureKey = (s: SeriesView) => [s.dimensions.measure, s.dimensions.segment, s.dimensions['source-type']].map((x) => x ?? '').join('|');

/** What decadeTotals reads of a series: the store's SeriesView or the API's series JSON (the web app's charts). */
export interface SeriesTotalsInput {
  locator: string | null;
  points: readonly Pick<Point, 'period' | 'value' | 'originalValue' | 'qualifier' | 'sourceId' | 'locator'>[];
}

/** Every 2015–2024 total of the series, table values first, each with its basis. */
export function decadeTotals(s: SeriesTotalsInput): StatedTotal[] {
  return s.points.filter((p) => p.period === FUNDING_DECADE)
    .map((p) => ({ value: p.value, originalValue: p.originalValue, qualifier: p.qualifier, basis: basisOf(p.sourceId, pointLocator(s, p)), sourceId: p.sourceId, locator: pointLocator(s, p) }))
    .sort((a, b) => Number(b.basis.startsWith('Table')) - Number(a.basis.startsWith('Table')));
}

export function fundingTable(series: SeriesView[]): FundingTable {
  const yearly = series.filter(hasYearlyValues);
  const statedOnly = series.filter((s) => !hasYearlyValues(s));
  const rowKeys = new Set(yearly.map(measureKey));
  const rows = yearly.map((s) => ({
    series: s,
    years: FUNDING_YEARS.map((y) => yearValue(s, y)),
    totals: [...decadeTotals(s), ...statedOnly.filter((o) => measureKey(o) === measureKey(s)).flatMap(decadeTotals)],
  }));
  const unmatched = statedOnly.filter((o) => !rowKeys.has(measureKey(o))).map((o) => ({ series: o, totals: decadeTotals(o) }));
  return { rows, unmatched };
}
