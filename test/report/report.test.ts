/** The regenerated report: every section and figure, every citation resolving, its numbers equal to the API's, and a PDF with pages and text. */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { JSDOM } from 'jsdom';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { readOnlyLoadedStore } from '../support/loaded-store.js';
import { buildServer } from '../../src/api/server.js';
import { loadRules } from '../../src/services/analytics.js';
import { gatherReportData } from '../../src/report/report-data.js';
import { renderReport, REPORT_SECTIONS } from '../../src/report/render-report.js';
import { findChromium } from '../../src/report/print-pdf.js';
import { printReportPdf } from '../../src/report/paginate.js';
import { contentsEntries } from '../../src/report/contents.js';
import { overlaps, inside } from '../../src/report/label-layout.js';
import type { ReportData } from '../../src/report/report-data.js';
import { SEGMENTS } from '../../src/model/segments.js';
import { FEEDS } from '../../src/services/feeds.js';
import { svgTextBoxes } from './svg-text-boxes.js';
import { rawYaml, seedText } from '../support/raw-files.js';

/** The document without its style sheet (jsdom's CSS parser does not know @page margin boxes). */
const withoutStyle = (html: string) => html.replace(/<style>[^<]*<\/style>/, '');
const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

/** Each store's report, by kind: the first kind's is printed as a PDF, the others must equal it byte for byte. */
const rendered = new Map<string, string>();

