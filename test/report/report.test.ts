/** The regenerated report: every section and figure, every citation resolving, its numbers equal to the API's, and a PDF with pages and text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { loadedStore } from '../support/loaded-store.js';
import { buildServer } from '../../src/api/server.js';
import { loadRules } from '../../src/services/analytics.js';
import { gatherReportData } from '../../src/report/report-data.js';
import { renderReport, REPORT_SECTIONS } from '../../src/report/render-report.js';
import { findChromium, printPdf } from '../../src/report/print-pdf.js';
import { SEGMENTS } from '../../src/model/segments.js';

const attrs = (html: string, name: string) => [...html.matchAll(new RegExp(`${name}="([^"]*)"`, 'g'))].map((m) => m[1]!);

describe.each(STORE_KINDS)('report on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let html: string;
  const at = new Date('2026-07-11T00:00:00Z');
  beforeAll(async () => {
    store = await loadedStore(kind);
    app = await buildServer({ store, webDir: 'test/fixtures/no-web-app' });
    html = renderReport(await gatherReportData(store.db, loadRules('data/rules'), { since: '2000-01-01', now: at })).html;
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

  it('prints a PDF with pages and text (Chromium is required: .ci/run installs it)', async () => {
    expect(findChromium(), 'Chromium not found').not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'report.html'), html);
    await printPdf(join(dir, 'report.html'), join(dir, 'report.pdf'));
    const pdf = readFileSync(join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(dir, 'report.pdf')]).toString())![1]);
    expect(pages).toBeGreaterThan(10);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '3', join(dir, 'report.pdf'), '-']).toString();
    expect(text).toContain('Executive Summary');
  }, 180_000);
});
