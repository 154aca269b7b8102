/**
 * The cells of a kind's table view: each column of an entity row as a list of values, each
 * value with its display text and its source(s). Derived columns (ownership, latest funding)
 * follow the definitions in src/model/table-views.ts.
 */
import type { Cited, EntityRow } from '../model/entity-row.js';
import { propertiesOf, type KindName } from '../model/kinds.js';
import { isDerived, type DerivedColumn } from '../model/table-views.js';

export interface CellSource { id: string; locator: string | null }
export interface CellValue {
  /** The canonical value (an entity id for references, canonical JSON for money). */
  value: string;
  /** What a reader sees: a referenced entity's name, money as "6700000000 CNY". */
  text: string;
  sources: CellSource[];
  /** The statement's status; "derived" for a count the table computes. */
  status: string;
  qualifier: string | null;
  /** One of a single-valued property's disagreeing values (the preferred one first): every one is shown, each with its sources. */
  conflict: boolean;
}
export type Cells = Record<string, CellValue[]>;

/** What the cells need besides the rows: names of referenced entities and, for organizations, the investments. */
export interface CellContext { captions: ReadonlyMap<string, string>; investments: readonly EntityRow[] }

const OWNERSHIP: Record<string, string> = { 'private-company': 'private', 'state-owned-enterprise': 'state-owned', 'mixed-ownership': 'mixed' };
/** Kinds of investment that are one round each. */
const ROUND_KINDS = new Set(['funding-round', 'ipo']);
/** One entry for rounds the source names without counting them (one or more; may include a counted round). */
const UNCOUNTED_KIND = 'uncounted-rounds';

export function moneyText(value: string): string {
  try {
    const m = JSON.parse(value) as { amount?: unknown; currency?: unknown; year?: unknown };
    if (typeof m.amount !== 'number' || typeof m.currency !== 'string') return value;
    return `${m.amount} ${m.currency}${typeof m.year === 'number' ? ` (${m.year} prices)` : ''}`;
  } catch {
    return value;
  }
}

function fromCited(c: Cited, text: string = c.value, value: string = c.value): CellValue {
  return { value, text, sources: [{ id: c.sourceId, locator: c.locator }], status: c.status, qualifier: c.qualifier, conflict: false };
}

/** What makes two statements one cell value: the same value with the same qualifier and status ("over 6" and "6" stay two). */
const mergeKey = (v: CellValue): string => JSON.stringify([v.value, v.qualifier, v.status]);

/** One cell value per distinct value, qualifier and status, in order, with the sources of every statement that gives it so. */
function merged(values: CellValue[]): CellValue[] {
  const by = new Map<string, CellValue>();
  for (const v of values) {
    const key = mergeKey(v);
    const seen = by.get(key);
    if (!seen) by.set(key, { ...v, sources: [...v.sources] });
    else for (const s of v.sources) if (!seen.sources.some((x) => x.id === s.id && x.locator === s.locator)) seen.sources.push(s);
  }
  return [...by.values()];
}

function propertyCell(kind: KindName, row: EntityRow, property: string, ctx: CellContext): CellValue[] {
  const type = propertiesOf(kind)[property]?.type;
  const live = (row.conflicts[property] ?? []).filter((c) => c.status !== 'superseded');
  const conflict = new Set(live.map((c) => c.value)).size > 1;
  const text = (c: Cited) => (type === 'entity' ? ctx.captions.get(c.value) ?? c.value : type === 'money' ? moneyText(c.value) : c.value);
  return merged((conflict ? live : row.values[property] ?? []).map((c) => ({ ...fromCited(c, text(c)), conflict })));
}

/** A partial date as the period it names, as comparable strings: "2024" → ["2024-00-00", "2024-99-99"]. */
function period(date: string): [string, string] {
  const d = date.replace(/^(~|circa )/, '');
  const pad = (fill: string) => d.split('-').concat([fill, fill]).slice(0, 3).join('-');
  return [pad('00'), pad('99')];
}

interface Round { row: EntityRow; investee: Cited; date: Cited | null; amount: Cited | null; counted: boolean }

