/** The table view's CSV: each column's qualifier and status beside its values, and cell values kept apart when their qualifier or status differs. */
import { describe, expect, it } from 'vitest';
import { cellBuilder, type CellValue } from '../../src/analytics/table-cells.js';
import { tableViewCsv, type TableViewResult } from '../../src/analytics/table-view.js';
import type { Cited, EntityRow } from '../../src/model/entity-row.js';
import { columnInfo } from '../../src/model/table-views.js';

const cited = (value: string, sourceId: string, extra: Partial<Cited> = {}): Cited =>
  ({ value, sourceId, locator: null, qualifier: null, status: 'reported', asOf: null, ...extra });
const cell = (text: string, extra: Partial<CellValue> = {}): CellValue =>
  ({ value: text, text, sources: [{ id: 'redshift-2025', locator: '§1' }], status: 'reported', qualifier: null, conflict: false, ...extra });
const SIX = '{"amount":6000000000,"currency":"USD"}';
const FIVE = '{"amount":5000000000,"currency":"USD"}';

function view(cells: Record<string, CellValue[]>): TableViewResult {
  return {
    kind: 'Investment', columns: Object.keys(cells).map((c) => columnInfo('Investment', c)), facets: [], total: 1, totalUnfiltered: 1,
    rows: [{ id: 'investment.x', name: 'X', cells }],
  };
}

describe('table view CSV', () => {
  it('follows each column with its qualifier, status, source and conflict; empty fields for an empty cell', () => {
    const csv = tableViewCsv(view({ amount: [cell('6000000000 USD', { qualifier: 'over', status: 'unverified' })], date: [] }));
    expect(csv.columns).toEqual(['id', 'name', 'amount', 'amount_qualifier', 'amount_status', 'amount_source', 'amount_conflict',
      'date', 'date_qualifier', 'date_status', 'date_source', 'date_conflict']);
    expect(csv.rows).toEqual([['investment.x', 'X', '6000000000 USD', 'over', 'unverified', 'redshift-2025 §1', 'false', null, null, null, null, null]]);
  });

  it('gives one qualifier and one status per value of a cell, in the values\' order, the qualifier field empty when no value has one', () => {
    const csv = tableViewCsv(view({
      amount: [cell('6000000000 USD', { status: 'confirmed', conflict: true }), cell('5000000000 USD', { qualifier: 'about', status: 'unverified', conflict: true })],
      segment: [cell('launch-reentry'), cell('satcom-pnt')],
    }));
    // Disagreeing values of one property are marked as alternatives; the values of a many-valued property are not.
    expect(csv.rows[0]!.slice(2)).toEqual(['6000000000 USD; 5000000000 USD', '; about', 'confirmed; unverified', 'redshift-2025 §1', 'true',
      'launch-reentry; satcom-pnt', null, 'reported; reported', 'redshift-2025 §1', 'false']);
  });
});

describe('table cells', () => {
  it('keeps a value given as a bound by one source and as exact by another as two cell values, each with its own source', () => {
    const row: EntityRow = {
      id: 'investment.x', kind: 'Investment', caption: 'X', values: { amount: [cited(SIX, 'a', { qualifier: 'over' })] },
      conflicts: { amount: [cited(SIX, 'a', { qualifier: 'over' }), cited(SIX, 'b'), cited(FIVE, 'c'), cited(FIVE, 'd')] },
    };
    const cells = cellBuilder('Investment', ['amount'], { captions: new Map(), investments: [] })(row);
    expect(cells.amount!.map((v) => [v.text, v.qualifier, v.sources.map((s) => s.id)])).toEqual([
      ['6000000000 USD', 'over', ['a']], ['6000000000 USD', null, ['b']], ['5000000000 USD', null, ['c', 'd']],
    ]);
  });
});
