/** The five key findings with each quantitative claim: the report's value, today's value, its date and the trend. */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { entityRows } from '../store/queries/entity-table.js';
import { listSnapshots } from '../store/queries/catalog.js';
import { first } from '../model/entity-row.js';
import { liveValue, trend, type IndicatorInputs, type LiveValue, type Trend } from '../analytics/indicators.js';
import { cachedClassified, cachedLaunches, constellationsAnalytic, launchCoverageEnd, tiangongAnalytic, type ConstellationReport } from './analytics.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { memo } from './data-cache.js';

export interface ClaimView {
  id: string; quote: string; reportValue: number | null; qualifier: string | null; unit: string | null;
  sourceId: string; locator: string | null; metric: string | null; live: LiveValue; trend: Trend;
}
export interface FindingView { id: string; number: number; headline: string; description: string | null; sourceId: string | null; locator: string | null; claims: ClaimView[] }
export interface Indicators { findings: FindingView[]; otherClaims: ClaimView[]; computedAt: string }

async function gatherInputs(db: Kysely<Database>, rules: Rules): Promise<IndicatorInputs> {
  const launches = await cachedLaunches(db);
  const coverageEnd = await launchCoverageEnd(db, launches);
  const snapshots = await listSnapshots(db);
  const latest = snapshots.at(-1) ?? null;
  let constellations: ConstellationReport[] = [];
  if (latest) constellations = (await constellationsAnalytic(db, rules)).constellations;
  return {
    facilities: await entityRows(db, 'Facility'),
    agreements: await entityRows(db, 'Agreement'),
    missions: await entityRows(db, 'Mission'),
    launches, launchCoverageEnd: coverageEnd,
    launchSourceIds: [...new Set(launches.map((l) => l.sourceId))],
    providerRules: rules.launchProviderRules,
    constellations,
    tiangong: latest ? await tiangongAnalytic(db) : null,
    objects: latest ? await cachedClassified(db, rules, latest.id) : [],
    snapshot: latest ? { asOf: latest.asOf, sourceId: latest.sourceId } : null,
  };
}

export function indicators(db: Kysely<Database>, rules: Rules): Promise<Indicators> {
  return memo(db, `indicators:${JSON.stringify(rules)}`, () => computeIndicators(db, rules));
}

async function computeIndicators(db: Kysely<Database>, rules: Rules): Promise<Indicators> {
  const inputs = await gatherInputs(db, rules);
  const findings = await entityRows(db, 'KeyFinding');
  const claims = await entityRows(db, 'Claim');
  const claimView = (c: (typeof claims)[number]): ClaimView => {
    const v = c.values.value?.[0];
    const metric = first(c, 'metric');
    const live = liveValue(metric, inputs);
    const reportValue = v ? Number(v.value) : null;
    const quote = c.values.quote?.[0];
    return {
      id: c.id, quote: quote?.value ?? c.caption, reportValue, qualifier: v?.qualifier ?? null, unit: first(c, 'unit'),
      sourceId: (v ?? quote)?.sourceId ?? '', locator: (v ?? quote)?.locator ?? null, metric, live, trend: trend(reportValue, live.value),
    };
  };
  const byFinding = new Map<string, ClaimView[]>();
  const other: ClaimView[] = [];
  for (const c of claims) {
    const f = first(c, 'finding');
    if (f) (byFinding.get(f) ?? byFinding.set(f, []).get(f)!).push(claimView(c));
    else other.push(claimView(c));
  }
  return {
    computedAt: new Date().toISOString(),
    findings: findings.map((f) => ({
      id: f.id, number: Number(first(f, 'number')), headline: first(f, 'headline') ?? f.caption, description: first(f, 'description'),
      sourceId: f.values.headline?.[0]?.sourceId ?? null, locator: f.values.headline?.[0]?.locator ?? null,
      claims: byFinding.get(f.id) ?? [],
    })).sort((a, b) => a.number - b.number),
    otherClaims: other,
  };
}
