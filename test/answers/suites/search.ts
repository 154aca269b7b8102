/**
 * Can a China watcher find things by their Chinese names, pinyin and misspellings? Each query is
 * asked through /api/v1/search; the entity it must find is derived independently of the product:
 * from the raw curated YAML (the entity whose name or alias, read as plain text, carries the
 * Chinese or pinyin name; its cite names a GCAT row or a cited reference), or for a GCAT name from
 * the raw GCAT row (gunzipped, split on tabs, none of the product's parsers). Misspellings are
 * checked against the entity whose plain YAML name or alias is the correctly spelled word.
 *
 * Recall = queries whose expected entity is among the first TOP results / queries asked.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';
import { rawYaml } from '../../support/raw-files.js';

const TOP = 5;

interface Match { how: string; text: string; property: string; similarity: number | null; via?: { id: string; caption: string } }
interface Item { id: string; kind: string; caption: string; match: Match }
interface Result { query: string; normalized: string; items: Item[]; total: number }

type Alias = string | { value: string };
interface YamlEntity { id: string; name?: string | { value: string }; alias?: Alias | Alias[]; operator?: unknown; manufacturer?: unknown }

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : p.endsWith('.yaml') ? [p] : [];
  });
}

const ENTITIES: YamlEntity[] = yamlFiles('data/kb/entities').flatMap((f) => (rawYaml(f) as { entities?: YamlEntity[] }).entities ?? []);
const text = (v: Alias | undefined) => (typeof v === 'string' ? v : v?.value ?? '');
const namesOf = (e: YamlEntity) => [text(e.name as Alias | undefined), ...[e.alias ?? []].flat().map(text)].filter(Boolean);
const plain = (v: unknown): string[] => [v ?? []].flat().map((x) => (typeof x === 'string' ? x : (x as { value?: string }).value ?? '')).filter(Boolean);

/** Entities (by id) whose raw YAML name or alias contains the text (case-insensitive). */
function yamlEntitiesNamed(fragment: string): string[] {
  const f = fragment.toLowerCase();
  return ENTITIES.filter((e) => namesOf(e).some((n) => n.toLowerCase().includes(f))).map((e) => e.id);
}
const toneless = (t: string) => t.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
/** Entities whose raw YAML name or alias, tone marks removed, contains the text without tone marks. */
function yamlEntitiesNamedToneless(fragment: string): string[] {
  const f = toneless(fragment);
  return ENTITIES.filter((e) => namesOf(e).some((n) => toneless(n).includes(f))).map((e) => e.id);
}
/** The entity whose raw YAML name or alias equals the text exactly. */
function yamlEntityExactly(name: string): string {
  const hits = ENTITIES.filter((e) => namesOf(e).some((n) => n.toLowerCase() === name.toLowerCase())).map((e) => e.id);
  expect(new Set(hits).size, `one YAML entity named "${name}"`).toBe(1);
  return hits[0]!;
}

/** GCAT orgs.tsv rows (raw) whose UName (column 17) contains the text. */
function gcatOrgUNames(fragment: string): { code: string; uName: string }[] {
  return gunzipSync(readFileSync('data/snapshots/gcat_orgs_2026-03-26.tsv.gz')).toString('utf8').split('\n')
    .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'))
    .filter((c) => (c[16] ?? '').includes(fragment)).map((c) => ({ code: c[0]!.trim(), uName: c[16]!.trim() }));
}

interface Case { q: string; expected: string[]; why: string }

/** Chinese queries: expected = every entity whose raw YAML names carry the characters. */
function chineseCase(q: string): Case {
  return { q, expected: yamlEntitiesNamed(q), why: `YAML names containing ${q}` };
}

const asked: { q: string; group: string; found: boolean }[] = [];

