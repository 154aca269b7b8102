/**
 * China's satellite "exports", as two separate sets of countries that must not be confused:
 * (a) countries that bought a satellite built in China, and (b) countries whose satellites were
 * launched on Chinese rockets (launch services). A satellite built abroad never counts for (a);
 * who built a satellite does not matter for (b). Each country lists the satellites behind it.
 */
import type { Cited, EntityRow } from '../model/entity-row.js';
import { first } from '../model/entity-row.js';
import type { LaunchPayload } from '../model/catalog-records.js';
import type { CountryVocabulary } from '../model/country-codes.js';

export const BUYERS_SET = 'chinese-built-satellite-buyers';
export const LAUNCHED_SET = 'launched-on-chinese-rockets';
export type ExportSetId = typeof BUYERS_SET | typeof LAUNCHED_SET;

export const EXPORT_SET_LABELS: Record<ExportSetId, string> = {
  [BUYERS_SET]: 'Countries that bought a Chinese-built satellite',
  [LAUNCHED_SET]: 'Countries whose satellites were launched on Chinese rockets',
};

export const BUYERS_DEFINITION =
  'Countries (ISO 3166-1) that own a satellite built in China. A satellite counts when its preferred owner country is not China '
  + 'and one of its manufacturer-country statements (confirmed or reported) is China: the UCS Satellite Database of 2023-05-01 '
  + '("Country of Contractor" includes China), the report\'s Figure 5 of Chinese-exported satellites (§2.4.3 [055]), or the report\'s '
  + 'text (Venesat-1, PakSat-MM1R). A satellite built abroad never counts, whoever launched it. A satellite lost at launch still counts: '
  + 'it was bought (its launch date and vehicle are listed where a source gives them, and its own page says how it was lost). Unit: countries; each lists its '
  + 'satellites with the sources of the builder and the owner. Data: the curated knowledge base.';

export const LAUNCHED_DEFINITION =
  'Countries (ISO 3166-1) that GCAT\'s launch log records as the owner state (SatState) of a payload (Type P) on a launch whose '
  + 'launch-vehicle state (LVState) is China, whoever built it; launches that failed to reach orbit are included and marked. Owners in '
  + 'China, including Hong Kong SAR (GCAT HK), are not counted; Hong Kong before 1997 (HKUK) and intergovernmental organizations '
  + '(I-…) are listed apart, not drawn. GCAT\'s non-ISO state codes are read as B Belgium, D Germany, E Spain, F France, I Italy, '
  + 'J Japan, L Luxembourg, S Sweden, UK United Kingdom. The builder shown is UCS\'s contractor where UCS has the piece. '
  + 'Unit: countries; each lists its payloads. Data: GCAT launch log';

export interface Evidence { property: string; value: string; sourceId: string; locator: string | null; status: string }

export interface SetSatellite {
  /** A curated entity id, or the COSPAR piece for a catalog object without one. */
  id: string;
  entityId: string | null;
  name: string;
  cospar: string | null;
  /** The builder as named (an organization's name, or UCS "Contractor (Country of Contractor)"), or null when no source names it. */
  manufacturer: string | null;
  /** ISO 3166-1 codes of the builder from the curated manufacturerCountry statements (empty without them). */
  manufacturerCountries: string[];
  launchDate: string | null;
  launchVehicle: string | null;
  /** GCAT's outcome of the launch (success, failure, …); null where the set does not read launches. */
  outcome: string | null;
  evidence: Evidence[];
}

export interface ExportSet {
  id: ExportSetId;
  label: string;
  definition: string;
  countries: { iso2: string; satellites: SetSatellite[] }[];
  /** Satellites whose owner is not a country (not drawn), with the reason. */
  notPlaced: { reason: string; satellites: SetSatellite[] }[];
}

const COUNTED = new Set(['confirmed', 'reported']);
const evidence = (property: string, c: Cited): Evidence => ({ property, value: c.value, sourceId: c.sourceId, locator: c.locator, status: c.status });

function byCountry(pairs: { iso2: string; sat: SetSatellite }[]): ExportSet['countries'] {
  const out = new Map<string, SetSatellite[]>();
  for (const { iso2, sat } of pairs) (out.get(iso2) ?? out.set(iso2, []).get(iso2)!).push(sat);
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([iso2, satellites]) => ({ iso2, satellites }));
}

/** (a) Countries that bought a Chinese-built satellite, from curated SpaceObjects; `names` gives organization captions. */
export function chineseBuiltSatelliteBuyers(objects: readonly EntityRow[], names: (id: string) => string): ExportSet {
  const pairs: { iso2: string; sat: SetSatellite }[] = [];
  for (const o of objects) {
    const owner = o.values.ownerCountry?.[0];
    const built = (o.values.manufacturerCountry ?? []).filter((c) => c.value === 'CN' && COUNTED.has(c.status));
    if (!owner || owner.value === 'CN' || built.length === 0) continue;
    const maker = first(o, 'manufacturer');
    pairs.push({
      iso2: owner.value,
      sat: {
        id: o.id, entityId: o.id, name: o.caption, cospar: first(o, 'cospar'), manufacturer: maker ? names(maker) : null,
        manufacturerCountries: [...new Set((o.values.manufacturerCountry ?? []).map((c) => c.value))],
        launchDate: first(o, 'launchDate'), launchVehicle: first(o, 'launchVehicle'), outcome: null,
        evidence: [...built.map((c) => evidence('manufacturerCountry', c)), evidence('ownerCountry', owner)],
      },
    });
  }
  return { id: BUYERS_SET, label: EXPORT_SET_LABELS[BUYERS_SET], definition: BUYERS_DEFINITION, countries: byCountry(pairs), notPlaced: [] };
}

