/**
 * Figure 7 from data: orbital launches per year by launching country and outcome,
 * China split into state and commercial providers, China beside the United States.
 * Convention: the launching country is GCAT's LVState (the state of the launching agency), keyed by
 * ISO 3166-1 alpha-2 or a named group through the country vocabulary (data/rules/country-codes.yaml).
 */
import type { LaunchRecord } from '../model/catalog-records.js';
import type { LaunchProviderRule } from '../model/rules.js';
import type { CountryVocabulary } from '../model/country-codes.js';

export type Outcome = 'success' | 'partial' | 'failure' | 'unknown';
export interface OutcomeCounts { success: number; partial: number; failure: number; unknown: number; total: number }

export const FIGURE7_CONVENTION = 'Launching country = GCAT\'s LVState: the state of the agency that conducted the launch, not of the vehicle\'s builder or the launch site '
  + '(Rocket Lab\'s Electron counts under NZ when its New Zealand company launches from Mahia and under US when its US company launches; Arianespace\'s Soyuz-ST from Kourou counts under FR), as an ISO 3166-1 alpha-2 code (GCAT J = JP, F = FR, UK = GB …) or a named group for what is not one country today (soviet-union, esa, …; historical states are not merged into a successor), per data/rules/country-codes.yaml; launches whose state code is missing or not in that file are counted under "unknown" and listed in unmappedStates. One launch per GCAT launch tag; orbital and deep-space launches counted, ascents from other bodies not. Outcome from GCAT\'s launch code: S = success (a success-fraction suffix below 1 = partial), F or E = failure.';

export function outcomeOf(l: Pick<LaunchRecord, 'outcome' | 'successFraction'>): Outcome {
  if (l.outcome === 'success') return l.successFraction !== null && l.successFraction < 1 ? 'partial' : 'success';
  if (l.outcome === 'failure' || l.outcome === 'pad-explosion') return 'failure';
  return 'unknown';
}

const empty = (): OutcomeCounts => ({ success: 0, partial: 0, failure: 0, unknown: 0, total: 0 });
function add(c: OutcomeCounts, o: Outcome) { c[o]++; c.total++; }

export interface FailedToOrbit { launchTag: string; launchDate: string; year: number; state: string | null; name: string | null; sourceId: string }

/** The key of launches whose launching state is missing or not in the country vocabulary. */
export const UNKNOWN_COUNTRY = 'unknown';

/** One country key of the answer: its name and the GCAT state codes counted under it. */
export interface CountryLegend { name: string; gcatStates: string[] }

export interface Figure7Options {
  country?: string; fromYear?: number; asOf?: string;
  /** The caption of an entity id (providers and their groups in the sector definition); the id itself without it. */
  names?: (id: string) => string;
}

export interface Figure7 {
  title: string;
  convention: string;
  coverage: { sources: string[]; from: string | null; to: string; note: string };
  years: { year: number; complete: boolean; countries: Record<string, OutcomeCounts> }[];
  /** China per year by provider sector; commercialStateGroup: the commercial launches by providers of a state-owned group (counted in commercial too). */
  china: { year: number; complete: boolean; state: OutcomeCounts; commercial: OutcomeCounts; commercialStateGroup: OutcomeCounts; unattributed: OutcomeCounts; providers: Record<string, number> }[];
  /** What state, commercial and commercialStateGroup count, naming the commercial providers of state-owned groups. */
  sectorDefinition: string;
  chinaVsUnitedStates: { year: number; complete: boolean; CN: OutcomeCounts; US: OutcomeCounts }[];
  afterCoverage: { year: number; country: string; gcatState: string | null; failures: number; launches: string[]; source: string; note: string }[];
  /** Every country key in the answer: ISO 3166-1 alpha-2 codes and named groups, with the GCAT codes behind each. */
  countries: Record<string, CountryLegend>;
  /** GCAT state codes met in the data but not in the country vocabulary, with how many launches carry each. */
  unmappedStates: Record<string, number>;
}

export function compileProviders(rules: readonly LaunchProviderRule[]): [LaunchProviderRule, RegExp][] {
  return rules.map((r) => [r, new RegExp(r.lvTypePattern)]);
}