describe.each(STORE_KINDS)('report on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let html: string;
  let data: ReportData;
  const at = new Date('2026-07-11T00:00:00Z');
  beforeAll(async () => {
    store = await readOnlyLoadedStore(kind);
    app = await buildServer({ store, webDir: 'test/fixtures/no-web-app' });
    data = await gatherReportData(store.db, loadRules('data/rules'), { since: '2000-01-01', now: at });
    html = renderReport(data).html;
    rendered.set(kind, html);
  }, 300_000);
  afterAll(async () => { await app?.close(); await store?.dispose(); });

  it('has every section of the seed report\'s structure and Figures 1–10 as SVG', () => {
    for (const id of REPORT_SECTIONS) expect(html, id).toContain(`id="${id}"`);
    for (const s of SEGMENTS) expect(html, s.id).toContain(`id="segment-${s.id}"`);
    expect(attrs(html, 'data-figure').map(Number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const n of [1, 2, 3, 5, 6, 7, 8, 10]) expect(html.split(`id="figure-${n}"`)[1]!.split('</figure>')[0], `figure ${n}`).toContain('<svg');
    expect(html).toContain('id="changes-since"');
  });

  it('resolves every citation number to exactly one reference, and lists none unused', () => {
    const cited = new Set(attrs(html, 'data-cite'));
    const listed = [...html.matchAll(/<li id="ref-(\d+)"/g)].map((m) => m[1]!);
    expect(cited.size).toBeGreaterThan(100);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...cited].sort()).toEqual([...listed].sort());
    expect(html).toMatch(/The report's references: \[\d{3}\] <a href="https?:/);
  });

  it('its Figure 7 equals the API\'s launches analytic', async () => {
    const api = (await app.inject('/api/v1/analytics/launches?from=2015')).json() as { chinaVsUnitedStates: { year: number; CN: { total: number }; US: { total: number } }[] };
    for (const y of api.chinaVsUnitedStates) {
      expect(html, String(y.year)).toContain(`data-cn-total="${y.year}">${y.CN.total}<`);
      expect(html, String(y.year)).toContain(`data-us-total="${y.year}">${y.US.total}<`);
    }
  });

  it('its Figure 8 total, constellation counts and key-finding live values equal the API\'s', async () => {
    expect(html).toContain(`data-figure8-total="${(await app.inject('/api/v1/analytics/spacecraft')).json().total}"`);
    for (const c of (await app.inject('/api/v1/analytics/constellations')).json().constellations as { id: string; deployed: { asOf: string; count: number }[] }[]) {
      for (const d of c.deployed) expect(html).toContain(`data-deployed="${c.id}@${d.asOf}">${d.count}<`);
    }
    const ind = (await app.inject('/api/v1/indicators')).json() as { findings: { claims: { id: string; reportValue: number | null; live: { value: number } | null; comparison: { kind: string; text: string } }[] }[] };
    for (const c of ind.findings.flatMap((f) => f.claims)) {
      expect(html).toContain(`data-claim="${c.id}" data-report-value="${c.reportValue ?? ''}" data-live-value="${c.live?.value ?? ''}" data-comparison="${c.comparison.kind}"`);
      expect(html).toContain(c.comparison.text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
  });

  it('its Figure 5 lists the API\'s countries that bought a Chinese-built satellite, and apart those whose satellites China launched', async () => {
    const listed = attrs(html, 'data-export-country');
    for (const set of ['chinese-built-satellite-buyers', 'launched-on-chinese-rockets']) {
      const api = (await app.inject(`/api/v1/geo/countries?set=${set}`)).json() as { definition: string; features: { properties: { iso2: string } }[] };
      expect(listed.filter((x) => x.startsWith(`${set}:`)).sort(), set).toEqual(api.features.map((f) => `${set}:${f.properties.iso2}`).sort());
      expect(html).toContain(api.definition.replace(/"/g, '&quot;').replace(/</g, '&lt;'));
    }
    expect(html.split('id="figure-5"')[1]!.split('</figure>')[0]).toContain('Countries that bought a Chinese-built satellite');
  });

  it('its Space Safety Watch section equals the API\'s station screening and reentry watch, naming snapshots, element sets and ages', async () => {
    const sec = html.split('id="space-safety"')[1]!.split('id="recommendations"')[0]!;
    const conj = (await app.inject('/api/v1/safety/conjunctions?primary=48274&days=7&thresholdKm=5')).json() as { events: { tca: string; missDistanceKm: number; primary: { elementEpoch: string; elementAgeDays: number }; secondary: { elementEpoch: string } }[]; snapshot: { id: string } };
    expect(attrs(sec, 'data-tca')).toEqual(conj.events.map((e) => e.tca));
    expect(attrs(sec, 'data-miss-km').map(Number)).toEqual(conj.events.map((e) => e.missDistanceKm));
    for (const e of conj.events) expect(sec).toContain(`station ${e.primary.elementEpoch.slice(0, 19)} (${e.primary.elementAgeDays.toFixed(1)} d)`);
    expect(sec).toContain(`catalog snapshot ${conj.snapshot.id}`);
    const re = (await app.inject('/api/v1/safety/reentries?days=90')).json() as { counts: { candidates: number }; candidates: { country: string | null }[]; snapshot: { id: string }; backtest: { earlier: { id: string }; central: { precision: number; recall: number } } };
    expect(attrs(sec, 'data-candidates').map(Number)).toEqual([re.counts.candidates]);
    expect(attrs(sec, 'data-cn-candidates').map(Number)).toEqual([re.candidates.filter((c) => c.country === 'CN').length]);
    expect(sec).toContain(`catalog snapshot ${re.snapshot.id}`);
    expect(sec).toContain(`catalog snapshot ${re.backtest.earlier.id}`);
    expect(sec).toContain(`data-precision="central estimate">${re.backtest.central.precision.toFixed(3)}<`);
    expect(sec).toContain(`data-recall="central estimate">${re.backtest.central.recall.toFixed(3)}<`);
    expect(sec).toContain('Limits: ');
    expect(sec).toMatch(/<sup class="cite">/);
    const man = (await app.inject('/api/v1/safety/maneuvers?country=CN')).json() as { detections: { noradId: number; before: { epoch: string; ageDays: number } }[] };
    expect(attrs(sec, 'data-detections').map(Number)).toEqual([man.detections.length]);
    expect(attrs(sec, 'data-maneuver').map(Number)).toEqual(man.detections.slice(0, 25).map((d) => d.noradId));
    for (const d of man.detections.slice(0, 25)) expect(sec).toContain(`${d.before.epoch.slice(0, 19)} (${d.before.ageDays.toFixed(1)} d)`);
  });

  it('lays out Figure 1 and Figure 3 labels so that no two text boxes intersect and all stay on the canvas', () => {
    for (const n of [1, 3]) {
      const svg = /<svg[\s\S]*?<\/svg>/.exec(html.split(`id="figure-${n}"`)[1]!.split('</figure>')[0]!)![0];
      const { width, height, boxes } = svgTextBoxes(svg);
      expect(boxes.length, `figure ${n}`).toBeGreaterThan(n === 1 ? 20 : 5);
      for (const b of boxes) expect(inside(b, width, height), `figure ${n}: "${b.text}" off the canvas`).toBe(true);
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i]!, boxes[j]!), `figure ${n}: "${boxes[i]!.text}" / "${boxes[j]!.text}"`).toBe(false);
      }
      // Every dot has its label (Figure 3: at least the hub's number; Figure 1: one dot per event, its label wrapped over one or more lines).
      const dots = svg.split('<circle').length - 1;
      if (n === 3) expect(boxes.length).toBe(dots);
      else expect(dots).toBe(html.split('data-table="policy-timeline"')[1]!.split('</table>')[0]!.split('<tr>').length - 2);
    }
  });

  it('shows the reader no debug text, escaped quotes or duplicated claims and rows', () => {
    const text = new JSDOM(withoutStyle(html)).window.document.body.textContent!;
    for (const bad of ['&quot;', '&amp;', '\\"', 'undefined', 'NaN', '[object', 'no live computation', 'null']) expect(text, bad).not.toContain(bad);
    const claims = attrs(html, 'data-claim');
    expect(new Set(claims).size).toBe(claims.length);
    const doc = new JSDOM(withoutStyle(html)).window.document;
    for (const t of doc.querySelectorAll('table')) {
      const rows = [...t.querySelectorAll('tbody tr')].map((r) => r.textContent);
      expect(new Set(rows).size, t.getAttribute('data-table') ?? t.outerHTML.slice(0, 80)).toBe(rows.length);
    }
    // An entity in several segments is described once; later segments point back to it, once each.
    const repeats = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
    const full = [...doc.querySelectorAll('#segment-analysis li:not([data-see])')].map((li) => li.textContent!).filter((x) => x !== 'none recorded');
    expect(repeats(full)).toEqual([]);
    for (const seg of doc.querySelectorAll('#segment-analysis section.segment')) {
      expect(repeats([...seg.querySelectorAll('li[data-see]')].map((li) => li.getAttribute('data-see')!)), seg.id).toEqual([]);
    }
  });

  it('opens with a title page crediting the original report and every data source with its licence, and the generation and data dates', async () => {
    const title = html.split('id="title-page"')[1]!.split('</section>')[0]!;
    const raw = (rawYaml('data/kb/sources/seeds-and-datasets.yaml') as { sources: { id: string; kind: string; title: string; publisher?: string; authors?: string[]; licence?: string }[] }).sources;
    const original = raw.find((s) => s.id === 'redshift-2025')!;
    const unescape = (s: string) => new JSDOM(`<p>${s}</p>`).window.document.body.textContent!;
    const titleText = unescape(title);
    expect(titleText).toContain('Redshift Monitor');
    for (const part of [original.title, original.publisher!, ...original.authors!]) expect(titleText).toContain(part);
    // Every bundled snapshot is credited; so is every other curated dataset some stored row cites.
    const bundled = FEEDS.flatMap((f) => f.bundled.map((b) => b.sourceId));
    expect(bundled.length).toBeGreaterThan(5);
    for (const id of bundled) expect(data.sourcesInUse.has(id), id).toBe(true);
    for (const s of raw.filter((x) => x.kind === 'dataset' && data.sourcesInUse.has(x.id))) {
      expect(titleText, s.id).toContain(s.title);
      expect(titleText, s.id).toContain(s.licence ?? 'none stated');
    }
    expect(titleText).toContain('Generated 2026-07-11 00:00 UTC');
    const launches = (await app.inject('/api/v1/analytics/launches?from=2015')).json() as { coverage: { to: string } };
    const spacecraft = (await app.inject('/api/v1/analytics/spacecraft')).json() as { snapshot: { asOf: string } };
    expect(titleText).toContain(`launch log to ${launches.coverage.to}; orbital catalog as of ${spacecraft.snapshot.asOf}`);
  });

  it('its Figure 1 has the API timeline\'s Chinese policy events, one row each with all their sources', async () => {
    const { items } = (await app.inject('/api/v1/timeline?kind=PolicyDocument')).json() as { items: { date: string; entityId: string; property: string; sources: { sourceId: string }[] }[] };
    const us = new Set(data.rows.PolicyDocument.filter((p) => p.values.country?.[0]?.value === 'US').map((p) => p.id));
    const china = items.filter((i) => i.property === 'issued' && !us.has(i.entityId));
    const rows = html.split('data-table="policy-timeline"')[1]!.split('</table>')[0]!.split('<tr>').slice(2);
    expect(rows.length).toBe(china.length);
    china.forEach((e, i) => {
      expect(rows[i], e.entityId).toContain(`<td>${e.date}`);
      const cited = new Set(attrs(rows[i]!, 'data-cite'));
      expect(cited.size, e.entityId).toBeGreaterThanOrEqual(new Set(e.sources.map((s) => s.sourceId)).size);
    });
  });

  it('its Figure 2 table prints each yearly cell as the curated YAML gives it and "—" where it gives none, and every stated 2015–2024 total beside its row with its basis', () => {
    type RawSeries = { id: string; dimensions: Record<string, string>; cite?: { locator?: string }; points: { period: string; value: number; cite?: { locator?: string } }[] };
    const raw = ['funding-tables', 'funding-prose'].flatMap((f) => rawYaml<{ series: RawSeries[] }>(`data/kb/series/${f}.yaml`).series)
      .filter((s) => ['funding-by-segment', 'funding-by-source', 'funding-subtotal', 'government-expenditure'].includes(s.dimensions.measure!));
    const years = Array.from({ length: 10 }, (_, i) => String(2015 + i));
    const yearly = raw.filter((s) => s.points.some((p) => years.includes(p.period)));
    const doc = new JSDOM(withoutStyle(html)).window.document;
    const fig = doc.querySelector('#figure-2')!.parentElement!;
    const rows = [...fig.querySelectorAll('table[data-table="funding"] tbody tr')];
    const rowOf = (r: Element) => r.querySelector('[data-series]')!.getAttribute('data-series')!;
    // The rows are exactly the series with yearly values: a total stated only in prose is not a row.
    expect(rows.map(rowOf).sort()).toEqual(yearly.map((s) => s.id).sort());
    expect([...fig.querySelectorAll('thead th')].map((th) => th.textContent).slice(1, 11)).toEqual(years);
    for (const r of rows) {
      const s = raw.find((x) => x.id === rowOf(r))!;
      const cells = [...r.querySelectorAll('td')].slice(1, 11).map((td) => td.textContent!.trim());
      years.forEach((y, i) => {
        const p = s.points.find((x) => x.period === y && /Table/.test(x.cite?.locator ?? s.cite?.locator ?? ''));
        expect(cells[i], `${s.id} ${y}`).toBe(p ? String(p.value) : '—');
      });
    }
    // Every decade total of every series is shown, with its basis, in the row of the same measure (a prose total beside the table's).
    const key = (s: RawSeries) => [s.dimensions.measure, s.dimensions.segment, s.dimensions['source-type']].join('|');
    const basis = (locator: string) => { const t = [...locator.matchAll(/Table (\d+)/g)].map((m) => m[1]); return t.length ? `${t.length > 1 ? 'Tables' : 'Table'} ${t.join(', ')}` : 'report text'; };
    for (const s of raw) {
      const home = yearly.find((y) => key(y) === key(s));
      const where = home ? rows.find((r) => rowOf(r) === home.id)! : fig.querySelector(`[data-list="funding-stated-totals"] [data-series="${s.id}"]`)!;
      expect(where, s.id).toBeTruthy();
      for (const p of s.points.filter((x) => x.period === '2015-2024')) {
        const mark = where.querySelector(`[data-total-value="${p.value}"][data-total-basis="${basis(p.cite?.locator ?? s.cite?.locator ?? '')}"]`);
        expect(mark, `${s.id} ${p.value}`).not.toBeNull();
        expect(mark!.querySelector('sup.cite'), `${s.id} ${p.value} cited`).not.toBeNull();
      }
    }
    // Earth observation: the report's Table 5 total and its prose total, side by side, each as the seed text prints it.
    const seed = seedText('003_c24ce7c9e2708025.txt');
    expect(seed).toMatch(/^Earth Observation segment\t.*\$990\.01$/m);
    expect(seed).toContain('attracted a cumulative \\$994 million from 2015 to 2024');
    const eo = rows.find((r) => rowOf(r) === 'funding.segment.eo')!;
    const totals = [...eo.querySelectorAll('[data-total-basis]')].map((t) => [t.getAttribute('data-total-value'), t.getAttribute('data-total-basis')]);
    expect(totals).toEqual([['990.01', 'Table 5'], ['994', 'report text']]);
  });

  it('writes Chinese names as the curated files give them, marked as Chinese', () => {
    const text = (rawYaml('data/kb/entities/organizations/launch-companies.yaml') as { entities: { alias?: (string | { value: string })[] }[] }).entities
      .flatMap((e) => (e.alias ?? []).map((a) => (typeof a === 'string' ? a : a.value))).filter((a) => /\p{Script=Han}/u.test(a));
    expect(text.length).toBeGreaterThan(0);
    const zh = [...new JSDOM(withoutStyle(html)).window.document.querySelectorAll('[lang="zh"]')].map((e) => e.textContent).join(' ');
    for (const name of text) expect(zh, name).toContain(name);
  });

  // The PDF is printed from the HTML alone: a store whose HTML equals the first store's prints the same PDF.
  it.runIf(kind !== STORE_KINDS[0])(`renders the same HTML, byte for byte, as on ${STORE_KINDS[0]!} (whose PDF stands for it)`, () => {
    expect(renderReport(data).html).toBe(html);
    expect(html).toBe(rendered.get(STORE_KINDS[0]!));
  });

  it.runIf(kind === STORE_KINDS[0])('prints a PDF whose contents list gives the page each heading is on, with Chinese names in a CJK font (Chromium, poppler-utils and fonts-noto-cjk: .ci/run installs them)', async () => {
    expect(findChromium(), 'Chromium not found').not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const [htmlFile, pdfFile] = [join(dir, 'report.html'), join(dir, 'report.pdf')];
    const entries = contentsEntries(data.since);
    const pages = await printReportPdf((p) => renderReport(data, { pages: p }).html, entries, htmlFile, pdfFile);
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile]).toString())![1]);
    expect(count).toBeGreaterThan(10);
    // pdftotext ends each page with a form feed: one run gives every page's text.
    const pageTexts = execFileSync('pdftotext', [pdfFile, '-']).toString().split('\f').map((t) => t.replace(/\s+/g, ' '));
    expect(pageTexts.length).toBeGreaterThanOrEqual(count);
    const pageText = (n: number) => pageTexts[n - 1]!;
    // The printed contents (read from the PDF's own text) name every heading with a page number, and that page has the heading.
    const printed = readFileSync(htmlFile, 'utf8');
    for (const e of entries) {
      const n = Number(new RegExp(`data-toc="${e.id}"><a href="#${e.id}">[^<]*</a><span class="toc-page" data-page="(\\d+)"`).exec(printed)?.[1]);
      expect(n, e.id).toBe(pages.get(e.id));
      expect(n, e.id).toBeGreaterThan(2);
      expect(pageText(n), `${e.title} on page ${n}`).toContain(e.title);
    }
    const contentsPage = [1, 2, 3].find((n) => pageText(n).includes('Contents'))!;
    const tocLines = execFileSync('pdftotext', ['-layout', '-f', String(contentsPage), '-l', String(contentsPage), pdfFile, '-']).toString()
      .split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    for (const e of entries) expect(tocLines, e.title).toContain(`${e.title} ${pages.get(e.id)}`);
    // Chinese text: the Han characters of the HTML come back out of the PDF, in an embedded CJK font.
    const han = [...new Set([...printed.matchAll(/\p{Script=Han}+/gu)].map((m) => m[0]))];
    expect(han.length).toBeGreaterThan(5);
    // A name may wrap at a line end; pdftotext's reading order (-raw: as drawn) is tried too, since a name that wraps in a
    // two-column list may be read out of order in its default layout.
    const all = ['', '-raw'].map((mode) => execFileSync('pdftotext', [...(mode ? [mode] : []), pdfFile, '-']).toString().replace(/\s+/g, '')).join('\n');
    // Every Han character comes back; whole names mostly do too.
    for (const ch of new Set(han.join(''))) expect(all, ch).toContain(ch);
    expect(han.filter((h) => all.includes(h)).length).toBeGreaterThan(han.length * 0.8);
    // A CJK family the style sheet names is installed (fonts-noto-cjk), and the PDF embeds glyphs beyond its Latin fonts:
    // Chromium embeds Noto CJK's outlines as unnamed Type 3 fonts (a page with Latin text only has none).
    const cjkFamilies = execFileSync('fc-list', [':lang=zh', 'family']).toString();
    expect(cjkFamilies).toMatch(/Noto (Serif|Sans) CJK SC/);
    expect(printed).toContain(`'${/Noto (Serif|Sans) CJK SC/.exec(cjkFamilies)![0]}'`);
    expect(execFileSync('pdffonts', [pdfFile]).toString()).toMatch(/Type 3/);
  }, 300_000);
});
