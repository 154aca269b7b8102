/**
 * The pure parts of "data that loads anywhere": the weak If-None-Match comparison of
 * RFC 9110 §13.1.2 / §8.8.3.2, Accept negotiation for CSV, and the CORS origins setting.
 */
import { describe, expect, it } from 'vitest';
import { noneMatchHits } from '../../src/api/http-cache.js';
import { acceptedCoding } from '../../src/api/response-cache.js';
import { prefersCsv } from '../../src/api/accept-csv.js';
import { parseCorsOrigins, readSettings, SettingsError } from '../../src/config/settings.js';

describe('If-None-Match under the weak comparison', () => {
  const etag = 'W/"abc"';
  it.each([
    ['W/"abc"', true], ['"abc"', true], ['"x", W/"abc"', true], ['W/"x",W/"abc"', true], ['*', true], [' * ', true],
    ['"abcd"', false], ['W/"ab"', false], ['"x", "y"', false], ['abc', false], ['', false],
  ])('%s -> %s', (header, hit) => expect(noneMatchHits(header, etag)).toBe(hit));
});

describe('Accept prefers CSV', () => {
  it.each([
    ['text/csv', true], ['text/csv, application/json', true], ['application/json;q=0.5, text/csv', true],
    ['application/json, text/csv', false], ['text/csv;q=0', false], ['*/*', false], [undefined, false],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', false], ['text/csv;q=0.5, */*', true],
  ])('%s -> %s', (accept, csv) => expect(prefersCsv(accept)).toBe(csv));
});

describe('REDSHIFT_CORS_ORIGINS', () => {
  it('defaults to any origin, takes a list or none, and refuses what is not an origin', () => {
    expect(readSettings({}).corsOrigins).toBe('*');
    expect(parseCorsOrigins('https://a.example, http://localhost:8888')).toEqual(['https://a.example', 'http://localhost:8888']);
    expect(parseCorsOrigins('none')).toEqual([]);
    for (const bad of ['https://a.example/path', 'a.example', ',', 'https://a.example,ftp://b']) expect(() => parseCorsOrigins(bad)).toThrow(SettingsError);
  });
});

describe('Accept-Encoding for a cached response', () => {
  it.each([
    ['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['*', 'br'], ['*, br;q=0', 'gzip'], ['identity', null],
    [undefined, null], ['gzip;q=0, br;q=0', null], ['GZIP', 'gzip'],
  ])('%s -> %s', (header, coding) => expect(acceptedCoding(header)).toBe(coding));
});
