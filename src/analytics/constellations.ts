/**
 * Constellation progress: deployed (in orbit, per GP snapshot) against planned, the
 * deployment rate over the last 90 days, the completion date at that rate, and the
 * status against the ITU milestones (a sourced rule, applied only where a source
 * gives the constellation's filing date).
 */
import type { ItuMilestone } from '../model/rules.js';

export interface SourcedValue { value: number; qualifier: string | null; sourceId: string; locator: string | null; asOf: string | null }
/** A planned size as its source states it, with the source's note on it (e.g. a year-end target, not the final size). */
export interface PlannedSize extends SourcedValue { note: string | null }
export interface ConstellationInput {
  id: string;
  name: string;
  /** Every planned-size statement, preferred first. */
  planned: PlannedSize[];
  /** Deployed counts the sources report (e.g. the report's "around 100"), to show beside the computed ones. */
  reported: SourcedValue[];
  ituFiling: { date: string; sourceId: string; locator: string | null } | null;
}
export interface SnapshotCount { snapshotId: string; asOf: string; sourceId: string; count: number }

export type MilestoneStatus = 'met' | 'on-track' | 'behind-pace' | 'missed' | 'no-filing-date';

export interface ConstellationProgress {
  id: string;
  name: string;
  planned: PlannedSize | null;
  plannedAlternatives: PlannedSize[];
  deployed: SnapshotCount[];
  reported: SourcedValue[];
  latest: SnapshotCount | null;
  shareDeployed: number | null;
  rate: { perDay: number; from: string; to: string; days: number; note: string } | null;
  projectedCompletion: string | null;
  milestones: { id: string; due: string | null; required: number | null; share: number; years: number; status: MilestoneStatus; note: string; cite: { source: string; locator?: string } }[];
}

const DAY = 86_400_000;
const addDays = (iso: string, days: number) => new Date(Date.parse(iso.slice(0, 10)) + Math.round(days) * DAY).toISOString().slice(0, 10);
const daysBetween = (a: string, b: string) => (Date.parse(b.slice(0, 10)) - Date.parse(a.slice(0, 10))) / DAY;

function addYears(date: string, years: number): string {
  const [y, m = '01', d = '01'] = date.replace('~', '').split('-');
  return `${Number(y) + years}-${m}-${d}`;
}

export function constellationProgress(input: ConstellationInput, counts: readonly SnapshotCount[], milestones: readonly ItuMilestone[], windowDays = 90): ConstellationProgress {
  const deployed = [...counts].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const latest = deployed.at(-1) ?? null;
  const planned = input.planned[0] ?? null;
  let rate: ConstellationProgress['rate'] = null;
  if (latest) {
    const windowStart = addDays(latest.asOf, -windowDays);
    const inWindow = deployed.filter((s) => s.asOf >= windowStart && s.asOf < latest.asOf);
    const baseline = inWindow[0] ?? deployed.filter((s) => s.asOf < windowStart).at(-1);
    if (baseline) {
      const days = daysBetween(baseline.asOf, latest.asOf);
      const added = latest.count - baseline.count;
      rate = {
        perDay: added / days, from: baseline.asOf, to: latest.asOf, days,
        note: (baseline.asOf >= windowStart
          ? `between the snapshots of ${baseline.asOf} and ${latest.asOf} (${days} days, within the last ${windowDays})`
          : `no snapshot within the last ${windowDays} days before ${latest.asOf}; measured from ${baseline.asOf} (${days} days)`)
          + `: ${added >= 0 ? '+' : ''}${added} objects the counting rules match (test and provisional objects included, as in the count); `
          + 'a straight line through one pair of snapshots, so the completion date moves with every launch in or out of the window',
      };
    }
  }
  const remaining = planned && latest ? planned.value - latest.count : null;
  const projectedCompletion = latest && rate && rate.perDay > 0 && remaining !== null
    ? (remaining <= 0 ? latest.asOf : addDays(latest.asOf, remaining / rate.perDay)) : null;
  return {
    id: input.id, name: input.name, planned, plannedAlternatives: input.planned.slice(1), deployed, reported: input.reported, latest,
    shareDeployed: planned && latest ? latest.count / planned.value : null,
    rate, projectedCompletion,
    milestones: milestones.map((m) => milestoneStatus(m, input, planned, latest, rate)),
  };
}

function milestoneStatus(m: ItuMilestone, input: ConstellationInput, planned: SourcedValue | null, latest: SnapshotCount | null, rate: ConstellationProgress['rate']): ConstellationProgress['milestones'][number] {
  const base = { id: m.id, share: m.share, years: m.years, cite: m.cite };
  if (!input.ituFiling || m.from !== 'filing') {
    return { ...base, due: null, required: null, status: 'no-filing-date', note: 'No source in the knowledge base gives this constellation\'s ITU filing date, so the milestone cannot be dated.' };
  }
  const due = addYears(input.ituFiling.date, m.years);
  const required = planned ? Math.ceil(m.share * planned.value) : null;
  if (required === null || !latest) return { ...base, due, required, status: 'no-filing-date', note: 'No planned size or no snapshot to measure against.' };
  if (latest.count >= required) return { ...base, due, required, status: 'met', note: `${latest.count} in orbit on ${latest.asOf} ≥ ${required} required by ${due}.` };
  if (latest.asOf > due) return { ...base, due, required, status: 'missed', note: `${latest.count} in orbit on ${latest.asOf}; ${required} were required by ${due}.` };
  if (!rate || rate.perDay <= 0) return { ...base, due, required, status: 'behind-pace', note: `No deployment measured in the rate window; ${required - latest.count} more needed by ${due}.` };
  const reach = addDays(latest.asOf, (required - latest.count) / rate.perDay);
  return reach <= due
    ? { ...base, due, required, status: 'on-track', note: `At ${rate.perDay.toFixed(2)} a day, ${required} would be reached on ${reach}, before ${due}.` }
    : { ...base, due, required, status: 'behind-pace', note: `At ${rate.perDay.toFixed(2)} a day, ${required} would be reached on ${reach}, after ${due}.` };
}
