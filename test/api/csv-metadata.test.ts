/** CSVW column datatypes: identifiers stay string even in digits; number or boolean only when every value of the CSV is one. */
import { describe, expect, it } from 'vitest';
import { columnDatatype, csvMetadata } from '../../src/api/csv-metadata.js';

describe('CSVW metadata', () => {
  it('declares identifier columns string whatever they hold', () => {
    expect(columnDatatype('norad_id', [25544, 48274])).toBe('string');
    expect(columnDatatype('id', [1, 2])).toBe('string');
    expect(columnDatatype('claim_id', ['kf1.c1'])).toBe('string');
  });

  it('declares number or boolean only when every present value is one, string otherwise', () => {
    expect(columnDatatype('perigee_km', [410, 412.5, null, undefined, ''])).toBe('number');
    expect(columnDatatype('conflict', [true, false, null])).toBe('boolean');
    expect(columnDatatype('world_date', ['2024', '2024-05'])).toBe('string');
    expect(columnDatatype('value', [1, 'one'])).toBe('string');
    expect(columnDatatype('empty', [null, undefined])).toBe('string');
    expect(columnDatatype('ratio', [Number.NaN])).toBe('string');
  });

  it('names every column as the header does, with its datatype', () => {
    const meta = csvMetadata({ columns: ['norad_id', 'object_name', 'perigee_km'], rows: [[25544, 'ISS (ZARYA)', 413.2]], meta: { title: 't', sources: ['s'], licence: 'l', asOf: '2026-07-10' } }, '/x?format=csv');
    expect(meta.tableSchema.columns).toEqual([
      { name: 'norad_id', titles: 'norad_id', datatype: 'string' },
      { name: 'object_name', titles: 'object_name', datatype: 'string' },
      { name: 'perigee_km', titles: 'perigee_km', datatype: 'number' },
    ]);
    expect(meta).toMatchObject({ '@context': 'http://www.w3.org/ns/csvw', url: '/x?format=csv', 'dc:date': '2026-07-10', 'rdfs:comment': [] });
  });
});
