/**
 * A constellation's catalog count beside the latest count the sources report, and
 * what a reviewer needs to judge the difference: the objects the name rules matched,
 * the catalog names that look like the constellation's but no rule matched, and the
 * likely causes of any disagreement.
 *
 * Catalog count: payloads in one CelesTrak GP "active" snapshot whose name a curated
 * rule (data/rules) gives to the constellation. Near misses: payloads matched by no rule
 * that share a distinctive name word with the constellation (its name, aliases and the
 * words of its rules' patterns), or that are named only by their international
 * designator and come from a launch that also carried a matched object.
 */
import type { ObjectNameRule } from '../model/rules.js';
import type { ClassifiedObject } from './spacecraft.js';
import type { SourcedValue } from './constellations.js';

export interface ReportedCount extends SourcedValue { status: string; original: string | null; note: string | null }
export interface CatalogCount { count: number; inferred: number; snapshotId: string; asOf: string; sourceId: string; definition: string }
export interface MatchedObject { noradId: number; objectName: string; objectId: string | null; ruleId: string; inferred: boolean }
export type NearMissReason = 'shared-name-word' | 'same-launch-designator-name';
export interface NearMiss { noradId: number; objectName: string; objectId: string | null; reason: NearMissReason; detail: string }
export type CauseCode = 'catalog-counts-active-only' | 'reported-counts-launched' | 'unmatched-names' | 'launched-after-snapshot'
  | 'launched-after-report' | 'no-counting-rule' | 'reported-unverified' | 'inferred-rule' | 'undetermined';
export interface Discrepancy { difference: number; catalog: number; reported: number; reportedQualifier: string | null; reportedAsOf: string | null; causes: { code: CauseCode; text: string }[] }
export interface CatalogReview {
  catalog: CatalogCount;
  latestReported: ReportedCount | null;
  discrepancy: Discrepancy | null;
  matched: MatchedObject[];
  nearMisses: NearMiss[];
  nameWords: string[];
}

/** Words too general to tie a catalog name to a constellation. */
const STOPWORDS = new Set(['THE', 'AND', 'FOR', 'CONSTELLATION', 'SATELLITE', 'SATELLITES', 'SERIES', 'SYSTEM', 'NATIONAL',
  'FUTURE', 'VERY', 'LOW', 'EARTH', 'ORBIT', 'OBJECT', 'TEST', 'GROUP', 'SPACE']);
/** A word shared with more names than this (matched by no rule) is too common to flag, e.g. STARLINK from the alias "G60 Starlink". */
export const MAX_NAMES_PER_WORD = 50;

const RULE_PREFIX = 'name-rule:';
const words = (s: string) => s.toUpperCase().split(/[^A-Z0-9]+/).filter((w) => w.length >= 3 && /[A-Z]/.test(w) && !STOPWORDS.has(w));
const launchOf = (objectId: string | null) => objectId?.match(/^\d{4}-\d{3}/)?.[0] ?? null;
const designatorNamed = (o: Pick<ClassifiedObject, 'objectName' | 'objectId'>) => o.objectName === o.objectId || /^OBJECT [A-Z]{1,3}$/.test(o.objectName);

/** The words that tie a catalog name to the constellation: from its names and the upper-case words of its rules' patterns. */
export function constellationWords(names: readonly string[], rules: readonly ObjectNameRule[]): string[] {
  const fromPatterns = rules.flatMap((r) => r.pattern.match(/[A-Z][A-Z0-9]{2,}/g) ?? []).filter((w) => !STOPWORDS.has(w));
  return [...new Set([...names.flatMap(words), ...fromPatterns])].sort();
}

/** The reported count with the newest as-of date (ties: the input order, i.e. preference). */
export function latestReported(reported: readonly ReportedCount[]): ReportedCount | null {
  return reported.reduce<ReportedCount | null>((best, r) => (best === null || (r.asOf ?? '') > (best.asOf ?? '') ? r : best), null);
}

/** Whether a catalog count agrees with a reported value, reading the qualifier ("at least 18" agrees with 20). */
export function agrees(catalog: number, r: Pick<SourcedValue, 'value' | 'qualifier'>): boolean {
  switch (r.qualifier) {
    case 'over': case 'more than': return catalog > r.value;
    case 'at least': return catalog >= r.value;
    case 'up to': case 'at most': return catalog <= r.value;
    case 'under': case 'less than': case 'fewer than': return catalog < r.value;
    default: return catalog === r.value;
  }
}

