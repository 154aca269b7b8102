/** The list of charts and maps, each recomputing one of the report's figures from data. */
import { h } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';

const ITEMS: [string, string, string][] = [
  ['/chart/launches', 'Orbital launches by outcome and country', 'Figure 7: China state vs commercial, China vs the United States, incomplete years marked.'],
  ['/chart/spacecraft', 'Operational spacecraft by mission and orbit', 'Figure 8, from the newest orbital catalog snapshot.'],
  ['/chart/constellations', 'Constellation deployment vs plan', 'Guowang, Qianfan and others: in orbit per snapshot, pace, ITU milestones.'],
  ['/chart/funding', 'Funding', 'Figure 2 and Tables 1–7: commercial investment by segment and investor type, government expenditure.'],
  ['/chart/polls', 'Public polls', 'Figure 4: Chinese and American public opinion on space.'],
  ['/chart/goals', 'Goal tracker', 'Stated goals on time, late, missed or pending, by segment.'],
  ['/map/hubs', 'Map: activity hubs', 'Figure 3: hubs, organizations and facilities in China.'],
  ['/map/reach', 'Map: international reach', 'Figure 10: ILRS vs Artemis Accords; Space Silk Road, APSCO and more.'],
];

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Charts and maps');
  root.replaceChildren(h('h1', null, 'Charts and maps'),
    h('div', { class: 'entity-cards' }, ITEMS.map(([path, title, text]) => h('article', { class: 'entity-card' }, h('h3', null, h('a', { href: href(path) }, title)), h('p', { class: 'muted' }, text)))));
}
