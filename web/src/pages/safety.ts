/**
 * Space safety: a list of sections, each with its definition, the element sets and catalog snapshot
 * it came from and their ages, and CSV/JSON downloads. A section is a title and a builder; add one to
 * SAFETY_SECTIONS to show it.
 */
import { h } from '../dom.ts';
import { section } from '../layout/states.ts';
import type { PageContext } from '../page-context.ts';
import { closeApproachesSection } from '../safety/close-approaches.ts';
import { reentryWatchSection } from '../safety/reentry-watch.ts';
import { maneuversSection } from '../safety/maneuvers-section.ts';
import { geoBeltSection } from '../safety/geo-belt-section.ts';

export interface SafetySection { id: string; title: string; build: () => Promise<Node | Node[]> }

export const SAFETY_SECTIONS: SafetySection[] = [
  { id: 'close-approaches', title: 'The station\'s close approaches in the week after the newest catalog snapshot', build: closeApproachesSection },
  { id: 'reentries', title: 'Reentry watch', build: reentryWatchSection },
  { id: 'maneuvers', title: 'Recent maneuvers of China\'s objects', build: maneuversSection },
  { id: 'geo-belt', title: 'China\'s GEO belt: longitude over time, drift and relocations', build: geoBeltSection },
];

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Space safety');
  const slots = SAFETY_SECTIONS.map((s) => ({ s, slot: h('div') }));
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Space safety'),
    h('h1', null, 'Space safety watch'),
    h('p', { class: 'page-intro' }, 'Computed here from the stored GP element sets (SGP4): close approaches to China\'s space station, objects whose orbits are decaying, maneuvers of China\'s objects and its GEO belt. '
      + 'Each section states its definition, the element sets and catalog snapshot it used and their ages. GP element sets carry no covariance: these are prompts to look, not predictions to act on.'),
    ...slots.map(({ s, slot }) => h('section', { id: `safety-${s.id}`, 'data-safety-section': s.id }, h('h2', null, s.title), slot)));
  await Promise.all(slots.map(({ s, slot }) => section(slot, s.title, s.build)));
  // ?section=<id> (the entity pages' links) scrolls to that section once it is drawn.
  const wanted = ctx.query.get('section');
  if (wanted && ctx.isCurrent()) root.querySelector(`[data-safety-section="${CSS.escape(wanted)}"]`)?.scrollIntoView();
}