/** Whether the launch data, ending on `coverageEnd`, cover all of `year`. */
export function yearComplete(year: number, coverageEnd: string): boolean {
  return year < Number(coverageEnd.slice(0, 4)) || coverageEnd.slice(5) >= '12-31';
}

/** The country key of a GCAT state code: ISO code or group id, else "unknown" (never the raw code). */
export function launchCountry(vocabulary: CountryVocabulary, gcatState: string | null): string {
  const r = vocabulary.resolve('gcat', gcatState);
  return r.status === 'country' ? r.key : UNKNOWN_COUNTRY;
}

/** The orbital launches (ascents from other bodies excluded) of a launching state (GCAT code) in a year. */
export function orbitalLaunches(launches: readonly LaunchRecord[], lvState: string, year: number): LaunchRecord[] {
  return launches.filter((l) => l.lvState === lvState && l.year === year && l.launchClass !== 'extraterrestrial');
}

/** What the sectors count: the rules' sectors, and which commercial providers belong to a state-owned group. */
function sectorDefinition(rules: readonly LaunchProviderRule[], names: (id: string) => string): string {
  const grouped = [...new Map(rules.filter((r) => r.stateGroup).map((r) => [r.provider, r.stateGroup!.parent])).entries()];
  const list = grouped.map(([provider, parent]) => `${names(provider)} (of ${names(parent)})`).join(', ');
  return 'State and commercial: the provider\'s sector in the curated launch-provider rules (data/rules/classification.yaml), '
    + 'which follow the report\'s own use of "commercial"; commercial is not the same as private. '
    + (grouped.length ? `Commercial includes providers that belong to state-owned groups, as the GCAT organizations file gives their parent: ${list}; `
      + 'commercialStateGroup counts their launches, which are also in commercial.' : 'No commercial provider\'s rule names a state-owned parent group.');
}

