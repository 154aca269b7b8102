/** The table view's cells: values kept apart when their qualifier or status differs. */
import { describe, expect, it } from 'vitest';
import { cellBuilder } from '../../src/analytics/table-cells.js';
import type { Cited, EntityRow } from '../../src/model/entity-row.js';

const cited = (value: string, sourceId: string, extra: Partial<Cited> = {}): Cited =>
  ({ value, sourceId, locator: null, qualifier: null, status: 'reported', asOf: null, ...extra });
const SIX = '{"amount":6000000000,"currency":"USD"}';
const FIVE = '{"amount":5000000000,"currency":"USD"}';

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
