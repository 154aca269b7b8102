/** The app over a loaded store and a headless Chromium page, opened for one browser test file. */
import type { Page } from 'playwright-core';
import { startApp, type RunningApp } from './app-server.js';
import { launchBrowser, type Browser } from './browser.js';

export interface WebSession { server: RunningApp; browser: Browser; page: Page }

export async function openWebSession(): Promise<WebSession> {
  const server = await startApp();
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