export function figure7(launches: readonly LaunchRecord[], failedToOrbit: readonly FailedToOrbit[], rules: readonly LaunchProviderRule[], vocabulary: CountryVocabulary, coverageEnd: string, opts: Figure7Options = {}): Figure7 {
  const end = opts.asOf && opts.asOf < coverageEnd ? opts.asOf : coverageEnd;
  const endYear = Number(end.slice(0, 4));
  const complete = (y: number) => yearComplete(y, end);
  const counted = launches.filter((l) => l.launchClass !== 'extraterrestrial' && l.launchDate.slice(0, 10) <= end && (opts.fromYear === undefined || l.year >= opts.fromYear));
  const byYear = new Map<number, Figure7['years'][number]>();
  const china = new Map<number, Figure7['china'][number]>();
  const providers = compileProviders(rules);
  const legend = new Map<string, Set<string>>();
  const unmapped: Record<string, number> = {};
  const note = (key: string, raw: string | null) => {
    const codes = legend.get(key) ?? legend.set(key, new Set()).get(key)!;
    if (raw) codes.add(raw);
    if (key === UNKNOWN_COUNTRY && raw) unmapped[raw] = (unmapped[raw] ?? 0) + 1;
  };
  for (const l of counted) {
    const country = launchCountry(vocabulary, l.lvState);
    if (opts.country && country !== opts.country && country !== 'CN' && country !== 'US') continue;
    note(country, l.lvState);
    const y = byYear.get(l.year) ?? { year: l.year, complete: complete(l.year), countries: {} };
    byYear.set(l.year, y);
    add((y.countries[country] ??= empty()), outcomeOf(l));
    if (country === 'CN') {
      const c = china.get(l.year) ?? { year: l.year, complete: complete(l.year), state: empty(), commercial: empty(), commercialStateGroup: empty(), unattributed: empty(), providers: {} };
      china.set(l.year, c);
      const match = providers.find(([, re]) => re.test(l.lvType))?.[0];
      add(match ? c[match.sector] : c.unattributed, outcomeOf(l));
      if (match?.stateGroup) add(c.commercialStateGroup, outcomeOf(l));
      const key = match?.provider ?? `unattributed:${l.lvType}`;
      c.providers[key] = (c.providers[key] ?? 0) + 1;
    }
  }
  const years = [...byYear.values()].sort((a, b) => a.year - b.year).map((y) => ({
    ...y, countries: opts.country ? pick(y.countries, [opts.country]) : y.countries,
  }));
  const after = new Map<string, Figure7['afterCoverage'][number]>();
  const skipped = skippedFailureTags(failedToOrbit);
  for (const f of failedToOrbit) {
    if (f.launchDate.slice(0, 10) <= coverageEnd || (opts.asOf && f.launchDate.slice(0, 10) > opts.asOf)) continue;
    const country = launchCountry(vocabulary, f.state);
    if (opts.country && country !== opts.country) continue;
    note(country, f.state);
    const key = `${f.year}|${country}|${f.state ?? ''}`;
    const row = after.get(key) ?? { year: f.year, country, gcatState: f.state, failures: 0, launches: [], source: f.sourceId, note: afterCoverageNote(skipped.get(f.year) ?? []) };
    if (!row.launches.includes(f.launchTag)) { row.launches.push(f.launchTag); row.failures++; }
    after.set(key, row);
  }
  return {
    title: 'Orbital launches by launching country and outcome',
    convention: FIGURE7_CONVENTION,
    sectorDefinition: sectorDefinition(rules, opts.names ?? ((id) => id)),
    coverage: {
      sources: [...new Set(counted.map((l) => l.sourceId))].sort(),
      from: counted[0]?.launchDate.slice(0, 10) ?? null,
      to: end,
      note: `The launch data end on ${end}; ${complete(endYear) ? 'every year shown is complete' : `${endYear} is incomplete and marked so`}.`,
    },
    years,
    china: [...china.values()].sort((a, b) => a.year - b.year),
    chinaVsUnitedStates: years.map((y) => ({ year: y.year, complete: y.complete, CN: byYear.get(y.year)!.countries.CN ?? empty(), US: byYear.get(y.year)!.countries.US ?? empty() })),
    afterCoverage: [...after.values()].sort((a, b) => a.year - b.year || a.country.localeCompare(b.country)),
    countries: Object.fromEntries([...legend.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, codes]) => [key, {
      name: key === UNKNOWN_COUNTRY ? 'Launching state missing or not in data/rules/country-codes.yaml' : vocabulary.nameOf(key),
      gcatStates: [...codes].sort(),
    }])),
    unmappedStates: unmapped,
  };
}

function pick<T>(obj: Record<string, T>, keys: string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => keys.includes(k)));
}

/**
 * What a failures-only row after the launch log's end can and cannot say: successes are missing, and the failures
 * are a lower bound (the catalog lists launches whose objects did not reach orbit, not those left in a wrong orbit,
 * and the extract may skip some of the year's tags).
 */
function afterCoverageNote(skippedTags: readonly string[]): string {
  return 'Failures only, from the GCAT failed-to-orbit catalog: successful launches after the launch log\'s end are not in the bundled data, '
    + 'and these failures are a lower bound: the catalog lists launches whose objects did not reach orbit, not launches that left them in a wrong orbit'
    + (skippedTags.length ? `, and the extract's launch tags for the year skip ${skippedTags.join(', ')}.` : '.');
}

/**
 * By year, the failure tags (YYYY-Fnn) missing between the lowest and the highest the extract lists: failures it does
 * not list (tags before its lowest may fall before the extract's start, which the launch log covers).
 */
function skippedFailureTags(failedToOrbit: readonly FailedToOrbit[]): Map<number, string[]> {
  const numbers = new Map<number, Set<number>>();
  for (const f of failedToOrbit) {
    const m = /^(\d{4})-F(\d+)$/.exec(f.launchTag);
    if (!m) continue;
    const year = Number(m[1]);
    numbers.set(year, (numbers.get(year) ?? new Set()).add(Number(m[2])));
  }
  const out = new Map<number, string[]>();
  for (const [year, seen] of numbers) {
    const missing: string[] = [];
    for (let n = Math.min(...seen) + 1; n < Math.max(...seen); n++) if (!seen.has(n)) missing.push(`${year}-F${String(n).padStart(2, '0')}`);
    if (missing.length) out.set(year, missing);
  }
  return out;
}
