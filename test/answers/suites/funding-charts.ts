/**
 * "Where do the funding chart's numbers come from, and which rows can I sum?" The funding charts'
 * series, API links and citation against an independent reading of data/kb/series/funding-*.yaml
 * (plain `yaml`) and of the report's seed text (Tables 1, 3, 5, 7): each chart's API request returns
 * exactly the series it draws (no subtotal or prose rows), the citation of #/chart/funding names
 * each drawn series' own report reference (Novaspace [078] beside Orbital Gateway [014]), and a
 * segment's funding series are every segment row its own table prints (Satellite Manufacturing in
 * Table 5 and Table 7).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';
import { rawYaml } from '../../support/raw-files.js';
import { parseCsv } from '../../web/support/csv.js';

interface RawPoint { period: string | number; value: number; cite?: { locator?: string } }
interface RawSeries { id: string; unit: string; dimensions?: Record<string, string>; cite?: { source?: string; locator?: string }; points: RawPoint[] }
interface ApiSeries { id: string; unit: string; points: { period: string; value: number }[] }
interface CitationJson { view: { sources: { id: string; locators: string[]; references: { number: string }[] }[] } }

const FILES = ['data/kb/series/funding-tables.yaml', 'data/kb/series/funding-prose.yaml'];
const SEED = '/work/shared/seeds/003_c24ce7c9e2708025.txt';
const REF = /\[(\d{3})\]/g;

const rawSeries = (): RawSeries[] => FILES.flatMap((f) => (rawYaml(f) as { series: RawSeries[] }).series);
const dims = (s: RawSeries) => s.dimensions ?? {};
/** A drawn segment row: funding by segment, printed in a table (no "statement"), one segment (no "+" subtotal). */
const segmentRow = (s: RawSeries) => dims(s).measure === 'funding-by-segment' && !dims(s).statement && !(dims(s).segment ?? '').includes('+');
const investorRow = (s: RawSeries) => dims(s).measure === 'funding-by-source' && !dims(s).statement;
const ids = (xs: { id: string }[]) => xs.map((s) => s.id).sort();

/** The segment rows of one report table in the seed text: from its heading to the next table's, the lines "… segment<TAB>$…". */
function seedTableSegments(table: number): string[] {
  const text = readFileSync(SEED, 'utf8');
  const start = text.indexOf(`**Table ${table}: China Space Funding`);
  const next = text.indexOf('**Table ', start + 1);
  const block = text.slice(start, next < 0 ? undefined : next);
  return [...block.matchAll(/^([^\t\n]+ segment)\t\\?\$/gm)].map((m) => m[1]!);
}

