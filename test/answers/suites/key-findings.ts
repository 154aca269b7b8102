/**
 * "Is the report's number still true?" Each key-finding claim's live value through the API:
 * it measures the metric's own definition (checked here against counts from the raw
 * launch log and GP files by plain splitting), it never restates the claim's own source,
 * a change is shown only when the data post-date the claim, and a projection is progress.
 */
import { expect, it } from 'vitest';
import { readSnapshot } from '../../../src/services/bundled-snapshots.js';
import { MEASURES } from '../../../src/analytics/live-measures.js';
import type { AnswerSuite } from '../harness.js';
import { rawYaml } from '../../support/raw-files.js';

interface Claim {
  id: string; metric: string | null; reportValue: number | null; claimDate: string | null; sourceId: string; trend: string; qualifier: string | null;
  definition: { id: string; counts: string } | null;
  live: { value: number; asOf: string; sources: string[]; basis: string; lowerBound?: boolean; detail?: Record<string, unknown> } | null;
  comparison: { kind: string; text: string; onPace?: boolean | null; within?: boolean | null };
  related: { label: string; value: number; basis: string; detail?: Record<string, unknown> } | null;
}
interface Indicators { findings: { claims: Claim[] }[]; otherClaims: Claim[] }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Launch-log rows as columns: 0 tag, 1 date, 3 type, 8 SatState, 12 site, 17 LVState, 18 code. */
const launchRows = () => readSnapshot('gcat_launchlog_2024-12-08.tsv.gz').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t').map((f) => f.trim()));
const isoDay = (d: string) => `${d.slice(0, 4)}-${String(MONTHS.indexOf(d.slice(5, 8)) + 1).padStart(2, '0')}-${d.slice(9, 11).trim().padStart(2, '0')}`;

/** One row per launch tag, orbital launches only (ascents from other bodies, codes X…, excluded). */
function launches() {
  const byTag = new Map<string, string[]>();
  for (const f of launchRows()) if (!byTag.has(f[0]!)) byTag.set(f[0]!, f);
  return [...byTag.values()].filter((f) => !f[18]!.startsWith('X'));
}
const gpNames = () => readSnapshot('celestrak_gp_active_2026-07-10.csv.gz').split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]!);

/** The last day a claim's date ("2025", "2025-09", "2025-09-15", "~2025") speaks of. */
function lastDay(date: string): string {
  const d = date.replace(/^~/, '');
  if (d.length === 4) return `${d}-12-31`;
  if (d.length === 7) return new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return d.slice(0, 10);
}

async function claims(get: <T>(p: string) => Promise<T>): Promise<Map<string, Claim>> {
  const res = await get<Indicators>('/api/v1/indicators');
  return new Map([...res.findings.flatMap((f) => f.claims), ...res.otherClaims].map((c) => [c.id, c]));
}

