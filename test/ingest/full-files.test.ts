/**
 * Parses the FULL bundled snapshots (data/snapshots, gzip copies of the staged public
 * datasets) and checks the counts stated in their provenance notes.
 */
import { describe, expect, it } from 'vitest';
import { parseGpCsv, parseTle } from '../../src/ingest/celestrak-gp/parse.js';
import { parseSatcatCsv } from '../../src/ingest/celestrak-satcat/parse.js';
import { parseFtocat } from '../../src/ingest/gcat/parse-ftocat.js';
import { launchesFromLog, launchesPerYear, parseLaunchLog } from '../../src/ingest/gcat/parse-launchlog.js';
import { parseOrgs } from '../../src/ingest/gcat/parse-orgs.js';
import { parsePlatforms } from '../../src/ingest/gcat/parse-platforms.js';
import { parseLaunchPoints, parseSites } from '../../src/ingest/gcat/parse-sites.js';
import { parseUcs } from '../../src/ingest/ucs/parse.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';

function withFile(name: string, title: string, check: (text: string, file: string) => void): void {
  it(title, () => check(readSnapshot(`${name}.gz`), name));
}

describe('full staged files (NOTES.md counts)', () => {
  withFile('celestrak_gp_active_2026-07-10.csv', 'GP CSV: 15,985 rows, unique NORAD ids', (text, file) => {
    const r = parseGpCsv(text, file);
    expect(r.rejected).toEqual([]);
    expect(r.rows).toHaveLength(15_985);
    expect(new Set(r.rows.map((x) => x.noradId)).size).toBe(15_985);
    expect(r.rows.filter((x) => x.objectName.startsWith('QIANFAN')).length).toBe(200);
  });

  withFile('celestrak_active_tle_2026-05-04.txt', 'TLE: 15,297 objects, every checksum valid', (text, file) => {
    const r = parseTle(text, file);
    expect(r.rejected).toEqual([]);
    expect(r.rows).toHaveLength(15_297);
    expect(r.rows.filter((x) => x.objectName.startsWith('QIANFAN')).length).toBe(126);
    expect(r.rows.filter((x) => x.objectName.startsWith('HULIANWANG')).length).toBe(173);
  });

  withFile('gcat_launchlog_2024-12-08.tsv', 'launch log: 23,433 rows, 6,828 tags, China launches per year', (text, file) => {
    const r = parseLaunchLog(text, file);
    expect(r.rejected).toEqual([]);
    expect(r.rows).toHaveLength(23_433);
    const launches = launchesFromLog(r.rows);
    expect(launches).toHaveLength(6_828);
    const cn = launchesPerYear(launches, 'CN');
    expect([2020, 2021, 2022, 2023, 2024].map((y) => cn.get(y))).toEqual([40, 56, 64, 67, 63]);
    // NOTES.md §1 launch-level code counts.
    const codes = new Map<string, number>();
    for (const l of launches) codes.set(l.launchCode, (codes.get(l.launchCode) ?? 0) + 1);
    expect([codes.get('OS'), codes.get('OF'), codes.get('DS'), codes.get('OF40'), codes.get('OS75'), codes.get('XS')]).toEqual([
      6079, 408, 219, 66, 19, 11,
    ]);
    expect(launches.filter((l) => l.outcome === 'unknown')).toEqual([]);
  });

  withFile('gcat_orgs_2026-03-26.tsv', 'GCAT orgs: 4,028 rows, one rejected (longitude -213.25), 357 Chinese', (text, file) => {
    const r = parseOrgs(text, file);
    // Independent: the raw rows whose Longitude (11th field) is outside -180…180, by plain splitting.
    const outside = text.split('\n').flatMap((l, i) => {
      const lon = l.startsWith('#') ? '-' : (l.split('\t')[10] ?? '-').trim();
      return lon !== '-' && Math.abs(Number(lon)) > 180 ? [i + 1] : [];
    });
    expect(outside).toEqual([3607]); // UBC, Vancouver: -213.2500 in the file (Vancouver is at -123.25)
    expect(r.rejected).toEqual([{ file, line: 3607, field: 'Longitude', reason: '-213.2500 is outside -180 to 180', key: { Code: 'UBC' } }]);
    expect(r.total).toBe(4_028);
    expect(r.rows).toHaveLength(4_027);
    expect(r.updated?.iso).toBe('2026-03-26T01:26:23Z');
    const cn = r.rows.filter((x) => x.stateCode === 'CN');
    expect(cn).toHaveLength(357);
    expect(cn.filter((x) => x.orgClass === 'B')).toHaveLength(183);
  });

  withFile('gcat_sites_2024-11-27.tsv', 'GCAT sites: 697 rows', (text, file) => {
    const r = parseSites(text, file);
    expect([r.rows.length, r.rejected.length]).toEqual([697, 0]);
  });

  withFile('gcat_lp_2024-01-13.tsv', 'GCAT launch points: 2,755 rows', (text, file) => {
    const r = parseLaunchPoints(text, file);
    expect([r.rows.length, r.rejected.length]).toEqual([2_755, 0]);
  });

  withFile('gcat_platforms_2024-01-13.tsv', 'GCAT platforms: 375 rows', (text, file) => {
    const r = parsePlatforms(text, file);
    expect([r.rows.length, r.rejected.length]).toEqual([375, 0]);
  });

  withFile('gcat_ftocat_extract_2024-12-18_to_2026-08-10.tsv', 'GCAT ftocat extract: 101 rows', (text, file) => {
    const r = parseFtocat(text, file);
    expect([r.rows.length, r.rejected.length]).toEqual([101, 0]);
  });

  withFile('celestrak_satcat_excerpt_2025-12.csv', 'SATCAT excerpt: 87 rows', (text, file) => {
    // NOTES.md §11 says "86 data rows"; the file has 88 lines = header + 87 rows.
    const r = parseSatcatCsv(text, file);
    expect([r.rows.length, r.rejected.length]).toEqual([87, 0]);
  });

  withFile('ucs_satellite_database_2023-05-01.tsv', 'UCS: 7,560 records; 7 with bad cells rejected by line', (text, file) => {
    const r = parseUcs(text, file);
    expect(r.total).toBe(7_560);
    // Source errors, each rejected with its field rather than repaired by guesswork.
    expect(r.rejected.map((e) => [e.line, e.field])).toEqual([
      [351, 'Date of Launch'], // Cicero-8 "11/29/018"
      [1156, 'COSPAR Number'], // ICEYE-X21 "29230991AS"
      [3303, 'COSPAR Number'], // Starlink-1286 "2020--019BK"
      [3308, 'COSPAR Number'], // Starlink-1291 "2020--019AK"
      [5294, 'COSPAR Number'], // Starlink-3856 "-=022-049J"
      [7066, 'COSPAR Number'], // Sternula-1 "20230001AM"
      [7188, 'Date of Launch'], // Tianmu-1 01 "1/9//2023"
    ]);
    // 618 records have a Chinese owner (NOTES.md §8); Tianmu-1 01 is among the rejected.
    expect(r.rows.filter((x) => x.countryOfOperator === 'China')).toHaveLength(617);
    expect(r.rows.every((x) => x.launchDate === null || (x.launchDate >= '1974-11-15' && x.launchDate <= '2023-04-27'))).toBe(true);
  });
});
