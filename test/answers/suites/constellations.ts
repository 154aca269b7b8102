/**
 * Constellations: is each tracked constellation's catalog count what the raw GP file
 * holds, and where it disagrees with the latest count the sources report, is that said?
 * The expected counts are computed here from the raw bundled files by plain string
 * splitting, with name patterns written in this file (not the product's rule engine);
 * designator-named objects are tied to a constellation through the raw GCAT launch log.
 */
import { expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { gunzipSync } from 'node:zlib';
import type { AnswerSuite } from '../harness.js';
import { csvFields, seedText } from '../../support/raw-files.js';

const raw = (file: string) => gunzipSync(readFileSync(`data/snapshots/${file}`)).toString('utf8').split('\n').filter((l) => l.trim() !== '');


interface GpRow { name: string; cosparId: string; norad: number }
const gp: GpRow[] = raw('celestrak_gp_active_2026-07-10.csv.gz').slice(1).map((l) => {
  const f = csvFields(l);
  return { name: f[0]!.trim().toUpperCase(), cosparId: f[1]!.trim(), norad: Number(f[11]) };
});

/** GCAT launch-log payload pieces (Type P…) whose Name or PLName passes the test. */
function gcatPieces(test: (name: string, plName: string) => boolean): Set<string> {
  const out = new Set<string>();
  for (const l of raw('gcat_launchlog_2024-12-08.tsv.gz')) {
    if (l.startsWith('#')) continue;
    const f = l.split('\t').map((x) => x.trim());
    if (f[3]!.startsWith('P') && test(f[4]!, f[5]!)) out.add(f[2]!);
  }
  return out;
}
/** GP rows CelesTrak names only by their designator, among the given GCAT pieces. */
const designatorNamed = (pieces: Set<string>) => (r: GpRow) => r.name === r.cosparId && pieces.has(r.cosparId);
const startsWithAny = (...prefixes: string[]) => (r: GpRow) => prefixes.some((p) => r.name.startsWith(p));

const jilinPieces = gcatPieces((n, pl) => /Jilin-1/.test(n) || /Jilin-1/.test(pl));
const piesatPieces = gcatPieces((_n, pl) => pl.startsWith('PIESAT'));
const beijing3cPieces = gcatPieces((n) => n.startsWith('Beijing-3C'));

/** Each tracked constellation's catalog names, written here from the raw files. */
const EXPECTED: Record<string, (r: GpRow) => boolean> = {
  'program.guowang': startsWithAny('HULIANWANG DIGUI', 'GUOWANG TEST OBJECT', 'GUOWANG OBJECT'),
  'program.qianfan': startsWithAny('QIANFAN'),
  'program.three-body': startsWithAny('SCS-01 '),
  'program.jilin-1': (r) => startsWithAny('JILIN-1', 'JILIN-01 ', 'JILIN GAOFEN ', 'DONGPO ', 'LINGQIAO VIDEO')(r) || designatorNamed(jilinPieces)(r),
  'program.piesat-hongtu': (r) => startsWithAny('PIESAT')(r) || designatorNamed(piesatPieces)(r),
  'program.beijing-3c': designatorNamed(beijing3cPieces),
  'program.xingyun': startsWithAny('XINGYUN-'),
  'program.vleo': () => false,
};

interface Reported { value: number; qualifier: string | null; asOf: string | null; sourceId: string; status: string; original: string | null }
interface Constellation {
  id: string; name: string;
  catalog: { count: number; inferred: number; asOf: string; sourceId: string; definition: string };
  latestReported: Reported | null;
  discrepancy: { difference: number; catalog: number; reported: number; causes: { code: string; text: string }[] } | null;
  matched: { noradId: number; objectName: string; ruleId: string; inferred: boolean }[];
  nearMisses: { noradId: number; objectName: string; reason: string }[];
  countingRules: { id: string; status: string }[];
}
type Figure = { asOf: string; constellations: Constellation[] };

export const answers: AnswerSuite = (ctx) => {
  const figure = () => ctx().get<Figure>('/api/v1/analytics/constellations');
  const one = async (id: string) => (await figure()).constellations.find((c) => c.id === id)!;

  it('a planned size carries its source\'s note: Jilin-1\'s 300 is an end-2025 target, as the curated file says', async () => {
    const yaml = parseYaml(readFileSync('data/kb/entities/programs/remote-sensing.yaml', 'utf8')) as { entities: { id: string; plannedSize?: { value: number; note?: string } }[] };
    const curated = yaml.entities.find((e) => e.id === 'program.jilin-1')!.plannedSize!;
    expect(curated.note).toMatch(/end of 2025/);
    const jilin = (await ctx().get<{ constellations: { id: string; planned: { value: number; note: string | null } | null }[] }>('/api/v1/analytics/constellations'))
      .constellations.find((c) => c.id === 'program.jilin-1')!;
    expect(jilin.planned).toMatchObject({ value: curated.value, note: curated.note });
  });

  it('tracks exactly the constellations whose catalog names this suite writes out', async () => {
    expect((await figure()).constellations.map((c) => c.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('each catalog count equals the raw GP file count by independent name patterns, object by object', async () => {
    const f = await figure();
    expect(f.asOf).toBe('2026-07-10');
    for (const c of f.constellations) {
      const expected = gp.filter(EXPECTED[c.id]!);
      expect({ id: c.id, count: c.catalog.count }).toEqual({ id: c.id, count: expected.length });
      expect(c.matched.map((m) => m.noradId).sort((a, b) => a - b)).toEqual(expected.map((r) => r.norad).sort((a, b) => a - b));
      expect(c.catalog.asOf).toBe('2026-07-10');
      expect(c.catalog.definition).toContain('CelesTrak GP "active" snapshot of 2026-07-10');
    }
    // the counts themselves, so a change to the raw patterns above cannot pass unnoticed
    expect(Object.fromEntries(f.constellations.map((c) => [c.id, c.catalog.count]))).toEqual({
      'program.guowang': 181, 'program.qianfan': 200, 'program.three-body': 12, 'program.jilin-1': 72,
      'program.piesat-hongtu': 12, 'program.beijing-3c': 4, 'program.xingyun': 2, 'program.vleo': 0,
    });
  });

  it('wherever the catalog count and the latest reported count differ, a discrepancy gives the difference and its causes', async () => {
    for (const c of (await figure()).constellations) {
      const r = c.latestReported;
      const directional = r?.qualifier && ['over', 'more than', 'at least', 'up to', 'at most', 'under', 'less than', 'fewer than'].includes(r.qualifier);
      if (!r) { expect(c.discrepancy).toBeNull(); continue; }
      if (!directional && c.catalog.count !== r.value) {
        expect(c.discrepancy, c.id).not.toBeNull();
        expect(c.discrepancy!.difference).toBe(c.catalog.count - r.value);
        expect(c.discrepancy!.causes.length).toBeGreaterThan(0);
      }
      if (c.catalog.count === r.value) expect(c.discrepancy, c.id).toBeNull();
    }
  });

  it('Beijing-3C: the four satellites CelesTrak names only by designator are matched, as the report says four were launched', async () => {
    const c = await one('program.beijing-3c');
    expect(c.catalog.count).toBe(4);
    expect(c.matched.map((m) => m.objectName).sort()).toEqual(['2024-094A', '2024-094B', '2024-094C', '2024-094D']);
    expect(c.latestReported!.value).toBe(4);
    expect(c.discrepancy).toBeNull();
    // Beijing-1 and Beijing-3B are not Beijing-3C, and are left for review, not counted
    const beijing = gp.filter((r) => /\bBEIJING\b/.test(r.name)).map((r) => r.name).sort();
    expect(c.nearMisses.map((n) => n.objectName).sort()).toEqual(beijing);
  });

  it('Three-Body: the 12 SCS-01 objects are matched, and marked as resting on an unverified rule', async () => {
    const c = await one('program.three-body');
    expect(c.latestReported).toMatchObject({ value: 12, sourceId: 'redshift-2025' });
    expect(c.latestReported!.original).toContain('first 12 of a planned 2,800');
    expect(c.catalog.count).toBe(gp.filter((r) => r.name.startsWith('SCS-01 ')).length);
    expect(c.catalog.inferred).toBe(12);
    expect(c.countingRules.every((r) => r.status === 'unverified')).toBe(true);
    expect(c.matched.every((m) => m.inferred)).toBe(true);
  });

  it('Qianfan: the latest reported count is the report\'s 90 (dated by its publication, so unverified), not the launch log\'s 54 of 2024', async () => {
    const c = await one('program.qianfan');
    const seed = seedText('003_c24ce7c9e2708025.txt').replaceAll('\\$', '$'); // the text escapes dollar signs (\\$)
    expect(c.latestReported).toMatchObject({ value: 90, asOf: '2025-09', status: 'unverified', sourceId: 'redshift-2025' });
    expect(seed).toContain(c.latestReported!.original!);
    expect(c.latestReported!.original).toContain('deploying 90 satellites within a year');
    expect(c.discrepancy).toMatchObject({ catalog: c.catalog.count, reported: 90, difference: c.catalog.count - 90 });
    expect(c.discrepancy!.causes.map((x) => x.code)).toEqual(expect.arrayContaining(['launched-after-report', 'reported-unverified']));
  });

  it('Jilin-1: the shortfall against the reported ~130 is flagged with its causes, and the near misses are listed', async () => {
    const c = await one('program.jilin-1');
    expect(c.latestReported).toMatchObject({ value: 130, qualifier: 'approximately', status: 'unverified', sourceId: 'redshift-2025' });
    expect(c.latestReported!.original).toContain('approximately 130-satellite');
    expect(c.discrepancy).toMatchObject({ catalog: c.catalog.count, reported: 130, difference: c.catalog.count - 130 });
    expect(c.discrepancy!.causes.map((x) => x.code)).toEqual(expect.arrayContaining(['catalog-counts-active-only', 'reported-unverified']));
    // every Jilin-1 payload of the launch log that the GP file names by designator is matched
    for (const r of gp.filter(designatorNamed(jilinPieces))) expect(c.matched.map((m) => m.noradId)).toContain(r.norad);
    // a near miss is never a matched object
    const matched = new Set(c.matched.map((m) => m.noradId));
    expect(c.nearMisses.every((n) => !matched.has(n.noradId))).toBe(true);
  });

  it('the CSV download carries the latest reported count and the discrepancy beside the catalog count', async () => {
    const res = await ctx().app.inject('/api/v1/analytics/constellations?format=csv');
    expect(res.statusCode).toBe(200);
    const lines = res.body.split(/\r?\n/).filter((l) => l && !l.startsWith('#'));
    const header = lines[0]!.split(',');
    expect(header).toEqual(expect.arrayContaining(['reported_latest', 'discrepancy_catalog_minus_reported', 'discrepancy_causes']));
    const jilin = lines.find((l) => l.startsWith('program.jilin-1,') && l.includes(',2026-07-10,'))!.split(',');
    expect(Number(jilin[header.indexOf('deployed')])).toBe(gp.filter(EXPECTED['program.jilin-1']!).length);
    expect(Number(jilin[header.indexOf('reported_latest')])).toBe(130);
    expect(Number(jilin[header.indexOf('discrepancy_catalog_minus_reported')])).toBe(gp.filter(EXPECTED['program.jilin-1']!).length - 130);
  });

  it('a deployment rate names how many objects its window added (counted here from the raw snapshots), and that its completion date is a straight line through one pair of snapshots', async () => {
    const tleNames = raw('celestrak_active_tle_2026-05-04.txt.gz').filter((_, i) => i % 3 === 0).map((l) => l.trim()).filter(Boolean);
    const rates = await ctx().get<{ constellations: { id: string; rate: { from: string; to: string; note: string } | null }[] }>('/api/v1/analytics/constellations');
    for (const id of ['program.guowang', 'program.qianfan']) {
      const rate = rates.constellations.find((c) => c.id === id)!.rate!;
      expect([rate.from, rate.to], id).toEqual(['2026-05-04', '2026-07-10']);
      const before = tleNames.filter((name) => EXPECTED[id]!({ name, cosparId: '', norad: 0 })).length;
      const after = gp.filter(EXPECTED[id]!).length;
      expect(rate.note, id).toContain(`: +${after - before} objects the counting rules match`);
      expect(rate.note, id).toContain('a straight line through one pair of snapshots');
    }
    // The report's 90 Qianfan (2025-09) against a 2026 catalog: the difference is not the count on the report's date.
    const qianfan = await one('program.qianfan');
    expect(qianfan.discrepancy!.causes.find((x) => x.code === 'launched-after-report')!.text)
      .toContain('so the difference says nothing about the count on 2025-09: it may have been above or below the reported figure then.');
  });
};
