/**
 * A view's citation as one BibTeX @misc entry (biblatex reads the same fields: url, urldate).
 * Text fields escape TeX's special characters, so braces in a title cannot unbalance the entry;
 * the url field is verbatim, so only braces, backslashes and spaces are percent-encoded there.
 */
import { KIND_LABEL, PRODUCT, sourceLine, type Citation } from './citation.js';

const TEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', $: '\\$', '&': '\\&', '%': '\\%', '#': '\\#', _: '\\_',
  '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
};

/** Text with TeX's special characters escaped and line breaks as spaces. */
export function texEscape(text: string): string {
  return text.replace(/[\\{}$&%#_~^]/g, (c) => TEX_SPECIAL[c]!).replace(/\s+/g, ' ').trim();
}

/** A URL safe inside a braced verbatim field. */
export function bibUrl(url: string): string {
  return url.replace(/[{}\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function citationBibtex(c: Citation): string {
  const v = c.view;
  const year = (v.asOf ?? c.accessed).slice(0, 4);
  const sources = v.sources.map((s, i) => `(${i + 1}) ${sourceLine(s)}`);
  if (v.moreSources) sources.push(`and ${v.moreSources} more listed on the page`);
  const note = `${KIND_LABEL[v.kind]}${v.asOf ? `; data as of ${v.asOf} (${v.asOfBasis})` : ''}. Sources: ${sources.length ? sources.join(' ') : 'as listed on the page.'}`;
  const fields: [string, string][] = [
    ['author', `{${PRODUCT}}`],
    ['title', `{${texEscape(v.title)}}`],
    ['howpublished', texEscape(PRODUCT)],
    ['publisher', texEscape(PRODUCT)],
    ['year', year],
    ['url', bibUrl(v.permalink)],
    ['urldate', c.accessed],
    ['note', texEscape(note)],
  ];
  return `@misc{${c.key},\n${fields.map(([k, val]) => `  ${k} = {${val}}`).join(',\n')}\n}\n`;
}
