/**
 * The route table: hash routes (#/entity/org.landspace?tab=…), so the static server needs
 * no fallback. Pages import links.ts and page-context.ts, never this module, so no page
 * sits in a cycle with the table that loads it. Each page is its own chunk, loaded on
 * first visit. The body carries the state for tests and the benchmark: data-page, data-page-state (loading|ready|error) and
 * data-charts-ready ("true" once every chart of the page is drawn).
 */

import { currentLocation, onNavigate } from './links.ts';
import type { PageContext, PageModule } from './page-context.ts';

interface Route { name: string; pattern: RegExp; keys: string[]; load: () => Promise<PageModule> }

function route(name: string, path: string, load: () => Promise<PageModule>): Route {
  const keys: string[] = [];
  const pattern = new RegExp(`^${path.replace(/:([a-z]+)/g, (_, k: string) => (keys.push(k), '([^/]+)'))}$`);
  return { name, pattern, keys, load };
}

const ROUTES: Route[] = [
  route('home', '/', () => import('./pages/home.ts')),
  route('search', '/search', () => import('./pages/search.ts')),
  route('table', '/table/:kind', () => import('./pages/table.ts')),
  route('entity', '/entity/:id', () => import('./pages/entity.ts')),
  route('segment', '/segment/:id', () => import('./pages/segment.ts')),
  route('charts', '/charts', () => import('./pages/charts-index.ts')),
  route('chart', '/chart/:name', () => import('./pages/chart.ts')),
  route('map', '/map/:name', () => import('./pages/map.ts')),
  route('timeline', '/timeline', () => import('./pages/timeline.ts')),
  route('tiangong', '/tiangong', () => import('./pages/tiangong.ts')),
  route('safety', '/safety', () => import('./pages/safety.ts')),
  route('sources', '/sources', () => import('./pages/sources.ts')),
  route('changes', '/changes', () => import('./pages/changes.ts')),
  route('login', '/login', () => import('./pages/login.ts')),
  route('propose', '/propose', () => import('./pages/propose.ts')),
  route('my-proposals', '/my-proposals', () => import('./pages/my-proposals.ts')),
  route('review', '/review', () => import('./pages/review.ts')),
  route('accounts', '/accounts', () => import('./pages/accounts.ts')),
  route('audit', '/audit', () => import('./pages/audit.ts')),
  route('watchlists', '/watchlists', () => import('./pages/watchlists.ts')),
];

let generation = 0;
let outlet: HTMLElement | null = null;
let onRouteChange: ((name: string, path: string) => void) | null = null;
let afterRender: (() => void) | null = null;

/** changed: called when the route changes; rendered: after each page has drawn everything. */
export function startRouter(main: HTMLElement, changed: (name: string, path: string) => void, rendered?: () => void): void {
  outlet = main;
  onRouteChange = changed;
  afterRender = rendered ?? null;
  onNavigate(() => void renderCurrent());
  addEventListener('hashchange', () => void renderCurrent());
  addEventListener('popstate', () => void renderCurrent());
  void renderCurrent();
}

async function renderCurrent(): Promise<void> {
  if (!outlet) return;
  const mine = ++generation;
  const { path, query } = currentLocation();
  const body = document.body.dataset;
  body.chartsReady = 'false';
  body.pageState = 'loading';
  let match: { r: Route; params: Record<string, string> } | null = null;
  for (const r of ROUTES) {
    const m = r.pattern.exec(path);
    if (m) { match = { r, params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)])) }; break; }
  }
  const name = match?.r.name ?? 'not-found';
  body.page = name;
  onRouteChange?.(name, path);
  const root = document.createElement('div');
  root.className = `page page-${name}`;
  outlet.replaceChildren(root);
  const ctx: PageContext = {
    params: match?.params ?? {}, query,
    isCurrent: () => mine === generation,
    setTitle: (t) => { if (mine === generation) document.title = `${t} · Redshift Monitor`; },
  };
  try {
    if (!match) {
      const { renderNotFound } = await import('./pages/not-found.ts');
      renderNotFound(root, path);
    } else {
      const page = await match.r.load();
      await page.render(root, ctx);
    }
    if (mine !== generation) return;
    body.pageState = 'ready';
  } catch (err) {
    if (mine !== generation) return;
    console.warn(err);
    const { renderPageError } = await import('./layout/states.ts');
    renderPageError(root, err);
    body.pageState = 'error';
  }
  body.chartsReady = 'true';
  performance.mark(`charts-ready:${name}`);
  afterRender?.();
  if (mine > 1) {
    scrollTo(0, 0);
    const heading = root.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }
}
