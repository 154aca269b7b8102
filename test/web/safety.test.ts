/**
 * The Space safety page in headless Chromium against the real server: the station's close
 * approaches and the reentry watch, each with its definition, snapshot and download links, showing
 * exactly what the API answers.
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

beforeAll(async () => { ({ server, browser, page } = await openWebSession()); }, 600_000);
afterAll(() => closeWebSession({ server, browser }));

it('shows the station\'s close approaches and the reentry watch with definitions, provenance and downloads', async () => {
  await openRoute(page, server.url, '#/safety');
  await page.waitForFunction(() => document.body.dataset.pageState === 'ready' && document.querySelectorAll('[data-safety-section] [data-snapshot]').length === 2, null, { timeout: 300_000 });
  expect(await page.$$eval('[data-safety-section]', (s) => s.map((x) => x.getAttribute('data-safety-section')))).toEqual(['close-approaches', 'reentries']);
  expect(await page.$eval('.site-nav a[href="#/safety"]', (a) => a.textContent)).toBe('Space safety');

  const conj = await api<{ events: unknown[]; snapshot: { id: string } }>('safety/conjunctions?primary=48274&days=7&thresholdKm=5');
  const close = await page.$eval('[data-safety-section="close-approaches"]', (el) => ({
    events: el.querySelector('[data-events]')?.getAttribute('data-events'), rows: el.querySelectorAll('tbody tr').length,
    snapshot: el.querySelector('[data-snapshot]')?.getAttribute('data-snapshot'), definition: el.querySelector('.definition')?.textContent ?? '',
    csv: el.querySelector('a[data-api="csv"]')?.getAttribute('href'), json: el.querySelector('a[data-api="json"]')?.getAttribute('href'),
  }));
  expect(Number(close.events)).toBe(conj.events.length);
  expect(close.rows).toBe(conj.events.length);
  expect(close.snapshot).toBe(conj.snapshot.id);
  expect(close.definition).toContain('Close approach');
  expect(close.csv).toContain('/api/v1/safety/conjunctions?');
  expect(close.csv).toContain('format=csv');
  expect(close.json).not.toContain('format=csv');

  const re = await api<{ candidates: { noradId: number; chineseRocketBody: boolean }[]; snapshot: { id: string }; backtest: unknown }>('safety/reentries?days=90');
  const watch = await page.$eval('[data-safety-section="reentries"]', (el) => ({
    norads: [...el.querySelectorAll('tbody tr[data-norad]')].map((tr) => Number(tr.getAttribute('data-norad'))),
    cnRocketBodies: el.querySelectorAll('tr.flag-cn-rocket-body').length,
    snapshot: el.querySelector('[data-snapshot]')?.getAttribute('data-snapshot'), text: el.textContent ?? '',
    backtest: !!el.querySelector('[data-backtest]'), csv: el.querySelector('a[data-api="csv"]')?.getAttribute('href'),
  }));
  expect(watch.norads).toEqual(re.candidates.map((c) => c.noradId));
  expect(watch.cnRocketBodies).toBe(re.candidates.filter((c) => c.chineseRocketBody).length);
  expect(watch.snapshot).toBe(re.snapshot.id);
  expect(watch.text).toContain('Vallado');
  expect(watch.text).toContain('Precision');
  expect(watch.backtest).toBe(re.backtest !== null);
  expect(watch.csv).toContain('/api/v1/safety/reentries?');
  const csv = await fetch(`${server.url}${watch.csv}`);
  expect(csv.status).toBe(200);
  expect((await csv.text()).split('\n')[0]).toContain('reentry_central_utc');
  await screenshot(page, 'safety');
  expect(browser.errors).toEqual([]);
}, 600_000);
