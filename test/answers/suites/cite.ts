/**
 * "How do I cite this?" GET /api/v1/cite for an entity, a statement, a chart and an indicator
 * permalink: the sources it names (and the Redshift report's reference numbers) against an
 * independent plain-YAML reading of the curated files; the BibTeX parsed by a maintained
 * BibTeX parser; the CSL-JSON validated against the CSL input schema (vendored from
 * citation-style-language/schema, MIT, test/fixtures/csl/); malformed permalinks get 400s.
 */
import { expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import type { AnswerSuite } from '../harness.js';
import { rawYaml } from '../../support/raw-files.js';

interface CitationJson {
  key: string; accessed: string; text: string; bibtex: string; csl: Record<string, unknown>[];
  view: { kind: string; title: string; permalink: string; asOf: string | null; asOfBasis: string; sources: { id: string; title: string; locators: string[]; references: { number: string; url: string | null }[] }[]; moreSources: number };
}
type Cite = { source?: string; locator?: string };
type Node = string | number | boolean | null | Node[] | { [k: string]: Node };

const KB = 'data/kb';
const REF = /\[(\d{3})\]/g;
const yamlFiles = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));
const read = (file: string) => rawYaml(file) as { defaults?: { cite?: Cite }; entities?: Record<string, Node>[]; series?: Record<string, Node>[] };

interface RawSource { id: string; url?: string; published?: string | number }

/** Every source record in the curated files, by id. */
function rawSources(): Map<string, RawSource> {
  const out = new Map<string, RawSource>();
  for (const f of yamlFiles(join(KB, 'sources'))) {
    for (const s of (rawYaml(f) as { sources: RawSource[] }).sources) out.set(s.id, s);
  }
  return out;
}

/** Every cite object under a node (an entity or a series), with the file's default source filled in. */
function citesUnder(node: Node, fallback: Cite): Cite[] {
  if (!node || typeof node !== 'object') return [];
  if (Array.isArray(node)) return node.flatMap((n) => citesUnder(n, fallback));
  const own = node.cite as Cite | undefined;
  const here = own ? [{ source: own.source ?? fallback.source, locator: own.locator }] : [];
  return [...here, ...Object.entries(node).filter(([k]) => k !== 'cite').flatMap(([, v]) => citesUnder(v, fallback))];
}

function curated(section: 'entities' | 'series', id: string): { node: Record<string, Node>; fallback: Cite } {
  for (const f of yamlFiles(join(KB, section))) {
    const doc = read(f);
    const node = (doc[section] ?? []).find((e) => e.id === id);
    if (node) return { node, fallback: doc.defaults?.cite ?? {} };
  }
  throw new Error(`${id} is not in ${KB}/${section}`);
}

const reportRefs = (cites: Cite[]) => [...new Set(cites.filter((c) => c.source === 'redshift-2025').flatMap((c) => [...(c.locator ?? '').matchAll(REF)].map((m) => m[1]!)))].sort();

const ajv = new Ajv({ strict: false, allErrors: true });
const validateCsl = ajv.compile(JSON.parse(readFileSync('test/fixtures/csl/csl-data.json', 'utf8')) as object);

