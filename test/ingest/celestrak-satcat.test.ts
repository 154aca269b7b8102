import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSatcatCsv } from '../../src/ingest/celestrak-satcat/parse.js';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';

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

  it('renamed column, empty input and truncation are FeedFormatErrors', () => {
    expect(() => parseSatcatCsv(text.replace('OWNER', 'COUNTRY'), 'r.csv')).toThrow(/"OWNER"/);
    expect(() => parseSatcatCsv('', 'e.csv')).toThrow(FeedFormatError);
    expect(() => parseSatcatCsv(text.trimEnd().slice(0, -12), 't.csv')).toThrow(/truncated file/);
  });
});
