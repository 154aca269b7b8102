/**
 * The faceted tables in headless Chromium against the real server (PGlite loaded with the
 * bundled data): open the organizations table, click a facet, sort, choose columns, check the
 * download links carry the view's query and hold its rows, and follow a segment page's link to
 * its table. Every expectation is read from the API's JSON for the same query.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-server.js';
import { closeWebSession, openWebSession } from './support/web-session.js';
import { fetchInPage, openRoute, screenshot, waitDrawn, type Browser } from './support/browser.js';
import { parseCsv } from './support/csv.js';

interface Table {
  total: number;
  rows: { id: string; cells: Record<string, { sources: unknown[] }[]> }[];
  columns: { id: string; label: string }[];
  facets: { column: string; values: { value: string; count: number }[] }[];
}

let server: RunningApp;
let browser: Browser;
let page: Page;
const api = async (query: string): Promise<Table> => (await fetch(`${server.url}/api/v1/tables/Organization?${query}`)).json() as Promise<Table>;

beforeAll(async () => { ({ server, browser, page } = await openWebSession({ readOnly: true })); }, 600_000);
afterAll(() => closeWebSession({ server, browser }));

/** Clicks, waits until the new view's query is in the address, then until the page has drawn. */
async function clickTo(selector: string, hashHas: string): Promise<void> {
  await page.click(selector);
  await page.waitForFunction((s) => decodeURIComponent(location.hash).includes(s), hashHas, { timeout: 30_000 });
  await page.waitForFunction((s) => document.body.dataset.pageState === 'ready' && decodeURIComponent(document.querySelector('a.view-link')?.getAttribute('href') ?? '').includes(s), hashHas, { timeout: 60_000 });
  await waitDrawn(page);
}

const shownIds = () => page.$$eval('table.entity-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-id')));
const shownFacet = (column: string) => page.$$eval(`section.facet[data-facet="${column}"] li`, (lis) =>
  lis.map((li) => [li.querySelector('a')!.getAttribute('data-value'), Number(li.querySelector('.facet-count')!.textContent)] as const));

it('facets, sort, column choice and downloads of the organizations table follow the URL and match the API', async () => {
  browser.errors.length = 0;
  await openRoute(page, server.url, '#/table/Organization');
  expect(await shownIds()).toEqual((await api('')).rows.map((r) => r.id));

  await clickTo('a.facet-value[data-facet="ownership"][data-value="private"]', 'ownership=private');
  let expected = await api('ownership=private');
  expect(await shownIds()).toEqual(expected.rows.map((r) => r.id));
  const segments = expected.facets.find((f) => f.column === 'segment')!.values;
  expect((await shownFacet('segment')).slice(0, 12)).toEqual(segments.slice(0, 12).map((v) => [v.value, v.count]));

  await clickTo('a.sort-link[data-sort="founded"]', 'sort=founded');
  expect(await page.$eval('th[data-column="founded"]', (th) => th.getAttribute('aria-sort'))).toBe('ascending');
  await clickTo('a.sort-link[data-sort="founded"]', 'sort=-founded');
  expect(await page.$eval('th[data-column="founded"]', (th) => th.getAttribute('aria-sort'))).toBe('descending');
  expect(await shownIds()).toEqual((await api('ownership=private&sort=-founded')).rows.map((r) => r.id));

  await page.click('details.column-choice summary');
  await page.uncheck('form.column-chooser input[value="parent"]');
  await page.check('form.column-chooser input[value="country"]');
  await clickTo('form.column-chooser button[type="submit"]', 'columns=');
  expected = await api(new URLSearchParams(decodeURIComponent(page.url().split('?')[1]!)).toString());
  const headers = await page.$$eval('table.entity-table thead th', (ths) => ths.map((th) => th.getAttribute('data-column')));
  expect(headers).toEqual(['name', ...expected.columns.map((c) => c.id)]);
  expect(headers).toContain('country');
  expect(headers).not.toContain('parent');
  await screenshot(page, 'table-organizations-private');

  const csvHref = await page.$eval('a.download-csv', (a) => (a as HTMLAnchorElement).href);
  const q = new URL(csvHref).searchParams;
  expect(q.get('ownership')).toBe('private');
  expect(q.get('sort')).toBe('-founded');
  expect(q.get('columns')?.split(',')).toEqual(expected.columns.map((c) => c.id));
  expect(q.get('format')).toBe('csv');
  const csv = parseCsv(await fetchInPage(page, 'a.download-csv'));
  expect(csv.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
  expect(Object.keys(csv[0]!)).toEqual(['id', 'name', ...expected.columns.flatMap((c) => [c.id, `${c.id}_qualifier`, `${c.id}_status`, `${c.id}_source`, `${c.id}_conflict`])]);
  // The same view as one row per value and source: the same rows, in order, each shown value once per source.
  const long = parseCsv(await fetchInPage(page, 'a.download-csv-long'));
  expect(new URL(await page.$eval('a.download-csv-long', (a) => (a as HTMLAnchorElement).href)).searchParams.get('layout')).toBe('long');
  expect([...new Set(long.map((r) => r.id))]).toEqual(expected.rows.filter((r) => Object.values(r.cells).some((vs) => vs.length)).map((r) => r.id));
  expect(long.length).toBe(expected.rows.reduce((n, r) => n + Object.values(r.cells).flat().reduce((m, v) => m + v.sources.length, 0), 0));
  const json = JSON.parse(await fetchInPage(page, 'a.download-json')) as Table;
  expect(json.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
  expect(browser.errors).toEqual([]);
}, 300_000);

it('a segment page links to its organizations table, filtered to the segment', async () => {
  browser.errors.length = 0;
  await openRoute(page, server.url, '#/segment/launch-reentry');
  const link = await page.$eval('a[data-table-kind="Organization"]', (a) => a.getAttribute('href'));
  expect(link).toBe('#/table/Organization?segment=launch-reentry');
  await clickTo('a[data-table-kind="Organization"]', 'segment=launch-reentry');
  expect(await shownIds()).toEqual((await api('segment=launch-reentry')).rows.map((r) => r.id));
  expect(await page.$eval('.active-filters', (p) => p.textContent)).toMatch(/Segment: launch reentry/i);
  expect(browser.errors).toEqual([]);
}, 120_000);
