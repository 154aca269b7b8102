/**
 * "Cite" in headless Chromium against the real server: the page's own Cite button (in the
 * frame) on an entity page, a statement's and a chart's Cite, an indicator's; the dialog shows
 * the citation the API gives for that permalink, Copy puts it on the clipboard and says
 * "Copied", a refused clipboard selects the text instead, Escape closes and focus returns.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-server.js';
import { closeWebSession, openWebSession } from './support/web-session.js';
import { openRoute, screenshot, type Browser } from './support/browser.js';

let server: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  ({ server, browser, page } = await openWebSession({ readOnly: true }));
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
}, 600_000);
afterAll(() => closeWebSession({ server, browser }));

/** The citation the API gives for a permalink, as text. */
const apiText = async (permalink: string) => (await fetch(`${server.url}/api/v1/cite?url=${encodeURIComponent(permalink)}`)).text();

/** Clicks a Cite button and waits for the dialog's citation; returns the text box's content. */
async function openCite(selector: string): Promise<string> {
  await page.click(selector);
  await page.waitForSelector('dialog.cite-dialog[open][data-cite-ready="true"]');
  return page.$eval('dialog.cite-dialog textarea[data-format="text"]', (t) => (t as HTMLTextAreaElement).value);
}

async function closeWithEscape(opener: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.waitForSelector('dialog.cite-dialog', { state: 'detached' });
  expect(await page.$eval(opener, (b) => b === document.activeElement), 'focus returns to the Cite button').toBe(true);
}

describe('Cite', () => {
  it('the page\'s Cite on an entity page shows the API\'s citation, copies it, and offers BibTeX and CSL-JSON', async () => {
    browser.errors.length = 0;
    await openRoute(page, server.url, '#/entity/org.landspace');
    const opener = '.page-tools .cite-button';
    const text = await openCite(opener);
    expect(text).toBe(await apiText(`${server.url}/#/entity/org.landspace`));
    expect(text).toContain('Redshift Monitor. “LandSpace” [entity page]');
    expect(text).toMatch(/\[090\] https?:\/\//);
    await page.click('dialog.cite-dialog [data-copy="text"]');
    await page.waitForFunction(() => document.querySelector('.cite-copied')?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await page.click('dialog.cite-dialog [role="tab"][data-format="bibtex"]');
    expect(await page.$eval('textarea[data-format="bibtex"]', (t) => (t as HTMLTextAreaElement).value)).toMatch(/^@misc\{redshift-monitor:entity:org\.landspace,/);
    expect(await page.isVisible('textarea[data-format="text"]')).toBe(false);
    await page.click('dialog.cite-dialog [role="tab"][data-format="csl-json"]');
    const csl = JSON.parse(await page.$eval('textarea[data-format="csl-json"]', (t) => (t as HTMLTextAreaElement).value)) as { title: string }[];
    expect(csl[0]!.title).toBe('LandSpace');
    await screenshot(page, 'cite-entity');
    await closeWithEscape(opener);
    expect(browser.errors).toEqual([]);
  }, 300_000);

  it('a statement\'s Cite cites that statement; a refused clipboard selects the text instead', async () => {
    const id = await page.$eval('table.facts [data-statement]', (e) => (e as HTMLElement).dataset.statement!);
    const opener = `table.facts [data-statement="${id}"] .cite-button`;
    const text = await openCite(opener);
    expect(text).toContain('[sourced statement]');
    expect(text).toContain(`#/entity/org.landspace?statement=${encodeURIComponent(id)}`);
    await page.evaluate(() => { Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) }, configurable: true }); });
    await page.click('dialog.cite-dialog [data-copy="text"]');
    await page.waitForFunction(() => document.querySelector('.cite-copied')?.textContent?.startsWith('Selected'));
    expect(await page.evaluate(() => {
      const t = document.activeElement as HTMLTextAreaElement;
      return t.dataset.format === 'text' && t.selectionStart === 0 && t.selectionEnd === t.value.length;
    })).toBe(true);
    await closeWithEscape(opener);
    await page.reload();
  }, 120_000);

  it('a chart\'s Cite names the report figure it recomputes and the data behind it', async () => {
    browser.errors.length = 0;
    await openRoute(page, server.url, '#/chart/launches');
    const opener = 'figure[data-chart] .chart-actions .cite-button';
    const text = await openCite(opener);
    expect(text).toContain('[chart]');
    expect(text).toContain('§3.2.2 Figure 7');
    expect(text).toMatch(/GCAT/);
    await page.click('dialog.cite-dialog [data-copy="text"]');
    await page.waitForFunction(() => document.querySelector('.cite-copied')?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    await screenshot(page, 'cite-chart');
    await closeWithEscape(opener);
    expect(browser.errors).toEqual([]);
  }, 300_000);

  it('an indicator\'s Cite on the home page cites the claim, and its permalink marks the claim', async () => {
    browser.errors.length = 0;
    await openRoute(page, server.url, '#/');
    // The first claim shown: claims with no independent measure sit in a closed list.
    const claim = (await page.locator('tr[data-claim] >> visible=true').first().getAttribute('data-claim'))!;
    const text = await openCite(`tr[data-claim="${claim}"] .cite-button`);
    expect(text).toContain('[indicator]');
    expect(text).toContain(`#/?indicator=${encodeURIComponent(claim)}`);
    await page.keyboard.press('Escape');
    await openRoute(page, server.url, `#/?indicator=${claim}`);
    await page.waitForSelector(`tr[data-claim="${claim}"].permalink-target`);
    expect(browser.errors).toEqual([]);
  }, 300_000);
});
