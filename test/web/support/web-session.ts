/** The app over a loaded store and a headless Chromium page, opened for one browser test file. */
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from './app-server.js';
import { launchBrowser, type Browser } from './browser.js';

export interface WebSession { server: RunningApp; browser: Browser; page: Page }

/** readOnly: for a file that only reads, on the worker's read-only loaded store (loaded-store.ts). */
export async function openWebSession(opts: { readOnly?: boolean } = {}): Promise<WebSession> {
  const server = await startApp(opts);
  const browser = await launchBrowser();
  return { server, browser, page: browser.page };
}

export async function closeWebSession(s: Partial<WebSession>): Promise<void> {
  await s.browser?.close();
  await s.server?.close();
}

/** GET /api/v1/PATH on the running app, as JSON. */
export async function apiGet<T>(server: RunningApp, path: string): Promise<T> {
  return (await fetch(`${server.url}/api/v1/${path}`)).json() as Promise<T>;
}
