/**
 * Turns (source, locator) pairs into the sources a citation lists: one entry per source with
 * its locators and the Redshift report's reference numbers those locators cite (each with
 * its URL), most-cited first, at most MAX_CITED_SOURCES of them (the rest counted).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { sourceRecords, type SourcePair } from '../store/queries/cited-sources.js';
import type { CitedSource } from '../analytics/citation.js';
import { REPORT_SOURCE_ID } from '../model/report-figures.js';

/** Sources listed in one citation; a view drawing on more names these and counts the rest. */
export const MAX_CITED_SOURCES = 25;
/** Locators listed per source. */
export const MAX_LOCATORS = 12;

const REFERENCE = /\[(\d{3})\]/g;

export type Pair = Pick<SourcePair, 'sourceId' | 'locator'> & { statements?: number };

export async function citedSources(db: Kysely<Database>, pairs: readonly Pair[]): Promise<{ sources: CitedSource[]; more: number }> {
  const bySource = new Map<string, { weight: number; locators: Map<string, number>; refs: Set<string> }>();
  for (const p of pairs) {
    const entry = bySource.get(p.sourceId) ?? bySource.set(p.sourceId, { weight: 0, locators: new Map(), refs: new Set() }).get(p.sourceId)!;
    const n = p.statements ?? 1;
    entry.weight += n;
    if (!p.locator) continue;
    entry.locators.set(p.locator, (entry.locators.get(p.locator) ?? 0) + n);
    if (p.sourceId === REPORT_SOURCE_ID) for (const m of p.locator.matchAll(REFERENCE)) entry.refs.add(m[1]!);
  }
  const ranked = [...bySource.entries()].sort(([a, x], [b, y]) => y.weight - x.weight || a.localeCompare(b));
  const kept = ranked.slice(0, MAX_CITED_SOURCES);
  const refIds = kept.flatMap(([, e]) => [...e.refs].map((n) => `${REPORT_SOURCE_ID}.ref-${n}`));
  const records = await sourceRecords(db, [...kept.map(([id]) => id), ...refIds]);
  const sources = kept.map(([id, e]): CitedSource => {
    const r = records.get(id);
    const locators = [...e.locators.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, MAX_LOCATORS).map(([l]) => l);
    return {
      id, title: r?.title ?? id, publisher: r?.publisher ?? null, published: r?.published ?? null, url: r?.url ?? null, citation: r?.citation ?? null,
      locators,
      references: [...e.refs].sort().map((n) => ({ number: n, url: records.get(`${REPORT_SOURCE_ID}.ref-${n}`)?.url ?? null })),
    };
  });
  return { sources, more: ranked.length - kept.length };
}
