/**
 * `ingest --from FILE --received-at TIME`: a file downloaded earlier is checked against its download
 * time (GP epochs more than a day later are rejected, each listed with its line); a time that is not a
 * date-time, is later than now, or comes without a local file is refused before the store is opened.
 * Expected lines come from splitting the fixture on commas (it has no quoted fields).
 */
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeTarget, type StoreTarget } from '../support/store-target.js';
import { runCliSync } from '../support/cli-process.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { parseReceivedAt } from '../../src/cli/received-at.js';

const FIXTURE = 'test/fixtures/celestrak-gp/gp-sample.csv';
const RECEIVED = '2026-07-09T00:00:00Z';

const cli = (target: StoreTarget, args: string[]) => runCliSync(args, { REDSHIFT_BACKUPS: '0', ...target.env() });

describe('ingest --received-at', () => {
  let target: StoreTarget;
  beforeAll(async () => {
    target = await storeTarget('pglite');
    const store = await target.open();
    try {
      if (!(await loadCurated(store.db, 'data/kb/sources')).ok) throw new Error('sources do not validate');
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(async () => {
    await target?.dispose();
    if (target) rmSync(target.dataDir, { recursive: true, force: true });
  });

  it('rejects the rows whose epoch is more than a day after the given download time, line by line', () => {
    const lines = readFileSync(FIXTURE, 'utf8').split('\n');
    const epoch = lines[0]!.split(',').indexOf('EPOCH');
    const late = lines.map((l, i) => ({ line: i + 1, epoch: l.split(',')[epoch] }))
      .filter((r) => r.line > 1 && r.epoch && Date.parse(`${r.epoch}Z`) > Date.parse(RECEIVED) + 24 * 3_600_000);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(10);
    const r = cli(target, ['ingest', 'celestrak-gp', '--from', FIXTURE, '--source-id', 'celestrak-gp-active-2026-07-10', '--as-of', '2026-07-10', '--received-at', RECEIVED]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rejected = r.stdout.split('\n').filter((l) => l.startsWith('  rejected '));
    expect(rejected).toEqual(late.map((x) => `  rejected ${FIXTURE}:${x.line} EPOCH: ${x.epoch}Z is more than 24 h after the file was received (2026-07-09T00:00:00.000Z): an element set is fitted to observations made before it is published; a day covers clocks and time zones`));
  }, 120_000);

  it('is refused, before the store is opened, when it is no date-time, is later than now, or has no local file', () => {
    const refused = [
      [['--from', FIXTURE, '--received-at', 'yesterday'], '--received-at "yesterday" is not an ISO date or date-time with a time zone'],
      [['--from', FIXTURE, '--received-at', '2999-01-01'], '--received-at 2999-01-01 is later than now'],
      [['--received-at', RECEIVED], '--received-at applies to a local file (--from FILE)'],
      [['--from', 'http://127.0.0.1:9/gp.csv', '--received-at', RECEIVED], '--received-at applies to a local file (--from FILE)'],
    ] as const;
    for (const [args, message] of refused) {
      const r = cli(target, ['ingest', 'celestrak-gp', ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(message);
    }
  }, 120_000);

  it('says what to do with a gzip file given as --from, and with --bundled for a feed that bundles nothing', () => {
    const gz = 'data/snapshots/celestrak_gp_active_2026-07-10.csv.gz';
    const packed = cli(target, ['ingest', 'celestrak-gp', '--from', gz, '--source-id', 'celestrak-gp-active-2026-07-10', '--as-of', '2026-07-10']);
    expect(packed.code).toBe(1);
    expect(packed.stderr).toContain(`${gz}: gzip-compressed (it starts with the gzip bytes 1f 8b), not text: decompress it first (gunzip)`);
    const none = cli(target, ['ingest', 'celestrak-satcat', '--bundled']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/celestrak-satcat has no bundled snapshot \(feeds with one: .*celestrak-gp.*\): use --from FILE, or no option to download it/);
  }, 120_000);

  it('reads ISO dates and date-times with a time zone as UTC instants', () => {
    const now = new Date('2026-12-07T00:00:00Z');
    expect(parseReceivedAt('2026-07-12', now)).toBe('2026-07-12T00:00:00.000Z');
    expect(parseReceivedAt('2026-07-12T08:00:00+02:00', now)).toBe('2026-07-12T06:00:00.000Z');
    expect(() => parseReceivedAt('2026-07-12T08:00:00', now)).toThrow('is not an ISO date or date-time with a time zone');
    expect(() => parseReceivedAt('2026-02-30', now)).toThrow('is not an ISO date');
    expect(() => parseReceivedAt('2026-07-12T25:00:00Z', now)).toThrow('is not an ISO date');
    expect(parseReceivedAt('2024-02-29T23:59:59.5Z', now)).toBe('2024-02-29T23:59:59.500Z');
  });
});
