/**
 * "Cite": a button that opens a dialog with the citation of a view (from GET /api/v1/cite for
 * its permalink) as text, BibTeX and CSL-JSON, each copyable in one click. Copy uses the
 * clipboard API and says "Copied"; where the clipboard is refused, the text is selected in
 * its box with a hint to press Ctrl+C / ⌘C. The native <dialog> keeps focus inside and closes on Escape.
 */
import { apiGet } from '../api/client.ts';
import type { CitationJson } from '../api/types.ts';
import { h } from '../dom.ts';

const FORMATS = [
  { id: 'text', label: 'Text', of: (c: CitationJson) => c.text },
  { id: 'bibtex', label: 'BibTeX', of: (c: CitationJson) => c.bibtex },
  { id: 'csl-json', label: 'CSL-JSON', of: (c: CitationJson) => JSON.stringify(c.csl, null, 2) },
] as const;

let dialogCount = 0;

async function copy(box: HTMLTextAreaElement, status: HTMLElement): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(box.value);
    status.textContent = 'Copied';
    status.dataset.copied = 'true';
  } catch {
    box.focus();
    box.select();
    status.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy';
    status.dataset.copied = 'selected';
  }
}

function tabs(c: CitationJson, n: number): HTMLElement {
  const list = h('div', { class: 'cite-tabs', role: 'tablist', 'aria-label': 'Citation format' });
  const panels: HTMLElement[] = [];
  const buttons: HTMLButtonElement[] = [];
  const select = (i: number, focus = false) => {
    buttons.forEach((b, j) => { b.setAttribute('aria-selected', String(i === j)); b.tabIndex = i === j ? 0 : -1; });
    panels.forEach((p, j) => { p.hidden = i !== j; });
    if (focus) buttons[i]!.focus();
  };
  FORMATS.forEach((f, i) => {
    const tabId = `cite-${n}-tab-${f.id}`;
    const panelId = `cite-${n}-panel-${f.id}`;
    const b = h('button', { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'data-format': f.id }, f.label);
    b.addEventListener('click', () => select(i));
    b.addEventListener('keydown', (ev) => {
      const k = (ev as KeyboardEvent).key;
      if (k === 'ArrowRight' || k === 'ArrowLeft') select((i + (k === 'ArrowRight' ? 1 : FORMATS.length - 1)) % FORMATS.length, true);
    });
    buttons.push(b);
    list.append(b);
    const box = h('textarea', { class: 'cite-box', readonly: true, rows: 10, spellcheck: 'false', 'aria-label': `Citation as ${f.label}`, 'data-format': f.id });
    box.value = f.of(c);
    const status = h('span', { class: 'cite-copied', role: 'status', 'aria-live': 'polite' });
    const copyButton = h('button', { type: 'button', class: 'cite-copy', 'data-copy': f.id }, `Copy ${f.label}`);
    copyButton.addEventListener('click', () => void copy(box, status));
    panels.push(h('div', { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId, class: 'cite-panel' }, box, h('div', { class: 'cite-panel-actions' }, copyButton, ' ', status)));
  });
  select(0);
  return h('div', null, list, panels);
}

/** Opens the citation dialog for a permalink; focus returns to `opener` when it closes. */
export async function openCiteDialog(permalink: string, opener: HTMLElement): Promise<void> {
  const n = ++dialogCount;
  const body = h('div', { class: 'cite-body', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading the citation…'));
  const close = h('button', { type: 'button', class: 'cite-close', 'aria-label': 'Close' }, '×');
  const dialog = h('dialog', { class: 'cite-dialog', 'aria-labelledby': `cite-${n}-title` },
    h('div', { class: 'cite-head' }, h('h2', { id: `cite-${n}-title` }, 'Cite this'), close), body);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (ev) => { if (ev.target === dialog) dialog.close(); });
  dialog.addEventListener('close', () => { dialog.remove(); opener.focus(); });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  try {
    const c = await apiGet('/cite', { query: { url: permalink, format: 'json' } });
    body.replaceChildren(
      h('p', { class: 'cite-what' }, h('strong', null, c.view.title), h('span', { class: 'muted' }, ` · ${c.view.kind}`),
        c.view.asOf ? h('span', { class: 'muted' }, ` · data as of ${c.view.asOf} (${c.view.asOfBasis})`) : null),
      tabs(c, n));
    body.querySelector<HTMLButtonElement>('.cite-copy')?.focus();
  } catch (err) {
    body.replaceChildren(h('p', { class: 'error', role: 'alert' }, `No citation: ${(err as Error).message}`));
  } finally {
    body.removeAttribute('aria-busy');
    dialog.dataset.citeReady = 'true';
  }
}

/** A "Cite" button; `permalink` is read when it is clicked (the page's address may have changed). */
export function citeButton(permalink: () => string, label: string, text = 'Cite'): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'cite-button', 'aria-label': label, title: label, 'aria-haspopup': 'dialog' }, text);
  b.addEventListener('click', () => void openCiteDialog(permalink(), b));
  return b;
}

/** The absolute permalink of a route of this app ("#/chart/launches?from=2015"). */
export const appPermalink = (hash: string) => `${location.origin}${location.pathname}${hash.startsWith('#') ? hash : `#${hash}`}`;
