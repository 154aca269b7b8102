/**
 * Live computations that measure a claim's quantity from the ingested catalogs. Each one
 * states its basis (what it counted, from which data, as of when) and cites that data.
 * Metric definitions (data/rules/metrics.yaml) pick one by id, with its parameters.
 */
import type { LaunchPayload, LaunchRecord } from '../model/catalog-records.js';
import type { LaunchProviderRule } from '../model/rules.js';
import type { ConstellationProgress } from './constellations.js';
import type { TiangongNow } from './tiangong.js';
import type { ClassifiedObject } from './spacecraft.js';
import { compileProviders, orbitalLaunches, outcomeOf, yearComplete } from './launches.js';
import { GCAT_HONG_KONG } from './exports.js';
import { dayAfter } from './calendar-days.js';

export interface LiveValue {
  value: number;
  unit: string;
  /** The date of the data (e.g. the launch log's end, the GP snapshot's date). */
  asOf: string;
  basis: string;
  /** The data measured (checked against the claim's own source for circularity). */
  sources: string[];
  /** Premises the measure takes as given (e.g. a planned size), cited but not measured. */
  references?: string[];
  /** The value is a lower bound (some objects are not classified), so a lower value than the claim shows no decrease. */
  lowerBound?: boolean;
  /** What the measure counted, in a shape that depends on the measure (see LiveDetail). */
  detail?: LiveDetail;
}

/** The counts behind a live value, one shape per measure of MEASURES. */
export type LiveDetail =
  /** Launch sites in use: launches per GCAT site code, the window, and how many are land sites and which are sea-launch zones. */
  | { sites: Record<string, number>; from: string; to: string; landSites: number; seaLaunchZones: string[] }
  | { providers: string[] }
  | { year: number; failures: number; byYear: Record<string, number> }
  | { bySite: Record<string, number> }
  /** Payloads by foreign owner state, and the Hong Kong owners not counted as foreign (GCAT code → payloads). */
  | { byOwnerState: Record<string, number>; hongKongNotCounted: Record<string, number> }
  | { unclassified: number }
  | { modules: string[] }
  /** China vs the US: orbital launch attempts per complete year, by year. */
  | Record<string, { CN: number; US: number }>;
export interface Unavailable { unavailable: string }

export interface MeasureInputs {
  launches: LaunchRecord[];
  launchCoverageEnd: string | null;
  launchSourceIds: string[];
  /** Launch-log objects of Chinese launch vehicles. */
  chinesePayloads: LaunchPayload[];
  providerRules: LaunchProviderRule[];
  constellations: ConstellationProgress[];
  tiangong: TiangongNow | null;
  objects: ClassifiedObject[];
  snapshot: { asOf: string; sourceId: string } | null;
}

export type MeasureParams = Record<string, string | string[]>;
export type Measure = (inp: MeasureInputs, params: MeasureParams) => LiveValue | Unavailable;

const str = (p: MeasureParams, k: string): string => {
  const v = p[k];
  if (typeof v !== 'string') throw new Error(`measure parameter "${k}" must be a string`);
  return v;
};
const list = (p: MeasureParams, k: string): string[] => {
  const v = p[k];
  if (!Array.isArray(v)) throw new Error(`measure parameter "${k}" must be a list`);
  return v;
};
/** The same date a year before (YYYY-MM-DD); 29 February gives 28 February, the last day of a common year's February. */
const yearBefore = (day: string) => `${Number(day.slice(0, 4)) - 1}${day.slice(4, 10) === '-02-29' ? '-02-28' : day.slice(4, 10)}`;
/** The first day of the 12 months to `end` (the day after the same date a year before): what a window counts from and says it does. */
const yearTo = (end: string) => dayAfter(yearBefore(end));

/** A measure over the launch log: unavailable until launch data are ingested; `end` is the data's last day. */
const onLaunchData = (f: (inp: MeasureInputs, end: string, params: MeasureParams) => LiveValue | Unavailable): Measure =>
  (inp, params) => (inp.launchCoverageEnd === null ? { unavailable: 'no launch data ingested' } : f(inp, inp.launchCoverageEnd, params));