/**
 * (b) Countries whose satellites were launched on Chinese rockets, from GCAT launch-log objects of
 * launches with LVState CN; `curated` links a payload to the SpaceObject with the same COSPAR id.
 */
type GcatStateReading = { kind: 'country'; iso2: string } | { kind: 'china' } | { kind: 'not-a-country'; reason: string };

/** GCAT's owner codes for Hong Kong: the SAR from 1997 (part of China) and the British colony before it. */
export const GCAT_HONG_KONG = { sar: 'HK', colony: 'HKUK' } as const;

/**
 * A GCAT owner state read through the country vocabulary (data/rules/country-codes.yaml):
 * China, and Hong Kong from 1997 (GCAT HK, a part of China), are not foreign owners; Hong Kong
 * before 1997 (GCAT HKUK), named groups (intergovernmental, multinational, historical) and
 * codes naming no state are listed apart, not drawn as countries.
 */
function readGcatState(code: string | null, vocabulary: CountryVocabulary): GcatStateReading {
  const raw = (code ?? '').trim();
  const r = vocabulary.resolve('gcat', raw);
  if (r.status !== 'country') return { kind: 'not-a-country', reason: raw ? `GCAT state code ${raw} names no country (${r.status})` : 'no owner state in GCAT' };
  if (r.key === 'CN' || raw === GCAT_HONG_KONG.sar) return { kind: 'china' };
  if (raw === GCAT_HONG_KONG.colony) return { kind: 'not-a-country', reason: 'Hong Kong before 1997 (GCAT HKUK, a British colony): a territory, not a country' };
  if (!/^[A-Z]{2}$/.test(r.key)) return { kind: 'not-a-country', reason: `${vocabulary.nameOf(r.key)} (GCAT ${raw}): not one country` };
  return { kind: 'country', iso2: r.key };
}

export function launchedOnChineseRockets(payloads: readonly LaunchPayload[], curated: readonly EntityRow[], coverageEnd: string | null, vocabulary: CountryVocabulary): ExportSet {
  const entityByCospar = new Map(curated.flatMap((o) => (first(o, 'cospar') ? [[first(o, 'cospar')!, o] as const] : [])));
  const pairs: { iso2: string; sat: SetSatellite }[] = [];
  const apart = new Map<string, SetSatellite[]>();
  for (const p of payloads) {
    if (p.lvState !== 'CN' || !(p.satType ?? '').trim().startsWith('P')) continue;
    const state = readGcatState(p.satState, vocabulary);
    if (state.kind === 'china') continue;
    const piece = p.piece ?? p.launchTag;
    const ev: Evidence[] = [{
      property: 'SatState', value: p.satState ?? '', sourceId: p.sourceId, status: 'reported',
      locator: `launchlog.tsv piece ${piece} SatState ${p.satState ?? '-'}, LVState CN`,
    }];
    if (p.ucsContractor && p.ucsSourceId) {
      ev.push({ property: 'Contractor', value: p.ucsContractor, sourceId: p.ucsSourceId, status: 'reported', locator: `ucs tsv COSPAR ${piece} Contractor` });
    }
    const entity = entityByCospar.get(piece);
    const sat: SetSatellite = {
      id: entity?.id ?? piece, entityId: entity?.id ?? null, name: entity?.caption ?? p.plName ?? p.name ?? piece, cospar: piece,
      manufacturer: p.ucsContractor ? `${p.ucsContractor}${p.ucsContractorCountry ? ` (${p.ucsContractorCountry})` : ''}` : null,
      manufacturerCountries: [...new Set((entity?.values.manufacturerCountry ?? []).map((c) => c.value))],
      launchDate: p.launchDate.slice(0, 10), launchVehicle: p.lvType, outcome: p.outcome, evidence: ev,
    };
    if (state.kind === 'country') pairs.push({ iso2: state.iso2, sat });
    else (apart.get(state.reason) ?? apart.set(state.reason, []).get(state.reason)!).push(sat);
  }
  return {
    id: LAUNCHED_SET, label: EXPORT_SET_LABELS[LAUNCHED_SET],
    definition: `${LAUNCHED_DEFINITION}${coverageEnd ? ` to ${coverageEnd}` : ''}, and UCS Satellite Database 2023-05-01 for builders.`,
    countries: byCountry(pairs), notPlaced: [...apart.entries()].map(([reason, satellites]) => ({ reason, satellites })),
  };
}
