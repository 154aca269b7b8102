/** One chart page (#/chart/<name>); each chart's code is its own chunk. */
import type { PageContext } from '../page-context.ts';
import { renderNotFound } from './not-found.ts';

const VIEWS: Record<string, () => Promise<(root: HTMLElement, ctx: PageContext) => Promise<void>>> = {
  launches: () => import('../views/launches-view.ts').then((m) => m.renderLaunches),
  spacecraft: () => import('../views/spacecraft-view.ts').then((m) => m.renderSpacecraft),
  constellations: () => import('../views/constellations-view.ts').then((m) => m.renderConstellations),
  funding: () => import('../views/funding-view.ts').then((m) => m.renderFunding),
  polls: () => import('../views/polls-view.ts').then((m) => m.renderPolls),
  goals: () => import('../views/goals-view.ts').then((m) => m.renderGoals),
};

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const load = VIEWS[ctx.params.name ?? ''];
  if (!load) return renderNotFound(root, `/chart/${ctx.params.name}`);
  const view = await load();
  await view(root, ctx);
}
