/** Atom 1.0 feeds (RFC 4287): the world changes and the record audit, with a rel="next" link when more follow. */
import type { ChangeItem } from '../store/queries/changes.js';
import type { WorldChange } from '../analytics/world-change-types.js';

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export interface AtomEntry { id: string; title: string; updated: string; published?: string; link?: string; categories: string[]; content: string }
export interface AtomFeed { id: string; title: string; selfUrl: string; nextUrl: string | null; updated: string }

export function changeTitle(c: ChangeItem): string {
  const what = c.subject === 'statement' ? `${c.entityName ?? c.entityId}: ${c.property} = ${c.value}`
    : c.subject === 'entity' ? `${c.entityKind ?? 'entity'} ${c.value ?? c.subjectId}`
      : c.subject === 'launch' ? `launch ${c.subjectId} ${c.value ?? ''} (${c.property ?? ''})`
        : c.subject === 'catalog-object' ? `catalog object ${c.subjectId} ${c.value ?? ''}`
          : `${c.subject} ${c.subjectId}`;
  return `${c.action}: ${what}`.trim();
}

/** A record of the audit log as an entry. */
export function recordEntry(c: ChangeItem, baseUrl: string): AtomEntry {
  return {
    id: `urn:redshift-monitor:change:${c.id}`, title: changeTitle(c), updated: c.at,
    link: c.entityId ? `${baseUrl}/#/entity/${c.entityId}` : undefined,
    categories: [c.subject, ...(c.entityKind ? [c.entityKind] : [])],
    content: `${changeTitle(c)}${c.sourceId ? ` (source: ${c.sourceId})` : ''}; recorded by ${c.origin}`,
  };
}

/** A world change as an entry: published on its world date, updated when this store recorded it. */
export function worldEntry(c: WorldChange, baseUrl: string): AtomEntry {
  const previous = c.previous ? `; before: ${c.previous.value} (${c.previous.date ?? 'undated'}, source: ${c.previous.sourceId})` : '';
  return {
    id: `urn:redshift-monitor:world-change:${encodeURIComponent(c.id)}`, title: `${c.date}: ${c.title}`, updated: c.recordedAt,
    published: `${c.day}T00:00:00Z`, link: c.entityId ? `${baseUrl}/#/entity/${c.entityId}` : undefined,
    categories: [c.type, ...(c.entityKind ? [c.entityKind] : []), ...(c.country ? [c.country] : [])],
    content: `${c.title} (world date ${c.date}, ${c.precision} precision${c.earliest ? `, at the earliest ${c.earliest}` : ''}; source: ${c.sourceId}${c.locator ? `, ${c.locator}` : ''}${previous}; recorded ${c.recordedAt})`,
  };
}

export function renderAtom(entries: AtomEntry[], feed: AtomFeed): string {
  const items = entries.map((e) => `  <entry>
    <id>${esc(e.id)}</id>
    <title>${esc(e.title)}</title>
    <updated>${esc(e.updated)}</updated>${e.published ? `\n    <published>${esc(e.published)}</published>` : ''}
    ${e.link ? `<link rel="alternate" href="${esc(e.link)}"/>` : ''}
${e.categories.map((t) => `    <category term="${esc(t)}"/>`).join('\n')}
    <content type="text">${esc(e.content)}</content>
  </entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${esc(feed.id)}</id>
  <title>${esc(feed.title)}</title>
  <updated>${esc(feed.updated)}</updated>
  <link rel="self" href="${esc(feed.selfUrl)}"/>${feed.nextUrl ? `\n  <link rel="next" href="${esc(feed.nextUrl)}"/>` : ''}
  <author><name>Redshift Monitor</name></author>
${items.join('\n')}
</feed>
`;
}
