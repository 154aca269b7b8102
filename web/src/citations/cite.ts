/**
 * A citation beside a fact: the source (linked when it has a URL) and the locator, with the
 * report's bracketed reference numbers ("§3.2.3 [125]") linked to those references' URLs.
 */
import { h } from '../dom.ts';
import { onSourcesAdded, shortTitle, sourceOf, wantSource } from './source-registry.ts';

const REF = /\[(\d{3})\]/g;

const MAX_LOCATOR = 60;

function locatorParts(sourceId: string, locator: string): (Node | string)[] {
  if (sourceId !== 'redshift-2025') return [locator.length > MAX_LOCATOR ? h('span', { title: locator }, `${locator.slice(0, MAX_LOCATOR - 1)}…`) : locator];
  const out: (Node | string)[] = [];
  let last = 0;
  for (const m of locator.matchAll(REF)) {
    out.push(locator.slice(last, m.index));
    const ref = sourceOf(`redshift-2025.ref-${m[1]}`);
    const label = `[${m[1]}]`;
    out.push(ref?.url
      ? h('a', { href: ref.url, target: '_blank', rel: 'noopener noreferrer', title: ref.citation ?? ref.title }, label)
      : h('span', { title: ref?.citation ?? ref?.title ?? `Redshift reference ${m[1]}` }, label));
    last = m.index + m[0].length;
  }
  out.push(locator.slice(last));
  return out;
}

export interface CiteOptions { asOf?: string | null; status?: string | null }

/** Citations drawn before their source's title was known; redrawn when it arrives. */
const waiting = new Map<HTMLElement, () => HTMLElement>();

onSourcesAdded(() => {
  const entries = [...waiting];
  waiting.clear();
  for (const [el, draw] of entries) if (el.isConnected) el.replaceWith(draw());
});

/** Ids of the sources a citation names: the source and the report references in its locator. */
function citedIds(sourceId: string, locator: string | null | undefined): string[] {
  const refs = sourceId === 'redshift-2025' && locator ? [...locator.matchAll(REF)].map((m) => `redshift-2025.ref-${m[1]}`) : [];
  return [sourceId, ...refs];
}

function needsUpgrade(sourceId: string, locator: string | null | undefined): boolean {
  const missing = citedIds(sourceId, locator).filter((id) => !sourceOf(id));
  for (const id of missing) wantSource(id);
  return missing.length > 0;
}

export function cite(sourceId: string, locator: string | null | undefined, opts: CiteOptions = {}): HTMLElement {
  const el = drawCite(sourceId, locator, opts);
  if (needsUpgrade(sourceId, locator)) waiting.set(el, () => cite(sourceId, locator, opts));
  return el;
}

function drawCite(sourceId: string, locator: string | null | undefined, opts: CiteOptions): HTMLElement {
  const s = sourceOf(sourceId);
  const title = s ? [s.title, s.publisher, s.published].filter(Boolean).join(' · ') : sourceId;
  const name = s?.url
    ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', title }, shortTitle(s, sourceId))
    : h('span', { class: 'cite-source', title }, shortTitle(s, sourceId));
  return h('span', { class: 'cite', 'data-source': sourceId },
    name,
    locator ? [' ', h('span', { class: 'cite-locator' }, ...locatorParts(sourceId, locator))] : null,
    opts.asOf ? h('span', { class: 'cite-asof' }, ` · as of ${opts.asOf}`) : null,
    opts.status && opts.status !== 'reported' ? h('span', { class: `cite-status status-${opts.status}` }, ` · ${opts.status}`) : null);
}

/** A list of sources, as in a bibliography. */
export function sourceList(ids: readonly string[]): HTMLElement {
  const unique = [...new Set(ids)].sort();
  return h('ol', { class: 'source-list' }, unique.map((id) => {
    const s = sourceOf(id);
    return h('li', { id: `src-${id}` },
      s?.url ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, s.title) : h('span', null, s?.title ?? id),
      s?.publisher ? h('span', { class: 'muted' }, ` — ${s.publisher}`) : null,
      s?.published ? h('span', { class: 'muted' }, `, ${s.published}`) : null,
      s?.licence ? h('span', { class: 'muted' }, `. Licence: ${s.licence}`) : null,
      h('code', { class: 'source-id' }, id));
  }));
}
