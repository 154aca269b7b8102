/**
 * The key findings' quantitative claims beside live values. Each metric says what it
 * is computed from and as of when; a claim whose metric has no live computation says
 * so instead of showing a number.
 */
import { first, type EntityRow } from '../model/entity-row.js';
import type { LaunchRecord } from '../model/catalog-records.js';
import type { LaunchProviderRule } from '../model/rules.js';
import type { ConstellationProgress } from './constellations.js';
import type { TiangongNow } from './tiangong.js';
import type { ClassifiedObject } from './spacecraft.js';
import { compileProviders, orbitalLaunches, outcomeOf, yearComplete } from './launches.js';

export interface LiveValue {
  value: number | null;
  unit: string | null;
  asOf: string | null;
  basis: string;
  sources: string[];
  detail?: Record<string, unknown>;
}

export interface IndicatorInputs {
  facilities: EntityRow[];
  agreements: EntityRow[];
  missions: EntityRow[];
  launches: LaunchRecord[];
  launchCoverageEnd: string | null;
  launchSourceIds: string[];
  providerRules: LaunchProviderRule[];
  constellations: ConstellationProgress[];
  tiangong: TiangongNow | null;
  objects: ClassifiedObject[];
  snapshot: { asOf: string; sourceId: string } | null;
}

const citesOf = (rows: EntityRow[], props: string[]) => [...new Set(rows.flatMap((r) => props.flatMap((p) => (r.values[p] ?? []).map((c) => c.sourceId))))];

function countPrograms(inp: IndicatorInputs, program: string, label: string): LiveValue {
  if (!inp.snapshot) return unavailable('no GP snapshot ingested');
  const n = inp.objects.filter((o) => o.program === program && o.kind === 'payload').length;
  return { value: n, unit: 'satellites', asOf: inp.snapshot.asOf, basis: `${label} in the CelesTrak GP active snapshot, matched by the curated name rules`, sources: [inp.snapshot.sourceId] };
}

function unavailable(why: string): LiveValue {
  return { value: null, unit: null, asOf: null, basis: why, sources: [] };
}

