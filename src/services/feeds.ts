/**
 * The catalog feeds: how each is parsed and mapped, which bundled snapshots load on
 * first start, and where its live data comes from. Live URLs are the publishers'
 * official endpoints; each can be overridden with --from.
 */
import type { ParseResult, RowKey } from '../ingest/feed-errors.js';
import { keyValue } from '../ingest/kept-rows.js';
import type { MappedCatalog } from '../model/catalog-rows.js';
import { parseGp } from '../ingest/celestrak-gp/parse.js';
import { checkRowValues } from '../ingest/check-feed.js';
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
import type { FeedInvariants } from '../ingest/feed-invariants.js';
import { GP_INVARIANTS } from '../ingest/celestrak-gp/invariants.js';
import { SATCAT_INVARIANTS } from '../ingest/celestrak-satcat/invariants.js';
import { UCS_INVARIANTS } from '../ingest/ucs/invariants.js';
import {
  FTOCAT_INVARIANTS, LAUNCHLOG_INVARIANTS, LP_INVARIANTS, ORGS_INVARIANTS, PLATFORMS_INVARIANTS, SITES_INVARIANTS,
} from '../ingest/gcat/invariants.js';

/** receivedAt: when the file's bytes were received or read (ISO); the rows' date-times are checked against it (FeedInvariants.notAfterReceipt). */
export interface FeedInput { text: string; file: string; sourceId: string; asOf: string; receivedAt?: string }
/** countryCodes: every country code in the accepted rows, checked against data/rules/country-codes.yaml by the ingest. */
export interface FeedMapped { mapped: MappedCatalog; countryCodes?: CountryCodeUse[] }
/** countryCheck: the country codes already checked against the rules (by the parse worker), if they were. */
export interface FeedOutput extends FeedMapped { parsed: ParseResult<unknown>; countryCheck?: CountryCheck }

export interface BundledSnapshot { file: string; sourceId: string; asOf: string }
import { FEED_MAX_BYTES, type FeedName } from './feed-names.js';
import type { CountryCheck } from './feed-country-check.js';

export interface FeedDef {
  name: FeedName;
  label: string;
  /** Parse the text into rows (pure); bad rows are rejected with line, field and reason. */
  parse(input: FeedInput): ParseResult<unknown>;
  /** Map accepted rows to store rows (pure). */
  map(parsed: ParseResult<unknown>, input: FeedInput): FeedMapped;
  /** parse, check each row's values (a bad value rejects its row), then map: pure, so it can run in a worker. */
  read(input: FeedInput): FeedOutput;
  /** What a file must satisfy before anything is written (src/ingest/<feed>/invariants.ts). */
  invariants: FeedInvariants;
  bundled: BundledSnapshot[];
  live: { url: string; sourceId: string; minIntervalHours: number } | null;
  /** The most bytes a file or download of this feed may hold (FEED_MAX_BYTES, feed-names.ts); a larger one is refused. */
  maxBytes: number;
}

interface FeedSpec<T> extends Omit<FeedDef, 'parse' | 'map' | 'read' | 'maxBytes'> {
  parse(input: FeedInput): ParseResult<T>;
  map(parsed: ParseResult<T>, input: FeedInput): FeedMapped;
}

/** A feed whose parser and mapper agree on the row type T (erased to unknown in FeedDef). */
function feed<T>(spec: FeedSpec<T>): FeedDef {
  const map = (parsed: ParseResult<unknown>, input: FeedInput) => spec.map(parsed as ParseResult<T>, input);
  return {
    ...spec, map, maxBytes: FEED_MAX_BYTES[spec.name],
    read: (input) => {
      const parsed = checkRowValues(spec.parse(input), spec.invariants, input.file, input.receivedAt);
      return { parsed, ...spec.map(parsed, input) };
    },
  };
}

const GCAT = 'https://planet4589.org/space/gcat/tsv';
const GCAT_INTERVAL_HOURS = 24;

function gcatReference<T extends object>(
  name: FeedName, label: string, parse: (t: string, f: string) => ParseResult<T>, key: (k: RowKey) => string | null, state: (r: T) => string | null,
  invariants: FeedInvariants, bundled: BundledSnapshot[], url: string, countryField?: string,
): FeedDef {
  return feed<T>({
    name, label, bundled, invariants,
    parse: ({ text, file }) => parse(text, file),
    map: (parsed, { sourceId }) => {
      const countryCodes = countryField ? countryCodeUses(parsed, 'gcat', { [countryField]: state }) : undefined;
      return { mapped: mapReference(name, parsed, key, state, sourceId), countryCodes };
    },
    live: { url, sourceId: `${name}-live`, minIntervalHours: GCAT_INTERVAL_HOURS },
  });
}

/** A pad is keyed Site/Code, "-" for a site's row without a pad code. */
function launchPointKey(k: RowKey): string | null {
  const site = keyValue(k, 'Site');
  return site === null ? null : `${site}/${keyValue(k, 'Code') ?? '-'}`;
}

