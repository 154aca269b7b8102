/** The frame around every page: header with search, navigation, a "Cite this page" button, main outlet, footer with credits. */
import { h } from '../dom.ts';
import { href, navigate } from '../links.ts';
import { SEGMENTS } from '../segments.ts';
import { citeButton } from '../citations/cite-dialog.ts';

interface NavItem { label: string; path: string; match: (path: string) => boolean }
interface NavGroup { title: string | null; items: NavItem[] }

const exact = (p: string) => (path: string) => path === p;

export const NAV: NavGroup[] = [
  { title: null, items: [{ label: 'Key findings', path: '/', match: exact('/') }] },
  { title: 'Segments', items: SEGMENTS.map((s) => ({ label: s.label, path: `/segment/${s.id}`, match: exact(`/segment/${s.id}`) })) },
  {
    title: 'Charts',
    items: [
      ['Orbital launches', 'launches'], ['Operational spacecraft', 'spacecraft'], ['Constellations', 'constellations'],
      ['Funding', 'funding'], ['Public polls', 'polls'], ['Goal tracker', 'goals'],
    ].map(([label, name]) => ({ label: label!, path: `/chart/${name}`, match: exact(`/chart/${name}`) })),
  },
  {
    title: 'Maps',
    items: [
      { label: 'Activity hubs', path: '/map/hubs', match: exact('/map/hubs') },
      { label: 'International reach', path: '/map/reach', match: exact('/map/reach') },
    ],
  },
  {
    title: 'Explore',
    items: [
      { label: 'Timeline', path: '/timeline', match: exact('/timeline') },
      { label: 'Tiangong', path: '/tiangong', match: exact('/tiangong') },
      { label: 'Space safety', path: '/safety', match: exact('/safety') },
      { label: 'Search', path: '/search', match: exact('/search') },
      { label: 'Tables', path: '/table/Organization', match: (path: string) => path.startsWith('/table/') },
      { label: 'Sources', path: '/sources', match: exact('/sources') },
      { label: 'Changes', path: '/changes', match: exact('/changes') },
    ],
  },
  {
    title: 'Editing',
    items: [
      { label: 'Sign in', path: '/login', match: exact('/login') },
      { label: 'Suggest an edit', path: '/propose', match: exact('/propose') },
      { label: 'Your proposals', path: '/my-proposals', match: exact('/my-proposals') },
      { label: 'Watchlists', path: '/watchlists', match: exact('/watchlists') },
      { label: 'Review queue', path: '/review', match: exact('/review') },
      { label: 'Accounts', path: '/accounts', match: exact('/accounts') },
    ],
  },
];

export interface Shell { main: HTMLElement; status: HTMLElement; setActive(path: string): void }

export function mountShell(app: HTMLElement): Shell {
  const links: [NavItem, HTMLAnchorElement][] = [];
  const nav = h('nav', { class: 'site-nav', id: 'site-nav', 'aria-label': 'Sections' },
    NAV.map((g) => h('div', { class: 'nav-group' },
      g.title ? h('h2', { class: 'nav-title' }, g.title) : null,
      h('ul', null, g.items.map((item) => {
        const a = h('a', { href: href(item.path) }, item.label);
        links.push([item, a]);
        return h('li', null, a);
      })))));
  const toggle = h('button', { class: 'nav-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'site-nav' }, 'Menu');
  toggle.addEventListener('click', () => {
    const open = document.body.classList.toggle('nav-open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  const input = h('input', { type: 'search', name: 'q', placeholder: 'Search names, aliases (中文), descriptions', 'aria-label': 'Search everything', autocomplete: 'off' });
  const form = h('form', { class: 'site-search', role: 'search' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const q = input.value.trim();
    if (q) navigate('/search', { q });
  });
  const status = h('p', { class: 'data-status', 'aria-live': 'polite' });
  const main = h('main', { id: 'main', tabindex: '-1' });
  app.replaceChildren(
    h('header', { class: 'site-header' },
      h('a', { class: 'brand', href: '#/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), h('span', null, 'Redshift Monitor')),
      form, toggle),
    h('div', { class: 'site-body' },
      nav,
      h('div', { class: 'site-content' },
        h('div', { class: 'page-tools' }, citeButton(() => location.href, 'Cite this page (text, BibTeX, CSL-JSON)', 'Cite this page')),
        main,
        h('footer', { class: 'site-footer' },
          status,
          h('p', null,
            'Facts cite the September 2025 ', h('cite', null, 'Redshift'), ' report (Commercial Space Federation with ASU NewSpace) and its references. ',
            'Launch and orbital data: GCAT (J. McDowell, planet4589.org, CC-BY), CelesTrak, the UCS Satellite Database. ',
            h('a', { href: '/api/v1/openapi.json' }, 'API'), ' · ', h('a', { href: href('/sources') }, 'All sources'))))));
  return {
    main,
    status,
    setActive(path: string) {
      for (const [item, a] of links) {
        if (item.match(path)) a.setAttribute('aria-current', 'page');
        else a.removeAttribute('aria-current');
      }
      document.body.classList.remove('nav-open');
      toggle.setAttribute('aria-expanded', 'false');
      input.value = path === '/search' ? new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') ?? '' : '';
    },
  };
}
