/**
 * Watchlists (signed-in users): watch an entity, a kind, a segment or a country; see what changed in the world since
 * the last visit; each has a private Atom feed URL, shown once and revocable.
 */
import { h, fill } from '../dom.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { read, write, type ReplyOf } from '../editorial/session.ts';
import { field, gate, input, showFailure } from '../editorial/forms.ts';
import { KINDS as ENTITY_KINDS } from '../api/generated/enums.ts';
import { SEGMENTS } from '../segments.ts';

type Watchlist = ReplyOf<'get', '/watchlists'>[number];

function options(name: string, list: [string, string][]): HTMLSelectElement {
  return h('select', { name }, h('option', { value: '' }, 'Any'), list.map(([v, l]) => h('option', { value: v }, l)));
}

async function card(w: Watchlist, redraw: () => Promise<void>): Promise<HTMLElement> {
  const changes = await read('/watchlists/{id}/changes', { path: { id: w.id } });
  const fresh = changes.items.filter((c) => c.sinceLastVisit);
  const out = h('div', { 'aria-live': 'polite' });
  const seen = h('button', { type: 'button' }, 'Mark as seen');
  seen.addEventListener('click', () => void write('post', '/watchlists/{id}/visit', { path: { id: w.id } }).then(redraw, (e: unknown) => showFailure(out, e)));
  const feed = h('button', { type: 'button' }, w.hasFeed ? 'New feed URL' : 'Make a feed URL');
  feed.addEventListener('click', () => void write('post', '/watchlists/{id}/feed', { path: { id: w.id } }).then((r) => fill(out, h('p', null, 'Private Atom feed (shown once; the old URL stops working): ', h('code', { 'data-feed-url': '' }, r.feedUrl))), (e: unknown) => showFailure(out, e)));
  const remove = h('button', { type: 'button' }, 'Delete');
  remove.addEventListener('click', () => void write('delete', '/watchlists/{id}', { path: { id: w.id } }).then(redraw, (e: unknown) => showFailure(out, e)));
  return h('article', { class: 'card', 'data-watchlist': w.id },
    h('h2', null, w.name),
    h('p', { class: 'muted small' }, Object.entries(w.filters).map(([k, v]) => `${k}: ${v}`).join(' · '), ` · last visit ${w.lastVisit?.slice(0, 16).replace('T', ' ') ?? 'never'}`),
    h('p', null, `${fresh.length} new since your last visit, of the ${changes.items.length} newest changes.`),
    h('ul', null, changes.items.slice(0, 20).map((c) => h('li', { 'data-new': c.sinceLastVisit ? 'true' : null },
      c.sinceLastVisit ? h('strong', null, 'New: ') : null, `${c.date} · ${c.title} `, h('span', { class: 'muted small' }, `(${c.sourceId})`)))),
    h('p', null, seen, ' ', feed, ' ', remove), out);
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Watchlists');
  if (!(await gate(root, 'contributor', 'Use watchlists'))) return;
  const list = h('div');
  const errors = h('div');
  const draw = async () => {
    const mine = await read('/watchlists');
    const cards = await Promise.all(mine.map((w) => card(w, draw)));
    if (ctx.isCurrent()) fill(list, cards.length ? cards : h('p', { class: 'muted' }, 'No watchlists yet.'));
  };
  const name = input('name', { required: true, value: ctx.query.get('entity') ?? '' });
  const entity = input('entity', { value: ctx.query.get('entity') ?? '', placeholder: 'org.landspace' });
  const kind = options('kind', ENTITY_KINDS.map((k) => [k.kind, k.label]));
  const segment = options('segment', SEGMENTS.map((s) => [s.id, s.label]));
  const country = input('country', { placeholder: 'CN', size: '6' });
  const form = h('form', { class: 'editorial-form', 'aria-label': 'New watchlist' }, field('Name', name), field('Entity', entity), field('Kind', kind), field('Segment', segment), field('Country', country), errors,
    h('button', { type: 'submit' }, 'Watch'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    fill(errors);
    const filters = Object.fromEntries([['entity', entity.value.trim()], ['kind', kind.value], ['segment', segment.value], ['country', country.value.trim().toUpperCase()]].filter(([, v]) => v));
    write('post', '/watchlists', { body: { name: name.value.trim(), filters } })
      .then((r) => { fill(errors, h('p', { class: 'form-ok' }, 'Private Atom feed (shown once): ', h('code', { 'data-feed-url': '' }, r.feedUrl))); return draw(); }, (e: unknown) => showFailure(errors, e));
  });
  fill(root, h('h1', null, 'Watchlists'), h('p', { class: 'muted' }, 'What changed in the world for what you watch, by world date; "new" marks what the store recorded after your last visit. ',
    h('a', { href: href('/changes') }, 'All changes'), '.'), list, h('h2', null, 'Watch something'), form);
  await draw();
}