export const LIVE_METRICS: Record<string, (inp: IndicatorInputs) => LiveValue> = {
  'operational-spaceports': (inp) => {
    const sites = inp.facilities.filter((f) => ['launch-site', 'sea-launch-platform'].includes(first(f, 'facilityKind') ?? '') && !first(f, 'partOf')
      && first(f, 'country') === 'CN' && first(f, 'status') === 'operational');
    return { value: sites.length, unit: 'spaceports', asOf: null, basis: 'Chinese launch sites and sea-launch zones marked operational in the knowledge base (pads excluded)', sources: citesOf(sites, ['status']), detail: { sites: sites.map((s) => s.id) } };
  },
  'active-private-launch-providers': (inp) => {
    if (!inp.launchCoverageEnd) return unavailable('no launch data ingested');
    const since = `${Number(inp.launchCoverageEnd.slice(0, 4)) - 1}${inp.launchCoverageEnd.slice(4)}`;
    const rules = compileProviders(inp.providerRules.filter((r) => r.sector === 'commercial'));
    const providers = new Set<string>();
    for (const l of inp.launches) {
      if (l.lvState !== 'CN' || l.launchDate.slice(0, 10) <= since || l.launchDate.slice(0, 10) > inp.launchCoverageEnd) continue;
      const rule = rules.find(([, re]) => re.test(l.lvType));
      if (rule) providers.add(rule[0].provider);
    }
    return { value: providers.size, unit: 'providers', asOf: inp.launchCoverageEnd, basis: `commercial Chinese launch providers (curated provider rules) with an orbital launch attempt in the 12 months to ${inp.launchCoverageEnd}`, sources: inp.launchSourceIds, detail: { providers: [...providers].sort() } };
  },
  'megaconstellation-deployed-share': (inp) => {
    const megas = inp.constellations.filter((c) => ['program.guowang', 'program.qianfan'].includes(c.id) && c.latest && c.planned);
    if (!megas.length) return unavailable('no constellation data');
    const deployed = megas.reduce((n, c) => n + c.latest!.count, 0);
    const planned = megas.reduce((n, c) => n + c.planned!.value, 0);
    return { value: Math.round((deployed / planned) * 10000) / 100, unit: 'percent', asOf: megas[0]!.latest!.asOf, basis: `Guowang and Qianfan satellites in orbit (${deployed}) over their preferred planned sizes (${planned})`, sources: [...new Set(megas.flatMap((c) => [c.latest!.sourceId, c.planned!.sourceId]))] };
  },
  'ilrs-participant-countries': (inp) => {
    const ilrs = inp.agreements.filter((a) => first(a, 'framework') === 'program.ilrs');
    const countries = new Set(ilrs.flatMap((a) => (a.values.party ?? []).map((p) => p.value)).filter((p) => p.startsWith('country.') && p !== 'country.cn'));
    return { value: countries.size, unit: 'countries besides China', asOf: null, basis: 'countries party to an ILRS agreement in the knowledge base', sources: citesOf(ilrs, ['party']), detail: { countries: [...countries].sort() } };
  },
  'tiangong-modules': (inp) => {
    if (!inp.tiangong?.station) return unavailable('no Tiangong element set in the ingested GP snapshots');
    const modules = [inp.tiangong.station.objectName, ...inp.tiangong.coOrbiting.map((o) => o.objectName)].filter((n) => n.startsWith('CSS ('));
    return { value: modules.length, unit: 'modules', asOf: inp.tiangong.snapshot.asOf, basis: 'station modules (CSS …) sharing Tiangong\'s orbit in the GP catalog', sources: [inp.tiangong.snapshot.sourceId], detail: { modules } };
  },
  'china-orbital-launches-per-year': (inp) => {
    if (!inp.launchCoverageEnd) return unavailable('no launch data ingested');
    const end = inp.launchCoverageEnd;
    const thisYear = Number(end.slice(0, 4));
    const count = (y: number) => orbitalLaunches(inp.launches, 'CN', y).length;
    const failures = (y: number) => orbitalLaunches(inp.launches, 'CN', y).filter((l) => outcomeOf(l) === 'failure').length;
    const complete = yearComplete(thisYear, end);
    const shown = complete ? thisYear : thisYear - 1;
    return {
      value: count(shown), unit: `launches in ${shown}`, asOf: end,
      basis: `Chinese orbital launches (launch vehicle state CN) in ${shown}, the latest complete year of the launch data`,
      sources: inp.launchSourceIds,
      detail: { lastCompleteYear: shown, lastCompleteYearLaunches: count(shown), lastCompleteYearFailures: failures(shown), partialYear: complete ? null : thisYear, partialYearLaunchesToDate: complete ? null : count(thisYear), partialYearFailuresToDate: complete ? null : failures(thisYear) },
    };
  },
  'china-vs-us-launches': (inp) => {
    if (!inp.launchCoverageEnd) return unavailable('no launch data ingested');
    const end = inp.launchCoverageEnd;
    const count = (state: string, y: number) => orbitalLaunches(inp.launches, state, y).length;
    const years = [...new Set(inp.launches.map((l) => l.year))].filter((y) => yearComplete(y, end)).sort((a, b) => a - b);
    const ahead = years.filter((y) => count('CN', y) > count('US', y));
    const last = years.at(-1);
    return {
      value: ahead.length, unit: 'complete years in which China out-launched the US', asOf: inp.launchCoverageEnd,
      basis: `years (to ${last ?? '—'}) with more Chinese than US orbital launches by launch vehicle state: ${ahead.join(', ') || 'none'}`,
      sources: inp.launchSourceIds,
      detail: Object.fromEntries(years.slice(-10).map((y) => [y, { CN: count('CN', y), US: count('US', y) }])),
    };
  },
  'qianfan-deployed': (inp) => countPrograms(inp, 'program.qianfan', 'Qianfan satellites'),
  'guowang-deployed': (inp) => countPrograms(inp, 'program.guowang', 'Guowang satellites (name rule unverified)'),
  'beidou-satellites': (inp) => countPrograms(inp, 'program.beidou', 'BeiDou satellites'),
  'jilin-1-satellites': (inp) => countPrograms(inp, 'program.jilin-1', 'Jilin-1 satellites'),
  'change-8-partner-countries': (inp) => {
    const m = inp.missions.find((x) => x.id === 'mission.change-8');
    if (!m) return unavailable('no Chang\'e-8 entity');
    const countries = (m.values.payloadPartner ?? []).map((p) => p.value).filter((p) => p.startsWith('country.'));
    return { value: new Set(countries).size, unit: 'countries', asOf: null, basis: 'countries named as Chang\'e-8 payload partners in the knowledge base', sources: citesOf([m], ['payloadPartner']), detail: { countries: [...new Set(countries)].sort() } };
  },
};

export type Trend = 'up' | 'down' | 'same' | 'n/a';

export function trend(reportValue: number | null, live: number | null): Trend {
  if (reportValue === null || live === null) return 'n/a';
  return live > reportValue ? 'up' : live < reportValue ? 'down' : 'same';
}

export function liveValue(metric: string | null, inp: IndicatorInputs): LiveValue {
  const f = metric ? LIVE_METRICS[metric] : undefined;
  return f ? f(inp) : unavailable(metric ? `no live computation for metric "${metric}" yet` : 'the claim names no metric');
}
