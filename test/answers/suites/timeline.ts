/**
 * "When did it happen, and who says so?" The timeline has one row per event (entity, date
 * property, date value) listing every source; checked against a plain reading of the curated
 * YAML (not the product's reader): each dated value there, with the source it cites (its own
 * cite, else the entity's, else the file's defaults), must appear on its event's one row.
 */
import { expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswerSuite } from '../harness.js';
import { dateProperties } from '../../../src/store/queries/timeline.js';
import { rawYaml } from '../../support/raw-files.js';

interface Cite { source?: string; locator?: string }
type RawValue = string | number | { value: string | number; cite?: Cite; status?: string };
interface RawEntity { id: string; kind?: string; cite?: Cite; [property: string]: unknown }
interface RawFile { defaults?: { kind?: string; cite?: Cite }; entities?: RawEntity[] }
interface Item { date: string; entityId: string; property: string; sources: { sourceId: string; locator: string | null }[]; otherDates: string[]; agreeingDates: string[] }

const DIR = 'data/kb/entities';

/** A partial date (YYYY, YYYY-MM or YYYY-MM-DD, maybe "~") as the days it may name: [first, last], ISO strings. */
function daySpan(date: string): [string, string] {
  const d = date.replace('~', '');
  if (d.length === 10) return [d, d];
  if (d.length === 7) return [`${d}-01`, new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)), 0)).toISOString().slice(0, 10)];
  return [`${d}-01-01`, `${d}-12-31`];
}
/** Two dates do not conflict when one's days contain the other's (a less precise form of the same date). */
function nested(a: string, b: string): boolean {
  const [[a0, a1], [b0, b1]] = [daySpan(a), daySpan(b)];
  return (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1);
}

/** Event key → the sources the YAML gives for it. */
function rawEvents(): Map<string, Set<string>> {
  const dateProps = new Set(dateProperties().map((p) => `${p.kind}.${p.property}`));
  const out = new Map<string, Set<string>>();
  for (const f of (readdirSync(DIR, { recursive: true }) as string[]).filter((x) => x.endsWith('.yaml'))) {
    const file = rawYaml(join(DIR, f)) as RawFile;
    for (const e of file.entities ?? []) {
      const kind = e.kind ?? file.defaults?.kind;
      for (const [property, raw] of Object.entries(e)) {
        if (!dateProps.has(`${kind}.${property}`)) continue;
        for (const v of (Array.isArray(raw) ? raw : [raw]) as RawValue[]) {
          if (typeof v === 'object' && v.status === 'superseded') continue;
          const value = String(typeof v === 'object' ? v.value : v);
          const source = (typeof v === 'object' ? v.cite?.source : undefined) ?? e.cite?.source ?? file.defaults?.cite?.source;
          const key = `${e.id}|${property}|${value}`;
          (out.get(key) ?? out.set(key, new Set()).get(key)!).add(String(source));
        }
      }
    }
  }
  return out;
}

