/** A small mark saying how today's value compares with the report's: higher, lower, the same, or not computable. */
import { h, svg } from '../dom.ts';
import type { Trend } from '../api/indicator-types.ts';
import { formatNumber } from '../format/values.ts';

const SHAPES: Record<Trend, string> = { up: 'M5 1 L9 8 L1 8 Z', down: 'M1 2 L9 2 L5 9 Z', same: 'M1 4 L9 4 L9 6 L1 6 Z', 'n/a': 'M2 5 a3 3 0 1 0 6 0 a3 3 0 1 0 -6 0' };
const WORDS: Record<Trend, string> = { up: 'higher now than the claim', down: 'lower now than the claim', same: 'unchanged since the claim', 'n/a': 'no change measured' };

/** The difference's unit: a difference of percentages is in percentage points. */
const deltaUnit = (unit: string | null) => (unit === 'percent' ? ' percentage points' : unit === 'USD' ? ' USD' : unit ? ` ${unit}` : '');

/** A claim given as a bound never has a trend (its comparison is "bound", src/analytics/indicators.ts), so the difference is from a value. */
export function trendMark(trend: Trend, report: number | null, live: number | null, unit: string | null = null): HTMLElement {
  const delta = report !== null && live !== null && trend !== 'same'
    ? `${live > report ? '+' : '−'}${formatNumber(Math.abs(live - report))}${deltaUnit(unit)}`
    : '';
  const cls = trend === 'n/a' ? 'unknown' : trend === 'same' ? 'flat' : trend;
  return h('span', { class: `trend trend-${cls}`, 'data-trend': trend, title: WORDS[trend] },
    svg('svg', { width: 10, height: 10, viewBox: '0 0 10 10', 'aria-hidden': 'true' }, svg('path', { d: SHAPES[trend], fill: trend === 'n/a' ? 'none' : 'currentColor', stroke: 'currentColor' })),
    h('span', null, delta || WORDS[trend]),
    h('span', { class: 'visually-hidden' }, ` (${WORDS[trend]})`));
}