function roundsOf(ctx: CellContext): Map<string, Round[]> {
  const by = new Map<string, Round[]>();
  for (const r of ctx.investments) {
    const kind = r.values.investmentKind?.[0]?.value;
    const investee = r.values.investee?.[0];
    if (!kind || !(ROUND_KINDS.has(kind) || kind === UNCOUNTED_KIND) || !investee) continue;
    const round = { row: r, investee, date: r.values.date?.[0] ?? null, amount: r.values.amount?.[0] ?? null, counted: kind !== UNCOUNTED_KIND };
    (by.get(investee.value) ?? by.set(investee.value, []).get(investee.value)!).push(round);
  }
  return by;
}

/** Every dated round that may be the latest: the one whose period ends last, and any whose period reaches past that one's start. */
export function latestRounds(rounds: readonly Round[]): Round[] {
  const dated = rounds.filter((r): r is Round & { date: Cited } => !!r.date);
  if (!dated.length) return [];
  const last = dated.reduce((a, b) => (period(b.date.value)[1] > period(a.date.value)[1] ? b : a));
  const start = period(last.date.value)[0];
  return dated.filter((r) => period(r.date.value)[1] >= start).sort((a, b) => a.row.id.localeCompare(b.row.id));
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The number of rounds recorded: exact when every entry is one round; with an uncounted-rounds entry, "at least"
 * the counted rounds (at least 1), since such an entry stands for one or more rounds and may include a counted one.
 */
function roundCount(rounds: readonly Round[]): CellValue[] {
  if (!rounds.length) return [];
  const sources = rounds.map((r) => ({ id: r.investee.sourceId, locator: r.investee.locator }));
  const counted = rounds.filter((r) => r.counted).length;
  const uncounted = rounds.length - counted;
  const derived = (n: number, text: string, qualifier: string | null): CellValue[] =>
    [{ value: String(n), text, sources, status: 'derived', qualifier, conflict: false }];
  if (!uncounted) return derived(counted, String(counted), null);
  const least = Math.max(counted, 1);
  const parts = [...(counted ? [plural(counted, 'counted round', 'counted rounds')] : []), `${plural(uncounted, 'entry', 'entries')} for rounds the source does not count`];
  return derived(least, `${least} (${parts.join(', plus ')})`, 'at least');
}

/** How an undated round is marked in the Latest funding cell. */
export const UNDATED_MARK = 'undated, not ranked';

/** Undated rounds, which cannot be ranked: each named and marked so, citing its investee statement. */
const undatedRounds = (rounds: readonly Round[]): CellValue[] => rounds.filter((r) => !r.date)
  .sort((a, b) => a.row.id.localeCompare(b.row.id))
  .map((r) => fromCited(r.investee, `${r.row.caption} (${UNDATED_MARK})`, r.row.id));

function derivedCell(column: DerivedColumn, row: EntityRow, rounds: readonly Round[]): CellValue[] {
  if (column === 'ownership') {
    const k = row.values.orgKind?.[0];
    const o = k ? OWNERSHIP[k.value] : undefined;
    return k && o ? [fromCited(k, o, o)] : [];
  }
  if (column === 'fundingRounds') return roundCount(rounds);
  const latest = latestRounds(rounds);
  if (column === 'latestFunding') return [...latest.map((r) => fromCited(r.date!, r.row.caption, r.row.id)), ...undatedRounds(rounds)];
  if (column === 'latestFundingDate') return latest.map((r) => fromCited(r.date!));
  return latest.flatMap((r) => (r.amount ? [fromCited(r.amount, moneyText(r.amount.value))] : []));
}

/** Cells builder for one kind: call it once per row. */
export function cellBuilder(kind: KindName, columns: readonly string[], ctx: CellContext): (row: EntityRow) => Cells {
  const rounds = kind === 'Organization' ? roundsOf(ctx) : new Map<string, Round[]>();
  return (row) => Object.fromEntries(columns.map((c) => [c,
    isDerived(c) ? derivedCell(c, row, rounds.get(row.id) ?? []) : propertyCell(kind, row, c, ctx)]));
}
