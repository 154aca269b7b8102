/**
 * Figure 8 from data: operational spacecraft of a country by mission type and orbit
 * regime, in one GP snapshot (CelesTrak's "active" group lists operational objects).
 * Every object keeps the rules that attributed it.
 */
import type { SnapshotObject, SnapshotInfo } from '../model/catalog-records.js';
import type { ObjectNameRule } from '../model/rules.js';
import type { CountryVocabulary } from '../model/country-codes.js';
import { ORBIT_REGIMES, MISSION_TYPES } from '../model/kinds.js';
import { attribute, compileRules, type Attribution } from './attribution.js';
import { classifyOrbit, type OrbitRegime } from '../orbit/regime.js';
import { orbitFromMeanMotion } from '../orbit/elements.js';

export type Regime = (typeof ORBIT_REGIMES)[number];

/** The feeds whose catalogs attribute objects besides the snapshot itself (the curated rules cite their own sources). */
export const ATTRIBUTION_FEEDS = [['gcat-launchlog', 'GCAT launch log'], ['ucs', 'UCS Satellite Database']] as const;

/** One owner catalog as the store holds it: its source and the date its data end. */
export interface AttributionCatalog { title: string; sourceId: string; asOf: string }

const REGIME_NAMES: Record<OrbitRegime, Regime> = {
  LEO: 'LEO', SSO: 'SSO', MEO: 'MEO', GEO: 'GEO', IGSO: 'IGSO', HEO: 'HEO',
  SUPERSYNCHRONOUS: 'supersynchronous', BEYOND_EARTH_ORBIT: 'beyond-earth-orbit',
};

export interface ClassifiedObject extends Attribution {
  noradId: number;
  objectName: string;
  objectId: string | null;
  epoch: string;
  regime: Regime;
  perigeeKm: number;
  apogeeKm: number;
  inclination: number;
}

export function classifyObjects(objects: readonly SnapshotObject[], rules: readonly ObjectNameRule[], vocabulary: CountryVocabulary): ClassifiedObject[] {
  const compiled = compileRules(rules);
  return objects.map((o) => {
    const geometry = orbitFromMeanMotion(o.meanMotion, o.eccentricity);
    return {
      ...attribute(o, compiled, vocabulary),
      noradId: o.noradId, objectName: o.objectName, objectId: o.objectId, epoch: o.epoch,
      regime: REGIME_NAMES[classifyOrbit({ meanMotion: o.meanMotion, eccentricity: o.eccentricity, inclinationDeg: o.inclination })],
      perigeeKm: Math.round(geometry.perigeeAltKm), apogeeKm: Math.round(geometry.apogeeAltKm), inclination: o.inclination,
    };
  });
}

export interface Figure8 {
  title: string;
  /** ISO 3166-1 alpha-2 code or named country group (data/rules/country-codes.yaml). */
  country: string;
  countryName: string;
  snapshot: SnapshotInfo;
  coverage: string;
  /** The catalogs the attribution consulted. */
  sources: string[];
  total: number;
  cells: { missionType: string; regime: Regime; count: number }[];
  byMission: Record<string, number>;
  byRegime: Record<string, number>;
  /** How many objects each attribution rule decided (country rules and mission rules). */
  countryRules: Record<string, number>;
  missionRules: Record<string, number>;
  /** The dataset codes that attributed the objects to the country (e.g. "gcat-launchlog-state J"), with counts. */
  countryCodes: Record<string, number>;
  /** Payloads of the snapshot that no catalog or name rule attributes to any country (left out of every country's count). */
  unattributedPayloads: number;
  /** The countries that curated name rules attributed objects to in this snapshot: only they are counted past the catalogs' dates. */
  nameRuleCountries: string[];
  /** This country's payloads that no mission rule or UCS purpose classifies: counted under "other". */
  missionUnclassified: number;
  objects?: ClassifiedObject[];
}

/**
 * Codes a reader may take to be part of a country's count but that have their own ISO 3166-1 code, under which the
 * catalogs' owner codes put them (data/rules/country-codes.yaml: GCAT HK, CelesTrak's Hong Kong owners): the coverage
 * names their payloads, counted apart.
 */
const COUNTED_APART: Readonly<Record<string, readonly { code: string; name: string }[]>> = {
  CN: [{ code: 'HK', name: 'Hong Kong' }, { code: 'MO', name: 'Macao' }],
};

const tally = (items: string[]) => items.reduce<Record<string, number>>((acc, k) => ((acc[k] = (acc[k] ?? 0) + 1), acc), {});

