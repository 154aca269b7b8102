import { readFileSync } from 'node:fs';
import { checkFileText } from '../../src/ingest/check-feed.js';
import { GP_INVARIANTS } from '../../src/ingest/celestrak-gp/invariants.js';
import { describe, expect, it } from 'vitest';
import {
  decodeCatalogNumber,
  decodeImpliedExponent,
  parseGp,
  parseGpCsv,
  parseGpJson,
  parseTle,
  tleChecksum,
  tleEpochToIso,
} from '../../src/ingest/celestrak-gp/parse.js';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';

const fixture = (p: string): string => readFileSync(new URL(`../fixtures/celestrak-gp/${p}`, import.meta.url), 'utf8');

function feedError(fn: () => unknown): FeedFormatError {
  try {
    fn();
  } catch (e) {
    if (e instanceof FeedFormatError) return e;
    throw e;
  }
  throw new Error('expected a FeedFormatError');
}

describe('GP OMM CSV', () => {
  const res = parseGpCsv(fixture('gp-sample.csv'), 'gp-sample.csv');

  it('parses every real row', () => {
    expect(res.total).toBe(12);
    expect(res.rows).toHaveLength(12);
    expect(res.rejected).toEqual([]);
  });

  it('matches the raw file values (CALSPHERE 1, line 2)', () => {
    expect(res.rows[0]).toEqual({
      noradId: 900,
      objectName: 'CALSPHERE 1',
      objectId: '1964-063C',
      epoch: '2026-07-10T03:44:00.383136Z',
      meanMotion: 13.76647064,
      eccentricity: 0.00234977,
      inclination: 90.2216,
      raan: 72.3098,
      argOfPericenter: 220.5925,
      meanAnomaly: 303.3745,
      bstar: 0.40393571e-3,
      meanMotionDot: 0.406e-5,
      meanMotionDdot: 0,
      elementSetNo: 999,
      revAtEpoch: 7458,
      classification: 'U',
      ephemerisType: 0,
    });
  });

  it('reads negative exponents and the newest object', () => {
    const sl = res.rows.find((r) => r.noradId === 69847)!;
    expect(sl.objectId).toBe('2026-154AE');
    expect(sl.bstar).toBe(-0.1424683e-2);
    expect(sl.meanMotionDot).toBe(-0.1349327e-1);
    expect(sl.meanMotionDdot).toBe(0.64095091e-3);
    expect(res.rows.find((r) => r.objectName === 'CSS (TIANHE)')?.noradId).toBe(48274);
  });

  it('rejects a bad cell with its line and field, keeps the rest', () => {
    const lines = fixture('gp-sample.csv').split('\n');
    lines[3] = lines[3]!.replace('.00123732', '1.2'); // LCS 1: eccentricity ≥ 1
    lines[5] = lines[5]!.replace('2024-140B', '2024-140'); // QIANFAN-2: no piece letter
    const r = parseGpCsv(lines.join('\n'), 'bad.csv');
    expect(r.total).toBe(12);
    expect(r.rows).toHaveLength(10);
    expect(r.rejected).toEqual([
      { file: 'bad.csv', line: 4, field: 'ECCENTRICITY', reason: '1.2 is not below 1' },
      { file: 'bad.csv', line: 6, field: 'OBJECT_ID', reason: '"2024-140" is not a COSPAR designator (YYYY-NNNP)' },
    ]);
  });

  it('rejects an epoch before the first satellite\'s launch, and keeps one just after it', () => {
    const lines = fixture('gp-sample.csv').split('\n');
    const epoch = /,(\d{4}-\d\d-\d\dT[\d:.]+),/;
    lines[2] = lines[2]!.replace(epoch, ',1800-01-01T00:00:00,');
    lines[3] = lines[3]!.replace(epoch, ',1957-10-04T19:28:33.999,');
    lines[4] = lines[4]!.replace(epoch, ',1957-10-04T19:28:35,');
    const r = parseGpCsv(lines.join('\n'), 'old.csv');
    expect(r.rejected.map((x) => [x.line, x.field, x.reason])).toEqual([
      [3, 'EPOCH', "1800-01-01T00:00:00.000000Z is before the first artificial satellite's launch (1957-10-04)"],
      [4, 'EPOCH', "1957-10-04T19:28:33.999000Z is before the first artificial satellite's launch (1957-10-04)"],
    ]);
    expect(r.rows.some((x) => x.epoch.startsWith('1957-10-04T19:28:35'))).toBe(true);
  });

  it('a renamed header column is a FeedFormatError naming it', () => {
    const err = feedError(() => parseGpCsv(fixture('gp-sample.csv').replace('MEAN_MOTION,', 'MEANMOTION,'), 'renamed.csv'));
    expect(err.field).toBe('MEAN_MOTION');
    expect(err.message).toContain('MEAN_MOTION');
  });

  it('empty input and a truncated last row are FeedFormatErrors', () => {
    expect(feedError(() => parseGpCsv('', 'empty.csv')).reason).toBe('empty input');
    const text = fixture('gp-sample.csv');
    const cut = text.slice(0, text.trimEnd().lastIndexOf(',', text.length - 40));
    expect(feedError(() => parseGpCsv(cut, 'cut.csv')).reason).toMatch(/truncated file: last row has \d+ fields, header has 17/);
  });
});

