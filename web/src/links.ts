/**
 * Hash links (#/entity/org.landspace?tab=…) for pages and widgets. This module knows no
 * pages, so pages import it without a cycle back through the route table in router.ts;
 * the router subscribes with onNavigate to draw the page navigate() moved to.
 */

export interface Location { path: string; query: URLSearchParams }

export type LinkQuery = Record<string, string | number | null | undefined>;

export function currentLocation(): Location {
  const raw = location.hash.replace(/^#/, '') || '/';
  const [path = '/', qs = ''] = raw.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(qs) };
}

/** The hash for a path and query, e.g. href('/search', {q: 'LandSpace'}) → "#/search?q=LandSpace". */
export function href(path: string, query: LinkQuery = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export const entityHref = (id: string) => href(`/entity/${id}`);

let navigated: (() => void) | null = null;

/** The router's hook: called after navigate() has changed the address (pushState fires no event). */
export function onNavigate(listener: () => void): void {
  navigated = listener;
}

export function navigate(path: string, query: LinkQuery = {}, opts: { replace?: boolean } = {}): void {
  const target = href(path, query);
  if (opts.replace) history.replaceState(null, '', target);
  else history.pushState(null, '', target);
  navigated?.();
}
