/**
 * Numbered citations for the regenerated report: each (source, locator) pair gets a
 * number on first use, and the reference list resolves every number to the source's
 * title and URL (for the seed report's own references, the URL of the cited [NNN]).
 */
export interface SourceInfo {
  id: string; kind: string; title: string; url: string | null; publisher: string | null; published: string | null; partOf: string | null; referenceNumber: string | null;
  authors: string[]; licence: string | null; citation: string | null;
}

export class Citations {
  private readonly numbers = new Map<string, number>();
  private readonly entries: { n: number; sourceId: string; locator: string | null }[] = [];

  constructor(private readonly sources: Map<string, SourceInfo>) {}

  /** The citation mark for a source and locator, e.g. "[12]". */
  cite(sourceId: string, locator: string | null = null): string {
    const key = `${sourceId}|${locator ?? ''}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.entries.length + 1;
      this.numbers.set(key, n);
      this.entries.push({ n, sourceId, locator });
    }
    return `<sup class="cite"><a href="#ref-${n}" data-cite="${n}">[${n}]</a></sup>`;
  }

  count(): number {
    return this.entries.length;
  }

  renderList(esc: (s: string) => string): string {
    const refUrl = (num: string) => this.sources.get(`redshift-2025.ref-${num}`)?.url ?? null;
    const items = this.entries.map(({ n, sourceId, locator }) => {
      const s = this.sources.get(sourceId);
      const title = s ? s.title : sourceId;
      const nested = sourceId === 'redshift-2025' && locator
        ? [...locator.matchAll(/\[(\d{3})\]/g)].map((m) => { const u = refUrl(m[1]!); return `[${m[1]}]${u ? ` <a href="${esc(u)}">${esc(u)}</a>` : ''}`; })
        : [];
      return `<li id="ref-${n}" value="${n}" data-source="${esc(sourceId)}">${esc(title)}${s?.publisher ? `, ${esc(s.publisher)}` : ''}${s?.published ? ` (${esc(s.published)})` : ''}${locator ? `, ${esc(locator)}` : ''}.${s?.url ? ` <a href="${esc(s.url)}">${esc(s.url)}</a>` : ''}${nested.length ? `<br><span class="nested">The report's references: ${nested.join('; ')}</span>` : ''}</li>`;
    });
    return `<ol class="references">\n${items.join('\n')}\n</ol>`;
  }
}