describe('GP OMM JSON', () => {
  it('parses numbers given as numbers or strings to the same values as the CSV', () => {
    const json = parseGpJson(fixture('gp-sample.json'), 'gp-sample.json');
    const csv = parseGpCsv(fixture('gp-sample.csv'), 'gp-sample.csv');
    expect(json.rejected).toEqual([]);
    expect(json.rows.map((r) => r.objectName)).toEqual(['QIANFAN-1', 'ISS (ZARYA)', 'CSS (TIANHE)']);
    for (const row of json.rows) expect(row).toEqual(csv.rows.find((c) => c.noradId === row.noradId));
  });

  it('the one-line form of the same JSON passes the file checks and parses to the same rows', () => {
    const pretty = fixture('gp-sample.json');
    const compact = JSON.stringify(JSON.parse(pretty));
    expect(compact.split('\n')).toHaveLength(1);
    expect(checkFileText(pretty, GP_INVARIANTS, 'gp.json')).toBeNull();
    expect(checkFileText(compact, GP_INVARIANTS, 'gp.json')).toBeNull();
    expect(parseGp(compact, 'gp.json').rows).toEqual(parseGp(pretty, 'gp.json').rows);
    // The CSV form is still identified by its header.
    expect(checkFileText(fixture('gp-sample.csv').replace('MEAN_MOTION,', 'MEANMOTION,'), GP_INVARIANTS, 'gp.csv')?.check).toBe('identity');
  });

  it('reports a bad object by its line, and a key missing everywhere as a FeedFormatError', () => {
    const text = fixture('gp-sample.json').replace('"NORAD_CAT_ID": 25544', '"NORAD_CAT_ID": "25S44"');
    const r = parseGpJson(text, 'bad.json');
    expect(r.rows).toHaveLength(2);
    expect(r.rejected).toEqual([{ file: 'bad.json', line: 3, field: 'NORAD_CAT_ID', reason: '"25S44" is not an integer' }]);
    const renamed = fixture('gp-sample.json').replaceAll('"BSTAR"', '"B_STAR"');
    expect(feedError(() => parseGpJson(renamed, 'renamed.json')).field).toBe('BSTAR');
    expect(feedError(() => parseGpJson(' ', 'empty.json')).reason).toBe('empty input');
    expect(feedError(() => parseGpJson(fixture('gp-sample.json').slice(0, 500), 'cut.json')).reason).toMatch(/not valid JSON/);
  });
});

