/** What changed in the world (by world date), filterable by type, kind, segment, country and entity; the record audit beside it. */
import { apiGet, apiLinks, apiUrl, type ApiQuery } from '../api/client.ts';
import { WORLD_CHANGE_TYPES } from '../api/generated/enums.ts';
import { fill, h } from '../dom.ts';
import { changesTable } from '../entity/history.ts';
import { definitions, worldChangesTable } from '../entity/world-changes.ts';
import { entityLink } from '../entity/entity-link.ts';
import { KINDS, kindName } from '../format/kinds.ts';
import { humanize } from '../format/values.ts';
import { href, navigate } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { SEGMENTS, segmentId } from '../segments.ts';

const FILTERS = ['since', 'until', 'type', 'kind', 'segment', 'country', 'entity'] as const;
const PAGE = 100;

function select(name: string, label: string, current: string, options: [string, string][]): HTMLElement {
  return h('label', null, label, h('select', { name }, h('option', { value: '' }, 'All'),
    options.map(([v, text]) => h('option', { value: v, selected: v === current }, text))));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  ctx.setTitle('Changes');
  const view = ctx.query.get('view') === 'records' ? 'records' : 'world';
  const f = Object.fromEntries(FILTERS.map((k) => [k, ctx.query.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const cursor = ctx.query.get('cursor') ?? '';
  const query: ApiQuery<'/changes'> = {
    view: view === 'records' ? 'records' : undefined, since: f.since, until: f.until, kind: kindName(f.kind), segment: segmentId(f.segment), country: f.country, entity: f.entity,
    type: view === 'world' ? WORLD_CHANGE_TYPES.find((t) => t === f.type) : undefined, limit: PAGE,
  };
  const list = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'toolbar change-filters' });
  root.replaceChildren(
    h('p', { class: 'eyebrow' }, 'Change feed'),
    h('h1', null, view === 'world' ? 'What changed in the world' : 'Record audit'),
    h('p', { class: 'page-intro' }, view === 'world'
      ? ['Launches, objects reaching orbit, decays, agreements signed, memberships, milestones, goal status, values that changed, objects that left the catalog while on the reentry watch, the station\'s computed close approaches and maneuvers of China\'s objects, by the date they happened, each with its source. ',
        h('a', { href: href('/changes', { view: 'records' }) }, 'Record audit'), ': every record the store loaded, by load time.']
      : ['Every record the store added, updated or removed, by load time: the first load of historical records is here, not in the world feed. ',
        h('a', { href: href('/changes') }, 'Changes in the world'), '.']),
    form, list);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    navigate('/changes', { view: view === 'records' ? 'records' : undefined, ...Object.fromEntries(FILTERS.map((k) => [k, String(data.get(k) ?? '').trim()])) });
  });

  const [body, status] = await Promise.all([apiGet('/changes', { query: { ...query, cursor: cursor || undefined } }), apiGet('/status')]);
  if (!ctx.isCurrent()) return;
  fill(form,
    h('label', null, 'Since', h('input', { type: 'date', name: 'since', value: f.since })),
    h('label', null, 'Until', h('input', { type: 'date', name: 'until', value: f.until })),
    body.view === 'world' ? select('type', 'Change type', f.type, Object.keys(body.types).map((t) => [t, humanize(t)])) : null,
    select('kind', 'Kind', f.kind, KINDS.map((k) => [k.kind, k.one])),
    select('segment', 'Segment', f.segment, SEGMENTS.map((s) => [s.id, s.label])),
    h('label', null, 'Country', h('input', { name: 'country', value: f.country, placeholder: 'CN', size: 6, title: 'ISO 3166-1 alpha-2 code or a country group' })),
    h('label', null, 'Entity', h('input', { name: 'entity', value: f.entity, placeholder: 'org.landspace', size: 16 })),
    h('button', { class: 'button', type: 'submit' }, 'Apply'));
  const nextHref = body.next ? href('/changes', { ...query, limit: undefined, cursor: body.next }) : null;
  const what = f.since ? ` since ${f.since}` : '';
  fill(list,
    h('p', { class: 'small muted', 'data-count': body.items.length },
      `${body.items.length}${body.next ? '+' : ''} ${view === 'world' ? 'changes in the world' : 'records'}${what}${view === 'world' ? ', newest world date first' : ''}. `,
      h('a', { href: apiLinks('/changes', { query: { ...query, limit: 1000 } }).csv, 'data-api': 'csv' }, 'Download CSV'), ' (the Link header names the next page) · ',
      h('a', { href: apiUrl('/changes.atom', { query }), 'data-api': 'atom' }, 'Atom feed')),
    body.view === 'world' ? freshness(status.origins, f.since) : null,
    body.view === 'world' && body.gaps.length ? h('ul', { class: 'small warning', 'data-gaps': '' }, body.gaps.map((g) => h('li', null, g))) : null,
    body.view === 'world' ? definitions(body) : null,
    !body.items.length ? h('p', { class: 'muted' }, 'No changes match.')
      : body.view === 'world' ? worldChangesTable(body.items, (c) => entityLink(c.entityId!, c.entityName ?? undefined))
        : changesTable(body.items, true, (c) => (c.entityId ? entityLink(c.entityId, c.entityName ?? undefined) : c.subjectId)),
    nextHref ? h('p', null, h('a', { class: 'button', href: nextHref, rel: 'next' }, `Next ${PAGE}`)) : null);
}

/**
 * How far each feed's data run: a change after a feed's date is not known to this store yet, so an empty or short list
 * for a recent window says nothing about the world until newer downloads arrive.
 */
function freshness(origins: { origin: string; dataAsOf: string | null }[], since: string): HTMLElement {
  const feeds = origins.filter((o) => o.origin.startsWith('ingest:') && o.dataAsOf).map((o) => ({ feed: o.origin.slice(7), asOf: o.dataAsOf!.slice(0, 10) }))
    .sort((a, b) => b.asOf.localeCompare(a.asOf));
  const newest = feeds[0]?.asOf ?? null;
  return h('p', { class: `small${since && newest && since > newest ? ' warning' : ''}`, 'data-freshness': newest ?? '' },
    since && newest && since > newest ? `No stored data describe anything after ${newest}, so nothing since ${since} can be listed yet. ` : '',
    `The stored data run to: ${feeds.map((x) => `${x.feed} ${x.asOf}`).join(', ')}. A change after a feed's date is not known until a newer download of it.`);
}
