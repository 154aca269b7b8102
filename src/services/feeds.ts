/**
 * The catalog feeds: how each is parsed and mapped, which bundled snapshots load on
 * first start, and where its live data comes from. Live URLs are the publishers'
 * official endpoints; each can be overridden with --from.
 */
import type { ParseResult } from '../ingest/feed-errors.js';
import type { MappedCatalog } from '../model/catalog-rows.js';
import { parseGp } from '../ingest/celestrak-gp/parse.js';
import { mapGp } from '../ingest/celestrak-gp/map.js';
import { parseSatcatCsv } from '../ingest/celestrak-satcat/parse.js';
import { mapSatcat } from '../ingest/celestrak-satcat/map.js';
import { parseLaunchLog } from '../ingest/gcat/parse-launchlog.js';
import { parseOrgs } from '../ingest/gcat/parse-orgs.js';
import { parseSites, parseLaunchPoints } from '../ingest/gcat/parse-sites.js';
import { parsePlatforms } from '../ingest/gcat/parse-platforms.js';
import { parseFtocat } from '../ingest/gcat/parse-ftocat.js';
import { mapLaunchLog, mapReference } from '../ingest/gcat/map.js';
import { parseUcs } from '../ingest/ucs/parse.js';
import { mapUcs } from '../ingest/ucs/map.js';
import { countryCodeUses, type CountryCodeUse } from '../ingest/country-code-check.js';

export interface FeedInput { text: string; file: string; sourceId: string; asOf: string }
/** countryCodes: every country code in the accepted rows, checked against data/rules/country-codes.yaml by the ingest. */
export interface FeedOutput { parsed: ParseResult<unknown>; mapped: MappedCatalog; countryCodes?: CountryCodeUse[] }

export interface BundledSnapshot { file: string; sourceId: string; asOf: string }

export interface FeedDef {
  name: string;
  label: string;
  read(input: FeedInput): FeedOutput;
  bundled: BundledSnapshot[];
  live: { url: string; sourceId: string; minIntervalHours: number } | null;
}

const GCAT = 'https://planet4589.org/space/gcat/tsv';
const GCAT_INTERVAL_HOURS = 24;

function gcatReference<T extends object>(
  name: string, label: string, parse: (t: string, f: string) => ParseResult<T>, key: (r: T) => string, state: (r: T) => string | null,
  bundled: BundledSnapshot[], url: string, countryField?: string,
): FeedDef {
  return {
    name, label, bundled,
    read: ({ text, file, sourceId }) => {
      const parsed = parse(text, file);
      const countryCodes = countryField ? countryCodeUses(parsed, 'gcat', { [countryField]: state }) : undefined;
      return { parsed, mapped: mapReference(name, parsed.rows, key, state, sourceId), countryCodes };
    },
    live: { url, sourceId: `${name}-live`, minIntervalHours: GCAT_INTERVAL_HOURS },
  };
}