export const answers: AnswerSuite = (ctx) => {
  it('has one timeline row per event, listing every source the curated YAML gives for that date', async () => {
    const { items } = await ctx().get<{ items: Item[] }>('/api/v1/timeline?limit=5000');
    const keys = items.map((i) => `${i.entityId}|${i.property}|${i.date}`);
    expect(new Set(keys).size).toBe(keys.length);
    const byKey = new Map(items.map((i) => [`${i.entityId}|${i.property}|${i.date}`, i]));
    const raw = rawEvents();
    expect([...raw.values()].some((s) => s.size > 1), 'the YAML has events with several sources').toBe(true);
    for (const [key, sources] of raw) {
      const row = byKey.get(key);
      expect(row, key).toBeDefined();
      expect(row!.sources.map((s) => s.sourceId), key).toEqual(expect.arrayContaining([...sources]));
    }
  });

  it('keeps conflicting dates side by side: each date its own row, naming the others, and a date at another precision as agreeing, not conflicting', async () => {
    const { items } = await ctx().get<{ items: Item[] }>('/api/v1/timeline?limit=5000');
    const dates = new Map<string, Set<string>>();
    for (const key of rawEvents().keys()) {
      const [entity, property, date] = key.split('|') as [string, string, string];
      (dates.get(`${entity}|${property}`) ?? dates.set(`${entity}|${property}`, new Set()).get(`${entity}|${property}`)!).add(date);
    }
    const conflicts = [...dates].filter(([, d]) => d.size > 1);
    expect(conflicts.length, 'the YAML has facts whose sources give different dates').toBeGreaterThan(0);
    for (const [fact, ds] of conflicts) {
      const rows = items.filter((i) => `${i.entityId}|${i.property}` === fact);
      expect(rows.map((r) => r.date).sort(), fact).toEqual(expect.arrayContaining([...ds].sort()));
      for (const r of rows) {
        const others = rows.map((x) => x.date).filter((x) => x !== r.date);
        expect(r.otherDates.sort(), fact).toEqual(others.filter((x) => !nested(x, r.date)).sort());
        expect(r.agreeingDates.sort(), fact).toEqual(others.filter((x) => nested(x, r.date)).sort());
      }
    }
    // Both kinds occur in the curated data: true conflicts, and a year beside the full date (e.g. a launch).
    expect(items.some((i) => i.otherDates.length > 0), 'a conflict').toBe(true);
    expect(items.some((i) => i.agreeingDates.length > 0), 'a date given at two precisions').toBe(true);
  });

  it('marks a date every source stated before it happened as stated in advance (Chang\'e-7 "planned for 2026"), and shows each date\'s own note', async () => {
    type Full = Omit<Item, 'sources'> & { statedInAdvance: boolean; sources: { sourceId: string; locator: string | null; published: string | null; note: string | null }[] };
    const { items } = await ctx().get<{ items: Full[] }>('/api/v1/timeline?limit=5000');
    const published = new Map<string, string>();
    for (const f of (readdirSync(join('data/kb', 'sources')) as string[]).filter((x) => x.endsWith('.yaml'))) {
      for (const src of (rawYaml(join('data/kb/sources', f)) as { sources: { id: string; published?: string | number }[] }).sources) {
        if (src.published !== undefined) published.set(src.id, String(src.published));
      }
    }
    // Independently: the event's first possible day is after the last possible day of every source's publication date.
    for (const i of items) {
      // A deadline, target completion or target date is a target by nature, never marked.
      const target = ['deadline', 'completionTarget', 'targetDate'].includes(i.property);
      const expected = !target && i.sources.every((x) => published.has(x.sourceId) && daySpan(i.date)[0] > daySpan(published.get(x.sourceId)!)[1]);
      expect(i.statedInAdvance, `${i.entityId} ${i.property} ${i.date}`).toBe(expected);
      for (const x of i.sources) expect(x.published, x.sourceId).toBe(published.get(x.sourceId) ?? null);
    }
    const change7 = items.find((i) => i.entityId.includes('change-7') && i.date === '2026');
    expect(change7?.statedInAdvance).toBe(true);
    expect(items.some((i) => !i.statedInAdvance)).toBe(true);
    // A date's note (the ILRS joins of October 2023: the year read from context) travels with it.
    const azerbaijan = items.find((i) => i.entityId === 'agreement.ilrs-azerbaijan' && i.property === 'signed')!;
    expect(azerbaijan.sources.some((x) => x.note?.includes('the year 2023 is read from the article'))).toBe(true);
  });

  it('the CSV has the same rows, each listing its sources', async () => {
    const { items } = await ctx().get<{ items: Item[] }>('/api/v1/timeline?limit=5000');
    const csv = (await ctx().app.inject('/api/v1/timeline?limit=5000&format=csv')).body;
    const multi = items.find((i) => new Set(i.sources.map((s) => s.sourceId)).size > 1);
    expect(multi, 'an event dated by several sources').toBeDefined();
    const line = csv.split('\n').find((l) => l.startsWith(`${multi!.date},${multi!.entityId},`));
    for (const s of multi!.sources) expect(line).toContain(s.sourceId);
  });
};
