/**
 * The Space safety page in headless Chromium against the real server: the station's close
 * approaches, the reentry watch, recent maneuvers and the GEO belt chart, each with its definition,
 * snapshot and download links, showing exactly what the API answers.
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

it('shows the station\'s close approaches, the reentry watch, maneuvers and the GEO belt with definitions, provenance and downloads', async () => {
  await openRoute(page, server.url, '#/safety');
  await page.waitForFunction(() => document.body.dataset.pageState === 'ready' && document.querySelectorAll('[data-safety-section] [data-snapshot]').length === 4, null, { timeout: 300_000 });
  expect(await page.$$eval('[data-safety-section]', (s) => s.map((x) => x.getAttribute('data-safety-section')))).toEqual(['close-approaches', 'reentries', 'maneuvers', 'geo-belt']);
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
  // What was screened, and whether the window is already over (then the approaches are past, not upcoming).
  const conjFull = await api<{ population: string; stop: string }>('safety/conjunctions?primary=48274&days=7&thresholdKm=5');
  expect(await page.$eval('[data-safety-section="close-approaches"]', (el) => el.textContent)).toContain(conjFull.population);
  const past = await page.$eval('[data-safety-section="close-approaches"]', (el) => el.querySelector('[data-past-window]')?.textContent ?? null);
  if (Date.parse(conjFull.stop) < Date.now()) expect(past).toMatch(/^This window ended \d+ days? ago: the newest stored catalog snapshot is of 2026-07-10, so what it lists is past, computed from element sets of that date, not a current prediction/);
  else expect(past).toBeNull();
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
  expect(watch.norads).toEqual(re.candidates.slice(0, 25).map((c) => c.noradId));
  expect(watch.cnRocketBodies).toBe(re.candidates.slice(0, 25).filter((c) => c.chineseRocketBody).length);
  expect(watch.text).toContain(re.candidates.length > 25 ? `The first 25 of ${re.candidates.length} candidates` : `All ${re.candidates.length} candidates`);
  expect(watch.snapshot).toBe(re.snapshot.id);
  expect(watch.text).toContain('Vallado');
  expect(watch.text).toContain('Precision');
  expect(watch.backtest).toBe(re.backtest !== null);
  expect(watch.csv).toContain('/api/v1/safety/reentries?');
  // The 90-day horizon from the snapshot's date: once over, the section says its forecasts are past.
  const horizonOver = Date.parse(`${(re as unknown as { asOf: string }).asOf.slice(0, 10)}T00:00:00Z`) + 90 * 86_400_000 < Date.now();
  const reentryPast = await page.$eval('[data-safety-section="reentries"]', (el) => el.querySelector('[data-past-window]')?.textContent ?? null);
  if (horizonOver) expect(reentryPast).toMatch(/^This 90-day horizon ended \d+ days? ago: .* not a current prediction/);
  else expect(reentryPast).toBeNull();
  const csv = await fetch(`${server.url}${watch.csv}`);
  expect(csv.status).toBe(200);
  expect((await csv.text()).split('\n')[0]).toContain('reentry_central_utc');

  await checkManeuversAndBelt();
  await screenshot(page, 'safety');
  expect(browser.errors).toEqual([]);
}, 600_000);

interface Detection { noradId: number; relocation: boolean }
interface Belt { snapshot: { id: string }; definition: string; counts: { objects: number; points: number }; objects: { noradId: number; points: { longitudeDeg: number; elementSetId: string }[] }[] }

/** The maneuvers table and the GEO belt chart show what the API answers, with definitions, element sets and downloads. */
async function checkManeuversAndBelt(): Promise<void> {
  const man = await api<{ detections: Detection[]; snapshot: { id: string } }>('safety/maneuvers?country=CN');
  const m = await page.$eval('[data-safety-section="maneuvers"]', (el) => ({
    count: el.querySelector('[data-detections]')?.getAttribute('data-detections'),
    norads: [...el.querySelectorAll('tbody tr[data-norad]')].map((tr) => Number(tr.getAttribute('data-norad'))),
    relocations: el.querySelectorAll('tr.maneuver-relocation').length,
    snapshot: el.querySelector('[data-snapshot]')?.getAttribute('data-snapshot'), text: el.textContent ?? '',
    csv: el.querySelector('a[data-api="csv"]')?.getAttribute('href'),
  }));
  expect(Number(m.count)).toBe(man.detections.length);
  expect(man.detections.length).toBeGreaterThan(0);
  expect(m.norads).toEqual(man.detections.slice(0, 25).map((d) => d.noradId));
  expect(m.relocations).toBe(man.detections.slice(0, 25).filter((d) => d.relocation).length);
  expect(m.snapshot).toBe(man.snapshot.id);
  expect(m.text).toContain('Maneuver: a change between two consecutive element sets');
  expect(m.text).toContain('celestrak-tle-active-2026-05-04');
  const csv = await fetch(`${server.url}${m.csv}`);
  expect(csv.status).toBe(200);
  expect((await csv.text()).split('\n')[0]).toContain('rules_fired');

  const belt = await api<Belt>('safety/geo-belt?country=CN');
  const g = await page.$eval('[data-safety-section="geo-belt"]', (el) => ({
    chart: !!el.querySelector('[data-chart="geo-belt"] svg'), dots: el.querySelectorAll('[data-chart="geo-belt"] svg circle').length,
    drawn: [...el.querySelectorAll('table[data-drawn] tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    objects: el.querySelector('[data-geo-objects]')?.getAttribute('data-geo-objects'),
    snapshot: el.querySelector('[data-snapshot]')?.getAttribute('data-snapshot'), text: el.textContent ?? '',
    csv: el.querySelector('a[data-api="csv"]')?.getAttribute('href'), json: el.querySelector('a[data-api="json"]')?.getAttribute('href'),
  }));
  expect(g.chart).toBe(true);
  expect(g.dots).toBeGreaterThanOrEqual(belt.counts.points);
  expect(Number(g.objects)).toBe(belt.counts.objects);
  expect(g.snapshot).toBe(belt.snapshot.id);
  expect(g.text).toContain('Mean geographic longitude');
  // The drawn table holds every point, with its element set and the API's longitude (rounded to 1e-4°).
  expect(g.drawn.length).toBe(belt.counts.points);
  const byId = new Map(belt.objects.flatMap((o) => o.points.map((p) => [p.elementSetId, p.longitudeDeg])));
  for (const row of g.drawn) expect(Number(row[4])).toBeCloseTo(byId.get(row[6]!)!, 3);
  expect(g.csv).toContain('/api/v1/safety/geo-belt?');
  expect(g.json).not.toContain('format=csv');
  const beltCsv = await fetch(`${server.url}${g.csv}`);
  expect((await beltCsv.text()).split('\n')[0]).toContain('mean_longitude_deg_east');
}

it('shows an entity\'s safety events as the API gives them, with element sets, snapshot and links to the Space safety page', async () => {
  type Safety = { objects: unknown[]; events: { kind: string; noradId: number; date: string; elementSets: { epoch: string }[] }[]; snapshot: { id: string; asOf: string }; screening: { stop: string }; reentryWatch: { horizonDays: number } };
  // A station module: the docked stack's close approaches.
  const programs = await api<{ items: { id: string }[] }>('entities?kind=Program&limit=200');
  let withReentry: string | null = null;
  for (const p of programs.items) {
    // Only the reentry watch is computed for the search (kinds=): no screening per program.
    const s = await api<Safety>(`entities/${p.id}/safety?kinds=reentry-watch`);
    if (s.events.some((e) => e.kind === 'reentry-watch')) { withReentry = p.id; break; }
  }
  expect(withReentry).not.toBeNull();
  for (const id of ['obj.wentian', withReentry!]) {
    const s = await api<Safety>(`entities/${id}/safety`);
    await openRoute(page, server.url, `#/entity/${id}`);
    await page.waitForFunction(() => document.body.dataset.pageState === 'ready' && !!document.querySelector('[data-entity-safety] [data-safety-events]'), null, { timeout: 300_000 });
    const shown = await page.$eval('[data-entity-safety]', (el) => ({
      rows: [...el.querySelectorAll('tbody tr[data-safety-kind]')].map((tr) => [tr.getAttribute('data-safety-kind'), Number(tr.getAttribute('data-norad'))]),
      cells: [...el.querySelectorAll('tbody tr')].map((tr) => tr.children[3]?.textContent ?? ''),
      snapshot: el.querySelector('[data-snapshot]')?.getAttribute('data-snapshot'),
      links: [...el.querySelectorAll('tbody a')].map((a) => a.getAttribute('href')), text: el.textContent ?? '',
    }));
    expect(shown.rows, id).toEqual(s.events.map((e) => [e.kind, e.noradId]));
    expect(shown.rows.length).toBeGreaterThan(0);
    s.events.forEach((e, i) => { for (const x of e.elementSets) expect(shown.cells[i]).toContain(x.epoch.slice(0, 19)); });
    expect(shown.snapshot).toBe(s.snapshot.id);
    expect(shown.text).toContain('Date: the time of closest approach');
    // Events computed from a snapshot whose window or horizon is over say they are past, not a current prediction.
    const past = await page.$$eval('[data-entity-safety] [data-past-window]', (ps) => ps.map((p) => [p.getAttribute('data-past-window'), p.textContent ?? '']));
    const approachesOver = s.events.some((e) => e.kind === 'close-approach') && Date.parse(s.screening.stop) < Date.now();
    const horizonOver = s.events.some((e) => e.kind === 'reentry-watch')
      && Date.parse(`${s.snapshot.asOf.slice(0, 10)}T00:00:00Z`) + s.reentryWatch.horizonDays * 86_400_000 < Date.now();
    expect(past.length, id).toBe(Number(approachesOver) + Number(horizonOver));
    for (const [, text] of past) expect(text).toContain('not a current prediction');
    for (const l of shown.links) expect(l).toMatch(/^#\/safety\?section=(close-approaches|reentries|maneuvers)$/);
    await screenshot(page, `entity-safety-${id}`);
  }
  // A link lands on the section.
  await page.click('[data-entity-safety] tbody a');
  await page.waitForFunction(() => location.hash.startsWith('#/safety?section=') && document.body.dataset.pageState === 'ready', null, { timeout: 300_000 });
  expect(browser.errors).toEqual([]);
}, 600_000);

it('shows the safety change types in the change feed with their definitions and the element sets in the citation', async () => {
  for (const type of ['close-approach', 'left-catalog-on-reentry-watch', 'maneuver']) {
    const body = await api<{ items: { day: string; date: string; earliest: string | null; value: string | null }[]; types: Record<string, string> }>(`changes?type=${type}&limit=100`);
    expect(body.items.length, type).toBeGreaterThan(0);
    await openRoute(page, server.url, `#/changes?type=${type}`);
    await page.waitForFunction(() => document.body.dataset.pageState === 'ready' && document.querySelectorAll('table.world-changes tbody tr').length > 0, null, { timeout: 300_000 });
    const shown = await page.evaluate(() => ({
      rows: [...document.querySelectorAll('table.world-changes tbody tr')].map((tr) => [tr.getAttribute('data-type'), tr.getAttribute('data-day'), tr.querySelector('td')?.textContent ?? '']),
      text: document.querySelector('table.world-changes')?.textContent ?? '', defs: document.querySelector('details.definitions')?.textContent ?? '',
    }));
    // A date known only within a window shows the window.
    expect(shown.rows).toEqual(body.items.map((c) => [type, c.day, c.earliest ? `${c.earliest} to ${c.date}` : c.date]));
    if (type === 'left-catalog-on-reentry-watch') expect(shown.rows[0]![2]).toBe('2026-05-04 to 2026-07-10');
    expect(shown.defs).toContain(body.types[type]!.slice(0, 80));
    for (const c of body.items) expect(shown.text).toContain(c.value!);
    expect(shown.text).toMatch(type === 'close-approach' ? /element sets NORAD 48274 epoch \S+ \(.+, -?\d+\.\d d at TCA\)/
      : type === 'maneuver' ? /element sets epoch \S+ \(.+, age -?\d+\.\d d\) and epoch/ : /from the element set of epoch \S+ \(age -?\d+\.\d d\)/);
    await screenshot(page, `changes-${type}`);
  }
  expect(browser.errors).toEqual([]);
}, 600_000);
