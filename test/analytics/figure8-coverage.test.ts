/**
 * Figure 8's coverage text and sources name the owner catalogs it is given (as the store last
 * ingested them), so a newer launch log moves the stated end date and the citation with it.
 */
import { describe, expect, it } from 'vitest';
import { figure8 } from '../../src/analytics/spacecraft.js';

const snapshot = { id: 'gp-2026-07-10', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10', objectCount: 0 };

describe('Figure 8 coverage', () => {
  it('states the end date of each catalog it was given and cites it', () => {
    const f = figure8([], snapshot, [
      { title: 'GCAT launch log', sourceId: 'gcat-launchlog-live', asOf: '2026-11-30' },
      { title: 'UCS Satellite Database', sourceId: 'ucs-satdb-2023-05-01', asOf: '2023-05-01' },
    ], { country: 'US', countryName: 'United States' });
    expect(f.coverage).toContain('(GCAT launch log 2026-11-30, UCS Satellite Database 2023-05-01)');
    expect(f.coverage).not.toContain('2024-12-08');
    expect(f.sources).toEqual(['celestrak-gp-active-2026-07-10', 'gcat-launchlog-live', 'ucs-satdb-2023-05-01']);
  });

  it('says so when no owner catalog is loaded, and cites the snapshot alone', () => {
    const f = figure8([], snapshot, [], { country: 'US', countryName: 'United States' });
    expect(f.coverage).toContain('No catalog that attributes owners is loaded');
    expect(f.sources).toEqual(['celestrak-gp-active-2026-07-10']);
  });
});
