/**
 * The report's quantitative claims beside what independent data measures. Each claim's
 * metric (data/rules/metrics.yaml) defines what the number counts; a live value is shown
 * only when a computation measures that same quantity from data that is not the claim's
 * own source. A change ("trend") is shown only when the data is newer than the claim; a
 * projection is tracked as progress toward its target; otherwise the page says why there
 * is no independent measure.
 */
import type { MetricComparison, MetricDefinition } from '../model/rules.js';
import { lastDayOf } from './goals.js';
import { BOUND_QUALIFIERS, FLOOR_QUALIFIERS } from '../model/statement.js';
import { agrees } from './constellation-catalog.js';
import { MEASURES, type LiveValue, type MeasureInputs, type MeasureParams } from './live-measures.js';

export type { LiveValue, MeasureInputs } from './live-measures.js';
export type Trend = 'up' | 'down' | 'same' | 'n/a';

export interface MetricView {
  id: string; label: string; counts: string; unit: string; comparison: MetricComparison; note: string | null;
}

export type Comparison =
  | { kind: 'change-since-claim'; change: number; text: string }
  | { kind: 'same-basis-difference'; difference: number; text: string }
  /** The claim is a bound ("fewer than 1%"), not a measurement: the data are checked against it, no change is computed. */
  /**
   * The claim is a bound ("fewer than 1%"), not a measurement: the data are checked against it, no change is computed.
   * within is null when the data cannot check it: they are of a later date than the claim, or a lower bound on the wrong side.
   */
  | { kind: 'bound'; within: boolean | null; text: string }
  | {
    kind: 'progress'; target: number; targetYear: number; latestYear: number; latestValue: number;
    requiredAnnualGrowth: number | null; recentAnnualGrowth: number | null;
    /** The yearly growth to the latest year from each earlier year of the history (the verdict may depend on the start). */
    growthFromYear: Record<string, number>;
    /** On pace from every start year, behind from every one, or null: no data, or the start year decides (said in the text). */
    onPace: boolean | null; text: string;
  }
  | { kind: 'no-independent-measure'; text: string }
  | { kind: 'no-data'; text: string };

export interface ClaimFacts {
  reportValue: number | null;
  qualifier: string | null;
  /** The date the claim speaks of: its value's as-of date, else its source's publication date. */
  claimDate: string | null;
  targetDate: string | null;
  /** The document the claim cites (a report reference resolves to the report). */
  sourceDocument: string;
  metric: string | null;
}

export interface ClaimEvaluation {
  definition: MetricView | null;
  live: LiveValue | null;
  comparison: Comparison;
  related: (LiveValue & { label: string }) | null;
  trend: Trend;
}

