/**
 * Goals judged against a date. A curated status that records an outcome (met early, on
 * time, late, or missed) stands as the sources establish it, except that "early" or "on time"
 * needs a deadline to be early or on time against: without one the goal is judged "met". A goal still "pending" (or
 * "unknown") whose deadline has passed, with no evidence that it was met, is judged
 * "overdue" from the day after the deadline's last day (a deadline of "2025" ends on
 * 2025-12-31, "2025-06" on 2025-06-30). A circa deadline ("~2025", e.g. "by the mid-2020s")
 * is given one more year (or month, or day, at its precision) before it counts as overdue.
 */
import { all, first, type EntityRow } from '../model/entity-row.js';
import { dayAfter } from './calendar-days.js';

export const GOAL_STATUSES = ['met-early', 'met-on-time', 'met', 'met-late', 'missed', 'overdue', 'pending', 'unknown'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_JUDGEMENT_DEFINITION =
  'Status as the sources establish it (met early, on time or late; missed), except that a goal recorded as met early or on time '
  + 'with no deadline stated is counted as met, its timeliness not judged (there is no date to judge it against), and a goal the sources leave pending or unknown '
  + 'whose deadline has passed on the as-of date, with no evidence of being met, is counted as overdue from the day after its deadline '
  + '(a circa deadline such as "~2025" gets one more year, or month, at its precision; where sources give different deadlines, the latest counts).';

export interface GoalJudgement {
  status: GoalStatus;
  /** The status the curated sources give (before judging against the date). */
  sourcedStatus: string;
  deadline: string | null;
  /** The first day on which the goal was overdue, when it is. */
  overdueSince: string | null;
  asOf: string;
}

/**
 * The last day a deadline (YYYY, YYYY-MM or YYYY-MM-DD) covers, or null; a circa deadline
 * ("~" prefix) is extended by one unit of its precision.
 */
export function lastDayOf(partial: string): string | null {
  const circa = partial.startsWith('~') ? 1 : 0;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(partial.replace(/^~/, ''));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? null : Number(m[2]), m[3] === undefined ? null : Number(m[3])];
  // Date.UTC rolls over: day 0 of the next month is the last day of this one.
  const last = mo === null ? Date.UTC(y + circa, 11, 31) : d === null ? Date.UTC(y, mo + circa, 0) : Date.UTC(y, mo - 1, d + circa);
  return new Date(last).toISOString().slice(0, 10);
}

/** Judges one goal on `asOf` (YYYY-MM-DD). */
export function judgeGoal(goal: EntityRow, asOf: string): GoalJudgement {
  const sourced = first(goal, 'goalStatus') ?? 'unknown';
  // Sources may disagree on the deadline: the latest one counts.
  const deadlines = all(goal, 'deadline').map((d) => ({ d, last: lastDayOf(d) })).filter((x) => x.last !== null);
  const latest = deadlines.sort((a, b) => a.last!.localeCompare(b.last!)).at(-1);
  const deadline = latest?.d ?? first(goal, 'deadline');
  const last = latest?.last ?? null;
  const base = { sourcedStatus: sourced, deadline, asOf };
  const open = sourced === 'pending' || sourced === 'unknown';
  if (open && last && last < asOf && !first(goal, 'achieved')) {
    return { ...base, status: 'overdue', overdueSince: dayAfter(last) };
  }
  if ((sourced === 'met-early' || sourced === 'met-on-time') && deadline === null) return { ...base, status: 'met', overdueSince: null };
  const status = (GOAL_STATUSES as readonly string[]).includes(sourced) ? (sourced as GoalStatus) : 'unknown';
  return { ...base, status, overdueSince: null };
}

/** Goal counts by segment and judged status (a goal in several segments counts in each). */
export function goalTracker(goals: readonly { row: EntityRow; judged: GoalJudgement }[]): ({ segment: string } & Record<GoalStatus, number>)[] {
  const out = new Map<string, Record<GoalStatus, number>>();
  for (const { row, judged } of goals) {
    const segments = all(row, 'segment').length ? all(row, 'segment') : ['cross-cutting'];
    for (const seg of segments) {
      const m = out.get(seg) ?? (Object.fromEntries(GOAL_STATUSES.map((s) => [s, 0])) as Record<GoalStatus, number>);
      m[judged.status] += 1;
      out.set(seg, m);
    }
  }
  return [...out.entries()].map(([segment, counts]) => ({ segment, ...counts }));
}
