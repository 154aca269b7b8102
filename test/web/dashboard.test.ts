/**
 * The dashboard in headless Chromium against the real server (PGlite loaded with the bundled
 * data): every page loads without console errors, each chart draws the numbers the API returns,
 * downloads hold the same numbers, search finds a Chinese name, map clicks open entities.
 * Screenshots of every page go to test-results/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from './support/app-server.js';
import { apiGet, closeWebSession, openWebSession } from './support/web-session.js';
import { clickInside, drawnTitles, fetchInPage, launchBrowser, openRoute, screenshot, waitDrawn, type Browser } from './support/browser.js';
import { parseCsv } from './support/csv.js';
import { rawYaml } from '../support/raw-files.js';

let server: RunningApp;
let browser: Browser;
let page: Page;
const api = <T>(path: string) => apiGet<T>(server, path);

beforeAll(async () => { ({ server, browser, page } = await openWebSession({ readOnly: true })); }, 600_000);
afterAll(() => closeWebSession({ server, browser }));

/** Opens a route and fails on any console error, failed request, or page error. */
async function visit(route: string, shot?: string): Promise<void> {
  browser.errors.length = 0;
  await openRoute(page, server.url, route);
  // Citations upgrade when the source list arrives after the page is drawn; wait for it too.
  await page.waitForFunction(() => document.body.dataset.sourcesReady === 'true', null, { timeout: 30_000 });
  if (shot) await screenshot(page, shot);
  expect(await page.evaluate(() => document.body.dataset.pageState), `${route} state`).toBe('ready');
  expect(browser.errors, `${route} console errors`).toEqual([]);
}

/** The drawn-data table of a chart, as objects. */
async function drawnRows(chartId: string): Promise<Record<string, string>[]> {
  return page.$$eval(`figure[data-chart="${chartId}"] table[data-drawn]`, (tables) => {
    const t = tables[0]!;
    const head = [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    return [...t.querySelectorAll('tbody tr')].map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [head[i]!, td.textContent ?? ''])));
  });
}