export function catalogReview(
  c: { id: string; names: readonly string[] },
  rules: readonly ObjectNameRule[],
  classified: readonly ClassifiedObject[],
  snapshot: { id: string; asOf: string; sourceId: string },
  reported: readonly ReportedCount[],
): CatalogReview {
  const own = rules.filter((r) => r.program === c.id);
  const inferredRule = new Set(own.filter((r) => r.status === 'unverified').map((r) => r.id));
  const payloads = classified.filter((o) => o.kind === 'payload');
  const matched: MatchedObject[] = payloads.filter((o) => o.program === c.id).map((o) => {
    const ruleId = o.missionRule.startsWith(RULE_PREFIX) ? o.missionRule.slice(RULE_PREFIX.length) : o.missionRule;
    return { noradId: o.noradId, objectName: o.objectName, objectId: o.objectId, ruleId, inferred: inferredRule.has(ruleId) };
  }).sort((a, b) => a.objectName.localeCompare(b.objectName) || a.noradId - b.noradId);
  const unmatched = payloads.filter((o) => !o.missionRule.startsWith(RULE_PREFIX));
  const nameWords = constellationWords(c.names, own);
  const nearMisses = findNearMisses(nameWords, unmatched, matched);
  const catalog: CatalogCount = {
    count: matched.length, inferred: matched.filter((m) => m.inferred).length, snapshotId: snapshot.id, asOf: snapshot.asOf, sourceId: snapshot.sourceId,
    definition: `Payloads in the CelesTrak GP "active" snapshot of ${snapshot.asOf} (${snapshot.sourceId}) whose OBJECT_NAME matches one of this constellation's name rules (${own.map((r) => r.id).join(', ') || 'none'}; data/rules/classification.yaml). Objects CelesTrak does not list as active (decayed, failed, retired) are not counted.`,
  };
  const latest = latestReported(reported);
  return { catalog, latestReported: latest, discrepancy: latest && !agrees(catalog.count, latest) ? discrepancy(catalog, latest, own.length, nearMisses) : null, matched, nearMisses, nameWords };
}

function findNearMisses(nameWords: readonly string[], unmatched: readonly ClassifiedObject[], matched: readonly MatchedObject[]): NearMiss[] {
  const perWord = new Map<string, number>();
  for (const o of unmatched) for (const w of new Set(words(o.objectName))) perWord.set(w, (perWord.get(w) ?? 0) + 1);
  const distinctive = new Set(nameWords.filter((w) => (perWord.get(w) ?? 0) <= MAX_NAMES_PER_WORD));
  const launches = new Set(matched.map((m) => launchOf(m.objectId)).filter((l): l is string => l !== null));
  const out: NearMiss[] = [];
  for (const o of unmatched) {
    const shared = words(o.objectName).filter((w) => distinctive.has(w));
    const base = { noradId: o.noradId, objectName: o.objectName, objectId: o.objectId };
    if (shared.length) out.push({ ...base, reason: 'shared-name-word', detail: `shares ${shared.join(', ')}` });
    else if (designatorNamed(o) && launches.has(launchOf(o.objectId) ?? '')) out.push({ ...base, reason: 'same-launch-designator-name', detail: `named only by designator, from launch ${launchOf(o.objectId)}, which also carried matched objects` });
  }
  return out.sort((a, b) => a.objectName.localeCompare(b.objectName) || a.noradId - b.noradId);
}

function discrepancy(catalog: CatalogCount, r: ReportedCount, ruleCount: number, nearMisses: readonly NearMiss[]): Discrepancy {
  const causes: Discrepancy['causes'] = [];
  const add = (code: CauseCode, text: string) => causes.push({ code, text });
  const reportedDate = r.asOf ?? 'an undated statement';
  if (ruleCount === 0) add('no-counting-rule', 'No name rule gives catalog objects to this constellation, so its catalog count is 0 by construction.');
  if (catalog.count < r.value) {
    const byWord = nearMisses.filter((n) => n.reason === 'shared-name-word').length;
    const byLaunch = nearMisses.length - byWord;
    if (nearMisses.length) add('unmatched-names', `Catalog names no rule matches (listed for review): ${byWord} share a name word with this constellation, ${byLaunch} are named only by designator and share a launch with its matched objects.`);
    if (r.asOf && r.asOf > catalog.asOf) add('launched-after-snapshot', `The reported figure (${r.asOf}) is newer than the snapshot (${catalog.asOf}); objects launched after the snapshot are not in it.`);
    if (/launch/i.test(`${r.original ?? ''} ${r.note ?? ''}`)) add('reported-counts-launched', 'The reported figure counts satellites launched; the catalog counts objects still listed as active.');
    else add('catalog-counts-active-only', `The catalog counts only objects in CelesTrak's active group on ${catalog.asOf}; satellites that decayed, failed or are not listed as active, and satellites CelesTrak names in a way no rule recognises, are not counted.`);
  } else if (r.asOf && r.asOf < catalog.asOf) {
    add('launched-after-report', `The reported figure dates from ${reportedDate}; satellites launched between then and the snapshot of ${catalog.asOf} are in the catalog count only, `
      + `so the difference says nothing about the count on ${reportedDate}: it may have been above or below the reported figure then.`);
  }
  if (!causes.length) add('undetermined', 'No likely cause was found in the data; compare the matched objects and the near misses.');
  if (catalog.inferred) add('inferred-rule', `${catalog.inferred} of the ${catalog.count} catalog matches rest on a rule marked unverified (an inference; see the rule's note).`);
  if (r.status === 'unverified') add('reported-unverified', `The reported figure is itself unverified${r.note ? `: ${r.note}` : '.'}`);
  return { difference: catalog.count - r.value, catalog: catalog.count, reported: r.value, reportedQualifier: r.qualifier, reportedAsOf: r.asOf, causes };
}
