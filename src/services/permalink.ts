/**
 * Parses a permalink of the web app (its hash routes, web/src/router.ts) for citing:
 * "https://host/#/entity/org.landspace?statement=…" → route "entity", params {id}, query.
 * Any host is accepted (the page may be served anywhere) but only the path and hash are
 * read; the path must be the app's root. Malformed → PermalinkError 400; a route the app
 * does not have → 404.
 */

/** The longest permalink accepted, in characters. */
export const MAX_PERMALINK = 2000;

export class PermalinkError extends Error {
  constructor(readonly status: 400 | 404, message: string) {
    super(message);
  }
}

/** The web app's routes (mirrors web/src/router.ts). */
export const PERMALINK_ROUTES = [
  { name: 'home', path: [] },
  { name: 'search', path: ['search'] },
  { name: 'entity', path: ['entity', ':id'] },
  { name: 'segment', path: ['segment', ':id'] },
  { name: 'charts', path: ['charts'] },
  { name: 'chart', path: ['chart', ':name'] },
  { name: 'map', path: ['map', ':name'] },
  { name: 'timeline', path: ['timeline'] },
  { name: 'tiangong', path: ['tiangong'] },
  { name: 'sources', path: ['sources'] },
  { name: 'changes', path: ['changes'] },
  { name: 'table', path: ['table', ':kind'] },
] as const;

export type PermalinkRoute = (typeof PERMALINK_ROUTES)[number]['name'];

export interface Permalink {
  route: PermalinkRoute;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The permalink as cited: origin, "/#", the route's path and its query (normalised). */
  href: string;
}

const APP_PATHS = new Set(['/', '/index.html']);

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new PermalinkError(400, `the permalink has a path segment that is not valid percent-encoding: "${segment.slice(0, 80)}"`);
  }
}

/** `base` is the origin a relative permalink ("/#/timeline", "#/timeline") is read against. */
export function parsePermalink(url: string, base: string): Permalink {
  if (url.length > MAX_PERMALINK) throw new PermalinkError(400, `the permalink is longer than ${MAX_PERMALINK} characters`);
  let u: URL;
  try {
    u = new URL(url, base);
  } catch {
    throw new PermalinkError(400, 'the url is not a URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new PermalinkError(400, `a permalink is an http(s) URL, not ${u.protocol}`);
  if (!APP_PATHS.has(u.pathname)) throw new PermalinkError(400, `a permalink is a page of the web app: path "/" and a "#/…" route, not "${u.pathname.slice(0, 80)}"`);
  const hash = u.hash.replace(/^#/, '');
  const cut = hash.indexOf('?');
  const path = cut < 0 ? hash : hash.slice(0, cut);
  const query = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
  if (path && !path.startsWith('/')) throw new PermalinkError(400, 'the permalink\'s hash must be a route starting with "#/"');
  const segments = path.split('/').filter((s) => s !== '').map(decoded);
  for (const r of PERMALINK_ROUTES) {
    if (r.path.length !== segments.length || !r.path.every((p, i) => p.startsWith(':') || p === segments[i])) continue;
    const params = Object.fromEntries(r.path.flatMap((p, i) => (p.startsWith(':') ? [[p.slice(1), segments[i]!]] : [])));
    const qs = query.toString();
    return { route: r.name, params, query, href: `${u.origin}/#/${segments.map(encodeURIComponent).join('/')}${qs ? `?${qs}` : ''}` };
  }
  throw new PermalinkError(404, `the web app has no page at "#${path.slice(0, 120)}"`);
}