describe('GP 3-line TLE', () => {
  const res = parseTle(fixture('tle-sample.txt'), 'tle-sample.txt');

  it('parses all six real objects (CRLF file) with valid checksums', () => {
    expect(res.total).toBe(6);
    expect(res.rejected).toEqual([]);
    expect(res.rows.map((r) => r.objectName)).toEqual([
      'CALSPHERE 1',
      'CALSPHERE 2',
      'ISS (ZARYA)',
      'GAOFEN-1',
      'CSS (TIANHE)',
      'QIANFAN-1',
    ]);
  });

  it('decodes every field of CALSPHERE 1 as written in the file', () => {
    const r = res.rows[0]!;
    expect(r).toMatchObject({
      noradId: 900,
      objectId: '1964-063C',
      classification: 'U',
      epoch: '2026-05-04T02:35:12.242976Z',
      meanMotionDot: 0.00000679,
      meanMotionDdot: 0,
      bstar: 0.68146e-3,
      ephemerisType: 0,
      elementSetNo: 999,
      inclination: 90.2224,
      raan: 70.7319,
      eccentricity: 0.0028514,
      argOfPericenter: 66.4852,
      meanAnomaly: 305.0852,
      meanMotion: 13.76571652,
      revAtEpoch: 6536,
    });
    expect(r.line1).toBe('1 00900U 64063C   26124.10778059  .00000679  00000+0  68146-3 0  9999');
    expect(r.line2).toBe('2 00900  90.2224  70.7319 0028514  66.4852 305.0852 13.76571652 65364');
  });

  it('agrees with the GP CSV on identity fields (same objects, other snapshot)', () => {
    const csv = parseGpCsv(fixture('gp-sample.csv'), 'gp-sample.csv');
    for (const t of res.rows) {
      const c = csv.rows.find((x) => x.noradId === t.noradId);
      if (c) expect([t.objectName, t.objectId]).toEqual([c.objectName, c.objectId]);
    }
  });

  it('accepts Alpha-5 catalog numbers', () => {
    expect(decodeCatalogNumber('A0900')).toBe(100900);
    expect(decodeCatalogNumber('J0001')).toBe(180001); // I is skipped: J is the 9th letter used
    expect(decodeCatalogNumber('Z9999')).toBe(339999);
    expect(decodeCatalogNumber('00005')).toBe(5);
    expect(() => decodeCatalogNumber('I0001')).toThrow(/I or O/);
    const r = parseTle(fixture('tle-alpha5.txt'), 'tle-alpha5.txt');
    expect(r.rejected).toEqual([]);
    expect(r.rows.map((x) => x.noradId)).toEqual([100900, 339999]);
  });

  it('rejects an object whose checksum is wrong, naming the line', () => {
    const r = parseTle(fixture('tle-bad-checksum.txt'), 'bad.txt');
    expect(r.total).toBe(6);
    expect(r.rows).toHaveLength(5);
    expect(r.rejected).toEqual([{ file: 'bad.txt', line: 9, field: 'line 2', reason: 'checksum mismatch: computed 5, line has "6"' }]);
    expect(r.rows.some((x) => x.noradId === 25544)).toBe(false);
  });

  it('a file cut before the last line, or mid-line, is a FeedFormatError', () => {
    expect(feedError(() => parseTle(fixture('tle-truncated.txt'), 't.txt')).reason).toMatch(/truncated file: "QIANFAN-1" is missing line 2/);
    expect(feedError(() => parseTle(fixture('tle-cut-midline.txt'), 'c.txt')).reason).toMatch(/truncated file: last line is \d+ characters/);
    expect(feedError(() => parseTle('\r\n', 'e.txt')).reason).toBe('empty input');
  });

  it('rejects a set missing a line in the middle and resumes', () => {
    const lines = fixture('tle-sample.txt').split('\r\n');
    lines.splice(7, 1); // drop ISS line 1
    const r = parseTle(lines.join('\r\n'), 'gap.txt');
    expect(r.rejected[0]).toMatchObject({ line: 7, field: 'line 1' });
    expect(r.rows.map((x) => x.objectName)).toContain('QIANFAN-1');
  });

  it('field decoders', () => {
    expect(tleChecksum('1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753')).toBe(3);
    expect(decodeImpliedExponent('-11606-4', 'BSTAR')).toBe(-0.11606e-4);
    expect(decodeImpliedExponent(' 00000+0', 'BSTAR')).toBe(0);
    expect(tleEpochToIso('00', '179.78495062')).toBe('2000-06-27T18:50:19.733568Z');
    expect(tleEpochToIso('57', '277.00000000')).toBe('1957-10-04T00:00:00.000000Z');
  });
});

describe('parseGp format detection', () => {
  it('routes CSV, JSON and TLE text to the right parser', () => {
    expect(parseGp(fixture('gp-sample.csv'), 'a').total).toBe(12);
    expect(parseGp(fixture('gp-sample.json'), 'b').total).toBe(3);
    expect(parseGp(fixture('tle-sample.txt'), 'c').total).toBe(6);
    expect(() => parseGp('hello\nworld\n', 'd')).toThrow(FeedFormatError);
  });
});