export const answers: AnswerSuite = (ctx) => {
  it('every claim names a defined metric, and every metric names a measure that exists', async () => {
    const metrics = (rawYaml('data/rules/metrics.yaml') as { metrics: { id: string; measure?: string; related?: string }[] }).metrics;
    const ids = new Set(metrics.map((m) => m.id));
    for (const m of metrics) for (const x of [m.measure, m.related]) if (x) expect(MEASURES, `${m.id} → ${x}`).toHaveProperty(x);
    for (const c of (await claims(ctx().get)).values()) if (c.metric) expect(ids, c.id).toContain(c.metric);
  });

  it('no live value restates the claim\'s own document, and only newer data show a trend', async () => {
    const sources = (rawYaml('data/kb/sources/redshift-references.yaml') as { sources: { id: string; partOf?: string }[] }).sources;
    const doc = (id: string) => sources.find((s) => s.id === id)?.partOf ?? id;
    for (const c of (await claims(ctx().get)).values()) {
      if (c.live) for (const s of c.live.sources) expect(doc(s), c.id).not.toBe(doc(c.sourceId));
      if (c.trend !== 'n/a') {
        expect(c.comparison.kind, c.id).toBe('change-since-claim');
        expect(c.live!.asOf > c.claimDate!, c.id).toBe(true);
      } else expect(c.comparison.kind, c.id).not.toBe('change-since-claim');
      if (!c.live) expect(c.comparison.text, c.id).toMatch(/no independent measure|not computed|names no/i);
    }
  });

  it('the ILRS claims (different bases, read from the report itself) show no value and no trend', async () => {
    const all = await claims(ctx().get);
    for (const id of ['claim.ilrs-13-countries', 'claim.ilrs-mou-11-other-nations', 'claim.ilrs-more-than-dozen-nations', 'claim.private-rocket-manufacturers-dozen']) {
      expect(all.get(id)!.live, id).toBeNull();
      expect(all.get(id)!.trend, id).toBe('n/a');
    }
  });

  it('a claim given as a bound ("fewer than 1%") is checked against its bound, never turned into a change', async () => {
    const all = await claims(ctx().get);
    // A projection's bound ("over 150 by 2030") is its target, tracked as progress.
    const bounded = [...all.values()].filter((c) => c.live && c.qualifier && /than|over|under|least|most|up to/.test(c.qualifier) && c.comparison.kind !== 'progress');
    expect(bounded.map((c) => c.id)).toContain('claim.megaconstellations-under-1pct-launched');
    for (const c of bounded) {
      expect([c.comparison.kind, c.trend], c.id).toEqual(['bound', 'n/a']);
      expect(c.comparison.text, c.id).toMatch(/not a measurement, so no change since the claim is computed/);
      // Data of a later date than the claim measure another moment: no verdict either way.
      if (c.live!.asOf.slice(0, 10) > lastDay(c.claimDate!)) {
        expect(c.comparison.within, c.id).toBeNull();
        expect(c.comparison.text, c.id).toContain(`are later than the claim (${c.claimDate})`);
        continue;
      }
      // Within: on the bound's own side, as the qualifier says (recomputed here from value and bound).
      const upper = /fewer|less|under|most|up to/.test(c.qualifier!);
      const strict = /than|over|under/.test(c.qualifier!);
      const v = c.live!.value;
      const b = c.reportValue!;
      const within = upper ? (strict ? v < b : v <= b) : (strict ? v > b : v >= b);
      // A lower bound ("at least v") meets a floor or passes a ceiling, and shows nothing else.
      const decided = !c.live!.lowerBound || within !== upper;
      expect(c.comparison.within, c.id).toBe(decided ? within : null);
    }
    // The report's bounds are of 2025 and the bundled catalog of 2026: none is checked by them.
    expect(bounded.every((c) => c.comparison.within === null)).toBe(true);
    // The share's denominator is a choice: the basis also gives it over the largest planned sizes the curated file states.
    const share = all.get('claim.megaconstellations-under-1pct-launched')!.live!;
    const yaml = rawYaml('data/kb/entities/programs/megaconstellations.yaml') as { entities: { id: string; plannedSize?: { value: number } | { value: number }[] }[] };
    const sizes = (id: string) => [yaml.entities.find((e) => e.id === id)!.plannedSize!].flat().map((p) => p.value);
    const largest = Math.max(...sizes('program.guowang')) + Math.max(...sizes('program.qianfan'));
    const deployed = Number(/payloads in orbit \((\d+)\)/.exec(share.basis)![1]);
    expect(share.basis).toContain(`over the largest planned sizes the sources give (${largest}) the share is ${Math.round((deployed / largest) * 10000) / 100}%`);
  });

  it('the operator\'s Jilin-1 counts and the report\'s Guowang count are not compared with CelesTrak\'s active list (another population): the catalog figure is shown as related, with no change', async () => {
    const all = await claims(ctx().get);
    for (const id of ['claim.jilin-1-117-satellites', 'claim.jilin-1-about-130-satellites', 'claim.guowang-about-100-operational']) {
      const c = all.get(id);
      expect(c, id).toBeDefined();
      expect([c!.live, c!.trend, c!.comparison.kind], id).toEqual([null, 'n/a', 'no-independent-measure']);
      expect(c!.related?.label, id).toMatch(/not the same quantity/);
    }
  });

  it('"150 launches by 2030" is tracked as progress from the latest complete year, counted from the raw launch log', async () => {
    const c = (await claims(ctx().get)).get('claim.launches-150-by-2030')!;
    expect(c.comparison.kind).toBe('progress');
    expect(c.trend).toBe('n/a');
    const year = (c.live!.detail as { year: number }).year;
    expect(c.live!.value).toBe(launches().filter((f) => f[17] === 'CN' && f[1]!.startsWith(String(year))).length);
    expect(c.comparison.text).toMatch(/Target: 150 in 2030/);
    // The verdict is given only when every start year of the history agrees (recomputed from the raw log).
    const count = (y: number) => launches().filter((f) => f[17] === 'CN' && f[1]!.startsWith(String(y))).length;
    const round = (x: number) => Math.round(x * 1000) / 1000;
    const required = round((150 / count(year)) ** (1 / (2030 - year)) - 1);
    const starts = Array.from({ length: 5 }, (_, i) => year - 5 + i);
    const growth = Object.fromEntries(starts.map((y) => [String(y), round((count(year) / count(y)) ** (1 / (year - y)) - 1)]));
    expect((c.comparison as unknown as { growthFromYear: Record<string, number> }).growthFromYear).toEqual(growth);
    const verdicts = Object.values(growth).map((g) => g >= required);
    expect(c.comparison.onPace).toBe(verdicts.every(Boolean) ? true : verdicts.every((v) => !v) ? false : null);
    if (c.comparison.onPace === null) expect(c.comparison.text).toContain('depending on the start year, so no verdict');
  });

  it('operational launch sites = distinct sites with a Chinese orbital launch in the last 12 months of the raw launch log', async () => {
    const c = (await claims(ctx().get)).get('claim.six-operational-spaceports')!;
    const end = c.live!.asOf;
    const since = `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`;
    const sites = new Set(launches().filter((f) => f[17] === 'CN' && isoDay(f[1]!) > since && isoDay(f[1]!) <= end).map((f) => f[12]));
    expect(c.live!.value).toBe(sites.size);
    // The window the basis states is the one counted: the day after `since` is its first day.
    const first = new Date(Date.parse(`${since}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(c.live!.basis).toContain(`from ${first} to ${end}:`);
    expect(c.live!.detail).toMatchObject({ from: first, to: end });
    expect(c.comparison.kind).toBe('same-basis-difference');
    // Sea-launch zones are named, from GCAT's raw sites table (a zone at sea: its name or location says so), with the count taking sea launches as one site.
    const seaZones = readSnapshot('gcat_sites_2024-11-27.tsv.gz').split('\n').map((l) => l.split('\t'))
      .filter((f) => /launch (zone|area)/i.test(f[8] ?? '') && /\bsea\b|Huang Hai/i.test(`${f[8]} ${f[9]}`)).map((f) => f[0]!.trim());
    const atSea = [...sites].filter((s) => seaZones.includes(s!)).sort();
    expect(atSea.length).toBeGreaterThan(0);
    expect((c.live!.detail as { seaLaunchZones: string[] }).seaLaunchZones).toEqual(atSea);
    expect(c.live!.basis).toContain(`${sites.size - atSea.length} are land sites and ${atSea.length} are sea-launch zones (${atSea.join(', ')}`);
    expect(c.live!.basis).toContain(`counting sea launches as one site gives ${sites.size - atSea.length + 1}`);
    expect(c.live!.sources).toContain('gcat-sites-2024-11-27');
  });

  it('launches from Jiuquan, Taiyuan and Xichang, and payloads launched for foreign owners 1990 to June 2023, equal raw counts', async () => {
    const all = await claims(ctx().get);
    // The report gives no period for its "nearly 390": the all-years count is a related figure, never compared.
    const inland = all.get('claim.legacy-sites-390-launches')!;
    expect([inland.live, inland.trend, inland.comparison.kind]).toEqual([null, 'n/a', 'no-independent-measure']);
    expect(inland.related!.value).toBe(launches().filter((f) => ['JQ', 'TYSC', 'XSC'].includes(f[12]!)).length);
    const notChina = launchRows().filter((f) => f[17] === 'CN' && f[3]!.startsWith('P') && f[8] !== 'CN' && isoDay(f[1]!) >= '1990-01-01' && isoDay(f[1]!) <= '2023-06-30');
    // Hong Kong owners (GCAT HK after 1997, HKUK before) are not foreign, as in the "Launched on Chinese rockets" map layer; the basis gives the count with them.
    const hongKong = notChina.filter((f) => ['HK', 'HKUK'].includes(f[8]!));
    // The report counts its 17 deliveries in orbit apart from the 77 (§3.2.3: "an additional 17"); the launch log cannot
    // tell them apart, so its count of every foreign-owned payload is a related figure, not compared.
    const claim77 = all.get('claim.foreign-satellites-launched-77')!;
    expect([claim77.live, claim77.trend, claim77.comparison.kind]).toEqual([null, 'n/a', 'no-independent-measure']);
    expect(claim77.comparison.text).toContain('an additional 17');
    expect(claim77.related!.label).toMatch(/not the same quantity/);
    const foreign = claim77.related! as unknown as NonNullable<Claim['live']>;
    expect(hongKong.length).toBeGreaterThan(0);
    expect(foreign.value).toBe(notChina.length - hongKong.length);
    expect(foreign.basis).toContain(`gives ${notChina.length})`);
    // The choice is the product's, said as such: the report has no Figure 5b and does not say how it counts Hong Kong.
    expect(foreign.basis).not.toMatch(/Figure 5b/);
    expect(foreign.basis).toContain('the report does not say how it counts them');
    expect(foreign.detail).toMatchObject({ hongKongNotCounted: { HK: hongKong.filter((f) => f[8] === 'HK').length, HKUK: hongKong.filter((f) => f[8] === 'HKUK').length } });
  });

  it('BeiDou satellites and Tiangong modules in orbit equal counts of names in the raw GP file', async () => {
    const all = await claims(ctx().get);
    const names = gpNames();
    expect(all.get('claim.beidou-over-45-satellites')!.live!.value).toBe(names.filter((n) => n.startsWith('BEIDOU')).length);
    expect(all.get('claim.tiangong-three-modules')!.live!.value).toBe(names.filter((n) => n.startsWith('CSS (')).length);
    expect(all.get('claim.beidou-3-44-operational')!.live).toBeNull();
  });

  it('"over 300 RS satellites" is measured as the report\'s list counts remote sensing: Earth observation and the Yaogan series (military ISR), a lower bound by the payloads no rule classifies', async () => {
    const c = (await claims(ctx().get)).get('claim.rs-satellites-over-300')!;
    const fig8 = await ctx().get<{ byMission: Record<string, number>; missionUnclassified: number; snapshot: { asOf: string } }>(`/api/v1/analytics/spacecraft?country=CN&asOf=${c.live!.asOf}`);
    const eo = fig8.byMission['earth-observation']!;
    const isr = fig8.byMission['military-isr']!;
    expect(c.live!.value).toBe(eo + isr);
    expect(c.live!.basis).toContain(`earth observation (${eo}) or military isr (${isr})`);
    // Every Yaogan in the raw GP file is in the military ISR count (the report lists Yaogan among its RS constellations, §3.3.3).
    const yaogan = gpNames().filter((n) => /^YAOGAN/.test(n)).length;
    expect(yaogan).toBeGreaterThan(100);
    expect(isr).toBeGreaterThanOrEqual(yaogan);
    // Unclassified as Figure 8 counts them, not every "other" (some are "other" by a rule).
    expect(c.live!.lowerBound).toBe(true);
    expect(c.live!.basis).toContain(`; ${fig8.missionUnclassified} Chinese payloads no mission rule or UCS purpose classifies`);
    expect(fig8.missionUnclassified).toBeLessThan(fig8.byMission.other!);
  });

  it('the related figure for "private" launch companies lists the commercial providers that flew in its window, counted from the raw launch log, and names those in state-owned groups', async () => {
    const c = (await claims(ctx().get)).get('claim.private-rocket-manufacturers-dozen')!;
    const rules = (rawYaml('data/rules/classification.yaml') as { launchProviderRules: { lvTypePattern: string; provider: string; sector: string; stateGroup?: { parent: string } }[] })
      .launchProviderRules.filter((r) => r.sector === 'commercial');
    const end = c.related!.basis.match(/ to (\d{4}-\d{2}-\d{2}):/)![1]!;
    const since = `${Number(end.slice(0, 4)) - 1}${end.slice(4)}`;
    const flown = new Map<string, string | null>();
    for (const f of launches()) {
      if (f[17] !== 'CN' || isoDay(f[1]!) <= since || isoDay(f[1]!) > end) continue;
      const rule = rules.find((r) => new RegExp(r.lvTypePattern).test(f[9]!));
      if (rule) flown.set(rule.provider, rule.stateGroup?.parent ?? null);
    }
    expect(c.related!.value).toBe(flown.size);
    expect(c.related!.basis).toContain(`: ${[...flown.keys()].sort().join(', ')}`);
    const owned = [...flown].filter(([, g]) => g !== null).sort(([a], [b]) => a.localeCompare(b));
    expect(owned.length).toBeGreaterThan(0);
    expect(c.related!.basis).toContain(`${owned.length} of them are subsidiaries of a state-owned group (${owned.map(([p, g]) => `${p} of ${g}`).join(', ')}), so not private`);
  });
};
