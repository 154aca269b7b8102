/**
 * "Did China meet its goals on time?" The API's judged statuses against an independent
 * reading of the curated goal files (plain YAML, not the product's reader): a goal the
 * sources leave pending or unknown whose deadline has passed is overdue.
 */
import { expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerSuite } from '../harness.js';
import { rawYaml } from '../../support/raw-files.js';

type Scalar = string | number | { value: string | number };
interface RawGoal { id: string; deadline?: Scalar | Scalar[]; goalStatus?: Scalar | Scalar[]; achieved?: Scalar | Scalar[] }
interface GoalsResponse {
  asOf: string; definition: string; total: number;
  items: { id: string; judged: { status: string; overdueSince: string | null; sourcedStatus: string } }[];
  tracker: ({ segment: string } & Record<string, number>)[];
}

const DIR = 'data/kb/entities';
const scalars = (v: Scalar | Scalar[] | undefined): string[] => (v === undefined ? [] : (Array.isArray(v) ? v : [v]))
  .map((one) => String(typeof one === 'object' ? one.value : one));
const scalar = (v: Scalar | Scalar[] | undefined) => scalars(v)[0];

function rawGoals(): RawGoal[] {
  return (readdirSync(DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => (rawYaml(join(DIR, f)) as { entities: RawGoal[] }).entities)
    .filter((g) => g.id.startsWith('goal.'));
}

/**
 * Expected overdue goals on `day`: open status, a deadline whose last day is before `day`,
 * nothing achieved; a circa ("~") deadline has one more year (all circa deadlines in the files are years);
 * of several recorded deadlines the latest counts.
 */
function expectedOverdue(day: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of rawGoals()) {
    const status = scalar(g.goalStatus) ?? 'unknown';
    if (!scalars(g.deadline).length || !['pending', 'unknown'].includes(status) || scalar(g.achieved)) continue;
    const since = scalars(g.deadline).map((raw) => {
      const circa = raw.startsWith('~');
      if (circa) expect(raw).toMatch(/^~\d{4}$/);
      const [y0, m, d] = raw.replace(/^~/, '').split('-').map(Number);
      const y = y0! + (circa ? 1 : 0);
      // The day after the deadline's last day, computed with Date.UTC rollover.
      return new Date(Date.UTC(y, m === undefined ? 12 : d === undefined ? m : m - 1, d === undefined ? 1 : d + 1)).toISOString().slice(0, 10);
    }).sort().at(-1)!;
    if (since <= day) out.set(g.id, since);
  }
  return out;
}

export const answers: AnswerSuite = (ctx) => {
  it('a goal past its deadline with no evidence of being met is overdue (Xuntian "in 2025", judged in December 2026)', async () => {
    const res = await ctx().get<GoalsResponse>('/api/v1/goals?asOf=2026-12-05');
    const xuntian = res.items.find((g) => g.id === 'goal.xuntian-telescope-2025')!;
    expect(xuntian.judged).toMatchObject({ status: 'overdue', overdueSince: '2026-01-01', sourcedStatus: 'pending' });
    expect(res.definition).toMatch(/overdue/);
  });

  it.each(['2024-06-30', '2026-12-05', '2031-01-01'])('the overdue goals on %s are exactly those an independent reading of the goal files gives', async (day) => {
    const res = await ctx().get<GoalsResponse>(`/api/v1/goals?asOf=${day}&status=overdue`);
    const expected = expectedOverdue(day);
    expect(Object.fromEntries(res.items.map((g) => [g.id, g.judged.overdueSince]))).toEqual(Object.fromEntries(expected));
    const all = await ctx().get<GoalsResponse>(`/api/v1/goals?asOf=${day}`);
    expect(all.total).toBe(rawGoals().length);
    // The tracker counts each goal once per segment; with no segment it is cross-cutting.
    const trackerOverdue = all.tracker.reduce((n, t) => n + (t.overdue ?? 0), 0);
    expect(trackerOverdue).toBeGreaterThanOrEqual(expected.size);
    if (expected.size === 0) expect(trackerOverdue).toBe(0);
  });

  it('a sourced outcome is never overridden by the date; "early" or "on time" with no deadline stated is counted as met, its timeliness not judged', async () => {
    const res = await ctx().get<GoalsResponse>('/api/v1/goals?asOf=2040-01-01');
    const undated = new Set(rawGoals().filter((g) => !scalars(g.deadline).length).map((g) => g.id));
    const met: string[] = [];
    for (const g of res.items) {
      if (['pending', 'unknown'].includes(g.judged.sourcedStatus)) continue;
      const untimed = undated.has(g.id) && ['met-early', 'met-on-time'].includes(g.judged.sourcedStatus);
      expect(g.judged.status, g.id).toBe(untimed ? 'met' : g.judged.sourcedStatus);
      if (untimed) met.push(g.id);
    }
    // The audit's five: Chang'e-4, -5 and -6, the launch-site system and the Tiangong core station.
    expect(met.length).toBeGreaterThanOrEqual(5);
    expect(res.items.filter((g) => g.judged.status === 'met-on-time').every((g) => !undated.has(g.id))).toBe(true);
  });

  it('an earliest date ("as early as 2026") is not a deadline: the goal stays pending after it', async () => {
    const raw = rawGoals().filter((g) => /as early as/i.test(JSON.stringify(g)));
    expect(raw.length).toBeGreaterThan(0);
    for (const g of raw) expect(scalars(g.deadline), g.id).toEqual([]);
    const res = await ctx().get<GoalsResponse>('/api/v1/goals?asOf=2027-06-01');
    const astronaut = res.items.find((g) => g.id === 'goal.foreign-astronaut-on-tiangong-2026')!;
    expect(astronaut.judged.status).toBe('pending');
  });

  it('a plan period whose themes are not measurable targets is not a deadline: the goal is not overdue after it', async () => {
    const raw = rawGoals().filter((g) => /not measurable targets/i.test(JSON.stringify(g)));
    expect(raw.map((g) => g.id)).toContain('goal.14th-fyp-space-priorities');
    for (const g of raw) expect(scalars(g.deadline), g.id).toEqual([]);
    const res = await ctx().get<GoalsResponse>('/api/v1/goals?asOf=2027-06-01');
    const plan = res.items.find((g) => g.id === 'goal.14th-fyp-space-priorities')!;
    expect(plan.judged.status).toBe('unknown');
    expect(plan.judged.overdueSince).toBeNull();
  });

  it('an impossible date is a 400 naming the parameter', async () => {
    const res = await ctx().app.inject('/api/v1/goals?asOf=2026-02-30');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toMatch(/asOf/);
  });
};
