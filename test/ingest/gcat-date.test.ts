import { describe, expect, it } from 'vitest';
import { parseGcatBound, parseGcatDate } from '../../src/ingest/gcat/gcat-date.js';

describe('GCAT dates', () => {
  it.each([
    ['2024 Dec  8 1234:56', { iso: '2024-12-08T12:34:56Z', precision: 'second', uncertain: false }],
    ['1957 Oct  4 1928:34', { iso: '1957-10-04T19:28:34Z', precision: 'second', uncertain: false }],
    ['2024 Dec  8 1234:56.7', { iso: '2024-12-08T12:34:56.7Z', precision: 'second', uncertain: false }],
    ['2024 Dec  8 1234', { iso: '2024-12-08T12:34Z', precision: 'minute', uncertain: false }],
    ['2024 Dec  8', { iso: '2024-12-08', precision: 'day', uncertain: false }],
    ['2024 Dec', { iso: '2024-12', precision: 'month', uncertain: false }],
    ['2024', { iso: '2024', precision: 'year', uncertain: false }],
    ['1962 Aug 23 1133?', { iso: '1962-08-23T11:33Z', precision: 'minute', uncertain: true }],
    ['2019?', { iso: '2019', precision: 'year', uncertain: true }],
    ['1960s?', { iso: '1960', precision: 'decade', uncertain: true }],
    [' 927 Jul 12', { iso: '0927-07-12', precision: 'day', uncertain: false }],
    ['2025 Oct    -', { iso: '2025-10', precision: 'month', uncertain: false }],
    ['2024 Nov 27 05:01:59', { iso: '2024-11-27T05:01:59Z', precision: 'second', uncertain: false }],
  ])('%s', (text, expected) => {
    expect(parseGcatDate(text)).toEqual(expected);
  });

  it.each(['', '2024 Foo', '2024 Feb 30', '2024 Dec  8 2460', '1965s', 'next year'])('rejects %j', (text) => {
    expect(parseGcatDate(text)).toBeNull();
  });

  it('bounds: * is ongoing, bare ? unknown', () => {
    expect(parseGcatBound('*')).toEqual({ kind: 'ongoing' });
    expect(parseGcatBound('?')).toEqual({ kind: 'unknown' });
    expect(parseGcatBound('1995?')).toEqual({ kind: 'date', date: { iso: '1995', precision: 'year', uncertain: true } });
    expect(parseGcatBound('soon')).toBeNull();
  });
});
