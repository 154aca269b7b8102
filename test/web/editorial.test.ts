/**
 * The editorial workflow in a real browser, on every store: a contributor signs in and proposes a sourced statement
 * from the entity page, a reviewer approves it in the review queue, and it shows on the entity page and in the change
 * feed, with who did what in the audit trail. The app runs under its Content-Security-Policy; a violation is a
 * console error, and the test fails on any console error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { STORE_KINDS, createTestStore, type TestStore } from '../support/stores.js';
import { buildServer } from '../../src/api/server.js';
import { loadCurated } from '../../src/services/load-curated.js';
import { readAudit } from '../../src/store/editorial/audit.js';
import { buildWebApp } from './support/app-server.js';
import { launchBrowser, screenshot, waitDrawn, type Browser } from './support/browser.js';
import { GCAT_ORGS_SOURCE, PASSWORD, addAccount } from '../support/editorial.js';

async function go(page: Page, base: string, route: string): Promise<void> {
  await page.goto(`${base}/${route}`);
  await waitDrawn(page);
}

async function signInAs(page: Page, base: string, name: string): Promise<void> {
  await go(page, base, '#/login');
  if (await page.locator('button', { hasText: 'Sign out' }).count()) {
    await page.click('button:has-text("Sign out")');
    await page.waitForSelector('form[aria-label="Sign in"]');
  }
  await page.fill('input[name="name"]', name);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('form[aria-label="Sign in"] button[type="submit"]');
  await page.waitForSelector(`text=You are signed in as ${name}`);
}

describe.each(STORE_KINDS)('editorial workflow in the browser on %s', (kind) => {
  let store: TestStore;
  let app: FastifyInstance;
  let base = '';
  let browser: Browser;
  beforeAll(async () => {
    const webDir = await buildWebApp();
    store = await createTestStore(kind);
    await loadCurated(store.db, 'test/fixtures/kb/basic');
    await addAccount(store.db, 'alice', 'contributor');
    await addAccount(store.db, 'rita', 'reviewer');
    app = await buildServer({ store, webDir });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => { await browser?.close(); await app?.close(); await store?.dispose(); });

  it('a contributor proposes a sourced statement, a reviewer approves it, and it shows on the entity page and in the change feed', async () => {
    const { page, errors } = browser;
    await signInAs(page, base, 'alice');

    await go(page, base, '#/entity/org.landspace');
    await page.click('header.entity-head a.suggest-edit');
    await page.waitForSelector('form[aria-label="Suggest an edit"]');
    expect(await page.inputValue('input[name="entityId"]')).toBe('org.landspace');
    expect(await page.inputValue('select[name="kind"]')).toBe('statement');
    await page.fill('input[name="property"]', 'founded');
    await page.fill('input[name="value"]', '2015');
    await page.click('summary:has-text("or a new source")');
    for (const [key, value] of Object.entries(GCAT_ORGS_SOURCE)) {
      if (key === 'licence') continue;
      if (key === 'kind') await page.selectOption('select[name="newSource.kind"]', value);
      else await page.fill(`input[name="newSource.${key}"]`, value);
    }
    await page.fill('textarea[name="locator"]', 'orgs.tsv Code LANDSP');
    // Markup in a proposal is text, never HTML, wherever it is shown.
    await page.fill('textarea[name="comment"]', '<img src=x onerror="document.body.dataset.pwned=1"><script>document.body.dataset.pwned=1</script>');
    await page.click('form[aria-label="Suggest an edit"] button[type="submit"]');
    await page.waitForSelector('text=is waiting for review');
    await screenshot(page, `editorial-proposed-${kind}`);

    await signInAs(page, base, 'rita');
    await go(page, base, '#/review');
    const card = page.locator('article.proposal').first();
    await card.waitFor();
    expect(await card.locator('tr.diff-new td').allTextContents()).toEqual(['+', 'founded', '2015', '', 'reported', 'gcat-orgs-2026-03-26 · orgs.tsv Code LANDSP']);
    expect(await card.locator('blockquote').textContent()).toContain('<script>');
    await screenshot(page, `editorial-review-${kind}`);
    await card.locator('textarea').fill('matches GCAT');
    await card.locator('button[data-action="approve"]').click();
    await page.waitForSelector('[data-empty="true"]');

    await go(page, base, '#/entity/org.landspace');
    expect(await page.locator('tr[data-property="founded"] .value-text').first().textContent()).toBe('2015');
    expect(await page.locator('tr[data-property="founded"] [data-editors]').textContent()).toMatch(/^Proposed by alice, approved by rita on \d{4}-\d{2}-\d{2} \(proposal #1\)$/);
    await go(page, base, '#/changes?entity=org.landspace');
    const row = page.locator('tr[data-type="milestone"][data-entity="org.landspace"]');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('2015');
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(errors).toEqual([]);

    const audit = await readAudit(store.db, { limit: 100 });
    expect(audit.find((a) => a.action === 'proposal.create')).toMatchObject({ actorName: 'alice' });
    expect(audit.find((a) => a.action === 'proposal.approve')).toMatchObject({ actorName: 'rita', after: expect.objectContaining({ comment: 'matches GCAT' }) });
  });

  it('a signed-in user watches the entity and reads its private Atom feed', async () => {
    const { page, errors } = browser;
    await go(page, base, '#/entity/org.landspace');
    await page.click('header.entity-head a:text-is("Watch")');
    await page.waitForSelector('form[aria-label="New watchlist"]');
    expect(await page.inputValue('input[name="entity"]')).toBe('org.landspace');
    await page.click('form[aria-label="New watchlist"] button[type="submit"]');
    const feedUrl = (await page.locator('[data-feed-url]').first().textContent())!;
    await page.waitForSelector('article[data-watchlist]');
    expect(await page.locator('article[data-watchlist] li').allTextContents()).toContainEqual(expect.stringContaining('2015'));
    const feed = await page.evaluate(async (u) => (await fetch(u)).text(), feedUrl);
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(feed).toContain('2015');
    await screenshot(page, `editorial-watchlist-${kind}`);
    expect(errors).toEqual([]);
  });
});
