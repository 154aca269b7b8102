/**
 * The citation builder on awkward input: TeX's special characters and unbalanced braces in a
 * title, Chinese text, a permalink with a query. The BibTeX must parse back to the same title and
 * URL (a maintained parser, @retorquere/bibtex-parser); the CSL-JSON must be valid against the
 * CSL input schema (test/fixtures/csl/csl-data.json, vendored from citation-style-language/schema, MIT).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { Ajv } from 'ajv';
import { buildCitation, citationKey, type CitedView } from '../../src/analytics/citation.js';
import { citationBibtex } from '../../src/analytics/citation-bibtex.js';
import { citationCsl } from '../../src/analytics/citation-csl.js';

const ajv = new Ajv({ strict: false, allErrors: true });
const validateCsl = ajv.compile(JSON.parse(readFileSync('test/fixtures/csl/csl-data.json', 'utf8')) as object);

const view = (over: Partial<CitedView> = {}): CitedView => ({
  kind: 'statement', id: 'st.1', title: 'A {odd} title: 100% of $5 & #1_x ~ ^ \\ end } {', permalink: 'https://example.org/#/entity/org.x?statement=st.1',
  asOf: '2026-03-26', asOfBasis: 'test date',
  sources: [{ id: 'redshift-2025', title: 'Redshift', publisher: 'Commercial Space Federation', published: '2025-09', url: null, citation: null, locators: ['§3.2.3 [125] [126]'], references: [{ number: '125', url: 'https://example.org/ref_125?a=1&b=2' }, { number: '126', url: null }] }],
  moreSources: 0, ...over,
});

describe('citation builder', () => {
  it('writes BibTeX that parses back to the same title, URL and key, whatever the title holds', () => {
    for (const title of [view().title, '北京蓝箭空间科技有限公司', '}{', 'plain']) {
      const c = buildCitation(view({ title }), '2026-12-06');
      const bib = parseBibtex(citationBibtex(c), { sentenceCase: false });
      expect(bib.errors, title).toEqual([]);
      expect(bib.entries).toHaveLength(1);
      expect(bib.entries[0]!.key).toBe(c.key);
      expect(bib.entries[0]!.fields.title).toBe(title);
      expect(bib.entries[0]!.fields.url).toBe(c.view.permalink);
      expect(bib.entries[0]!.fields.urldate).toBe('2026-12-06');
    }
  });

  it('writes CSL-JSON valid against the CSL schema, dated by the data\'s as-of date', () => {
    for (const kind of ['entity', 'chart', 'indicator', 'page'] as const) {
      for (const asOf of ['2026-03-26', '2025-09', '2024', null]) {
        const csl = citationCsl(buildCitation(view({ kind, asOf }), '2026-12-06'));
        expect(validateCsl(csl), ajv.errorsText(validateCsl.errors)).toBe(true);
        expect(csl[0]!.type).toBe(kind === 'chart' || kind === 'indicator' ? 'dataset' : 'webpage');
        expect(csl[0]!.issued?.['date-parts'][0]).toEqual(asOf ? asOf.split('-').map(Number) : undefined);
        expect(csl[0]!.accessed).toEqual({ 'date-parts': [[2026, 12, 6]] });
      }
    }
  });

  it('names the report\'s references with their URLs in the text', () => {
    const text = buildCitation(view(), '2026-12-06').text;
    expect(text).toContain('§3.2.3 [125] [126]');
    expect(text).toContain('report references [125] https://example.org/ref_125?a=1&b=2; [126]');
    expect(text).toContain('Data as of 2026-03-26 (test date)');
  });

  it('keys a permalink the same way every time, with only BibTeX-safe characters, and its query in the key', () => {
    const a = citationKey(view());
    expect(a).toBe(citationKey(view()));
    expect(a).toMatch(/^[A-Za-z0-9._:-]+$/);
    expect(a).not.toBe(citationKey(view({ permalink: 'https://example.org/#/entity/org.x?statement=st.2' })));
    expect(citationKey(view({ kind: 'entity', id: 'org.x {y}', permalink: 'https://e/#/entity/org.x' }))).toBe('redshift-monitor:entity:org.x-y-');
  });
});
