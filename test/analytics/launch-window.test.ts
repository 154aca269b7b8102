/**
 * The 12-month windows of the launch-log measures count exactly the days their basis names, including when the
 * launch data end on 29 February (a year before is then 28 February, and the window starts on 1 March).
 */
import { describe, expect, it } from 'vitest';
import { MEASURES, type MeasureInputs } from '../../src/analytics/live-measures.js';
import type { LaunchRecord } from '../../src/model/catalog-records.js';

const launch = (launchDate: string, launchSite: string): LaunchRecord => ({
  launchTag: `${launchDate}-${launchSite}`, launchDate, year: Number(launchDate.slice(0, 4)), datePrecision: 'day', lvType: 'Chang Zheng 2D',
  lvState: 'CN', agency: null, outcome: 'S', successFraction: 1, launchClass: 'orbital', sourceId: 'test-launches', launchSite,
});

function inputs(end: string, launches: LaunchRecord[]): MeasureInputs {
  return {
    launches, launchCoverageEnd: end, launchSourceIds: ['test-launches'], chinesePayloads: [], providerRules: [],
    constellations: [], tiangong: null, objects: [], snapshot: null,
  };
}

describe('launch-sites-active-12-months', () => {
  const measure = MEASURES['launch-sites-active-12-months']!;

  it.each([
    // end, the last day left out, the first day counted
    ['2024-12-08', '2023-12-08', '2023-12-09'],
    ['2024-02-29', '2023-02-28', '2023-03-01'],
    ['2025-03-01', '2024-03-01', '2024-03-02'],
  ])('data ending %s leave out %s and count from %s, as the basis says', (end, out, first) => {
    const live = measure(inputs(end, [launch(out, 'OUT'), launch(first, 'FIRST'), launch(end, 'END')]), {});
    if ('unavailable' in live) throw new Error(live.unavailable);
    expect(live.detail).toMatchObject({ sites: { FIRST: 1, END: 1 }, from: first, to: end });
    expect(live.value).toBe(2);
    expect(live.basis).toContain(`from ${first} to ${end}:`);
  });
});
