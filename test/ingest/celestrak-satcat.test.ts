import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSatcatCsv } from '../../src/ingest/celestrak-satcat/parse.js';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';
import { checkRowValues } from '../../src/ingest/check-feed.js';
import { SATCAT_INVARIANTS } from '../../src/ingest/celestrak-satcat/invariants.js';

const text = readFileSync(new URL('../fixtures/celestrak-satcat/satcat-sample.csv', import.meta.url), 'utf8');

describe('CelesTrak SATCAT CSV', () => {
  const res = parseSatcatCsv(text, 'satcat-sample.csv');

  it('parses all 18 real rows', () => {
    expect(res.total).toBe(18);
    expect(res.rejected).toEqual([]);
  });

  it('matches raw values: a Chinese GEO-transfer payload (TJS-23)', () => {
    expect(res.rows.find((r) => r.noradId === 67226)).toEqual({
      objectName: 'TJS-23',
      objectId: '2025-306A',
      noradId: 67226,
      objectType: 'PAY',
      opsStatus: '+',
      owner: 'PRC',
      launchDate: '2025-12-20',
      launchSite: 'WSC',
      decayDate: null,
      periodMin: 833.79,
      inclinationDeg: 16.4,
      apogeeKm: 45721,
      perigeeKm: 213,
      rcsM2: null,
      dataStatus: null,
      orbitCenter: 'EA',
      orbitType: 'ORB',
    });
  });

  it('keeps decay dates, RCS, data status and non-Earth orbit centres; blanks are null', () => {
    const kz = res.rows.find((r) => r.objectName === 'KZ-11 R/B')!;
    expect([kz.opsStatus, kz.decayDate, kz.orbitType]).toEqual(['D', '2025-12-25', 'IMP']);
    const sl1 = res.rows.find((r) => r.noradId === 1)!;
    expect(sl1.rcsM2).toBe(20.42);
    const pioneer = res.rows.find((r) => r.noradId === 27)!;
    expect([pioneer.periodMin, pioneer.apogeeKm, pioneer.dataStatus, pioneer.orbitCenter]).toEqual([null, null, 'NEA', 'SU']);
    expect(res.rows.find((r) => r.noradId === 114)?.orbitCenter).toBe('MO');
  });

  it('rejects bad cells with line and field', () => {
    const lines = text.split('\n');
    lines[2] = lines[2]!.replace(',PAY,+,', ',SAT,+,'); // OBJECT A: unknown object type
    lines[10] = lines[10]!.replace('2025-11-08', '2025-11-31'); // OBJECT E (2025-255E): no such day
    const r = parseSatcatCsv(lines.join('\n'), 'bad.csv');
    expect(r.rows).toHaveLength(16);
    expect(r.rejected).toEqual([
      { file: 'bad.csv', line: 3, field: 'OBJECT_TYPE', reason: '"SAT" is not one of PAY, R/B, DEB, UNK', key: { NORAD_CAT_ID: '66913' } },
      { file: 'bad.csv', line: 11, field: 'LAUNCH_DATE', reason: '"2025-11-31" is not an ISO date (YYYY-MM-DD)', key: { NORAD_CAT_ID: '67225' } },
    ]);
  });

  it('rejects what cannot be: a launch before Sputnik 1, an apogee below the perigee, a launch after the file was received', () => {
    const lines = text.split('\n');
    const cells = (k: number) => lines[k]!.split(',');
    const head = lines[0]!.split(',');
    const set = (k: number, column: string, value: string) => {
      const c = cells(k);
      c[head.indexOf(column)] = value;
      lines[k] = c.join(',');
    };
    const withOrbit = lines.map((_, k) => k).filter((k) => k > 0 && lines[k] && cells(k)[head.indexOf('PERIGEE')] !== '');
    set(1, 'LAUNCH_DATE', '1800-01-01');
    set(withOrbit[1]!, 'APOGEE', '-5000');
    set(withOrbit[2]!, 'LAUNCH_DATE', '2099-01-01');
    const parsed = parseSatcatCsv(lines.join('\n'), 'odd.csv');
    expect(parsed.rejected.map((r) => [r.line, r.field, r.reason])).toEqual([
      [2, 'LAUNCH_DATE', "1800-01-01 is before the first artificial satellite's launch (1957-10-04)"],
      [withOrbit[1]! + 1, 'APOGEE', `-5000 km is below the perigee (${cells(withOrbit[1]!)[head.indexOf('PERIGEE')]} km)`],
    ]);
    const checked = checkRowValues(parsed, SATCAT_INVARIANTS, 'odd.csv', '2026-01-01T00:00:00.000Z');
    expect(checked.rejected.at(-1)).toMatchObject({ line: withOrbit[2]! + 1, field: 'LAUNCH_DATE', reason: expect.stringMatching(/^2099-01-01 is more than 24 h after the file was received/) });
    expect(checkRowValues(res, SATCAT_INVARIANTS, 'satcat-sample.csv', '2026-01-01T00:00:00.000Z').rejected).toEqual([]);
  });

  it('renamed column, empty input and truncation are FeedFormatErrors', () => {
    expect(() => parseSatcatCsv(text.replace('OWNER', 'COUNTRY'), 'r.csv')).toThrow(/"OWNER"/);
    expect(() => parseSatcatCsv('', 'e.csv')).toThrow(FeedFormatError);
    expect(() => parseSatcatCsv(text.trimEnd().slice(0, -12), 't.csv')).toThrow(/truncated file/);
  });
});