function measure(id: string, params: MeasureParams | undefined, inp: MeasureInputs): LiveValue | { unavailable: string } {
  const f = MEASURES[id];
  return f ? f(inp, params ?? {}) : { unavailable: `unknown measure "${id}" in data/rules/metrics.yaml` };
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function progress(target: number, targetDate: string | null, live: LiveValue): Comparison {
  const detail = live.detail as { year?: number; byYear?: Record<string, number> } | undefined;
  const targetYear = targetDate ? Number(targetDate.replace(/^~/, '').slice(0, 4)) : NaN;
  if (!detail?.year || !detail.byYear || Number.isNaN(targetYear)) return { kind: 'no-data', text: 'The projection names no target year, or the measure gives no yearly history.' };
  const years = Object.keys(detail.byYear).map(Number).sort((a, b) => a - b);
  const first = years[0]!;
  const latestValue = live.value;
  const span = targetYear - detail.year;
  const required = span > 0 && latestValue > 0 ? round((target / latestValue) ** (1 / span) - 1) : null;
  const { year: latestYear, byYear } = detail;
  const growthFrom = (y: number): number | null => {
    const earlier = byYear[y] ?? 0;
    return latestYear > y && earlier > 0 ? round((latestValue / earlier) ** (1 / (latestYear - y)) - 1) : null;
  };
  const recent = growthFrom(first);
  const growthFromYear = Object.fromEntries(years.filter((y) => y < latestYear).flatMap((y) => {
    const g = growthFrom(y);
    return g === null ? [] : [[String(y), g]];
  }));
  const verdicts = required === null ? [] : Object.values(growthFromYear).map((g) => g >= required);
  const onPace = verdicts.length === 0 ? null : verdicts.every(Boolean) ? true : verdicts.every((v) => !v) ? false : null;
  const fromEach = Object.entries(growthFromYear).map(([y, g]) => `${pct(g)} from ${y}`).join(', ');
  const text = `Target: ${target} in ${targetYear}. Latest complete year ${detail.year}: ${latestValue}. `
    + (required === null ? '' : `Reaching the target needs ${pct(required)} growth a year from ${detail.year} to ${targetYear}; `)
    + (recent === null ? '' : `growth was ${pct(recent)} a year from ${first} to ${detail.year}`)
    + (onPace === true ? ': on pace' : onPace === false ? ': behind pace' : '')
    + (verdicts.length > 1 ? ` (yearly growth to ${detail.year}: ${fromEach}${onPace === null ? '; on pace or behind depending on the start year, so no verdict' : ''})` : '')
    + '.';
  return {
    kind: 'progress', target, targetYear, latestYear: detail.year, latestValue, requiredAnnualGrowth: required, recentAnnualGrowth: recent,
    growthFromYear, onPace, text,
  };
}

/** Evaluates one claim against its metric definition. `documentOf` maps a source id to the document it belongs to. */
export function evaluateClaim(claim: ClaimFacts, def: MetricDefinition | undefined, inp: MeasureInputs, documentOf: (sourceId: string) => string): ClaimEvaluation {
  const none = (text: string, definition: MetricView | null = null, related: ClaimEvaluation['related'] = null): ClaimEvaluation =>
    ({ definition, live: null, comparison: { kind: 'no-independent-measure', text }, related, trend: 'n/a' });
  if (!claim.metric) return none('No independent measure yet: the claim names no metric definition.');
  if (!def) return none(`No independent measure yet: metric "${claim.metric}" has no definition.`);
  const definition: MetricView = { id: def.id, label: def.label, counts: def.counts, unit: def.unit, comparison: def.comparison, note: def.note ?? null };
  let related: ClaimEvaluation['related'] = null;
  if (def.related) {
    const r = measure(def.related, def.relatedParams, inp);
    if (!('unavailable' in r)) related = { ...r, label: 'A related figure, not the same quantity (not compared)' };
  }
  if (def.comparison === 'none') return none(`No independent measure yet. ${def.noMeasure}`, definition, related);
  const m = measure(def.measure!, def.params, inp);
  if ('unavailable' in m) return { definition, live: null, comparison: { kind: 'no-data', text: `Not computed: ${m.unavailable}.` }, related, trend: 'n/a' };
  const circular = m.sources.filter((s) => documentOf(s) === claim.sourceDocument);
  if (circular.length) return none(`No independent measure yet: the only data measuring it (${circular.join(', ')}) is the claim's own source.`, definition, related);
  if (def.comparison === 'progress') {
    if (claim.reportValue === null) return { definition, live: m, comparison: { kind: 'no-data', text: 'The claim states no target value.' }, related, trend: 'n/a' };
    return { definition, live: m, comparison: progress(claim.reportValue, claim.targetDate, m), related, trend: 'n/a' };
  }
  if (claim.reportValue === null) {
    return { definition, live: m, comparison: { kind: 'no-data', text: 'The claim states no number to compare; the data are shown for reference.' }, related, trend: 'n/a' };
  }
  const claimEnd = claim.claimDate ? lastDayOf(claim.claimDate) : null;
  if (claim.qualifier && (BOUND_QUALIFIERS as readonly string[]).includes(claim.qualifier)) {
    return { definition, live: m, related, trend: 'n/a', comparison: boundCheck(claim.qualifier, claim.reportValue, m, claim.claimDate, claimEnd) };
  }
  const diff = round(m.value - claim.reportValue);
  if (claimEnd && m.asOf.slice(0, 10) > claimEnd && m.lowerBound && diff < 0) {
    return {
      definition, live: m, related, trend: 'n/a',
      comparison: { kind: 'same-basis-difference', difference: diff, text: `The data (${m.asOf}) give at least ${m.value}, a lower bound, against the report's ${claim.qualifier ? `${claim.qualifier} ` : ''}${claim.reportValue}: no decrease can be concluded.` },
    };
  }
  if (claimEnd && m.asOf.slice(0, 10) > claimEnd) {
    const trend: Trend = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
    return {
      definition, live: m, related, trend,
      comparison: { kind: 'change-since-claim', change: diff, text: `Change since the claim (${claim.claimDate}) on the same definition, data of ${m.asOf}: ${diff > 0 ? '+' : ''}${diff}.` },
    };
  }
  return {
    definition, live: m, related, trend: 'n/a',
    comparison: {
      kind: 'same-basis-difference', difference: diff,
      text: `The data (to ${m.asOf}) do not post-date the claim (${claim.claimDate ?? 'undated'}), so no change is shown; on this definition the data give ${m.value} against the report's ${claim.qualifier ? `${claim.qualifier} ` : ''}${claim.reportValue}.`,
    },
  };
}

/**
 * Whether the data fall within the claim's bound (read as a reported count's qualifier is); a bound is not a
 * measurement, so no change is derived from it. No verdict (within: null) when the data cannot check the bound:
 * data of a later date than the claim measure another moment, and a lower bound ("at least n") shows only that
 * a floor is met or a ceiling passed.
 */
function boundCheck(qualifier: string, bound: number, m: LiveValue, claimDate: string | null, claimEnd: string | null): Comparison {
  const unit = (x: number) => (m.unit === 'percent' ? `${x}%` : `${x} ${m.unit}`);
  const side = m.value === bound ? 'at' : m.value > bound ? 'above' : 'below';
  const head = `The report gives a bound (${qualifier} ${unit(bound)}), not a measurement, so no change since the claim is computed; `;
  const value = m.lowerBound ? `at least ${unit(m.value)} (a lower bound)` : unit(m.value);
  if (claimEnd && m.asOf.slice(0, 10) > claimEnd) {
    return {
      kind: 'bound', within: null,
      text: `${head}the data (${m.asOf}) are later than the claim (${claimDate}), so they do not check it: `
        + `on their own date they give ${value}, ${side} that bound.`,
    };
  }
  const within = agrees(m.value, { value: bound, qualifier });
  if (m.lowerBound && (FLOOR_QUALIFIERS as readonly string[]).includes(qualifier) !== within) {
    return {
      kind: 'bound', within: null,
      text: `${head}the data (${m.asOf}) give ${value}, ${side} that bound: a lower bound ${within ? 'within a ceiling' : 'below a floor'} cannot check it.`,
    };
  }
  return {
    kind: 'bound', within,
    text: `${head}the data (${m.asOf}) give ${value}, ${side} that bound (${within ? 'within it' : 'outside it'}).`,
  };
}
