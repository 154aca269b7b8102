import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';
import { repairUcsMojibake } from '../../src/ingest/ucs/mojibake.js';
import { parseUcs, ucsLaunchDate } from '../../src/ingest/ucs/parse.js';

const text = readFileSync(new URL('../fixtures/ucs/ucs-sample.tsv', import.meta.url), 'utf8');

describe('UCS mojibake repair (Mac Roman read as Windows-1252)', () => {
  it.each([
    ['AAC AIS-Sat1Ê(Kelpie 1)', 'AAC AIS-Sat1\u00A0(Kelpie 1)'],
    ["Centre National D'Žtudes Spatiales (CNES)", "Centre National D'études Spatiales (CNES)"],
    ['GšktŸrk 1', 'Göktürk 1'],
    ['FORTƒ', 'FORTÉ'],
    ['KILI‚SAT', 'KILIÇSAT'],
    ['Deutsches Zentrum fŸr Luft- und Raumfahrt', 'Deutsches Zentrum für Luft- und Raumfahrt'],
    ['T†B_TAK Space Technologies', 'TÜB_TAK Space Technologies'],
    ['Apstar 6CÕs wider coverage', 'Apstar 6C’s wider coverage'],
    ['Herzberg continuum (200 Ð 242 nm)', 'Herzberg continuum (200 – 242 nm)'],
    ['solar coronaÑincluding', 'solar corona—including'],
    ['ÒWill replicate an advanced', '“Will replicate an advanced'],
    ['range ±45¡ latitude', 'range ±45° latitude'],
    ['Centre Spatial of Li\u008Fge', 'Centre Spatial of Liège'],
    ['„t-10', 'Ñt-10'],
    ['Venµs', 'Venµs'],
  ])('%j', (damaged, repaired) => {
    expect(repairUcsMojibake(damaged)).toBe(repaired);
  });
});

describe('UCS Satellite Database', () => {
  const res = parseUcs(text, 'ucs-sample.tsv');

  it('counts 16 records (2 all-tab trailing rows skipped), rejects the 2 bad dates', () => {
    expect(res.total).toBe(16);
    expect(res.rows).toHaveLength(14);
    expect(res.rejected).toEqual([
      { file: 'ucs-sample.tsv', line: 6, field: 'Date of Launch', reason: '"11/29/018" is not m/d/yy or m/d/yyyy', key: { 'NORAD Number': '43737' } },
      { file: 'ucs-sample.tsv', line: 13, field: 'Date of Launch', reason: '"1/9//2023" is not m/d/yy or m/d/yyyy', key: { 'NORAD Number': '55134' } },
    ]);
  });

  it('reads a Chinese record against the raw file (Ziyuan 3-3)', () => {
    expect(res.rows.find((r) => r.noradId === 45939)).toEqual({
      name: 'Ziyuan 3-3',
      countryOfUnRegistry: 'China',
      countryOfOperator: 'China',
      operator: 'China Centre for Resources Satellite Data and Application (CRESDA)',
      users: 'Government',
      purpose: 'Earth Observation',
      detailedPurpose: 'Optical Imaging',
      classOfOrbit: 'LEO',
      typeOfOrbit: 'Sun-Synchronous',
      perigeeKm: 487,
      apogeeKm: 499,
      inclinationDeg: 97.5,
      periodMin: 94.5,
      launchMassKg: 2630,
      launchDate: '2020-07-25',
      contractor: 'China Academy of Space Technology (CAST)',
      countryOfContractor: 'China',
      launchSite: 'Taiyuan Launch Center',
      launchVehicle: 'Long March 4B',
      cospar: '2020-051A',
      noradId: 45939,
    });
  });

  it('handles quoted thousands, padded cells, m/d/yy dates and repaired names', () => {
    const abs2 = res.rows.find((r) => r.name === 'ABS-2')!;
    expect([abs2.perigeeKm, abs2.apogeeKm, abs2.launchMassKg, abs2.launchDate]).toEqual([35778, 35793, 6330, '2014-02-06']);
    expect(res.rows.find((r) => r.noradId === 48275)).toMatchObject({ name: 'Tianhe', cospar: '2021-035A', launchDate: '2021-04-29' });
    expect(res.rows.find((r) => r.noradId === 55107)?.name).toBe('AAC AIS-Sat1 (Kelpie 1)');
    expect(res.rows.find((r) => r.noradId === 24920)?.name).toBe('FORTÉ');
    expect(res.rows.find((r) => r.noradId === 41875)?.name).toBe('Göktürk 1');
    expect(res.rows.find((r) => r.noradId === 43866)?.contractor).toBe("Centre National D'études Spatiales (CNES)");
    expect(res.rows.find((r) => r.noradId === 26998)?.launchDate).toBe('2001-12-07');
    expect(JSON.stringify(res.rows)).not.toMatch(/[ÕÊŽÓÒŸ¡†šÐƒ‚\u008F]/);
  });

  it('reads the record whose quoted Comments cell holds an in-cell line break (UVSQ-Sat)', () => {
    expect(res.rows.find((r) => r.name === 'UVSQ-Sat')).toMatchObject({ noradId: 47438, cospar: '2021-006AB' });
  });

  it('launch dates: two-digit years pivot at 57', () => {
    expect(ucsLaunchDate('11/15/74')).toBe('1974-11-15');
    expect(ucsLaunchDate('4/27/23')).toBe('2023-04-27');
    expect(ucsLaunchDate('4/27/2023')).toBe('2023-04-27');
    expect(ucsLaunchDate('')).toBeNull();
    expect(() => ucsLaunchDate('2/30/20')).toThrow(/not a valid date/);
  });

  it('renamed/padded header, empty input, cut file', () => {
    // Padding around a header name is tolerated; a renamed one is not.
    expect(parseUcs(text.replace('Launch Vehicle\t', ' Launch Vehicle \t'), 'p.tsv').rows).toHaveLength(14);
    expect(() => parseUcs(text.replace('NORAD Number', 'NORAD No.'), 'r.tsv')).toThrow(/"NORAD Number"/);
    expect(() => parseUcs('', 'e.tsv')).toThrow(FeedFormatError);
    const cut = text.slice(0, text.indexOf('Yaogan 35A') + 40);
    expect(() => parseUcs(cut, 'cut.tsv')).toThrow(/truncated file/);
  });
});
