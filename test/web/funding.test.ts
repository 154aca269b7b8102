/**
 * The funding views in headless Chromium against the real server (PGlite loaded with the bundled
 * data), checked against an independent plain-`yaml` reading of data/kb/series/funding-*.yaml and
 * the curated investments: each chart's "From the API" CSV holds exactly the series it draws (no
 * subtotal or prose rows); the decade totals name their basis (Table n, report text) and the unit
 * the series declare; "Cite this" on #/chart/funding names Novaspace [078] beside Orbital Gateway
 * [014]; the Satcom & PNT page draws every segment row of Table 7, Satellite Manufacturing included;
 * the organizations table says where a round is undated and where a count is only a lower bound.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-server.js';
import { closeWebSession, openWebSession } from './support/web-session.js';
import { fetchInPage, openRoute, screenshot, waitDrawn, type Browser } from './support/browser.js';
import { parseCsv } from './support/csv.js';
import { rawYaml } from '../support/raw-files.js';

interface RawSeries { id: string; unit: string; dimensions?: Record<string, string>; points: { period: string | number; value: number; original?: string }[] }
type Field = string | { value: unknown } | undefined;
interface RawEntity { id: string; name?: Field; investee?: Field; investmentKind?: Field; date?: Field }

let server: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => { ({ server, browser, page } = await openWebSession({ readOnly: true })); }, 600_000);
afterAll(() => closeWebSession({ server, browser }));

const series = ['funding-tables', 'funding-prose'].flatMap((f) => (rawYaml(`data/kb/series/${f}.yaml`) as { series: RawSeries[] }).series);
const dims = (s: RawSeries) => s.dimensions ?? {};
const segmentRow = (s: RawSeries) => dims(s).measure === 'funding-by-segment' && !dims(s).statement && !(dims(s).segment ?? '').includes('+');
const investorRow = (s: RawSeries) => dims(s).measure === 'funding-by-source' && !dims(s).statement;
const byId = (id: string) => series.find((s) => s.id === id)!;
const one = (f: Field) => (f === undefined ? undefined : typeof f === 'object' ? String(f.value) : String(f));

function investments(): RawEntity[] {
  const dir = 'data/kb/entities/investments';
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).flatMap((f) => (rawYaml(join(dir, f)) as { entities: RawEntity[] }).entities);
}

async function visit(route: string): Promise<void> {
  browser.errors.length = 0;
  await openRoute(page, server.url, route);
  await waitDrawn(page);
  expect(await page.evaluate(() => document.body.dataset.pageState)).toBe('ready');
  expect(browser.errors, route).toEqual([]);
}

const drawnIds = (chart: string) => page.$$eval(`figure[data-chart="${chart}"] table[data-drawn] tbody tr`, (trs) => [...new Set(trs.map((tr) => tr.querySelector('td')!.textContent ?? ''))].sort());
const apiCsvIds = async (chart: string) => [...new Set(parseCsv(await fetchInPage(page, `figure[data-chart="${chart}"] a[data-api="csv"]`)).map((r) => r.series_id!))].sort();
const notes = (chart: string) => page.$eval(`figure[data-chart="${chart}"] .chart-notes`, (n) => n.textContent ?? '');

it('#/chart/funding: each chart\'s API CSV holds exactly the series drawn, and the chart says which rows to sum', async () => {
  await visit('#/chart/funding');
  await screenshot(page, 'funding-chart');
  const expected: Record<string, string[]> = {
    'funding-by-segment': series.filter(segmentRow).map((s) => s.id).sort(),
    'funding-by-investor': series.filter(investorRow).map((s) => s.id).sort(),
    'funding-government-vs-commercial': ['funding.gov-expenditure', 'funding.subtotal'],
  };
  for (const [chart, ids] of Object.entries(expected)) {
    expect(await drawnIds(chart), chart).toEqual(ids);
    expect(await apiCsvIds(chart), chart).toEqual(ids);
    expect(await notes(chart), chart).toContain('rows with period 2015-2024 are the totals as stated');
  }
  // Summing the segment chart's API rows whose period is a year gives the tables' all-sources subtotal (no double-counting).
  const rows = parseCsv(await fetchInPage(page, 'figure[data-chart="funding-by-segment"] a[data-api="csv"]'));
  const subtotal = byId('funding.subtotal');
  for (const p of subtotal.points.filter((x) => /^\d{4}$/.test(String(x.period)))) {
    const sum = rows.filter((r) => r.period === String(p.period) && /^\d{4}$/.test(r.period)).reduce((n, r) => n + Number(r.value), 0);
    expect(Math.abs(sum - p.value), String(p.period)).toBeLessThan(0.1);
  }
}, 120_000);

it('#/chart/funding: decade totals name their basis (Table n or report text) and the unit the series declare', async () => {
  await visit('#/chart/funding');
  const eo = byId('funding.segment.eo');
  const totals = eo.points.filter((p) => p.period === '2015-2024').map((p) => p.value).sort((a, b) => a - b);
  expect(totals).toEqual([990.01, 994]);
  const seg = await notes('funding-by-segment');
  expect(seg).toContain(`990.01 ${eo.unit} (Table 5: “$990.01”)`);
  expect(seg).toContain(`994 ${eo.unit} (report text: “$994 million”)`);
  const gov = byId('funding.gov-expenditure');
  const govTotal = gov.points.find((p) => p.period === '2015-2024')!;
  expect(gov.unit).toBe('USD millions');
  expect(await notes('funding-government-vs-commercial')).toContain(`${govTotal.value.toLocaleString('en-US')} ${gov.unit} (Tables 1, 3, 5, 7: “${govTotal.original}”)`);
}, 120_000);

it('#/chart/funding: "Cite this" names Novaspace\'s reference [078] for the government line beside Orbital Gateway\'s [014]', async () => {
  await visit('#/chart/funding');
  await page.click('figure[data-chart="funding-government-vs-commercial"] button.cite-button');
  await page.waitForFunction(() => (document.querySelector<HTMLTextAreaElement>('dialog .cite-box[data-format="text"]')?.value ?? '').includes('Sources'), null, { timeout: 30_000 });
  const text = await page.$eval('dialog .cite-box[data-format="text"]', (b) => (b as HTMLTextAreaElement).value);
  expect(text).toContain('[014]');
  expect(text).toMatch(/\[078\] https:\/\/nova\.space\//);
  await page.keyboard.press('Escape');
  // The chart's own source line names both references too.
  const sources = await page.$eval('figure[data-chart="funding-government-vs-commercial"] .chart-sources', (s) => s.textContent ?? '');
  expect(sources).toContain('[078]');
  expect(sources).toContain('[014]');
}, 120_000);

it('#/segment/satcom-pnt draws every segment row of Table 7 (Satellite Manufacturing too), and its API link returns just those', async () => {
  await visit('#/segment/satcom-pnt');
  const want = series.filter((s) => segmentRow(s) && (dims(s)['report-segment'] ?? '').split(',').includes('satcom-pnt')).map((s) => s.id).sort();
  expect(want).toContain('funding.segment.satellite-manufacturing');
  expect(await drawnIds('funding-satcom-pnt')).toEqual(want);
  expect(await apiCsvIds('funding-satcom-pnt')).toEqual(want);
  await visit('#/segment/remote-sensing-ssa');
  expect(await drawnIds('funding-remote-sensing-ssa')).toEqual(['funding.segment.eo', 'funding.segment.satellite-manufacturing']);
}, 120_000);

it('#/table/Organization: an undated round shows as "undated, not ranked"; an uncounted-rounds entry makes the count "at least"', async () => {
  const all = investments();
  const landspaceUndated = all.filter((e) => one(e.investee) === 'org.landspace' && !one(e.date) && ['funding-round', 'uncounted-rounds'].includes(one(e.investmentKind) ?? ''));
  expect(landspaceUndated.map((e) => e.id)).toContain('investment.landspace-nmtuf-zhuque');
  await visit('#/table/Organization?columns=latestFunding,fundingRounds');
  await page.waitForSelector('tr[data-id="org.landspace"]');
  const cell = (id: string, column: string) => page.$eval(`tr[data-id="${id}"] td[data-column="${column}"]`, (td) => td.textContent ?? '');
  const latest = await cell('org.landspace', 'latestFunding');
  expect(latest.match(/undated, not ranked/g)?.length).toBe(landspaceUndated.length);
  const pioneer = all.filter((e) => one(e.investee) === 'org.space-pioneer');
  expect(pioneer.map((e) => one(e.investmentKind))).toEqual(['uncounted-rounds']);
  expect(await cell('org.space-pioneer', 'fundingRounds')).toMatch(/^at least 1 \(1 entry for rounds the source does not count\)/);
}, 120_000);
