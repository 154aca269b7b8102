/**
 * The five key findings with each quantitative claim: the report's value, its metric's
 * definition, and what independent data measures (or why nothing does).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { entityRows } from '../store/queries/entity-table.js';
import { listSnapshots } from '../store/queries/catalog.js';
import { first, type EntityRow } from '../model/entity-row.js';
import { evaluateClaim, type ClaimEvaluation, type MeasureInputs } from '../analytics/indicators.js';
import {
  cachedClassified, cachedLaunches, cachedPayloadsOn, constellationsAnalytic, launchCoverageEnd, rulesVersion, tiangongAnalytic,
  type ConstellationReport,
} from './analytics.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { memo } from './data-cache.js';

export interface ClaimView extends ClaimEvaluation {
  id: string; quote: string; reportValue: number | null; qualifier: string | null; unit: string | null;
  sourceId: string; locator: string | null; metric: string | null; claimDate: string | null; targetDate: string | null;
}
export interface FindingView { id: string; number: number; headline: string; description: string | null; sourceId: string | null; locator: string | null; claims: ClaimView[] }
export interface Indicators { findings: FindingView[]; otherClaims: ClaimView[]; computedAt: string }

async function gatherInputs(db: Kysely<Database>, rules: Rules): Promise<MeasureInputs> {
  const launches = await cachedLaunches(db);
  const coverageEnd = await launchCoverageEnd(db, launches);
  const latest = (await listSnapshots(db)).at(-1) ?? null;
  let constellations: ConstellationReport[] = [];
  if (latest) constellations = (await constellationsAnalytic(db, rules)).constellations;
  return {
    launches, launchCoverageEnd: coverageEnd,
    launchSourceIds: [...new Set(launches.map((l) => l.sourceId))],
    chinesePayloads: await cachedPayloadsOn(db, 'CN'),
    providerRules: rules.launchProviderRules,
    constellations,
    tiangong: latest ? await tiangongAnalytic(db) : null,
    objects: latest ? await cachedClassified(db, rules, latest.id) : [],
    snapshot: latest ? { asOf: latest.asOf, sourceId: latest.sourceId } : null,
  };
}

export function indicators(db: Kysely<Database>, rules: Rules): Promise<Indicators> {
  return memo(db, `indicators:${rulesVersion(rules)}`, () => computeIndicators(db, rules));
}

/** Each source's document (a numbered reference of the report belongs to the report) and publication date. */
async function sourceDocuments(db: Kysely<Database>): Promise<{ documentOf: (id: string) => string; published: (id: string) => string | null }> {
  const rows = await db.selectFrom('sources').select(['id', 'part_of', 'published']).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const documentOf = (id: string) => byId.get(id)?.part_of ?? id;
  return { documentOf, published: (id: string) => byId.get(id)?.published ?? byId.get(documentOf(id))?.published ?? null };
}

async function computeIndicators(db: Kysely<Database>, rules: Rules): Promise<Indicators> {
  const inputs = await gatherInputs(db, rules);
  const { documentOf, published } = await sourceDocuments(db);
  const metrics = new Map(rules.metrics.map((m) => [m.id, m]));
  const findings = await entityRows(db, 'KeyFinding');
  const claims = await entityRows(db, 'Claim');
  const claimView = (c: EntityRow): ClaimView => {
    const v = c.values.value?.[0];
    const cited = v ?? c.values.quote?.[0];
    const sourceId = cited?.sourceId ?? '';
    const metric = first(c, 'metric');
    const reportValue = v ? Number(v.value) : null;
    const claimDate = v?.asOf ?? published(sourceId);
    const facts = { reportValue, qualifier: v?.qualifier ?? null, claimDate, targetDate: first(c, 'targetDate'), sourceDocument: documentOf(sourceId), metric };
    return {
      id: c.id, quote: c.values.quote?.[0]?.value ?? c.caption, unit: first(c, 'unit'), sourceId, locator: cited?.locator ?? null,
      ...facts, ...evaluateClaim(facts, metric ? metrics.get(metric) : undefined, inputs, documentOf),
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
