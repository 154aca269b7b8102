/** Figure 2's table model: a year without a value is null (shown "—"), never 0; a total stated only in prose sits beside its row's total, with its basis. */
import { describe, expect, it } from 'vitest';
import { fundingTable, basisOf, FUNDING_YEARS } from '../../src/analytics/funding-table.js';
import type { SeriesView } from '../../src/store/queries/sources-series.js';

type Point = SeriesView['points'][number];
const point = (period: string, value: number, locator: string | null = null, originalValue: string | null = null): Point =>
  ({ period, value, originalValue, sourceId: 'redshift-2025', locator, status: 'reported', qualifier: null, note: null });
const series = (id: string, dimensions: Record<string, string>, locator: string, points: Point[]): SeriesView =>
  ({ id, title: id, unit: 'USD millions', description: null, dimensions, sourceId: 'redshift-2025', locator, points });

describe('fundingTable', () => {
  const table = series('t.launch', { measure: 'funding-by-segment', segment: 'launch' }, '§3.2.2 Table 3',
    [point('2015', 4.84, '§3.2.2 Table 3'), point('2016', 0, '§3.2.2 Table 3'), point('2015-2024', 4058.43, '§3.2.2 Table 3')]);
  const prose = series('t.launch.prose', { measure: 'funding-by-segment', segment: 'launch', statement: 'prose' }, '§3.2.2 [014]',
    [point('2015-2024', 4060, '§3.2.2 [014]', '$4.06 billion USD')]);
  const orphan = series('t.other.prose', { measure: 'funding-by-segment', segment: 'nowhere', statement: 'prose' }, '§9 [014]', [point('2015-2024', 7, '§9 [014]')]);
  const { rows, unmatched } = fundingTable([table, prose, orphan]);

  it('makes rows of the series with yearly values only, null where a year has no value and 0 only where the source prints 0', () => {
    expect(rows.map((r) => r.series.id)).toEqual(['t.launch']);
    expect(rows[0]!.years).toEqual([4.84, 0, ...FUNDING_YEARS.slice(2).map(() => null)]);
  });

  it('puts the prose total beside the table total, each with its basis, and keeps a total with no row apart', () => {
    expect(rows[0]!.totals.map((t) => [t.value, t.basis, t.originalValue])).toEqual([[4058.43, 'Table 3', null], [4060, 'report text', '$4.06 billion USD']]);
    expect(unmatched.map((u) => [u.series.id, u.totals.map((t) => t.value)])).toEqual([['t.other.prose', [7]]]);
  });

  it('names every table a locator gives, else the report\'s text or another source\'s', () => {
    expect(basisOf('redshift-2025', '§3.1.2 Table 1; §3.2.2 Table 3')).toBe('Tables 1, 3');
    expect(basisOf('redshift-2025', '§3.3.2 [014]')).toBe('report text');
    expect(basisOf('novaspace', null)).toBe('source text');
  });
});
