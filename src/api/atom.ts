/** An Atom 1.0 feed of changes (RFC 4287). */
import type { ChangeItem } from '../store/queries/changes.js';

const esc = (s: string) => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

export function changeTitle(c: ChangeItem): string {
  const what = c.subject === 'statement' ? `${c.entityName ?? c.entityId}: ${c.property} = ${c.value}`
    : c.subject === 'entity' ? `${c.entityKind ?? 'entity'} ${c.value ?? c.subjectId}`
      : c.subject === 'launch' ? `launch ${c.subjectId} ${c.value ?? ''} (${c.property ?? ''})`
        : c.subject === 'catalog-object' ? `catalog object ${c.subjectId} ${c.value ?? ''}`
          : `${c.subject} ${c.subjectId}`;
  return `${c.action}: ${what}`.trim();
}

export function renderAtom(changes: ChangeItem[], opts: { selfUrl: string; baseUrl: string; updated: string }): string {
  const entries = changes.map((c) => `  <entry>
    <id>urn:redshift-monitor:change:${c.id}</id>
    <title>${esc(changeTitle(c))}</title>
    <updated>${esc(c.at)}</updated>
    ${c.entityId ? `<link rel="alternate" href="${esc(`${opts.baseUrl}/#/entity/${c.entityId}`)}"/>` : ''}
    <category term="${esc(c.subject)}"/>${c.entityKind ? `\n    <category term="${esc(c.entityKind)}"/>` : ''}
    <content type="text">${esc(`${changeTitle(c)}${c.sourceId ? ` (source: ${c.sourceId})` : ''}; recorded by ${c.origin}`)}</content>
  </entry>`);
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:redshift-monitor:changes</id>
  <title>Redshift Monitor: changes to the knowledge base</title>
  <updated>${esc(opts.updated)}</updated>
  <link rel="self" href="${esc(opts.selfUrl)}"/>
  <author><name>Redshift Monitor</name></author>
${entries.join('\n')}
</feed>
`;
}
