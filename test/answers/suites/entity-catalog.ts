/**
 * What is Tianhe's orbit? The curated Tianhe entity carries its NORAD number, and its entity
 * API gives the newest element set the catalog holds for it. Checked against the raw files
 * (data/snapshots, gunzipped and split on tabs and commas; none of the product's parsers):
 * the GCAT launch log row of Tianhe gives JCAT S48274 (GCAT's S numbers are the NORAD
 * numbers) and piece 2021-035A; the CelesTrak GP CSV row of NORAD 48274 gives the elements.
 * The GP CSV (2026-07-10) is the newest bundled snapshot, so its row must be the latest.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';

const text = (file: string) => gunzipSync(readFileSync(`data/snapshots/${file}.gz`)).toString('utf8');

interface Catalog {
  noradId: number; cosparId: string | null; elementSetCount: number; history: string | null; definition: string;
  noradSource: { sourceId: string; locator: string | null };
  latest: Record<string, number | string | null> | null;
}
interface Entity { id: string; catalog: Catalog | null }

/** GCAT launch log rows (tab-separated): 0 Launch_Tag, 2 Piece, 4 Name, 6 JCAT. */
function launchLogRow(name: string): string[] {
  const rows = text('gcat_launchlog_2024-12-08.tsv').split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split('\t'));
  const found = rows.filter((c) => c[4]?.trim() === name && c[6]?.trim().startsWith('S'));
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** The GP CSV row of one NORAD number, as a header-keyed record (no field in this file is quoted). */
function gpRow(norad: number): Record<string, string> {
  const [header, ...lines] = text('celestrak_gp_active_2026-07-10.csv').split(/\r?\n/).filter(Boolean);
  const cols = header!.split(',');
  const rows = lines.map((l) => l.split(',')).filter((c) => c[cols.indexOf('NORAD_CAT_ID')] === String(norad));
  expect(rows).toHaveLength(1);
  return Object.fromEntries(cols.map((c, i) => [c, rows[0]![i]!]));
}

export const answers: AnswerSuite = (ctx) => {
  it('Tianhe\'s entity gives NORAD 48274 and COSPAR 2021-035A, as the GCAT launch log row says', async () => {
    const row = launchLogRow('Tianhe');
    const e = await ctx().get<Entity>('/api/v1/entities/obj.tianhe');
    expect(e.catalog).not.toBeNull();
    expect(e.catalog!.noradId).toBe(Number(row[6]!.trim().slice(1)));
    expect(e.catalog!.noradId).toBe(48274);
    expect(e.catalog!.cosparId).toBe(row[2]!.trim());
    expect(e.catalog!.noradSource.sourceId).toBe('gcat-launchlog-2024-12-08');
  });

  it('Tianhe\'s latest elements are the raw GP CSV row of NORAD 48274, with the history linked', async () => {
    const raw = gpRow(48274);
    const { catalog } = await ctx().get<Entity>('/api/v1/entities/obj.tianhe');
    const l = catalog!.latest!;
    expect(raw.OBJECT_ID).toBe(catalog!.cosparId);
    expect(String(l.epoch).replace(/Z$/, '')).toBe(raw.EPOCH); // CelesTrak epochs are UTC; the store marks them with Z
    expect(l.objectName).toBe(raw.OBJECT_NAME);
    const numeric: [string, string][] = [['meanMotion', 'MEAN_MOTION'], ['eccentricity', 'ECCENTRICITY'], ['inclination', 'INCLINATION'],
      ['raan', 'RA_OF_ASC_NODE'], ['argOfPericenter', 'ARG_OF_PERICENTER'], ['meanAnomaly', 'MEAN_ANOMALY'], ['bstar', 'BSTAR'],
      ['meanMotionDot', 'MEAN_MOTION_DOT'], ['meanMotionDdot', 'MEAN_MOTION_DDOT'], ['elementSetNo', 'ELEMENT_SET_NO'], ['revAtEpoch', 'REV_AT_EPOCH']];
    for (const [api, csv] of numeric) expect(l[api], api).toBe(Number(raw[csv]));
    expect(l.sourceId).toBe('celestrak-gp-active-2026-07-10');
    expect(catalog!.definition).toMatch(/newest epoch/);

    // The orbit history it links to lists every element set, the latest last.
    const tle = text('celestrak_active_tle_2026-05-04.txt').split(/\r?\n/).filter((x) => x.startsWith('1 48274'));
    const hist = await ctx().get<{ elementSets: { epoch: string }[] }>(catalog!.history!);
    expect(catalog!.elementSetCount).toBe(1 + tle.length);
    expect(hist.elementSets).toHaveLength(catalog!.elementSetCount);
    expect(hist.elementSets.at(-1)!.epoch).toBe(l.epoch);
  });

  it('the Tiangong modules and the missions carry ids from their launch log rows', async () => {
    const cases: [string, string][] = [['obj.wentian', 'Wentian'], ['obj.mengtian', 'Mengtian'], ['mission.tianzhou-8', 'Tianzhou-8'], ['mission.change-6', 'Chang\'e-6 Guidao Qi']];
    for (const [id, name] of cases) {
      const row = launchLogRow(name);
      const { catalog } = await ctx().get<Entity>(`/api/v1/entities/${id}`);
      expect(catalog, id).not.toBeNull();
      expect(catalog!.noradId, id).toBe(Number(row[6]!.trim().slice(1)));
      expect(catalog!.cosparId, id).toBe(row[2]!.trim());
    }
    // An entity without a NORAD number has no catalog block.
    expect((await ctx().get<Entity>('/api/v1/entities/program.tiangong')).catalog).toBeNull();
  });
};
