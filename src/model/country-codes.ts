/**
 * One country vocabulary (data/rules/country-codes.yaml): the codes the catalogs use for
 * countries (GCAT state codes, CelesTrak SATCAT owner codes, UCS country names) mapped to
 * ISO 3166-1 alpha-2, or to a named group (historical states, intergovernmental
 * organisations, joint owners), or to no country at all. Every entry cites its source.
 * A country key, as every answer uses it, is an ISO code (upper case) or a group id (lower case).
 */
import { z } from 'zod';
import countries from 'i18n-iso-countries';
import { CiteSchema } from './series.js';

export const VOCABULARIES = ['gcat', 'satcat', 'ucs'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/** The rules-file section of each vocabulary. */
export const VOCABULARY_SECTIONS = { gcat: 'gcatStateCodes', satcat: 'satcatOwnerCodes', ucs: 'ucsCountryNames' } as const;

export const COUNTRY_GROUP_KINDS = ['historical-state', 'intergovernmental', 'multinational', 'dataset-group'] as const;

export const ISO_ALPHA2 = /^[A-Z]{2}$/;
export const GROUP_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const requiredCite = CiteSchema.extend({ source: z.string().min(1) });
const isoCode = z.string().regex(ISO_ALPHA2).refine((c) => countries.isValid(c), 'not an ISO 3166-1 alpha-2 code');

export const CountryGroupSchema = z.strictObject({
  id: z.string().regex(GROUP_ID, 'group ids are lower-case words joined by "-"'),
  name: z.string().min(1),
  kind: z.enum(COUNTRY_GROUP_KINDS),
  cite: requiredCite,
  note: z.string().optional(),
});

/** One dataset code and what it stands for: exactly one of iso, group or noCountry. */
export const CountryCodeSchema = z.strictObject({
  /** The value exactly as the dataset writes it (trimmed). */
  code: z.string().min(1).refine((c) => c === c.trim(), 'codes are written trimmed'),
  /** The dataset's own name for it, where it gives one. */
  name: z.string().min(1).optional(),
  iso: isoCode.optional(),
  group: z.string().regex(GROUP_ID).optional(),
  noCountry: z.literal(true).optional(),
  cite: requiredCite,
  status: z.enum(['reported', 'unverified']).default('reported'),
  note: z.string().optional(),
}).refine((e) => [e.iso, e.group, e.noCountry].filter((x) => x !== undefined).length === 1, 'give exactly one of iso, group or noCountry');

export type CountryGroup = z.output<typeof CountryGroupSchema>;
export type CountryCode = z.output<typeof CountryCodeSchema>;

/** The whole mapping as read from the rules (plain data, so it can be part of a cache key). */
export interface CountryCodes {
  groups: CountryGroup[];
  gcat: CountryCode[];
  satcat: CountryCode[];
  ucs: CountryCode[];
}

export const emptyCountryCodes = (): CountryCodes => ({ groups: [], gcat: [], satcat: [], ucs: [] });

/** What one dataset value means: a country key, no country, or a value the mapping does not know. */
export type Resolved = { status: 'country'; key: string } | { status: 'no-country' } | { status: 'unknown' } | { status: 'empty' };

/** Lookup tables built once from the mapping. */
export interface CountryVocabulary {
  resolve(vocabulary: Vocabulary, raw: string | null | undefined): Resolved;
  /** The display name of a country key (English short name for ISO codes, the group's name otherwise). */
  nameOf(key: string): string;
  /** Whether a key is an answer key: a valid ISO 3166-1 alpha-2 code or a declared group id. */
  isKey(key: string): boolean;
  /** The dataset codes that map to a key, for one vocabulary. */
  codesOf(vocabulary: Vocabulary, key: string): string[];
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryVocabulary(codes: CountryCodes): CountryVocabulary {
  const groups = new Map(codes.groups.map((g) => [g.id, g]));
  const maps = Object.fromEntries(VOCABULARIES.map((v) => [v, new Map(codes[v].map((e) => [e.code, e]))])) as Record<Vocabulary, Map<string, CountryCode>>;
  return {
    resolve(vocabulary, raw) {
      const code = raw?.trim();
      if (!code) return { status: 'empty' };
      const e = maps[vocabulary].get(code);
      if (!e) return { status: 'unknown' };
      if (e.noCountry) return { status: 'no-country' };
      return { status: 'country', key: (e.iso ?? e.group)! };
    },
    nameOf(key) {
      const g = groups.get(key);
      if (g) return g.name;
      if (!ISO_ALPHA2.test(key)) return key;
      try { return regionNames.of(key) ?? key; } catch { return key; }
    },
    isKey(key) {
      return groups.has(key) || (ISO_ALPHA2.test(key) && countries.isValid(key));
    },
    codesOf(vocabulary, key) {
      return codes[vocabulary].filter((e) => (e.iso ?? e.group) === key).map((e) => e.code);
    },
  };
}

/** Why a requested country key is not one, or null when it is; names the ISO code a dataset code stands for. */
export function countryKeyProblem(vocabulary: CountryVocabulary, key: string): string | null {
  if (vocabulary.isKey(key)) return null;
  const hint = VOCABULARIES.map((v) => vocabulary.resolve(v, key)).find((r) => r.status === 'country');
  const base = `"${key}" is neither an ISO 3166-1 alpha-2 code nor a country group of data/rules/country-codes.yaml`;
  return hint && hint.status === 'country' ? `${base} (dataset code ${key} stands for ${hint.key})` : base;
}