export const answers: AnswerSuite = (ctx) => {
  const search = (q: string) => ctx().get<Result>(`/api/v1/search?q=${encodeURIComponent(q)}&limit=50`);

  async function expectFound(group: string, c: Case) {
    expect(c.expected.length, `${c.why}: something to find for ${c.q}`).toBeGreaterThan(0);
    const r = await search(c.q);
    const top = r.items.slice(0, Math.max(TOP, c.expected.length)).map((i) => i.id);
    const found = c.expected.some((id) => top.includes(id));
    asked.push({ q: c.q, group, found });
    expect(found, `${c.q} → one of ${c.expected.join(', ')} in ${top.join(', ')}`).toBe(true);
    return r;
  }

  it('Chinese names find the entities whose sourced names carry them (天宫, 千帆, 长征, 问天, 蓝箭)', async () => {
    for (const q of ['天宫', '千帆', '长征', '问天', '蓝箭']) {
      const r = await expectFound('chinese', chineseCase(q));
      for (const id of chineseCase(q).expected) {
        const item = r.items.find((i) => i.id === id)!;
        expect(item.match.text).toContain(q);
        expect(['exact', 'prefix', 'substring']).toContain(item.match.how);
      }
    }
  });

  it('长征 finds the GCAT organization names that contain it and the curated entities carrying them', async () => {
    const rows = gcatOrgUNames('长征');
    expect(rows.length).toBeGreaterThan(0);
    const curated = rows.flatMap((row) => yamlEntitiesNamed(row.uName));
    const r = await search('长征');
    for (const id of curated) expect(r.items.map((i) => i.id)).toContain(id);
  });

  it('天和 finds nothing: no bundled or cited source gives the Chinese name of the Tianhe module', async () => {
    expect(yamlEntitiesNamed('天和')).toEqual([]);
    const r = await search('天和');
    expect(r.items.filter((i) => i.match.how !== 'fuzzy')).toEqual([]);
    asked.push({ q: '天和', group: 'chinese', found: false });
  });

  it('misspellings and variants find the entity of the correctly spelled name', async () => {
    const cases: Case[] = [
      { q: 'Landspce', expected: [yamlEntityExactly('LandSpace')], why: 'YAML name LandSpace' },
      { q: 'long march 5b', expected: [yamlEntityExactly('Long March 5B')], why: 'YAML name Long March 5B' },
      { q: 'CZ-5B', expected: [yamlEntityExactly('CZ-5B')], why: 'YAML alias CZ-5B' },
      { q: 'cz 5b', expected: [yamlEntityExactly('CZ-5B')], why: 'YAML alias CZ-5B' },
      { q: 'Qianfn', expected: [yamlEntityExactly('Qianfan')], why: 'YAML name Qianfan' },
      { q: 'Tiangon', expected: [yamlEntityExactly('Tiangong')], why: 'YAML alias Tiangong' },
      { q: 'Galactic Enrgy', expected: [yamlEntityExactly('Galactic Energy')], why: 'YAML name Galactic Energy' },
    ];
    for (const c of cases) await expectFound('misspelled', c);
    const fuzzy = (await search('Landspce')).items.find((i) => i.id === cases[0]!.expected[0]);
    expect(fuzzy?.match.how).toBe('fuzzy');
    expect(fuzzy?.match.similarity).toBeGreaterThan(0.45);
  });

  it('pinyin finds with and without tone marks (sources give Qiānfān xīngzuò, Tiāngōng, Lanjian Hangtian)', async () => {
    const toned = yamlEntitiesNamed('Qiānfān xīngzuò');
    expect(toned.length).toBe(1);
    for (const q of ['Qiānfān xīngzuò', 'qianfan xingzuo', 'Tiāngōng kōngjiānzhàn', 'tiangong kongjianzhan', 'lanjian hangtian']) {
      await expectFound('pinyin', { q, expected: yamlEntitiesNamedToneless(q), why: `YAML names containing ${q}, tone marks ignored` });
    }
  });

  it('a name match brings its related entities: Qianfan → its operator, a vehicle → its manufacturer', async () => {
    const qianfan = ENTITIES.find((e) => e.id === yamlEntityExactly('Qianfan'))!;
    const operators = plain(qianfan.operator);
    expect(operators.length).toBeGreaterThan(0);
    const r = await search('Qianfan');
    const op = r.items.find((i) => operators.includes(i.id));
    expect(op?.match.how).toBe('related');
    expect(op?.match.via?.id).toBe(qianfan.id);
    const zhuque = ENTITIES.find((e) => namesOf(e).includes('Zhuque-2') && plain(e.manufacturer).length)
      ?? ENTITIES.find((e) => e.id.startsWith('lv.') && plain(e.manufacturer).length)!;
    const makers = plain(zhuque.manufacturer);
    const v = await search(text(zhuque.name as Alias));
    expect(v.items.some((i) => makers.includes(i.id) && (i.match.how === 'related' || i.match.property !== 'description'))).toBe(true);
  });

  it('malformed queries get the pinned 400 error; punctuation alone finds nothing', async () => {
    for (const path of ['/api/v1/search', '/api/v1/search?q=', '/api/v1/search?q=x&limit=0', '/api/v1/search?q=x&kind=Nope', '/api/v1/search?q=x&extra=1']) {
      const res = await ctx().app.inject(path);
      expect(res.statusCode, path).toBe(400);
      expect(res.json()).toHaveProperty('error');
    }
    expect((await search('---')).items).toEqual([]);
  });

  it('recall over the Chinese, pinyin and misspelled queries asked (reported, not asserted beyond the cases above)', () => {
    const by = (g: string) => asked.filter((a) => a.group === g);
    const line = (g: string) => `${g}: ${by(g).filter((a) => a.found).length}/${by(g).length}`;
    // eslint-disable-next-line no-console
    console.log(`[search recall on ${ctx().kind}, top ${TOP}] ${['chinese', 'misspelled', 'pinyin'].map(line).join('; ')}; missed: ${asked.filter((a) => !a.found).map((a) => a.q).join(', ') || 'none'}`);
    expect(asked.length).toBeGreaterThan(0);
  });
};
