/**
 * One entity: every fact with its source (conflicts side by side), related entities,
 * location, catalog objects and orbit where the catalog has them, history of changes, sources.
 */
import { apiGet } from '../api/client.ts';
import { rememberCaption } from '../api/entity-captions.ts';
import type { EntityDetail } from '../api/types.ts';
import { sourceList } from '../citations/cite.ts';
import { registerSources } from '../citations/source-registry.ts';
import { h } from '../dom.ts';
import { kindLabel } from '../format/kinds.ts';
import { parseCoordinates } from '../format/values.ts';
import { catalogSection } from '../entity/catalog-section.ts';
import { safetyEventsSection } from '../entity/safety-events.ts';
import { factsTable } from '../entity/facts-table.ts';
import { historySection } from '../entity/history.ts';
import { relatedPanel } from '../entity/related.ts';
import { section } from '../layout/states.ts';
import { href } from '../links.ts';
import type { PageContext } from '../page-context.ts';
import { segmentLabel } from '../segments.ts';
import { highlight } from '../layout/highlight.ts';

const values = (e: EntityDetail, p: string) => e.properties.find((x) => x.property === p)?.statements ?? [];

function header(e: EntityDetail): HTMLElement {
  const aliases = values(e, 'alias');
  const segments = values(e, 'segment');
  return h('header', { class: 'entity-head' },
    h('p', { class: 'eyebrow' }, h('a', { href: href('/search', { kind: e.kind }) }, kindLabel(e.kind))),
    h('h1', null, e.caption),
    aliases.length ? h('p', { class: 'aliases' }, 'Also: ', aliases.map((a, i) => [i ? ' · ' : '', h('span', { lang: /[\u3400-\u9fff]/.test(a.value) ? 'zh' : null }, a.value)])) : null,
    segments.length ? h('p', null, segments.map((s) => [h('a', { class: 'pill', href: href(`/segment/${s.value}`) }, segmentLabel(s.value)), ' '])) : null,
    h('p', { class: 'muted small' }, h('code', null, e.id), ` · first loaded ${e.firstSeen.slice(0, 10)} · `,
      h('a', { href: `/api/v1/entities/${encodeURIComponent(e.id)}` }, 'JSON'), ' · ',
      h('a', { class: 'suggest-edit', href: href('/propose', { entity: e.id }) }, 'Suggest an edit'), ' · ',
      h('a', { href: href('/watchlists', { entity: e.id }) }, 'Watch')));
}

export async function render(root: HTMLElement, ctx: PageContext): Promise<void> {
  const id = ctx.params.id!;
  const e = await apiGet('/entities/{id}', { path: { id } });
  if (!ctx.isCurrent()) return;
  registerSources(e.sources);
  rememberCaption(e.id, e.caption);
  for (const r of e.referencedBy) rememberCaption(r.id, r.caption);
  ctx.setTitle(e.caption);

  const side = h('aside', { class: 'side-panel', 'aria-label': 'Location and related entities' });
  const location = values(e, 'location')[0];
  const coords = location ? parseCoordinates(location.value) : null;
  const mapSlot = coords ? h('section', { class: 'card' }, h('h2', null, 'Location')) : null;
  if (mapSlot) side.append(mapSlot);
  const related = relatedPanel(e);
  if (related) side.append(related);

  const catalogSlot = h('div');
  const safetySlot = h('div');
  const historySlot = h('div');
  root.replaceChildren(
    header(e),
    h('div', { class: 'entity-layout' },
      h('div', null,
        h('h2', { class: 'visually-hidden' }, 'Facts'),
        factsTable(e.properties, e.id),
        catalogSlot,
        safetySlot,
        h('h2', null, 'History of changes'), historySlot,
        h('h2', null, 'Sources'), sourceList(e.sources.map((s) => s.id))),
      side));

  const tasks: Promise<void>[] = [section(historySlot, 'History of changes', () => historySection(e))];
  if (mapSlot && coords) {
    const inner = h('div');
    mapSlot.append(inner);
    tasks.push(section(inner, 'Map', async () => (await import('../maps/mini-map.ts')).miniMap(coords.lat, coords.lon, e.caption)));
  }
  if (e.kind === 'Program' || e.catalog) {
    tasks.push(section(catalogSlot, 'Catalog objects and orbit', async () => {
      const out = await catalogSection(e);
      return out ? [h('h2', null, 'In orbit (catalog)'), out] : [];
    }));
    tasks.push(section(safetySlot, 'Space safety events', () => safetyEventsSection(e.id)));
  }
  await Promise.all(tasks);
  const statement = ctx.query.get('statement');
  if (statement && ctx.isCurrent()) highlight(root, `[data-statement="${CSS.escape(statement)}"]`);
}