export const answers: AnswerSuite = (ctx) => {
  const series = rawSeries();

  it('each funding chart\'s API request (?ids=…) returns exactly the series the chart draws: no subtotal, no prose row', async () => {
    const charts = [series.filter(segmentRow), series.filter(investorRow), series.filter((s) => ['funding.gov-expenditure', 'funding.subtotal'].includes(s.id))];
    for (const drawn of charts) {
      const got = await ctx().get<{ items: ApiSeries[] }>(`/api/v1/series?ids=${drawn.map((s) => s.id).join(',')}`);
      expect(ids(got.items)).toEqual(ids(drawn));
      for (const s of got.items) {
        const raw = drawn.find((r) => r.id === s.id)!;
        expect(s.points.map((p) => `${p.period}|${p.value}`).sort()).toEqual(raw.points.map((p) => `${String(p.period)}|${p.value}`).sort());
      }
    }
    // The yearly rows of the segment chart sum to the tables' yearly subtotal of all segments, within rounding.
    const seg = series.filter(segmentRow);
    const subtotal = series.find((s) => s.id === 'funding.subtotal')!;
    for (const p of subtotal.points.filter((x) => /^\d{4}$/.test(String(x.period)))) {
      const sum = seg.flatMap((s) => s.points.filter((x) => String(x.period) === String(p.period))).filter((x) => !x.cite).reduce((n, x) => n + x.value, 0);
      expect(Math.abs(sum - p.value), String(p.period)).toBeLessThan(0.1);
    }
    const bad = await ctx().app.inject('/api/v1/series?ids=funding.subtotal,DROP%20TABLE');
    expect(bad.statusCode).toBe(400);
  });

  it('#/chart/funding is cited with every drawn series\' own report reference: Novaspace [078] and Orbital Gateway [014]', async () => {
    const drawn = series.filter((s) => segmentRow(s) || investorRow(s) || ['funding.gov-expenditure', 'funding.subtotal'].includes(s.id));
    const locators = drawn.flatMap((s) => [s.cite?.locator, ...s.points.map((p) => p.cite?.locator)]).filter((l): l is string => !!l);
    const refs = [...new Set(locators.flatMap((l) => [...l.matchAll(REF)].map((m) => m[1]!)))].sort();
    expect(refs).toEqual(['014', '078']);
    const gov = series.find((s) => s.id === 'funding.gov-expenditure')!;
    expect([...gov.cite!.locator!.matchAll(REF)].map((m) => m[1])).toContain('078');
    const c = await ctx().get<CitationJson>(`/api/v1/cite?format=json&url=${encodeURIComponent('/#/chart/funding')}`);
    const report = c.view.sources.find((s) => s.id === 'redshift-2025')!;
    // Figure 2's own locator cites [014] as well; every other reference comes from a drawn series.
    expect(report.references.map((r) => r.number)).toEqual(refs);
    expect(report.locators).toContain(gov.cite!.locator);
    // Prose-only series are not drawn, so their locators are not cited (e.g. the government range's "§3.1.2 [078]; …").
    const proseOnly = series.filter((s) => dims(s).statement).map((s) => s.cite!.locator!).filter((l) => !locators.includes(l));
    for (const l of proseOnly) expect(report.locators, l).not.toContain(l);
  });

  it('a segment\'s funding series are every segment row of its own table in the report (Table 5: EO and Satellite Manufacturing; Table 7: Satcom, Other and Satellite Manufacturing)', async () => {
    const expected: Record<string, { table: number; ids: string[] }> = {
      'remote-sensing-ssa': { table: 5, ids: ['funding.segment.eo', 'funding.segment.satellite-manufacturing'] },
      'satcom-pnt': { table: 7, ids: ['funding.segment.other', 'funding.segment.satcom-operator', 'funding.segment.satellite-manufacturing'] },
    };
    for (const [segment, { table, ids: want }] of Object.entries(expected)) {
      // The seed text's table has one segment row per drawn series.
      expect(seedTableSegments(table).length, `Table ${table}`).toBe(want.length);
      // The YAML names the table in each of these series' locators.
      for (const id of want) expect(series.find((s) => s.id === id)!.cite!.locator, id).toContain(`Table ${table}`);
      const got = await ctx().get<{ items: ApiSeries[] }>(`/api/v1/series?segment=${segment}&measure=funding-by-segment`);
      expect(ids(got.items.filter((s) => series.some((r) => r.id === s.id && segmentRow(r)))), segment).toEqual(want);
    }
    expect(seedTableSegments(7)).toContain('Satellite Manufacturing segment');
  });

  it('the whole series CSV says which values sum: per year, its "row" values of funding by segment add up to its funding subtotal, and the prose and subtotal values are marked', async () => {
    const res = await ctx().app.inject('/api/v1/series?format=csv');
    expect(res.statusCode).toBe(200);
    const rows = parseCsv(res.body);
    // Every value of the YAML is a row of the CSV, once.
    const everySeries = readdirSync('data/kb', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => (rawYaml(`data/kb/${f}`) as { series?: RawSeries[] } | null)?.series ?? []);
    expect(rows).toHaveLength(everySeries.reduce((n, x) => n + x.points.length, 0));
    const of = (role: string, measure: string, period: string) =>
      rows.filter((r) => r.role === role && r.measure === measure && r.period === period && r.unit === 'USD millions');
    const subtotal = rows.filter((r) => r.series_id === 'funding.subtotal');
    expect(subtotal.length).toBeGreaterThan(5);
    for (const t of subtotal) {
      expect(t.role).toBe('subtotal');
      const sum = of('row', 'funding-by-segment', t.period!).reduce((n, r) => n + Number(r.value), 0);
      expect(Math.abs(sum - Number(t.value)), t.period).toBeLessThan(0.1);
      const bySource = of('row', 'funding-by-source', t.period!).reduce((n, r) => n + Number(r.value), 0);
      expect(Math.abs(bySource - Number(t.value)), t.period).toBeLessThan(0.1);
    }
    // The amounts the YAML states in prose (a "statement" dimension, or a point cited to the text alone) are "prose"; a "+" segment is a subtotal.
    const raw = rawSeries();
    const prose = raw.filter((x) => x.unit === 'USD millions').flatMap((x) => x.points.filter((p) => dims(x).statement || (p.cite?.locator && !p.cite.locator.includes('Table')))
      .map((p) => `${x.id}|${String(p.period)}|${p.value}`));
    expect(prose.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => r.role === 'prose').map((r) => `${r.series_id}|${r.period}|${Number(r.value)}`).sort()).toEqual(prose.sort());
    expect(new Set(rows.filter((r) => (r.measure === 'funding-by-segment' && r.series_id!.includes('subtotal'))).map((r) => r.role))).toEqual(new Set(['subtotal', 'prose']));
    // Figures stated outside any table (BeiDou's output, the crewed programme's spending: official beside an estimate) sum with nothing.
    for (const id of ['beidou.economic-output', 'cms.expenditure.official-1992-2011', 'cms.expenditure.estimate-33pct']) {
      expect(new Set(rows.filter((r) => r.series_id === id).map((r) => r.role)), id).toEqual(new Set(['figure']));
    }
    // The metadata the CSV's Link header names defines the roles.
    const meta = await ctx().app.inject('/api/v1/series?format=csv-metadata');
    expect((JSON.parse(meta.body) as { 'rdfs:comment': string[] })['rdfs:comment'].join(' ')).toMatch(/"row" is one row of a report table.*"figure" is a figure stated outside any table.*Sum only "row" values/);
  });
};