export const FEEDS: FeedDef[] = [
  {
    name: 'celestrak-gp',
    label: 'CelesTrak GP element sets, active objects (OMM CSV/JSON or 3-line TLE)',
    read: ({ text, file, sourceId, asOf }) => {
      const parsed = parseGp(text, file);
      return { parsed, mapped: mapGp(parsed.rows, sourceId, asOf) };
    },
    bundled: [
      { file: 'celestrak_active_tle_2026-05-04.txt.gz', sourceId: 'celestrak-tle-active-2026-05-04', asOf: '2026-05-04' },
      { file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' },
    ],
    // CelesTrak asks clients not to download the same data more than once every two hours.
    live: { url: 'https://celestrak.org/NORAD/elements/gp.php?GROUP=active&FORMAT=csv', sourceId: 'celestrak-gp-live', minIntervalHours: 2 },
  },
  {
    name: 'celestrak-satcat',
    label: 'CelesTrak SATCAT (CSV)',
    read: ({ text, file, sourceId }) => {
      const parsed = parseSatcatCsv(text, file);
      return { parsed, mapped: mapSatcat(parsed.rows, sourceId), countryCodes: countryCodeUses(parsed, 'satcat', { OWNER: (r) => r.owner }) };
    },
    bundled: [],
    live: { url: 'https://celestrak.org/pub/satcat.csv', sourceId: 'celestrak-satcat-live', minIntervalHours: 24 },
  },
  {
    name: 'gcat-launchlog',
    label: 'GCAT derived launch log (one row per object)',
    read: ({ text, file, sourceId }) => {
      const parsed = parseLaunchLog(text, file);
      const countryCodes = countryCodeUses(parsed, 'gcat', { LVState: (r) => r.lvState, SatState: (r) => r.satState });
      return { parsed, mapped: mapLaunchLog(parsed.rows, sourceId), countryCodes };
    },
    bundled: [{ file: 'gcat_launchlog_2024-12-08.tsv.gz', sourceId: 'gcat-launchlog-2024-12-08', asOf: '2024-12-08' }],
    live: { url: `${GCAT}/derived/launchlog.tsv`, sourceId: 'gcat-launchlog-live', minIntervalHours: GCAT_INTERVAL_HOURS },
  },
  gcatReference('gcat-orgs', 'GCAT organizations', parseOrgs, (r) => r.code, (r) => r.stateCode,
    [{ file: 'gcat_orgs_2026-03-26.tsv.gz', sourceId: 'gcat-orgs-2026-03-26', asOf: '2026-03-26' }], `${GCAT}/tables/orgs.tsv`),
  gcatReference('gcat-sites', 'GCAT launch sites', parseSites, (r) => r.site, (r) => r.stateCode,
    [{ file: 'gcat_sites_2024-11-27.tsv.gz', sourceId: 'gcat-sites-2024-11-27', asOf: '2024-11-27' }], `${GCAT}/tables/sites.tsv`),
  gcatReference('gcat-lp', 'GCAT launch points (pads)', parseLaunchPoints, (r) => `${r.site}/${r.code ?? '-'}`, (r) => r.stateCode,
    [{ file: 'gcat_lp_2024-01-13.tsv.gz', sourceId: 'gcat-lp-2024-01-13', asOf: '2024-01-13' }], `${GCAT}/tables/lp.tsv`),
  gcatReference('gcat-platforms', 'GCAT launch platforms (ships, aircraft)', parsePlatforms, (r) => r.code, (r) => r.stateCode,
    [{ file: 'gcat_platforms_2024-01-13.tsv.gz', sourceId: 'gcat-platforms-2024-01-13', asOf: '2024-01-13' }], `${GCAT}/tables/platforms.tsv`),
  gcatReference('gcat-ftocat', 'GCAT failed-to-orbit catalog', parseFtocat, (r) => r.jcat, (r) => r.state,
    [{ file: 'gcat_ftocat_extract_2024-12-18_to_2026-08-10.tsv.gz', sourceId: 'gcat-ftocat-extract-2026-08-10', asOf: '2026-08-10' }], `${GCAT}/cat/ftocat.tsv`, 'State'),
  {
    name: 'ucs',
    label: 'UCS Satellite Database (tab-delimited; frozen at its 2023-05-01 release)',
    read: ({ text, file, sourceId }) => {
      const parsed = parseUcs(text, file);
      return { parsed, mapped: mapUcs(parsed.rows, sourceId), countryCodes: countryCodeUses(parsed, 'ucs', { 'Country of Operator/Owner': (r) => r.countryOfOperator }) };
    },
    bundled: [{ file: 'ucs_satellite_database_2023-05-01.tsv.gz', sourceId: 'ucs-satdb-2023-05-01', asOf: '2023-05-01' }],
    live: null,
  },
];

export function feedByName(name: string): FeedDef | undefined {
  return FEEDS.find((f) => f.name === name);
}