export function figure8(
  classified: readonly ClassifiedObject[], snapshot: SnapshotInfo, catalogs: readonly AttributionCatalog[],
  { country = 'CN', withObjects = false, countryName = country }: { country?: string; withObjects?: boolean; countryName?: string } = {},
): Figure8 {
  // One pass over the snapshot's objects, one over the country's payloads (a snapshot holds some 16,000 objects).
  const mine: ClassifiedObject[] = [];
  let unattributedPayloads = 0;
  const ruled = new Set<string>();
  const apartCodes = new Set((COUNTED_APART[country] ?? []).map((a) => a.code));
  const apart: ClassifiedObject[] = [];
  for (const o of classified) {
    if (o.kind === 'payload' && o.country === country) mine.push(o);
    if (o.kind === 'payload' && o.country !== null && apartCodes.has(o.country)) apart.push(o);
    if (o.kind === 'payload' && o.country === null) unattributedPayloads += 1;
    if (o.country !== null && o.countryRule.startsWith('name-rule:')) ruled.add(o.country);
  }
  const nameRuleCountries = [...ruled].sort();
  const byCell = new Map<string, number>();
  for (const o of mine) {
    const cell = `${o.missionType}|${o.regime}`;
    byCell.set(cell, (byCell.get(cell) ?? 0) + 1);
  }
  const cells: Figure8['cells'] = [];
  for (const missionType of MISSION_TYPES) {
    for (const regime of ORBIT_REGIMES) {
      const count = byCell.get(`${missionType}|${regime}`) ?? 0;
      if (count) cells.push({ missionType, regime, count });
    }
  }
  const missionUnclassified = mine.filter((o) => o.missionRule === 'none').length;
  return {
    title: `Operational spacecraft of ${countryName} by mission type and orbit`,
    country, countryName, snapshot,
    coverage: [
      `Objects in the CelesTrak GP "active" snapshot of ${snapshot.asOf} (${snapshot.sourceId}) attributed to ${countryName} (${country}: ISO 3166-1 alpha-2 or a named group, read from each catalog's own code through data/rules/country-codes.yaml); payloads only. Deep-space orbiters, landers and probes are not in GP data.`,
      countedApart(country, countryName, apart),
      coverageLimits(catalogs, country, countryName, unattributedPayloads, nameRuleCountries),
      missionUnclassified ? `"Other" includes ${missionUnclassified.toLocaleString('en-US')} payloads that no mission rule or UCS purpose classifies.` : '',
    ].filter(Boolean).join(' '),
    sources: [snapshot.sourceId, ...catalogs.map((c) => c.sourceId)],
    total: mine.length, cells,
    byMission: tally(mine.map((o) => o.missionType)),
    byRegime: tally(mine.map((o) => o.regime)),
    countryRules: tally(mine.map((o) => o.countryRule)),
    missionRules: tally(mine.map((o) => o.missionRule)),
    countryCodes: tally(mine.map((o) => (o.countryCode === null ? o.countryRule : `${o.countryRule} ${o.countryCode}`))),
    unattributedPayloads, nameRuleCountries, missionUnclassified,
    ...(withObjects ? { objects: mine } : {}),
  };
}

/** The payloads of the codes counted apart from the country (COUNTED_APART), named; '' when it has none. */
function countedApart(country: string, countryName: string, apart: readonly ClassifiedObject[]): string {
  const codes = COUNTED_APART[country];
  if (!codes) return '';
  const parts = codes.map((c) => {
    const names = apart.filter((o) => o.country === c.code).map((o) => o.objectName).sort();
    return `${c.name} (${c.code}): ${names.length.toLocaleString('en-US')}${names.length ? ` (${names.join(', ')})` : ''}`;
  });
  return `${codes.map((c) => c.name).join(' and ')} keep their own ISO 3166-1 codes, as the catalogs' owner codes give them, and their payloads are not in ${countryName}'s count: ${parts.join('; ')}. An operator's satellites may fall on both sides (the catalogs attribute each satellite to the owning company's location).`;
}

/**
 * What the attribution cannot see: the catalogs end on their own dates (as last ingested), and later
 * objects are attributed only by the curated name rules, which exist for a few countries.
 */
function coverageLimits(catalogs: readonly AttributionCatalog[], country: string, countryName: string, unattributed: number, nameRuleCountries: readonly string[]): string {
  const ends = catalogs.map((c) => `${c.title} ${c.asOf}`).join(', ');
  const ending = catalogs.length
    ? `The catalogs that attribute owners end on their own dates (${ends}); later objects are attributed only by curated name rules`
    : 'No catalog that attributes owners is loaded; objects are attributed only by the snapshot\'s names and curated name rules';
  const ruled = nameRuleCountries.length ? `, which exist for ${nameRuleCountries.join(', ')}` : ', and none attributed any object here';
  const left = `${unattributed.toLocaleString('en-US')} payloads in this snapshot are attributed to no country.`;
  if (nameRuleCountries.includes(country)) return `${ending}${ruled}. ${left}`;
  return `${ending}${ruled}, not for ${countryName}. ${left} ${countryName}'s payloads launched since are among them, so this count misses them and is not comparable with the count of a country that has name rules.`;
}