export const FEEDS: FeedDef[] = [
  feed({
    name: 'celestrak-gp',
    label: 'CelesTrak GP element sets, active objects (OMM CSV/JSON or 3-line TLE)',
    parse: ({ text, file }) => parseGp(text, file),
    map: (parsed, { sourceId, asOf }) => ({ mapped: mapGp(parsed.rows, sourceId, asOf) }),
    invariants: GP_INVARIANTS,
    bundled: [
      { file: 'celestrak_active_tle_2026-05-04.txt.gz', sourceId: 'celestrak-tle-active-2026-05-04', asOf: '2026-05-04' },
      { file: 'celestrak_gp_active_2026-07-10.csv.gz', sourceId: 'celestrak-gp-active-2026-07-10', asOf: '2026-07-10' },
    ],
    // CelesTrak asks clients not to download the same data more than once every two hours.
    live: { url: 'https://celestrak.org/NORAD/elements/gp.php?GROUP=active&FORMAT=csv', sourceId: 'celestrak-gp-live', minIntervalHours: 2 },
  }),
  feed({
    name: 'celestrak-satcat',
    label: 'CelesTrak SATCAT (CSV)',
    parse: ({ text, file }) => parseSatcatCsv(text, file),
    map: (parsed, { sourceId }) => ({ mapped: mapSatcat(parsed.rows, sourceId, parsed.rejected), countryCodes: countryCodeUses(parsed, 'satcat', { OWNER: (r) => r.owner }) }),
    invariants: SATCAT_INVARIANTS,
    bundled: [],
    live: { url: 'https://celestrak.org/pub/satcat.csv', sourceId: 'celestrak-satcat-live', minIntervalHours: 24 },
  }),
  feed({
    name: 'gcat-launchlog',
    label: 'GCAT derived launch log (one row per object)',
    parse: ({ text, file }) => parseLaunchLog(text, file),
    map: (parsed, { sourceId }) => {
      const countryCodes = countryCodeUses(parsed, 'gcat', { LVState: (r) => r.lvState, SatState: (r) => r.satState });
      return { mapped: mapLaunchLog(parsed.rows, sourceId, parsed.rejected), countryCodes };
    },
    invariants: LAUNCHLOG_INVARIANTS,
    bundled: [{ file: 'gcat_launchlog_2024-12-08.tsv.gz', sourceId: 'gcat-launchlog-2024-12-08', asOf: '2024-12-08' }],
    live: { url: `${GCAT}/derived/launchlog.tsv`, sourceId: 'gcat-launchlog-live', minIntervalHours: GCAT_INTERVAL_HOURS },
  }),
  gcatReference('gcat-orgs', 'GCAT organizations', parseOrgs, (k) => keyValue(k, 'Code'), (r) => r.stateCode, ORGS_INVARIANTS,
    [{ file: 'gcat_orgs_2026-03-26.tsv.gz', sourceId: 'gcat-orgs-2026-03-26', asOf: '2026-03-26' }], `${GCAT}/tables/orgs.tsv`),
  gcatReference('gcat-sites', 'GCAT launch sites', parseSites, (k) => keyValue(k, 'Site'), (r) => r.stateCode, SITES_INVARIANTS,
    [{ file: 'gcat_sites_2024-11-27.tsv.gz', sourceId: 'gcat-sites-2024-11-27', asOf: '2024-11-27' }], `${GCAT}/tables/sites.tsv`),
  gcatReference('gcat-lp', 'GCAT launch points (pads)', parseLaunchPoints, launchPointKey, (r) => r.stateCode, LP_INVARIANTS,
    [{ file: 'gcat_lp_2024-01-13.tsv.gz', sourceId: 'gcat-lp-2024-01-13', asOf: '2024-01-13' }], `${GCAT}/tables/lp.tsv`),
  gcatReference('gcat-platforms', 'GCAT launch platforms (ships, aircraft)', parsePlatforms, (k) => keyValue(k, 'Code'), (r) => r.stateCode, PLATFORMS_INVARIANTS,
    [{ file: 'gcat_platforms_2024-01-13.tsv.gz', sourceId: 'gcat-platforms-2024-01-13', asOf: '2024-01-13' }], `${GCAT}/tables/platforms.tsv`),
  gcatReference('gcat-ftocat', 'GCAT failed-to-orbit catalog', parseFtocat, (k) => keyValue(k, 'JCAT'), (r) => r.state, FTOCAT_INVARIANTS,
    [{ file: 'gcat_ftocat_extract_2024-12-18_to_2026-08-10.tsv.gz', sourceId: 'gcat-ftocat-extract-2026-08-10', asOf: '2026-08-10' }], `${GCAT}/cat/ftocat.tsv`, 'State'),
  feed({
    name: 'ucs',
    label: 'UCS Satellite Database (tab-delimited; frozen at its 2023-05-01 release)',
    parse: ({ text, file }) => parseUcs(text, file),
    map: (parsed, { sourceId }) => ({
      mapped: mapUcs(parsed, sourceId),
      countryCodes: countryCodeUses(parsed, 'ucs', { 'Country of Operator/Owner': (r) => r.countryOfOperator }),
    }),
    invariants: UCS_INVARIANTS,
    bundled: [{ file: 'ucs_satellite_database_2023-05-01.tsv.gz', sourceId: 'ucs-satdb-2023-05-01', asOf: '2023-05-01' }],
    live: null,
  }),
];

export function feedByName(name: string): FeedDef | undefined {
  return FEEDS.find((f) => f.name === name);
}
