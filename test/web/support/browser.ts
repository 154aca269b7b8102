/**
 * Headless Chromium (Debian's, through playwright-core) for browser tests: open a route,
 * wait until the page says it is drawn, collect console errors, save a screenshot.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser as ChromiumProcess, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOT_DIR = 'test-results/web';

export interface Browser { context: BrowserContext; page: Page; errors: string[]; close(): Promise<void> }

/**
 * One Chromium process per test worker (its files run one after another), started by the first file
 * that asks; each caller gets a context of its own (cookies, storage, permissions and cache apart),
 * so a file costs a context instead of a browser start. Playwright ends the process with the worker.
 */
let chromiumProcess: Promise<ChromiumProcess> | null = null;
async function sharedChromium(): Promise<ChromiumProcess> {
  const running = await chromiumProcess?.catch(() => null);
  if (running?.isConnected()) return running;
  chromiumProcess = chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  return chromiumProcess;
}

export async function launchBrowser(width = 1280, height = 900): Promise<Browser> {
  const context = await (await sharedChromium()).newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${m.text()} ${m.location().url}`); });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  return { context, page, errors, close: () => context.close() };
}

/** Opens a hash route and waits until the page has drawn everything (data-charts-ready). */
export async function openRoute(page: Page, base: string, route: string): Promise<void> {
  const url = `${base}/${route}`;
  if (page.url().split('#')[0] === `${base}/`) await page.evaluate((r) => { location.hash = r.replace(/^#/, ''); }, route);
  else await page.goto(url);
  await waitDrawn(page);
}

export async function waitDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.chartsReady === 'true' && document.body.dataset.pageState !== 'loading', null, { timeout: 60_000 });
}

/**
 * Saves what the page shows: the first screenful, or the whole page with SCREENSHOTS=full (a tall
 * page's full-length PNG costs a second or more to encode, so the suite takes the screenful by default).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: process.env.SCREENSHOTS === 'full' });
}

/** The <title> texts of the marks drawn in one chart figure (Plot writes one per bar or dot). */
export function drawnTitles(page: Page, chartId: string): Promise<string[]> {
  return page.$$eval(`figure[data-chart="${chartId}"] .chart-plot svg title`, (els) => els.map((e) => e.textContent ?? ''));
}

/** Fetches a link of the page from inside the page (blob: and same-origin URLs alike). */
export function fetchInPage(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, async (a) => (await fetch((a as HTMLAnchorElement).href)).text());
}

/**
 * A real mouse click on a point inside an SVG shape (a country's bounding-box centre may be
 * sea or another country): scrolls it into view, finds a point where the shape is topmost, clicks.
 */
export async function clickInside(page: Page, selector: string): Promise<void> {
  await page.$eval(selector, (el) => el.scrollIntoView({ block: 'center' }));
  const point = await page.$eval(selector, (el) => {
    const b = el.getBoundingClientRect();
    for (let i = 1; i < 20; i++) {
      for (let j = 1; j < 20; j++) {
        const x = b.left + (b.width * i) / 20;
        const y = b.top + (b.height * j) / 20;
        if (document.elementFromPoint(x, y) === el) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error(`no visible point inside ${selector}`);
  await page.mouse.click(point.x, point.y);
}
