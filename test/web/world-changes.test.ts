/**
 * The changes page and the entity history in headless Chromium against the real server:
 * a filter applied through the form leaves only matching rows (as the API answers the same
 * filter), and an entity's history shows its world changes before the folded record audit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-server.js';
import { apiGet, closeWebSession, openWebSession } from './support/web-session.js';
import { openRoute, screenshot, type Browser } from './support/browser.js';

let server: RunningApp;
let browser: Browser;
let page: Page;
const api = <T>(path: string) => apiGet<T>(server, path);

beforeAll(async () => { ({ server, browser, page } = await openWebSession({ readOnly: true })); }, 600_000);
afterAll(() => closeWebSession({ server, browser }));

const ready = () => page.waitForFunction(() => document.body.dataset.pageState === 'ready', null, { timeout: 60_000 });

it('filters the changes page by type and country: only matching rows, the ones the API gives', async () => {
  await openRoute(page, server.url, '#/changes');
  await ready();
  expect(await page.$$eval('table.world-changes tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
  await page.selectOption('form.change-filters select[name="type"]', 'launch');
  await page.fill('form.change-filters input[name="country"]', 'CN');
  await page.click('form.change-filters button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes('type=launch') && location.hash.includes('country=CN') && document.body.dataset.pageState === 'ready'
    && [...document.querySelectorAll('table.world-changes tbody tr')].length > 0, null, { timeout: 60_000 });
  const rows = await page.$$eval('table.world-changes tbody tr', (trs) => trs.map((tr) => ({ type: tr.getAttribute('data-type'), country: tr.getAttribute('data-country'), day: tr.getAttribute('data-day') })));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.type !== 'launch' || r.country !== 'CN')).toEqual([]);
  const body = await api<{ items: { day: string }[] }>('changes?type=launch&country=CN&limit=100');
  expect(rows.map((r) => r.day)).toEqual(body.items.map((c) => c.day));
  // The page says, as the API does, that launches after the launch log's end are failures only.
  const gaps = await api<{ gaps: string[] }>('changes?type=launch&country=CN&limit=100');
  expect(await page.$$eval('[data-gaps] li', (li) => li.map((x) => x.textContent))).toEqual(gaps.gaps);
  expect(gaps.gaps.some((g) => g.includes('is a failure'))).toBe(true);
  const csv = await page.getAttribute('a[data-api="csv"]', 'href');
  expect(csv).toContain('type=launch');
  expect(csv).toContain('country=CN');
  await screenshot(page, 'changes-filtered');
  expect(browser.errors).toEqual([]);
});

it('shows an entity\'s world changes first and folds the record audit below', async () => {
  const world = await api<{ items: { id: string; type: string }[] }>('changes?entity=program.jilin-1&limit=200');
  expect(world.items.some((c) => c.type === 'value-changed')).toBe(true);
  await openRoute(page, server.url, '#/entity/program.jilin-1');
  await page.waitForSelector('.entity-history details.record-audit', { timeout: 60_000 });
  const layout = await page.$eval('.entity-history', (el) => ({
    first: el.firstElementChild?.textContent,
    worldRows: [...el.querySelectorAll(':scope > table.world-changes tbody tr')].map((tr) => tr.getAttribute('data-type')),
    auditAfterWorld: !!el.querySelector('table.world-changes')?.compareDocumentPosition(el.querySelector('details.record-audit')!)
      && (el.querySelector('table.world-changes')!.compareDocumentPosition(el.querySelector('details.record-audit')!) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
    auditOpen: (el.querySelector('details.record-audit') as HTMLDetailsElement).open,
    auditRows: el.querySelectorAll('details.record-audit tbody tr').length,
  }));
  expect(layout.first).toBe('Changes in the world');
  expect(layout.worldRows).toEqual(world.items.map((c) => c.type));
  expect(layout.auditAfterWorld).toBe(true);
  expect(layout.auditOpen).toBe(false);
  expect(layout.auditRows).toBeGreaterThan(0);
  await screenshot(page, 'entity-history-world-first');
  expect(browser.errors).toEqual([]);
});

it('says how far each feed\'s data run, and why a window after them is empty', async () => {
  const status = await api<{ origins: { origin: string; dataAsOf: string | null }[] }>('status');
  const newest = status.origins.filter((o) => o.origin.startsWith('ingest:') && o.dataAsOf).map((o) => o.dataAsOf!.slice(0, 10)).sort().at(-1)!;
  const after = new Date(Date.parse(`${newest}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await openRoute(page, server.url, `#/changes?since=${after}`);
  await ready();
  const text = await page.$eval('[data-freshness]', (p) => ({ at: p.getAttribute('data-freshness'), text: p.textContent ?? '' }));
  expect(text.at).toBe(newest);
  expect(text.text).toContain(`No stored data describe anything after ${newest}, so nothing since ${after} can be listed yet.`);
  expect(text.text).toContain('celestrak-gp 2026-07-10');
  expect(text.text).toContain('gcat-launchlog 2024-12-08');
  expect(browser.errors).toEqual([]);
});
