/** The curated knowledge base as a whole: valid, complete where the report is enumerable, and internally consistent. */
import { describe, expect, it } from 'vitest';
import { readKnowledgeBase } from '../../src/ingest/curated/read-knowledge-base.js';
import { validateCurated } from '../../src/services/load-curated.js';
import type { KnowledgeBase } from '../../src/model/knowledge-base.js';

const read = readKnowledgeBase('data/kb');
if (!read.ok) throw new Error(`data/kb does not validate: ${read.errors.slice(0, 5).map((e) => `${e.file}:${e.line} ${e.reason}`).join('; ')}`);
const kb: KnowledgeBase = read.kb;

const YEARS = Array.from({ length: 10 }, (_, i) => String(2015 + i));
/** The table's own cell for a period (its locator names a table), not a prose figure recorded beside it. */
function tableValue(seriesId: string, period: string): number {
  const points = kb.points.filter((p) => p.seriesId === seriesId && p.period === period);
  const series = kb.series.find((s) => s.id === seriesId)!;
  const fromTable = points.filter((p) => /Table/.test(p.locator ?? series.locator ?? ''));
  expect(fromTable, `${seriesId} ${period}`).toHaveLength(1);
  return fromTable[0]!.value;
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
/**
 * Cells are printed rounded to the cent; a sum of n rounded cells can differ from the
 * rounded total by up to n × 0.005, so that is the tolerance (the report's own rounding).
 */
const close = (actual: number, expected: number, cells: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(cells * 0.005 + 1e-9);

const SEGMENTS = ['ground', 'launch', 'eo', 'satellite-manufacturing', 'satcom-operator', 'other'].map((s) => `funding.segment.${s}`);
const SOURCES = ['private', 'central-government', 'city-provincial'].map((s) => `funding.source.${s}`);

describe('the curated knowledge base', () => {
  it('validates, with the rules, and every statement has a source', () => {
    expect(validateCurated('data/kb', 'data/rules').ok).toBe(true);
    expect(kb.statements.every((s) => s.sourceId)).toBe(true);
  });

  it('holds the report, all 348 numbered references, the four articles and the datasets as sources', () => {
    const ids = new Set(kb.sources.map((s) => s.id));
    for (let n = 1; n <= 348; n++) expect(ids.has(`redshift-2025.ref-${String(n).padStart(3, '0')}`)).toBe(true);
    for (const id of ['redshift-2025', 'seed-000', 'seed-001', 'seed-002', 'seed-004', 'gcat-launchlog-2024-12-08', 'ucs-satdb-2023-05-01', 'internacia-artemis-accords']) expect(ids.has(id)).toBe(true);
    const cited = new Set(kb.statements.map((s) => s.sourceId));
    for (const article of ['seed-000', 'seed-001', 'seed-002', 'seed-004']) expect(cited.has(article), article).toBe(true);
  });

  it('has the five key findings, the eleven hubs and the 21 recommendations', () => {
    const count = (kind: string) => kb.entities.filter((e) => e.kind === kind).length;
    expect(count('KeyFinding')).toBe(5);
    expect(count('Hub')).toBe(11);
    expect(count('Recommendation')).toBe(21);
    const perSegment = new Map<string, number>();
    for (const s of kb.statements.filter((x) => x.entityId.startsWith('rec.') && x.property === 'segment')) perSegment.set(s.value, (perSegment.get(s.value) ?? 0) + 1);
    expect([...perSegment.values()].reduce((a, b) => a + b, 0)).toBe(21);
  });

  it('has industry and national strategic risks for each of the six segments', () => {
    const risks = kb.entities.filter((e) => e.kind === 'Risk').map((e) => e.id);
    for (const seg of ['spaceports', 'launch', 'rs-ssa', 'satcom-pnt', 'commercial-leo', 'exploration']) {
      expect(risks.some((r) => r.startsWith(`risk.${seg}-industry-`)), seg).toBe(true);
      expect(risks.some((r) => r.startsWith(`risk.${seg}-national-`)), seg).toBe(true);
    }
  });

  it.each(YEARS)('funding %s: the six segments and the three sources each sum to the year subtotal', (year) => {
    const subtotal = tableValue('funding.subtotal', year);
    close(sum(SEGMENTS.map((s) => tableValue(s, year))), subtotal, SEGMENTS.length + 1);
    close(sum(SOURCES.map((s) => tableValue(s, year))), subtotal, SOURCES.length + 1);
  });

  it.each([...SEGMENTS, ...SOURCES, 'funding.subtotal', 'funding.gov-expenditure'])('%s: the years sum to the table\'s "Total 2015-2024"', (id) => {
    close(sum(YEARS.map((y) => tableValue(id, y))), tableValue(id, '2015-2024'), YEARS.length + 1);
  });

  it('keeps the report\'s own inconsistency: EO total $990.01M in Table 5 and "$994 million" in prose, each with its locator', () => {
    const totals = kb.points.filter((p) => p.seriesId === 'funding.segment.eo' && p.period === '2015-2024');
    expect(totals.map((p) => p.value).sort()).toEqual([990.01, 994]);
    expect(new Set(totals.map((p) => p.locator)).size).toBe(2);
  });

  it('keeps both of Guowang\'s planned sizes with their sources', () => {
    const planned = kb.statements.filter((s) => s.entityId === 'program.guowang' && s.property === 'plannedSize').map((s) => Number(s.value)).sort((a, b) => a - b);
    expect(planned).toEqual([13000, 26000]);
  });
});
