/**
 * The search page in headless Chromium against the real server (PGlite with the bundled data):
 * a Chinese name and a misspelling typed into the search box find their entities, grouped by
 * kind, each with the text it matched; the keyboard moves through the results and opens one.
 * The expected entities come from the raw YAML (the entity whose alias is the Chinese name or
 * whose name is the correctly spelled word), not from the product.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-server.js';
import { closeWebSession, openWebSession } from './support/web-session.js';
import { openRoute, screenshot, waitDrawn, type Browser } from './support/browser.js';
import { rawYaml } from '../support/raw-files.js';

let server: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => { ({ server, browser, page } = await openWebSession({ readOnly: true })); }, 600_000);
afterAll(() => closeWebSession({ server, browser }));

type Alias = string | { value: string };
interface YamlEntity { id: string; name: Alias; alias?: Alias[] }
const entitiesIn = (file: string) => (rawYaml(file) as { entities: YamlEntity[] }).entities;
const text = (a: Alias) => (typeof a === 'string' ? a : a.value);

/** Types a query into the search page's box and waits for the results. */
async function searchFor(q: string): Promise<void> {
  browser.errors.length = 0;
  await openRoute(page, server.url, '#/search');
  await page.fill('form.search-form input[name="q"]', q);
  await page.keyboard.press('Enter');
  await waitDrawn(page);
  await page.waitForSelector('.results p[data-total]');
}

const resultIds = () => page.$$eval('a.result-link', (a) => a.map((x) => x.getAttribute('href')));

describe('search page', () => {
  it('a Chinese name finds its entity with the matched alias shown, grouped by kind', async () => {
    const qianfan = entitiesIn('data/kb/entities/programs/megaconstellations.yaml').find((e) => (e.alias ?? []).map(text).some((a) => a.includes('千帆')))!;
    expect(qianfan).toBeDefined();
    await searchFor('千帆');
    expect(await resultIds()).toContain(`#/entity/${qianfan.id}`);
    const row = page.locator(`section.result-group[data-kind="Program"] li[data-id="${qianfan.id}"]`);
    expect(await row.locator('.match .matched').first().textContent()).toContain('千帆');
    expect(await row.locator('.match').getAttribute('data-how')).toBe('prefix');
    // Groups are headed by kind, one section each.
    const kinds = await page.$$eval('section.result-group', (s) => s.map((x) => x.getAttribute('data-kind')));
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(browser.errors).toEqual([]);
    await screenshot(page, 'search-qianfan-chinese');
  });

  it('a misspelling finds the correctly spelled entity as a fuzzy match; arrows move, Enter opens', async () => {
    const landspace = entitiesIn('data/kb/entities/organizations/launch-companies.yaml').find((e) => text(e.name) === 'LandSpace')!;
    await searchFor('Landspce');
    const ids = await resultIds();
    expect(ids).toContain(`#/entity/${landspace.id}`);
    const row = page.locator(`li[data-id="${landspace.id}"]`);
    expect(await row.locator('.match').getAttribute('data-how')).toBe('fuzzy');
    expect(await row.locator('.match .matched').first().textContent()).toBe('LandSpace');
    await screenshot(page, 'search-misspelled');

    // Keyboard: from the box, ArrowDown focuses the first result; ArrowDown again the second; ArrowUp back.
    await page.focus('form.search-form input[name="q"]');
    await page.keyboard.press('ArrowDown');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(await focused()).toBe(ids[0]);
    if (ids.length > 1) {
      await page.keyboard.press('ArrowDown');
      expect(await focused()).toBe(ids[1]);
      await page.keyboard.press('ArrowUp');
    }
    expect(await focused()).toBe(ids[0]);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    // Move to LandSpace by keyboard, then open it with Enter.
    const target = ids.indexOf(`#/entity/${landspace.id}`);
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    expect(await focused()).toBe(`#/entity/${landspace.id}`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((h) => location.hash === h, `#/entity/${landspace.id}`);
    await waitDrawn(page);
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('LandSpace');
    expect(browser.errors).toEqual([]);
  });
});
