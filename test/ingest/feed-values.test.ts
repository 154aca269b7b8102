/**
 * The feeds' value check on real fixture rows with one cell damaged: text with NUL, control
 * characters or U+FFFD rejects the row naming the field; numbers keep their exponent; overlong
 * cells are refused; the inputs that used to take seconds (long runs of spaces or digits) are fast.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGpCsv, parseTle } from '../../src/ingest/celestrak-gp/parse.js';
import { parseSatcatCsv } from '../../src/ingest/celestrak-satcat/parse.js';
import { parseOrgs } from '../../src/ingest/gcat/parse-orgs.js';
import { parseUcs } from '../../src/ingest/ucs/parse.js';
import { numberField } from '../../src/ingest/celestrak-gp/field-values.js';

const fixture = (p: string): string => readFileSync(`test/fixtures/${p}`, 'utf8');
/** Replace the first occurrence of `from` (which must be present) in a fixture. */
function damaged(p: string, from: string, to: string): string {
  const text = fixture(p);
  expect(text).toContain(from);
  return text.replace(from, to);
}

describe('feed value check', () => {
  it('rejects a GP CSV name holding NUL, naming field and line, and escapes it in the reason', () => {
    const r = parseGpCsv(damaged('celestrak-gp/gp-sample.csv', 'CALSPHERE 1,', 'CALSPHERE\u00001,'), 'gp.csv');
    expect(r.rejected).toEqual([{ file: 'gp.csv', line: 2, field: 'OBJECT_NAME', reason: 'contains a NUL character at position 10' }]);
  });

  it('rejects a TLE name line with an escape character, and element lines that are not printable ASCII', () => {
    const r = parseTle(damaged('celestrak-gp/tle-sample.txt', 'CALSPHERE 1', 'CALSPHERE\u001b1'), 'tle.txt');
    expect(r.rejected[0]).toMatchObject({ line: 1, field: 'OBJECT_NAME', reason: 'contains the control character U+001B at position 10' });
    const l = parseTle(damaged('celestrak-gp/tle-sample.txt', '64063C  ', '64063C\u0000 '), 'tle.txt');
    expect(l.rejected[0]).toMatchObject({ line: 2, field: 'line 1', reason: 'contains a character other than printable ASCII' });
  });

  it('rejects U+FFFD in a GCAT cell and a control character in a SATCAT launch site', () => {
    const g = parseOrgs(damaged('gcat/orgs-sample.tsv', 'Earth (Terra)', 'Earth \uFFFD'), 'orgs.tsv');
    expect(g.rejected).toEqual([{ file: 'orgs.tsv', line: 3, field: 'ShortEName', reason: 'contains U+FFFD (a character lost in decoding) at position 7', key: { Code: 'EARTH' } }]);
    const s = parseSatcatCsv(damaged('celestrak-satcat/satcat-sample.csv', ',JSC,', ',J\u0085SC,'), 'satcat.csv');
    expect(s.rejected).toEqual([{ file: 'satcat.csv', line: 2, field: 'LAUNCH_SITE', reason: 'contains the control character U+0085 at position 2', key: { NORAD_CAT_ID: '66877' } }]);
  });

  it('rejects a UCS text cell longer than 1,000 characters', () => {
    const text = fixture('ucs/ucs-sample.tsv');
    const operator = text.split('\n')[1]!.split('\t')[3]!;
    const r = parseUcs(text.replace(`\t${operator}\t`, `\t${'x'.repeat(1_001)}\t`), 'ucs.tsv');
    expect(r.rejected[0]).toMatchObject({ line: 2, field: 'Operator/Owner', reason: 'text of 1001 characters is longer than 1000' });
  });

  it('reads CelesTrak exponents exactly and refuses non-finite or overlong numbers', () => {
    expect(numberField('.64095091E-3', 'F')).toBe(0.00064095091);
    expect(numberField('-.1424683E-2', 'F')).toBe(-0.001424683);
    expect(() => numberField('1e999', 'F')).toThrow(/is not a number/);
    expect(() => numberField('Infinity', 'F')).toThrow(/is not a number/);
    expect(() => numberField(`1${'0'.repeat(64)}`, 'F')).toThrow(/is not a number/);
  });

  it('a GCAT number with an exponent keeps it (strict grammar shared with CelesTrak)', () => {
    const r = parseOrgs(damaged('gcat/orgs-sample.tsv', '0.0200 ', '2.0E-2 '), 'orgs.tsv');
    expect(r.rows[0]!.error).toBe(0.02);
  });

  it('long runs of spaces or digits (80 KB and 1 MB) parse in well under a second', () => {
    const start = performance.now();
    const sample = fixture('celestrak-gp/tle-sample.txt');
    expect(parseTle(sample.replace('CALSPHERE 1', `CALSPHERE 1${' '.repeat(80_000)}`), 'tle.txt').rows[0]!.objectName).toBe('CALSPHERE 1');
    expect(parseTle(sample.replace('CALSPHERE 1', `CALSPHERE${' '.repeat(1_000_000)}x`), 'tle.txt').rejected[0]!.reason)
      .toBe('text of 1000010 characters is longer than 1000');
    parseGpCsv(damaged('celestrak-gp/gp-sample.csv', '13.76647064', `1${'1'.repeat(1_000_000)}x`), 'gp.csv');
    parseOrgs(damaged('gcat/orgs-sample.tsv', '# Updated ', `# Updated ${' '.repeat(1_000_000)}x`), 'orgs.tsv');
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