export const answers: AnswerSuite = (ctx) => {
  const cite = (permalink: string) => ctx().get<CitationJson>(`/api/v1/cite?format=json&url=${encodeURIComponent(permalink)}`);

  /** The citation names the product, the permalink, an as-of date, and its BibTeX and CSL-JSON are well formed. */
  function wellFormed(c: CitationJson, title: string) {
    expect(c.view.title).toBe(title);
    expect(c.text).toContain('Redshift Monitor');
    expect(c.text).toContain(`“${title}”`);
    expect(c.text).toContain(c.view.permalink);
    expect(c.view.asOf).toMatch(/^\d{4}(-\d{2}){0,2}$/);
    expect(c.text).toContain(`Data as of ${c.view.asOf}`);
    const bib = parseBibtex(c.bibtex, { sentenceCase: false });
    expect(bib.errors).toEqual([]);
    expect(bib.entries).toHaveLength(1);
    expect(bib.entries[0]!.key).toBe(c.key);
    expect(bib.entries[0]!.fields.title).toBe(title);
    expect(bib.entries[0]!.fields.url).toBe(c.view.permalink);
    const ok = validateCsl(c.csl);
    expect(ok, ajv.errorsText(validateCsl.errors)).toBe(true);
    expect(c.csl[0]).toMatchObject({ title, URL: c.view.permalink, publisher: 'Redshift Monitor' });
  }

  /** Each report reference the citation names is listed with the URL the curated reference list gives. */
  function namesReferences(c: CitationJson, refs: string[]) {
    const sources = rawSources();
    const report = c.view.sources.find((s) => s.id === 'redshift-2025');
    expect(report?.references.map((r) => r.number)).toEqual(refs);
    for (const n of refs) {
      expect(c.text).toContain(`[${n}]`);
      const url = sources.get(`redshift-2025.ref-${n}`)?.url;
      if (url) expect(c.text).toContain(url);
    }
  }

  it('cites a reach-map layer with the sources of its own agreements only, not every agreement\'s', async () => {
    const bri = await cite('https://monitor.example.org/#/map/reach?layer=bri');
    const ilrs = await cite('https://monitor.example.org/#/map/reach?layer=ilrs-artemis');
    const ids = (c: typeof bri) => new Set(c.view.sources.map((s) => s.id));
    // The BRI layer's agreements cite the report only (AEI's tracker is its reference [062]); the ILRS/Artemis layer cites the Artemis dataset.
    expect(ids(ilrs).has('internacia-artemis-accords')).toBe(true);
    expect(ids(bri).has('internacia-artemis-accords')).toBe(false);
    expect(ids(bri).has('internacia-apsco')).toBe(false);
    // Dated by its newest source (the Artemis dataset), and the basis says its sources span earlier dates.
    const dates = [...ids(ilrs)].map((id) => String(rawSources().get(id)?.published ?? '')).filter((d) => /^\d{4}(-\d{2}){0,2}$/.test(d)).sort();
    expect(dates[0]).not.toBe(dates.at(-1));
    expect(ilrs.view.asOf).toBe(dates.at(-1));
    expect(ilrs.view.asOfBasis).toContain(`published from ${dates[0]} to ${dates.at(-1)}`);
    expect(ilrs.text).toContain(`published from ${dates[0]} to ${dates.at(-1)}`);
  });

  it('cites an entity page with every source the curated file gives it and the report\'s reference numbers', async () => {
    const { node, fallback } = curated('entities', 'org.landspace');
    const cites = citesUnder(node, fallback);
    const expectedSources = new Set([fallback.source!, ...cites.map((c) => c.source!)]);
    const c = await cite('https://monitor.example.org/#/entity/org.landspace');
    wellFormed(c, node.name as string);
    expect(c.view.kind).toBe('entity');
    expect(c.view.permalink).toBe('https://monitor.example.org/#/entity/org.landspace');
    expect(new Set(c.view.sources.map((s) => s.id))).toEqual(expectedSources);
    expect(reportRefs(cites).length).toBeGreaterThan(3);
    namesReferences(c, reportRefs(cites));
    expect(c.csl[0]!.type).toBe('webpage');
    // Curated data are as of their sources: the newest publication date among them.
    const newest = [...expectedSources].map((id) => String(rawSources().get(id)?.published ?? '')).filter(Boolean).sort().at(-1);
    expect(c.view.asOf).toBe(newest);
    expect(c.csl[0]!.issued).toEqual({ 'date-parts': [newest!.split('-').map(Number)] });
  });

  it('cites one statement with its own source and locator (a title with a "$" survives BibTeX)', async () => {
    const { node, fallback } = curated('entities', 'org.landspace');
    const raw = (node.activity as Node[]).find((a) => typeof a === 'object' && !Array.isArray(a) && String(a?.value).includes('$123 million')) as { value: string; cite: Cite };
    const entity = await ctx().get<{ properties: { property: string; statements: { id: string; value: string; locator: string | null }[] }[] }>('/api/v1/entities/org.landspace');
    const statement = entity.properties.find((p) => p.property === 'activity')!.statements.find((s) => s.value === raw.value)!;
    const c = await cite(`/#/entity/org.landspace?statement=${encodeURIComponent(statement.id)}`);
    expect(c.view.kind).toBe('statement');
    wellFormed(c, `LandSpace: ${c.view.title.split(': ')[1]}: ${raw.value}`);
    expect(c.view.sources.map((s) => s.id)).toEqual([raw.cite.source ?? fallback.source]);
    expect(c.view.sources[0]!.locators).toEqual([raw.cite.locator]);
    namesReferences(c, reportRefs([{ source: raw.cite.source ?? fallback.source, locator: raw.cite.locator }]));
    expect(c.bibtex).toContain('\\$123 million');
  });

  it('cites a chart (public polls, Figure 4) with the sources of every point drawn', async () => {
    const doc = read(join(KB, 'series/public-polls.yaml'));
    const fallback = doc.defaults?.cite ?? {};
    const cites = (doc.series ?? []).filter((s) => String(s.id).startsWith('poll.')).flatMap((s) => citesUnder(s, fallback));
    const c = await cite('http://localhost:3000/#/chart/polls');
    wellFormed(c, 'Public polls');
    expect(c.view.kind).toBe('chart');
    expect(new Set(c.view.sources.map((s) => s.id))).toEqual(new Set(cites.map((x) => x.source)));
    const report = c.view.sources.find((s) => s.id === 'redshift-2025')!;
    expect(report.locators).toContain('§2.3.3 Figure 4');
    namesReferences(c, reportRefs(cites));
    expect(c.csl[0]!.type).toBe('dataset');
  });

  it('cites an indicator with the claim\'s report locator and the data its live value is measured on', async () => {
    const id = 'claim.tiangong-three-modules';
    const { node, fallback } = curated('entities', id);
    const claim = node.cite as Cite;
    const data = await ctx().get<{ findings: { claims: { id: string; live: { sources: string[] } | null }[] }[] }>('/api/v1/indicators');
    const live = data.findings.flatMap((f) => f.claims).find((x) => x.id === id)!.live;
    const c = await cite(`/#/?indicator=${id}`);
    expect(c.view.kind).toBe('indicator');
    wellFormed(c, c.view.title);
    expect(c.view.title).toContain(node.quote as string);
    const report = c.view.sources.find((s) => s.id === (claim.source ?? fallback.source))!;
    expect(report.locators).toContain(claim.locator);
    namesReferences(c, reportRefs([{ source: claim.source ?? fallback.source, locator: claim.locator }]));
    expect(live?.sources.length).toBeGreaterThan(0);
    for (const s of live!.sources) expect(c.view.sources.map((x) => x.id)).toContain(s);
  });

  it('cites a filtered table view with the sources of the values in its rows, as the curated files give them', async () => {
    const query = 'ownership=private&segment=launch-reentry';
    const table = await ctx().get<{ rows: { id: string }[]; total: number; totalUnfiltered: number }>(`/api/v1/tables/Organization?${query}`);
    const c = await cite(`https://monitor.example.org/#/table/Organization?${query}`);
    expect(c.view.kind).toBe('table');
    wellFormed(c, `Organization table (ownership = private, segment = launch-reentry): ${table.total} of ${table.totalUnfiltered} rows`);
    const curatedSources = new Set(table.rows.flatMap((r) => {
      const { node, fallback } = curated('entities', r.id);
      return [fallback.source!, ...citesUnder(node, fallback).map((x) => x.source!)];
    }));
    expect(c.view.sources.length).toBeGreaterThan(0);
    for (const s of c.view.sources) expect(curatedSources.has(s.id), s.id).toBe(true);
    expect((await ctx().app.inject(`/api/v1/cite?url=${encodeURIComponent('/#/table/Nothing')}`)).statusCode).toBe(404);
  });

  it('answers each format with its media type; the key is the same on every request', async () => {
    const url = encodeURIComponent('/#/chart/launches?from=2015');
    const text = await ctx().app.inject(`/api/v1/cite?url=${url}`);
    expect(text.statusCode).toBe(200);
    expect(text.headers['content-type']).toMatch(/^text\/plain/);
    expect(text.body).toContain('§3.2.2 Figure 7');
    const bib = await ctx().app.inject(`/api/v1/cite?url=${url}&format=bibtex`);
    expect(bib.headers['content-type']).toMatch(/^application\/x-bibtex/);
    const again = await ctx().app.inject(`/api/v1/cite?url=${url}&format=bibtex`);
    expect(parseBibtex(again.body).entries[0]!.key).toBe(parseBibtex(bib.body).entries[0]!.key);
    const csl = await ctx().app.inject(`/api/v1/cite?url=${url}&format=csl-json`);
    expect(csl.headers['content-type']).toMatch(/^application\/vnd\.citationstyles\.csl\+json/);
    expect(validateCsl(csl.json())).toBe(true);
  });

  it('refuses malformed permalinks with a 400 naming the url, and unknown views with a 404', async () => {
    const status = async (url: string) => {
      const res = await ctx().app.inject(`/api/v1/cite?url=${encodeURIComponent(url)}`);
      expect(res.json()).toHaveProperty('error.status', res.statusCode);
      return res;
    };
    for (const bad of ['ftp://example.org/#/timeline', 'https://example.org/api/v1/entities', '#entity/org.landspace', '/#/entity/%E0%A4%A', 'x'.repeat(2001)]) {
      const res = await status(bad);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.details[0].field).toBe('querystring.url');
    }
    expect((await ctx().app.inject('/api/v1/cite')).statusCode).toBe(400);
    expect((await ctx().app.inject('/api/v1/cite?url=%2F%23%2Ftimeline&format=ris')).statusCode).toBe(400);
    for (const unknown of ['/#/entity/org.nobody', '/#/chart/nothing', '/#/map/nowhere', '/#/nowhere', '/#/?indicator=claim.none', '/#/entity/org.landspace?statement=nope', '/#/segment/moon']) {
      expect((await status(unknown)).statusCode, unknown).toBe(404);
    }
  });
};