describe('every page', () => {
  it('loads with no console errors, and is saved as a screenshot', async () => {
    const routes: [string, string][] = [
      ['#/', 'home'], ['#/search', 'search'], ['#/search?q=Qianfan', 'search-qianfan'],
      ['#/charts', 'charts'], ['#/chart/launches', 'chart-launches'], ['#/chart/spacecraft', 'chart-spacecraft'],
      ['#/chart/constellations', 'chart-constellations'], ['#/chart/funding', 'chart-funding'], ['#/chart/polls', 'chart-polls'],
      ['#/chart/goals', 'chart-goals'], ['#/map/hubs', 'map-hubs'], ['#/map/reach', 'map-reach'], ['#/map/reach?layer=space-silk-road', 'map-reach-ssr'],
      ['#/map/reach?layer=overseas-stations', 'map-reach-stations'], ['#/map/reach?layer=chinese-built-satellite-buyers', 'map-reach-exports'], ['#/map/reach?layer=launched-on-chinese-rockets', 'map-reach-launched'], ['#/entity/program.qianfan', 'entity-qianfan'],
      ['#/timeline', 'timeline'], ['#/timeline?segment=space-exploration&kind=Mission,Goal', 'timeline-exploration'],
      ['#/tiangong', 'tiangong'], ['#/sources', 'sources'], ['#/changes?since=2000-01-01', 'changes'],
      ...(['spaceports-infrastructure', 'launch-reentry', 'remote-sensing-ssa', 'satcom-pnt', 'commercial-leo', 'space-exploration'] as const)
        .map((s): [string, string] => [`#/segment/${s}`, `segment-${s}`]),
    ];
    for (const [route, name] of routes) {
      await visit(route, name);
      const text = await page.$eval('main', (m) => m.textContent ?? '');
      expect(await page.$eval('main h1', (e) => e.textContent?.trim() ?? ''), `${route} h1`).not.toBe('');
      expect(text, `${route} shows no broken values`).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
    }
  }, 600_000);

  it('entity pages of every kind show facts with sources', async () => {
    const { entitiesByKind } = await api<{ entitiesByKind: { kind: string }[] }>('status');
    for (const { kind } of entitiesByKind) {
      const { items } = await api<{ items: { id: string; caption: string }[] }>(`entities?kind=${kind}&limit=1`);
      const e = items[0]!;
      await visit(`#/entity/${e.id}`, `entity-${kind}`);
      expect(await page.$eval('main h1', (h) => h.textContent)).toBe(e.caption);
      expect(await page.$$eval('table.facts .cite', (c) => c.length), `${e.id} cites`).toBeGreaterThan(0);
    }
  }, 300_000);

  it('an entity with conflicting sources shows the values side by side', async () => {
    await visit('#/entity/program.tiangong', 'entity-tiangong');
    expect(await page.$$eval('.facts tr[data-property="lifetime"] .value-line', (l) => l.length)).toBeGreaterThan(1);
    // A number shows the unit the API gives its property ("more than 15 years", not "more than 15").
    const detail = await api<{ properties: { property: string; unit: string | null }[] }>('entities/program.tiangong');
    const unit = detail.properties.find((p) => p.property === 'lifetime')!.unit;
    expect(unit).toBe('years');
    for (const text of await page.$$eval('.facts tr[data-property="lifetime"] .value-text', (l) => l.map((x) => x.textContent ?? ''))) expect(text).toMatch(/ years$/);
  });

  it('the Tiangong page compares it with the ISS value by value, with each value\'s unit and what it stands for', async () => {
    const iss = await api<{ properties: { property: string; statements: { note: string | null }[] }[] }>('entities/program.iss');
    const note = iss.properties.find((p) => p.property === 'started')!.statements[0]!.note!;
    expect(note).toContain('continuously crewed');
    await visit('#/tiangong');
    await page.waitForSelector('[data-comparison] tbody tr');
    const rows = await page.$$eval('[data-comparison] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows.find((r) => r.startsWith('First launch or start'))).toContain(note);
    expect(rows.find((r) => r.startsWith('Design life'))).toMatch(/\d years/);
    // The visit count says where the launch log ends: later launches to the station are not counted.
    const t = await api<{ crewAndCargo: { coverageEnd: string | null } }>('analytics/tiangong');
    const count = await page.$eval('[data-visit-count]', (p) => p.textContent ?? '');
    expect(t.crewAndCargo.coverageEnd).not.toBeNull();
    expect(count).toContain('where the launch log stored here ends: later launches to the station are not in it and not counted');
  });
});

describe('charts draw the numbers the API returns', () => {
  it('Figure 7: China by provider sector and China vs US by outcome, incomplete years marked; downloads match', async () => {
    const f = await api<{ china: { year: number; complete: boolean; [k: string]: unknown }[]; chinaVsUnitedStates: { year: number; CN: Record<string, number>; US: Record<string, number> }[] }>('analytics/launches?from=2010');
    await visit('#/chart/launches?from=2010&vs=US');
    const ofStateGroups = new Map<string, number>();
    const sector = new Map((await drawnTitles(page, 'launches-china-sector')).map((t) => {
      const m = /^(\d{4})(?: \(incomplete\))? · (\w+): (\d+) launches(?: \((\d+) by subsidiaries of state-owned groups\))?, (\d+) failed$/.exec(t)!;
      if (m[4]) ofStateGroups.set(m[1]!, Number(m[4]));
      return [`${m[1]}|${m[2]}`, [Number(m[3]), Number(m[5])]];
    }));
    const groupTotals = f.china.map((y) => [String(y.year), (y.commercialStateGroup as { total: number }).total] as const).filter(([, n]) => n > 0);
    expect(groupTotals.length).toBeGreaterThan(0);
    expect(ofStateGroups).toEqual(new Map(groupTotals));
    const expected = new Map(f.china.flatMap((y) => (['state', 'commercial', 'unattributed'] as const)
      .map((s) => [s, y[s] as { total: number; failure: number }] as const).filter(([, c]) => c.total > 0).map(([s, c]) => [`${y.year}|${s}`, [c.total, c.failure]])));
    expect(sector).toEqual(expected);
    const outcome = new Map((await drawnTitles(page, 'launches-by-outcome')).map((t) => {
      const m = /^(\d{4})(?: \(incomplete\))? · (China|United States) · (\w+): (\d+)$/.exec(t)!;
      return [`${m[1]}|${m[2] === 'China' ? 'CN' : 'US'}|${m[3]}`, Number(m[4])];
    }));
    const expectedOutcome = new Map(f.chinaVsUnitedStates.flatMap((y) => (['CN', 'US'] as const).flatMap((c) => ['success', 'partial', 'failure', 'unknown']
      .filter((o) => y[c][o]! > 0).map((o) => [`${y.year}|${c}|${o}`, y[c][o]!]))));
    expect(outcome).toEqual(expectedOutcome);
    // Failures after the log's end: every year's own note is shown (a year whose tags the extract skips names them).
    const after = (await api<{ afterCoverage: { country: string; note: string }[] }>('analytics/launches?from=2010')).afterCoverage.filter((a) => ['CN', 'US'].includes(a.country));
    const notesText = await page.$eval('figure[data-chart="launches-by-outcome"] .chart-notes', (e) => e.textContent ?? '');
    expect(after.some((a) => a.note.includes('skip 2025-F02'))).toBe(true);
    for (const a of after) expect(notesText).toContain(a.note);
    const incomplete = f.china.filter((y) => !y.complete).map((y) => `${y.year}*`);
    const ticks = await page.$$eval('figure[data-chart="launches-china-sector"] svg text', (t) => t.map((x) => x.textContent));
    for (const y of incomplete) expect(ticks).toContain(y);

    const asDrawn = parseCsv(await fetchInPage(page, 'figure[data-chart="launches-china-sector"] a[data-download="csv"]'));
    expect(new Map(asDrawn.map((r) => [`${r.year}|${r.sector}`, [Number(r.launches), Number(r.failures)]]))).toEqual(expected);
    const asJson = JSON.parse(await fetchInPage(page, 'figure[data-chart="launches-china-sector"] a[data-download="json"]')) as { year: number; sector: string; launches: number }[];
    expect(asJson.length).toBe(expected.size);
    const fromApi = parseCsv(await fetchInPage(page, 'figure[data-chart="launches-china-sector"] a[data-api="csv"]'));
    const apiChina = new Map(fromApi.filter((r) => r.launching_country === 'CN' && r.provider_sector !== 'failures-only').map((r) => [`${r.year}|${r.provider_sector}`, [Number(r.total), Number(r.failure)]]));
    expect(apiChina).toEqual(expected);
    // The API's CSV gives the commercial launches by subsidiaries of state-owned groups, as the bar titles do.
    const apiGroups = new Map(fromApi.filter((r) => r.launching_country === 'CN' && r.provider_sector === 'commercial' && Number(r.of_which_state_group_subsidiaries) > 0)
      .map((r) => [r.year, Number(r.of_which_state_group_subsidiaries)]));
    expect(apiGroups).toEqual(ofStateGroups);
  });

  it('Figure 8: operational spacecraft by mission and orbit; the API CSV holds the drawn cells', async () => {
    const f = await api<{ total: number; cells: { missionType: string; regime: string; count: number }[] }>('analytics/spacecraft');
    await visit('#/chart/spacecraft');
    const titles = await drawnTitles(page, 'spacecraft');
    expect(titles.length).toBe(f.cells.length);
    expect(titles.reduce((n, t) => n + Number(/: (\d+)$/.exec(t)![1]), 0)).toBe(f.total);
    const drawn = (await drawnRows('spacecraft')).map((r) => `${r.mission_type}|${r.orbit_regime}|${r.count}`).sort();
    expect(drawn).toEqual(f.cells.map((c) => `${c.missionType}|${c.regime}|${c.count}`).sort());
    const fromApi = parseCsv(await fetchInPage(page, 'figure[data-chart="spacecraft"] a[data-api="csv"]')).map((r) => `${r.mission_type}|${r.orbit_regime}|${r.count}`).sort();
    expect(fromApi).toEqual(drawn);
    expect(await page.$eval('figure[data-chart="spacecraft"] h2', (e) => e.textContent)).toContain(f.total.toLocaleString('en-US'));
  });

  it('constellations: deployed vs planned as the API computes them', async () => {
    const f = await api<{ constellations: { name: string; planned: { value: number } | null; latest: { count: number } | null }[] }>('analytics/constellations');
    await visit('#/chart/constellations');
    const titles = await drawnTitles(page, 'constellations-share');
    const shown = f.constellations.filter((c) => c.planned && c.latest);
    expect(titles.length).toBe(shown.length);
    for (const c of shown) expect(titles.some((t) => t.startsWith(`${c.name}: ${c.latest!.count.toLocaleString('en-US')} of `) && t.includes(c.planned!.value.toLocaleString('en-US')))).toBe(true);
    // Each rate says the snapshots it is measured between, as the API gives them (not a fixed 90 days).
    const rates = await api<{ constellations: { id: string; rate: { from: string; to: string; days: number } | null }[] }>('analytics/constellations');
    const windows = await page.$$eval('table[data-constellations] tbody tr', (trs) => trs.map((tr) => [tr.getAttribute('data-id'), tr.querySelector('[data-rate-window]')?.textContent ?? null]));
    expect(windows).toEqual(rates.constellations.map((c) => [c.id, c.rate ? `${c.rate.from} to ${c.rate.to} (${c.rate.days} days)` : null]));
    expect(windows.some(([, w]) => w !== null)).toBe(true);
    // A completion date shows, beside it, the rate's note: the objects the window added and that it is a straight line.
    const projected = await api<{ constellations: { id: string; projectedCompletion: string | null; rate: { note: string } | null }[] }>('analytics/constellations');
    const dated = projected.constellations.filter((c) => c.projectedCompletion && c.rate);
    expect(dated.length).toBeGreaterThan(0);
    for (const c of dated) {
      expect(await page.$eval(`table[data-constellations] tr[data-id="${c.id}"] [data-rate-note]`, (e) => e.textContent), c.id).toBe(c.rate!.note);
    }
    // A planned size the source qualifies (Jilin-1's 300 is an end-2025 target) carries that note in the table and under the chart.
    const notes = await api<{ constellations: { id: string; name: string; planned: { note: string | null } | null }[] }>('analytics/constellations');
    const noted = notes.constellations.filter((c) => c.planned?.note);
    expect(noted.map((c) => c.id)).toContain('program.jilin-1');
    for (const c of noted) {
      expect(await page.$eval(`table[data-constellations] tr[data-id="${c.id}"] [data-planned-note]`, (e) => e.textContent), c.id).toBe(c.planned!.note);
      expect(await page.$eval('figure[data-chart="constellations-share"] .chart-notes', (e) => e.textContent ?? ''), c.id).toContain(c.planned!.note!);
    }
  });

  it('constellations: the catalog count beside the latest reported count, with the discrepancy flag as visible text', async () => {
    const f = await api<{ constellations: { id: string; catalog: { count: number }; discrepancy: { difference: number; causes: { code: string }[] } | null }[] }>('analytics/constellations');
    await visit('#/chart/constellations');
    await page.waitForSelector('table[data-constellation-catalog] tbody tr');
    const rows = await page.$$eval('table[data-constellation-catalog] tbody tr', (trs) => trs.map((tr) => ({
      id: tr.getAttribute('data-id'), count: tr.querySelector('[data-catalog-count]')!.textContent, text: (tr as HTMLElement).innerText,
      causes: [...tr.querySelectorAll('[data-cause]')].map((li) => li.getAttribute('data-cause')),
    })));
    expect(rows.map((r) => r.id)).toEqual(f.constellations.map((c) => c.id));
    for (const c of f.constellations) {
      const row = rows.find((r) => r.id === c.id)!;
      expect(row.count).toBe(c.catalog.count.toLocaleString('en-US'));
      expect(row.text.includes('differs from the reported')).toBe(c.discrepancy !== null);
      expect(row.causes).toEqual(c.discrepancy?.causes.map((x) => x.code) ?? []);
    }
    expect(f.constellations.find((c) => c.id === 'program.jilin-1')!.discrepancy).not.toBeNull();
  });

  it('funding and polls draw the series points as printed', async () => {
    const seg = await api<{ items: { id: string; dimensions: Record<string, string>; points: { period: string; value: number }[] }[] }>('series?measure=funding-by-segment');
    await visit('#/chart/funding');
    const drawn = (await drawnRows('funding-by-segment')).map((r) => `${r.series_id}|${r.year}|${Number(r.value)}`).sort();
    const expected = seg.items.filter((s) => !s.dimensions.statement && !(s.dimensions.segment ?? '').includes('+'))
      .flatMap((s) => s.points.filter((p) => /^\d{4}$/.test(p.period)).map((p) => `${s.id}|${p.period}|${p.value}`)).sort();
    expect(drawn).toEqual(expected);
    expect((await drawnTitles(page, 'funding-by-segment')).length).toBe(expected.length);
    const polls = await api<{ items: { id: string; points: { period: string; value: number }[] }[] }>('series');
    await visit('#/chart/polls');
    const pollRows = await page.$$eval('figure[data-chart^="poll-"] table[data-drawn] tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const expectedPolls = polls.items.filter((s) => s.id.startsWith('poll.')).flatMap((s) => s.points.map((p) => `${s.id}|${p.period}|${p.value}`)).sort();
    expect(pollRows.map((r) => `${r[0]}|${r[2]}|${Number(r[3])}`).sort()).toEqual(expectedPolls);
  });

  it('goal tracker: goals by segment and status as the API counts them', async () => {
    const { tracker } = await api<{ tracker: Record<string, string | number>[] }>('goals');
    await visit('#/chart/goals');
    const drawn = (await drawnRows('goal-tracker')).map((r) => `${r.segment}|${r.status}|${r.goals}`).sort();
    const expected = tracker.flatMap((t) => Object.entries(t).filter(([k, v]) => k !== 'segment' && Number(v) > 0).map(([k, v]) => `${t.segment}|${k}|${v}`)).sort();
    expect(drawn).toEqual(expected);
    // A goal met with no deadline stated says its timeliness is not judged.
    const { items } = await api<{ items: { id: string; values: Record<string, unknown[]>; judged: { status: string } }[] }>('goals');
    const undated = items.filter((g) => !g.values.deadline?.length && g.judged.status === 'met').length;
    expect(undated).toBeGreaterThan(0);
    expect(await page.$$eval('[data-no-deadline]', (e) => e.length)).toBe(undated);
  });

  it('home: each claim shows the report value, its definition as visible text, and the API\'s measure and comparison; trends only where the data post-date the claim', async () => {
    type Claim = { id: string; reportValue: number | null; qualifier: string | null; live: { value: number; unit: string | null } | null; definition: { counts: string } | null; comparison: { kind: string; text: string }; trend: string };
    const ind = await api<{ findings: { claims: Claim[] }[] }>('indicators');
    await visit('#/');
    for (const c of ind.findings.flatMap((f) => f.claims)) {
      const row = await page.$(`tr[data-claim="${c.id}"]`);
      expect(row, c.id).not.toBeNull();
      expect(await row!.$eval('[data-report-value]', (e) => e.getAttribute('data-report-value'))).toBe(c.reportValue === null ? '' : String(c.reportValue));
      expect(await row!.$eval('[data-live-value]', (e) => e.getAttribute('data-live-value'))).toBe(c.live === null ? '' : String(c.live.value));
      const text = (await row!.textContent()) ?? '';
      if (c.definition) expect(text, c.id).toContain(c.definition.counts.slice(0, 40));
      expect(text.replace(/\s+/g, ' '), c.id).toContain(c.comparison.text.slice(0, 40));
      expect(await row!.$$eval('[data-trend]', (e) => e.length), c.id).toBe(c.comparison.kind === 'change-since-claim' ? 1 : 0);
      // A trend's difference says its unit: percentage points for a share. A bound is never a trend (checked against it instead).
      const trend = c.comparison.kind === 'change-since-claim' && c.trend !== 'same' ? await row!.$eval('[data-trend]', (e) => e.textContent ?? '') : '';
      if (trend && c.live?.unit === 'percent') expect(trend, c.id).toContain('percentage points');
      if (c.live && c.reportValue !== null && c.qualifier && /than|over|under|least|most|up to/.test(c.qualifier) && c.comparison.kind !== 'progress') expect([c.comparison.kind, trend], c.id).toEqual(['bound', '']);
    }
    expect(await page.$$eval('figure[data-chart]', (f) => f.length)).toBe(2);
  });
});

describe('search', () => {
  it('finds LandSpace by its Chinese name from data/kb, typed into the header search', async () => {
    const kb = rawYaml('data/kb/entities/organizations/launch-companies.yaml') as { entities: { id: string; alias?: (string | { value: string })[] }[] };
    const chinese = kb.entities.find((e) => e.id === 'org.landspace')!.alias!.map((a) => (typeof a === 'string' ? a : a.value)).find((a) => /[\u4e00-\u9fff]/.test(a))!;
    for (const q of [chinese, chinese.slice(2, 4)]) {
      await visit('#/');
      await page.fill('.site-search input', q);
      await page.keyboard.press('Enter');
      await waitDrawn(page);
      await page.waitForSelector('section.result-group[data-kind="Organization"]');
      expect(await page.$$eval('.result-group a', (a) => a.map((x) => x.getAttribute('href'))), q).toContain('#/entity/org.landspace');
    }
    await screenshot(page, 'search-chinese');
    await page.click('a[href="#/entity/org.landspace"]');
    await waitDrawn(page);
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe('LandSpace');
  });
});

describe('maps', () => {
  it('hubs map: the drawn points are the API\'s places; clicking one opens its entity', async () => {
    const places = await api<{ features: { geometry: { type: string; coordinates: [number, number] } | null; properties: { id: string; name: string } }[] }>('geo/places?country=CN');
    await visit('#/map/hubs');
    const located = places.features.filter((f) => f.geometry?.type === 'Point');
    const drawn = await page.$$eval('[data-map="hubs"] circle[data-kind="Facility"], [data-map="hubs"] circle[data-kind="Organization"]', (c) => c.map((x) => x.getAttribute('data-id')));
    expect(drawn.sort()).toEqual(located.map((f) => f.properties.id).sort());
    // The place farthest from any other is not covered by a neighbour, so a real click reaches it.
    const dist = (a: [number, number], b: [number, number]) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    const isolated = located.map((f) => ({ f, d: Math.min(...located.filter((g) => g !== f).map((g) => dist(f.geometry!.coordinates, g.geometry!.coordinates))) })).sort((a, b) => b.d - a.d)[0]!.f;
    await clickInside(page, `circle[data-id="${isolated.properties.id}"]`);
    await waitDrawn(page);
    expect(page.url()).toContain(`#/entity/${isolated.properties.id}`);
    expect(await page.$eval('main h1', (h) => h.textContent)).toBe(isolated.properties.name);
  });

  it('reach map: ILRS and Artemis Accords countries as the API lists them; clicking a country opens it', async () => {
    const ilrs = await api<{ features: { properties: { iso2: string } }[] }>('geo/countries?set=ilrs');
    const artemis = await api<{ features: { properties: { iso2: string } }[] }>('geo/countries?set=artemis-accords');
    await visit('#/map/reach');
    const tagged = new Map(await page.$$eval('[data-map="reach"] path[data-sets]', (p) => p.map((x) => [x.getAttribute('data-country')!, x.getAttribute('data-sets')!] as [string, string])));
    const drawnCountries = new Set(await page.$$eval('[data-map="reach"] path[data-country]', (p) => p.map((x) => x.getAttribute('data-country'))));
    for (const [set, fc] of [['ilrs', ilrs], ['artemis-accords', artemis]] as const) {
      for (const { properties: { iso2 } } of fc.features.filter((x) => drawnCountries.has(x.properties.iso2))) expect(tagged.get(iso2)?.split(' '), `${set} ${iso2}`).toContain(set);
    }
    // A signing date with a note (a year read from context) shows the note beside the date.
    const noted = (await api<{ features: { properties: { iso2: string; agreements: { signedNote: string | null }[] } }[] }>('geo/countries?set=ilrs'))
      .features.filter((f) => f.properties.agreements.some((a) => a.signedNote));
    expect(noted.length).toBeGreaterThan(0);
    for (const f of noted) {
      const shown = await page.$$eval(`main [data-set="ilrs"] tr[data-iso2="${f.properties.iso2}"] [data-signed-note]`, (d) => d.map((x) => x.textContent));
      expect(shown, f.properties.iso2).toEqual(f.properties.agreements.filter((a) => a.signedNote).map((a) => `* Date: ${a.signedNote}`));
    }
    await clickInside(page, 'path[data-country="RU"]');
    await waitDrawn(page);
    expect(page.url()).toContain('#/entity/country.ru');
  });

  it('reach map: each export layer states its definition on the page and lists the API\'s satellites per country', async () => {
    for (const set of ['chinese-built-satellite-buyers', 'launched-on-chinese-rockets']) {
      const fc = await api<{ definition: string; features: { properties: { iso2: string; satellites: { cospar: string | null; id: string }[] } }[] }>(`geo/countries?set=${set}`);
      await visit(`#/map/reach?layer=${set}`);
      expect(await page.$eval(`main [data-definition="${set}"]`, (e) => e.textContent ?? '')).toContain(fc.definition);
      for (const f of fc.features) {
        const listed = await page.$$eval(`main [data-set="${set}"] tr[data-iso2="${f.properties.iso2}"] [data-satellite]`, (d) => d.map((x) => x.getAttribute('data-satellite')));
        expect(listed, `${set} ${f.properties.iso2}`).toEqual(f.properties.satellites.map((s) => s.cospar ?? s.id));
      }
    }
  });
});

describe('keyboard and phone width', () => {
  it('the skip link and the navigation work from the keyboard', async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/#/`);
    await waitDrawn(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.focus('.site-nav a[href="#/tiangong"]');
    await page.keyboard.press('Enter');
    await waitDrawn(page);
    expect(page.url()).toContain('#/tiangong');
  });

  it('pages fit a phone screen without sideways scrolling', async () => {
    const phone = await launchBrowser(390, 844);
    try {
      for (const [route, name] of [['#/', 'home-phone'], ['#/chart/launches', 'chart-launches-phone'], ['#/entity/org.landspace', 'entity-phone'], ['#/segment/launch-reentry', 'segment-phone']]) {
        await openRoute(phone.page, server.url, route!);
        await screenshot(phone.page, name!);
        const [scroll, width] = await phone.page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        expect(scroll, `${route} width`).toBeLessThanOrEqual(width! + 1);
      }
      await phone.page.click('.nav-toggle');
      expect(await phone.page.$eval('.nav-toggle', (b) => b.getAttribute('aria-expanded'))).toBe('true');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 120_000);
});

describe('feed status', () => {
  it('a refused download is listed on the Sources page with the check and reason the API reports', async () => {
    const { ingestFeed } = await import('../../src/services/ingest-feed.js');
    type IngestError = import('../../src/services/ingest-feed.js').IngestError;
    const { feedByName } = await import('../../src/services/feeds.js');
    const { readSnapshot } = await import('../../src/services/bundled-snapshots.js');
    const log = readSnapshot('gcat_launchlog_2024-12-08.tsv.gz').split('\n');
    const cut = `${log.slice(0, 1 + Math.floor((log.length - 2) * 0.02)).join('\n')}\n`;
    const refused = await ingestFeed(server.store.db, feedByName('gcat-launchlog')!, { text: cut, file: 'launchlog-2pct.tsv', sourceId: 'gcat-launchlog-live', asOf: '2026-11-21' })
      .then(() => null, (err: unknown) => err as IngestError);
    expect(refused?.message).toMatch(/previous ingest/);
    try {
      const status = await api<{ origins: { origin: string; lastFailure: { check: string; reason: string } | null }[] }>('status');
      const failure = status.origins.find((o) => o.origin === 'ingest:gcat-launchlog')!.lastFailure!;
      expect(failure.check).toBe('shrink');
      await page.goto('about:blank'); // the app shares API responses for a few minutes; a new page load asks again
      await visit('#/sources', 'sources-feed-refused');
      const row = await page.$eval('[data-feed-status] tr[data-feed="gcat-launchlog"]', (tr) => tr.textContent ?? '');
      expect(row).toContain('refused (shrink)');
      expect(row).toContain(failure.reason);
      expect(row).toContain('failed');
    } finally {
      // The refused file's failed run is the one row it wrote: the store is the worker's read-only copy.
      if (refused) await server.store.db.deleteFrom('runs').where('id', '=', refused.runId).execute();
    }
  });
});

describe('segment pages', () => {
  it('list China\'s policy documents apart from other countries\' (a US rule the report cites is context, not a Chinese policy shift)', async () => {
    const chinese = await api<{ items: { id: string }[] }>('entities?kind=PolicyDocument&segment=launch-reentry&country=CN&limit=200');
    await visit('#/segment/launch-reentry');
    await page.waitForSelector('.dated-list li[data-entity]');
    const lists = await page.$$eval('.dated-list', (uls) => uls.map((ul) => [...ul.querySelectorAll('li[data-entity]')].map((li) => li.getAttribute('data-entity')!)));
    const policyLists = lists.filter((l) => l.some((id) => id.startsWith('policy.')));
    expect(policyLists[0]!.length).toBeGreaterThan(0);
    expect(policyLists[0]!.every((id) => chinese.items.some((e) => e.id === id))).toBe(true);
    expect(policyLists[1]).toContain('policy.us-faa-part-450');
  });
});

describe('timeline', () => {
  it('draws one row per event with every source the API lists for it, and conflicting dates side by side', async () => {
    const kinds = 'PolicyDocument,Mission,Agreement,Event,Program,Goal';
    const { items } = await api<{ items: { date: string; entityId: string; property: string; sources: { sourceId: string }[]; otherDates: string[]; agreeingDates: string[] }[] }>(`timeline?kind=${kinds}`);
    await visit(`#/timeline?kind=${kinds}`);
    const rows = await page.$$eval('ol.timeline li[data-event]', (lis) => lis.map((li) => ({
      key: li.getAttribute('data-event')!,
      sources: [...li.querySelectorAll('.event-sources > .cite')].map((c) => c.getAttribute('data-source')),
      other: li.querySelector('[data-other-dates]')?.getAttribute('data-other-dates') ?? '',
      agreeing: li.querySelector('[data-agreeing-dates]')?.getAttribute('data-agreeing-dates') ?? '',
      conflictText: li.querySelector('.conflict')?.textContent ?? '',
    })));
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(items.map((i) => `${i.entityId}|${i.property}|${i.date}`));
    items.forEach((i, n) => {
      expect(rows[n]!.sources, keys[n]).toEqual(i.sources.map((s) => s.sourceId));
      expect(rows[n]!.other, keys[n]).toBe(i.otherDates.join(','));
      expect(rows[n]!.agreeing, keys[n]).toBe(i.agreeingDates.join(','));
      // "Sources differ" only for a true conflict, never for the same date at another precision.
      expect(rows[n]!.conflictText !== '', keys[n]).toBe(i.otherDates.length > 0);
    });
    expect(items.some((i) => i.agreeingDates.length > 0), 'a date given at two precisions').toBe(true);
    expect(items.some((i) => new Set(i.sources.map((s) => s.sourceId)).size > 1), 'an event with several sources').toBe(true);
    expect(items.some((i) => i.otherDates.length > 0), 'a fact whose sources give different dates').toBe(true);
  });
});
