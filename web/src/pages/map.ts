/** One map page (#/map/<name>); each map's code is its own chunk. */
import type { PageContext } from '../page-context.ts';
import { renderNotFound } from './not-found.ts';

const VIEWS: Record<string, () => Promise<(root: HTMLElement, ctx: PageContext) => Promise<void>>> = {
  hubs: () => import('../views/hubs-map-view.ts').then((m) => m.renderHubsMap),
  reach: () => import('../views/reach-map-view.ts').then((m) => m.renderReachMap),
};

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const load = VIEWS[ctx.params.name ?? ''];
  if (!load) return renderNotFound(root, `/map/${ctx.params.name}`);
  const view = await load();
  await view(root, ctx);
}
