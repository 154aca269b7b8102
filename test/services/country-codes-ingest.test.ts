/**
 * Country codes at ingest: every code in the bundled files is in data/rules/country-codes.yaml;
 * a code that is not is reported with field and lines in the run's detail, stored as written,
 * and never read as a country by Figure 7 (on every store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STORE_KINDS, type TestStore } from '../support/stores.js';
import { storeWithSources } from '../support/catalog-store.js';
import { FEEDS, feedByName } from '../../src/services/feeds.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { ingestFeed } from '../../src/services/ingest-feed.js';
import { launchesAnalytic, loadRules } from '../../src/services/analytics.js';
import { unknownCountryCodes } from '../../src/ingest/country-code-check.js';
import { countryVocabulary } from '../../src/model/country-codes.js';
import { readRules } from '../../src/ingest/rules/read-rules.js';

const rules = loadRules('data/rules');
const vocabulary = countryVocabulary(rules.countryCodes);

describe('the country vocabulary covers the bundled files', () => {
  const bundled = FEEDS.flatMap((feed) => feed.bundled.map((snap) => [feed.name, snap.file, feed] as const));
  it.each(bundled)('%s %s: no unknown country code', (_name, file, feed) => {
    const out = feed.read({ text: readSnapshot(file), file, sourceId: 'x', asOf: '2026-01-01' });
    expect(unknownCountryCodes(out.countryCodes ?? [], vocabulary)).toEqual([]);
  });

  it('the SATCAT excerpt (the only SATCAT rows at hand; source celestrak-satcat-excerpt-2025-12) has no unknown owner code', () => {
    const text = readFileSync('test/fixtures/celestrak-satcat/satcat-excerpt-2025-12.csv', 'utf8');
    const out = feedByName('celestrak-satcat')!.read({ text, file: 'excerpt.csv', sourceId: 'x', asOf: '2025-12-31' });
    expect(out.countryCodes!.length).toBe(out.parsed.rows.length);
    expect(unknownCountryCodes(out.countryCodes!, vocabulary)).toEqual([]);
    expect(new Set(out.countryCodes!.map((u) => u.code))).toEqual(new Set(['PRC', 'US', 'CIS', 'JPN', 'ESA', 'TBD', 'FR', 'IND']));
    expect(['PRC', 'CIS', 'ESA', 'TBD'].map((c) => vocabulary.resolve('satcat', c))).toEqual([
      { status: 'country', key: 'CN' }, { status: 'country', key: 'cis' }, { status: 'country', key: 'esa' }, { status: 'no-country' }]);
  });

  it('rejects a mapping with a non-ISO code, an undeclared group or a duplicate code', () => {
    const dir = 'test/fixtures/rules-bad-country-codes';
    const r = readRules(dir);
    expect(r.ok).toBe(false);
    const reasons = r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.reason}`);
    expect(reasons).toEqual(expect.arrayContaining([
      expect.stringMatching(/gcatStateCodes\[0\]\.iso: not an ISO 3166-1 alpha-2 code/),
      expect.stringMatching(/gcatStateCodes\[1\]: give exactly one of iso, group or noCountry/),
      expect.stringMatching(/gcatStateCodes J: duplicate code "J"/),
      expect.stringMatching(/gcatStateCodes Q: unknown country group "atlantis"/),
    ]));
  });
});

describe.each(STORE_KINDS)('an unknown country code at ingest on %s', (kind) => {
  let store: TestStore;
  const log = readFileSync('test/fixtures/gcat/launchlog-sample.tsv', 'utf8').split('\n');
  // Line 3 (second data row, Sputnik 2): its LVState "SU" becomes the made-up code "ZZ9".
  log[2] = log[2]!.replace(/\tSU\tOS\t/, '\tZZ9\tOS\t');
  beforeAll(async () => {
    store = await storeWithSources(kind);
  }, 120_000);
  afterAll(() => store?.dispose());

  it('is reported with field and line in the run detail, and counted under "unknown", never as a country', async () => {
    expect(log[2]).toContain('\tZZ9\t');
    const report = await ingestFeed(store.db, feedByName('gcat-launchlog')!, { text: log.join('\n'), file: 'launchlog-zz9.tsv', sourceId: 'gcat-launchlog-live', asOf: '2024-12-08' });
    expect(report.unknownCountryCodes).toEqual([{ vocabulary: 'gcat', field: 'LVState', code: 'ZZ9', rows: 1, lines: [3] }]);
    expect(report.unknownCountryCodeCount).toBe(1);
    const run = await store.db.selectFrom('runs').select('detail').where('id', '=', report.runId).executeTakeFirstOrThrow();
    expect((run.detail as { unknownCountryCodes: unknown[] }).unknownCountryCodes).toEqual(report.unknownCountryCodes);
    const stored = await store.db.selectFrom('launches').select('lv_state').where('id', 'like', '1957 BET%').executeTakeFirstOrThrow();
    expect(stored.lv_state).toBe('ZZ9');
    const f = await launchesAnalytic(store.db, rules);
    const y1957 = f.years.find((y) => y.year === 1957)!;
    expect(Object.keys(y1957.countries)).toEqual(expect.arrayContaining(['soviet-union', 'unknown']));
    expect(Object.keys(y1957.countries)).not.toContain('ZZ9');
    expect(y1957.countries.unknown!.total).toBe(1);
    expect(f.unmappedStates).toEqual({ ZZ9: 1 });
    expect(f.countries.unknown!.gcatStates).toEqual(['ZZ9']);
  });
});
