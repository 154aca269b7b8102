/**
 * The GCAT launch log lists launches that have taken place: a row dated later than a day after the
 * file was received is rejected with its line, column and reason, as GP epochs are. Input: the
 * bundled launch log with its last launch's rows moved to 2099.
 */
import { describe, expect, it } from 'vitest';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { feedByName } from '../../src/services/feeds.js';
import { checkRowValues } from '../../src/ingest/check-feed.js';
import { LAUNCHLOG_INVARIANTS } from '../../src/ingest/gcat/invariants.js';

const FILE = 'gcat_launchlog_2024-12-08.tsv.gz';
const text = readSnapshot(FILE);
const feed = feedByName('gcat-launchlog')!;
const INPUT = { ...feed.bundled[0]!, text };

describe('launch log dates after receipt', () => {
  it('rejects the rows of a launch dated after the file was received, and keeps the rest', () => {
    const lines = text.split('\n');
    const last = lines.map((l, i) => [i + 1, l] as const).filter(([, l]) => l.startsWith('2024-237'));
    expect(last.length).toBeGreaterThan(0);
    for (const [n] of last) lines[n - 1] = lines[n - 1]!.replace('2024 Dec  8 0512:30', '2099 Feb  5 0512:30');
    const parsed = feed.parse({ ...INPUT, text: lines.join('\n') });
    const checked = checkRowValues(parsed, LAUNCHLOG_INVARIANTS, FILE, '2024-12-09T00:00:00.000Z');
    expect(checked.rejected.map((r) => [r.line, r.field])).toEqual(last.map(([n]) => [n, 'Launch_Date']));
    expect(checked.rejected[0]!.reason).toMatch(/^2099-02-05T05:12:30Z is more than 24 h after the file was received \(2024-12-09T00:00:00.000Z\): the launch log lists launches that have taken place/);
    expect(checked.rows.length).toBe(parsed.rows.length - last.length);
  });

  it('accepts the bundled log as received on its own date', () => {
    const parsed = feed.parse(INPUT);
    expect(checkRowValues(parsed, LAUNCHLOG_INVARIANTS, FILE, '2024-12-08T06:00:00.000Z').rejected).toEqual(parsed.rejected);
  });
});
