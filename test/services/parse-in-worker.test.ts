/** parseInWorker: the same output as the feed's own read, errors carried back, a budget that stops it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';
import { feedByName, type FeedDef } from '../../src/services/feeds.js';
import { parseInWorker } from '../../src/services/parse-in-worker.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { checkCountryCodes } from '../../src/services/feed-country-check.js';

const gp = feedByName('celestrak-gp')!;
const input = (text: string, file = 'gp-sample.csv') => ({ text, file, sourceId: 'test-source', asOf: '2026-07-10' });

describe('parseInWorker', () => {
  it('returns what the feed reads in process (GP CSV fixture)', async () => {
    const text = readFileSync('test/fixtures/celestrak-gp/gp-sample.csv', 'utf8');
    const out = await parseInWorker(gp, input(text));
    expect(out).toEqual(gp.read(input(text)));
    expect(out.parsed.rows.length).toBeGreaterThan(5);
  }, 30_000);

  it('carries a FeedFormatError back with its file, line and reason', async () => {
    const err = await parseInWorker(gp, input('not a catalog\n', 'bad.csv')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedFormatError);
    expect((err as FeedFormatError).file).toBe('bad.csv');
    expect((err as FeedFormatError).reason).toBe('not a CelesTrak GP file (expected OMM JSON, OMM CSV or 3-line TLE)');
  }, 30_000);

  it('checks the country codes against the rules in the worker, as the caller would, when given the rules folder', async () => {
    const launchlog = feedByName('gcat-launchlog')!;
    const lines = readFileSync('test/fixtures/gcat/launchlog-sample.tsv', 'utf8').split('\n');
    lines[2] = lines[2]!.replace(/\tSU\tOS\t/, '\tZZ9\tOS\t');
    const file = { text: lines.join('\n'), file: 'launchlog-zz9.tsv', sourceId: 'gcat-launchlog-live', asOf: '2024-12-08' };
    const out = await parseInWorker(launchlog, file, undefined, 'data/rules');
    expect(out.countryCheck).toEqual({ ok: true, unknown: [{ vocabulary: 'gcat', field: 'LVState', code: 'ZZ9', rows: 1, lines: [3] }] });
    expect(out.countryCheck).toEqual(checkCountryCodes('data/rules', launchlog.read(file).countryCodes ?? []));
    // Rules that do not validate: the reason comes back, for the ingest to refuse the file with it.
    const bad = await parseInWorker(launchlog, file, undefined, 'test/fixtures/rules-bad-country-codes');
    expect(bad.countryCheck).toMatchObject({ ok: false, reason: expect.stringMatching(/^the rules in test\/fixtures\/rules-bad-country-codes do not validate/) });
    // Without the folder, nothing is checked there.
    expect((await parseInWorker(launchlog, file)).countryCheck).toBeUndefined();
  }, 30_000);

  it('stops the worker at the budget and fails the read', async () => {
    const text = readSnapshot('celestrak_active_tle_2026-05-04.txt.gz');
    await expect(parseInWorker(gp, input(text, 'tle.txt'), 1)).rejects.toThrow(/longer than the 1 ms budget/);
  }, 30_000);

  it('keeps the event loop free while a full snapshot is parsed', async () => {
    const text = readSnapshot('celestrak_active_tle_2026-05-04.txt.gz');
    let ticks = 0;
    let longestGap = 0;
    let last = Date.now();
    const timer = setInterval(() => { ticks += 1; longestGap = Math.max(longestGap, Date.now() - last); last = Date.now(); }, 10);
    const out = await parseInWorker(gp, input(text, 'tle.txt'));
    clearInterval(timer);
    expect(out.parsed.rows).toHaveLength(15_297);
    expect(ticks).toBeGreaterThan(5);
    expect(longestGap).toBeLessThan(500);
  }, 60_000);

  it('refuses a feed that is not registered (the worker looks feeds up by name)', async () => {
    const stranger: FeedDef = { ...gp };
    await expect(parseInWorker(stranger, input('x'))).rejects.toThrow(/not a registered feed/);
  });
});