export const MEASURES: Record<string, Measure> = {
  'launch-sites-active-12-months': onLaunchData((inp, end, params) => {
    const from = yearTo(end);
    // The curated sea-launch zones (params.seaLaunchZones: GCAT site codes, params.seaLaunchZonesSource: the sites table naming them).
    const sea = new Set(params.seaLaunchZones === undefined ? [] : list(params, 'seaLaunchZones'));
    const sites = new Map<string, number>();
    for (const l of inp.launches) {
      const day = l.launchDate.slice(0, 10);
      if (l.lvState !== 'CN' || l.launchClass === 'extraterrestrial' || day < from || day > end || !l.launchSite) continue;
      sites.set(l.launchSite, (sites.get(l.launchSite) ?? 0) + 1);
    }
    const bySite = [...sites.entries()].sort(([a], [b]) => a.localeCompare(b));
    const atSea = bySite.map(([s]) => s).filter((s) => sea.has(s));
    const onLand = sites.size - atSea.length;
    // Sea launches may be taken as one site (a reader's "sea-based launch site"): that count is given beside, not instead.
    const seaText = atSea.length === 0 ? '' : `. ${onLand} are land sites and ${atSea.length} ${atSea.length === 1 ? 'is a sea-launch zone' : 'are sea-launch zones'} `
      + `(${atSea.join(', ')}: GCAT's sites table names ${atSea.length === 1 ? 'it' : 'them'} as launch zones at sea), each counted once; `
      + `counting sea launches as one site gives ${onLand + 1}`;
    const seaSource = atSea.length && params.seaLaunchZonesSource !== undefined ? [str(params, 'seaLaunchZonesSource')] : [];
    return {
      value: sites.size, unit: 'launch sites', asOf: end, sources: [...inp.launchSourceIds, ...seaSource],
      basis: `GCAT launch sites with a Chinese orbital launch attempt from ${from} to ${end}: ${bySite.map(([s, n]) => `${s} (${n})`).join(', ')}${seaText}`,
      detail: { sites: Object.fromEntries(bySite), from, to: end, landSites: onLand, seaLaunchZones: atSea },
    };
  }),
  'commercial-launch-providers-launched-12-months': onLaunchData((inp, end) => {
    const from = yearTo(end);
    const rules = compileProviders(inp.providerRules.filter((r) => r.sector === 'commercial'));
    const providers = new Set<string>();
    const stateGroups = new Map<string, string>();
    for (const l of inp.launches) {
      const day = l.launchDate.slice(0, 10);
      if (l.lvState !== 'CN' || day < from || day > end) continue;
      const rule = rules.find(([, re]) => re.test(l.lvType));
      if (!rule) continue;
      providers.add(rule[0].provider);
      if (rule[0].stateGroup) stateGroups.set(rule[0].provider, rule[0].stateGroup.parent);
    }
    // The rules' sector follows the report's "commercial"; some of those providers belong to state-owned groups (GCAT's orgs table).
    const owned = [...stateGroups].sort(([a], [b]) => a.localeCompare(b));
    const ownedText = owned.length
      ? `; ${owned.length} of them ${owned.length === 1 ? 'is a subsidiary' : 'are subsidiaries'} of a state-owned group (${owned.map(([p, g]) => `${p} of ${g}`).join(', ')}), so not private`
      : '';
    return {
      value: providers.size, unit: 'providers', asOf: end, sources: inp.launchSourceIds,
      basis: `commercial Chinese launch providers (curated provider rules) with an orbital launch attempt from ${from} to ${end}: `
        + `${[...providers].sort().join(', ')}${ownedText}`,
      detail: { providers: [...providers].sort() },
    };
  }),
  'megaconstellation-in-orbit-share': (inp) => {
    const megas = inp.constellations.filter((c) => ['program.guowang', 'program.qianfan'].includes(c.id) && c.latest && c.planned);
    if (!megas.length) return { unavailable: 'no constellation data' };
    const deployed = megas.reduce((n, c) => n + c.latest!.count, 0);
    const planned = megas.reduce((n, c) => n + c.planned!.value, 0);
    const share = (of: number) => Math.round((deployed / of) * 10000) / 100;
    // The sources give other planned sizes too (Guowang "as many as 26,000"): the share on the largest is said beside it.
    const largest = megas.reduce((n, c) => n + Math.max(c.planned!.value, ...c.plannedAlternatives.map((a) => a.value)), 0);
    return {
      value: share(planned), unit: 'percent', asOf: megas[0]!.latest!.asOf,
      basis: `Guowang and Qianfan payloads in orbit (${deployed}) over their preferred planned sizes (${planned}, as the sources state them)`
        + (largest !== planned ? `; over the largest planned sizes the sources give (${largest}) the share is ${share(largest)}%` : ''),
      sources: [...new Set(megas.map((c) => c.latest!.sourceId))],
      references: [...new Set(megas.map((c) => c.planned!.sourceId))],
    };
  },
  'china-orbital-launches-latest-year': onLaunchData((inp, end) => {
    const endYear = Number(end.slice(0, 4));
    const shown = yearComplete(endYear, end) ? endYear : endYear - 1;
    const count = (y: number) => orbitalLaunches(inp.launches, 'CN', y).length;
    const failures = (y: number) => orbitalLaunches(inp.launches, 'CN', y).filter((l) => outcomeOf(l) === 'failure').length;
    const history = Object.fromEntries(Array.from({ length: 6 }, (_, i) => shown - 5 + i).map((y) => [y, count(y)]));
    return {
      value: count(shown), unit: `launches in ${shown}`, asOf: end, sources: inp.launchSourceIds,
      basis: `Chinese orbital launch attempts (launch-vehicle state CN) in ${shown}, the latest complete year of the launch data (${failures(shown)} failed)`,
      detail: { year: shown, failures: failures(shown), byYear: history },
    };
  }),
  'china-vs-us-launches': onLaunchData((inp, end) => {
    const count = (state: string, y: number) => orbitalLaunches(inp.launches, state, y).length;
    const years = [...new Set(inp.launches.map((l) => l.year))].filter((y) => yearComplete(y, end)).sort((a, b) => a - b);
    const ahead = years.filter((y) => count('CN', y) > count('US', y));
    return {
      value: ahead.length, unit: 'complete years in which China out-launched the US', asOf: end, sources: inp.launchSourceIds,
      basis: `years (to ${years.at(-1) ?? '—'}) with more Chinese than US orbital launch attempts by launch-vehicle state: ${ahead.join(', ') || 'none'}`,
      detail: Object.fromEntries(years.slice(-10).map((y) => [y, { CN: count('CN', y), US: count('US', y) }])),
    };
  }),
  'launches-from-sites': onLaunchData((inp, end, p) => {
    const sites = list(p, 'sites');
    const bySite = Object.fromEntries(sites.map((s) => [s, 0]));
    for (const l of inp.launches) if (l.launchSite && l.launchSite in bySite && l.launchClass !== 'extraterrestrial') bySite[l.launchSite]! += 1;
    const total = Object.values(bySite).reduce((a, b) => a + b, 0);
    return {
      value: total, unit: 'launches', asOf: end, sources: inp.launchSourceIds,
      basis: `orbital launch attempts from GCAT sites ${sites.map((s) => `${s} (${bySite[s]})`).join(', ')}, all years to ${end}`,
      detail: { bySite },
    };
  }),
  'payloads-for-foreign-owners': onLaunchData((inp, end, p) => {
    const [from, to] = [str(p, 'from'), str(p, 'to')];
    if (end < to) return { unavailable: `the launch data end on ${end}, before ${to}` };
    const inPeriod = inp.chinesePayloads.filter((x) => x.satType?.startsWith('P') && x.launchDate.slice(0, 10) >= from && x.launchDate.slice(0, 10) <= to
      && x.satState && x.satState !== 'CN');
    const hongKong: string[] = [GCAT_HONG_KONG.sar, GCAT_HONG_KONG.colony];
    const tally = (xs: typeof inPeriod) => {
      const by: Record<string, number> = {};
      for (const x of xs) by[x.satState!] = (by[x.satState!] ?? 0) + 1;
      return Object.fromEntries(Object.entries(by).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
    };
    const mine = inPeriod.filter((x) => !hongKong.includes(x.satState!));
    const notCounted = tally(inPeriod.filter((x) => hongKong.includes(x.satState!)));
    const hk = Object.entries(notCounted).map(([code, n]) => `${code} ${n}`).join(', ');
    return {
      value: mine.length, unit: 'satellites', asOf: to, sources: [...new Set(inPeriod.map((x) => x.sourceId))],
      basis: `payloads on Chinese launch vehicles from ${from} to ${to}, payloads of failed launches included, whose GCAT owner state is neither China nor Hong Kong `
        + `(Hong Kong owners, GCAT HK and HKUK, are not counted as foreign, as in this product's "Launched on Chinese rockets" map layer; the report does not say how it counts them${hk ? `; counting them (${hk}) gives ${inPeriod.length}` : ''})`,
      detail: { byOwnerState: tally(mine), hongKongNotCounted: notCounted },
    };
  }),
  'program-payloads-in-orbit': (inp, p) => {
    if (!inp.snapshot) return { unavailable: 'no GP snapshot ingested' };
    const program = str(p, 'program');
    const n = inp.objects.filter((o) => o.program === program && o.kind === 'payload').length;
    return {
      value: n, unit: 'satellites', asOf: inp.snapshot.asOf, sources: [inp.snapshot.sourceId],
      basis: `payloads of ${program} in the CelesTrak GP active snapshot of ${inp.snapshot.asOf}, matched by the curated name rules`,
    };
  },
  'chinese-payloads-by-mission': (inp, p) => {
    if (!inp.snapshot) return { unavailable: 'no GP snapshot ingested' };
    const missionTypes = list(p, 'missionTypes');
    const chinese = inp.objects.filter((o) => o.country === 'CN' && o.kind === 'payload');
    const counts = missionTypes.map((t) => ({ t, n: chinese.filter((o) => o.missionType === t).length }));
    const n = counts.reduce((sum, c) => sum + c.n, 0);
    // As Figure 8 counts them: payloads no mission rule or UCS purpose classifies (others are "other" by a rule).
    const unclassified = chinese.filter((o) => o.missionRule === 'none').length;
    return {
      value: n, unit: 'satellites', asOf: inp.snapshot.asOf, sources: [inp.snapshot.sourceId], lowerBound: unclassified > 0,
      basis: `Chinese payloads classified as ${counts.map((c) => `${c.t.replaceAll('-', ' ')} (${c.n})`).join(' or ')} in the CelesTrak GP active snapshot of ${inp.snapshot.asOf} (Figure 8's classification)`
        + (unclassified ? `; ${unclassified} Chinese payloads no mission rule or UCS purpose classifies (Figure 8's "other"), so this is a lower bound` : ''),
      detail: { unclassified },
    };
  },
  'tiangong-modules-in-orbit': (inp) => {
    if (!inp.tiangong?.station) return { unavailable: 'no Tiangong element set in the ingested GP snapshots' };
    const modules = [inp.tiangong.station.objectName, ...inp.tiangong.coOrbiting.map((o) => o.objectName)].filter((n) => n.startsWith('CSS ('));
    return {
      value: modules.length, unit: 'modules', asOf: inp.tiangong.snapshot.asOf, sources: [inp.tiangong.snapshot.sourceId],
      basis: `station modules (CSS …) sharing Tiangong's orbit in the GP snapshot of ${inp.tiangong.snapshot.asOf}: ${modules.join(', ')}`,
      detail: { modules },
    };
  },
};
