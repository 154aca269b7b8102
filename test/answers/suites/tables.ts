/**
 * "List the private launch companies with their headquarters and funding": the organizations
 * table (/api/v1/tables/Organization) against an independent reading of the curated YAML
 * (plain `yaml`, not the product's reader): facet counts, a facet filter, CSV = JSON, sort
 * order, latest funding, and 400s for bad parameters. A single-valued property whose sources
 * disagree (ExPace's hub) shows every value, so facets count each value the YAML gives. The CSV
 * gives each value's qualifier and status as the YAML records them, and pandas reads it as sent.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';
import { csvRows, parseCsv } from '../../web/support/csv.js';
import { rawYaml } from '../../support/raw-files.js';
import { pythonWithPandas, runWithInput } from '../../support/external-reader.js';

type Scalar = string | number | { value: string | number | Record<string, unknown>; qualifier?: string; status?: string };
type Field = Scalar | Scalar[] | undefined;
interface RawEntity {
  id: string; kind?: string; name: Field; orgKind?: Field; segment?: Field; hub?: Field; headquarters?: Field; investee?: Field; investmentKind?: Field; date?: Field; amount?: Field;
}
interface RawFile { defaults?: { kind?: string }; entities: RawEntity[] }

interface CellValue { value: string; text: string; sources: { id: string; locator: string | null }[]; status: string; qualifier: string | null; conflict: boolean }
interface Table {
  total: number; totalUnfiltered: number;
  columns: { id: string }[];
  rows: { id: string; name: string; cells: Record<string, CellValue[]> }[];
  facets: { column: string; values: { value: string; count: number }[]; missing: number }[];
}

const DIR = 'data/kb/entities';
const values = (v: Field): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
  .map((one) => (typeof one === 'object' ? one.value : one)).map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));

function rawEntities(kind: string): RawEntity[] {
  return (readdirSync(DIR, { recursive: true }) as string[]).filter((f) => f.endsWith('.yaml')).flatMap((f) => {
    const file = rawYaml(join(DIR, f)) as RawFile;
    return file.entities.filter((e) => (e.kind ?? file.defaults?.kind) === kind);
  });
}

const OWNERSHIP: Record<string, string> = { 'private-company': 'private', 'state-owned-enterprise': 'state-owned', 'mixed-ownership': 'mixed' };

/** Value → number of organizations having it (each organization once per distinct value). */
function countBy(orgs: RawEntity[], pick: (e: RawEntity) => string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of orgs) for (const v of new Set(pick(e))) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
/** Each value's qualifier (empty for none) and status as the YAML writes them; a value names no status when it is reported (docs/data-format.md). */
const annotations = (v: Field): { qualifier: string; status: string }[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
  .map((one) => (typeof one === 'object' ? { qualifier: one.qualifier ?? '', status: one.status ?? 'reported' } : { qualifier: '', status: 'reported' }));

/** A money or date property's values as the CSV writes them ("6000000000 USD", "2024"), each with its qualifier and status as the YAML gives them, sorted. */
function yamlAnnotated(v: Field): string[] {
  const texts = (v === undefined ? [] : Array.isArray(v) ? v : [v]).map((one) => (typeof one === 'object' ? one.value : one))
    .map((x) => (typeof x === 'object' ? `${String(x.amount)} ${String(x.currency)}` : String(x)));
  return annotations(v).map((a, i) => JSON.stringify([texts[i], a.qualifier, a.status])).sort();
}

/** A CSV row's values of a column, each with the entry of its qualifier and status fields at the same position, sorted. */
function csvAnnotated(row: Record<string, string>, column: string): string[] {
  const split = (field: string, n: number) => (field === '' ? Array.from({ length: n }, () => '') : field.split('; '));
  const texts = row[column] === '' ? [] : row[column]!.split('; ');
  const qualifiers = split(row[`${column}_qualifier`]!, texts.length);
  const statuses = split(row[`${column}_status`]!, texts.length);
  expect([qualifiers.length, statuses.length], column).toEqual([texts.length, texts.length]);
  return texts.map((t, i) => JSON.stringify([t, qualifiers[i], statuses[i]])).sort();
}

/** pandas.read_csv(url) with default settings: its columns, its row count, and the given columns of the given rows (no value as null). */
const PANDAS_PICK = `
import json, sys, pandas
url, ids, columns = json.load(sys.stdin)
df = pandas.read_csv(url)
picked = df[df["id"].isin(ids)][["id"] + columns]
rows = [{c: (None if pandas.isna(v) else str(v)) for c, v in r.items()} for r in picked.to_dict("records")]
print(json.dumps({"columns": [str(c) for c in df.columns], "rows": int(len(df)), "picked": rows}))
`;

const facetMap = (t: Table, column: string) => new Map(t.facets.find((f) => f.column === column)!.values.map((v) => [v.value, v.count]));

export const answers: AnswerSuite = (ctx) => {
  const orgs = rawEntities('Organization');
  const orgKind = (e: RawEntity) => values(e.orgKind).slice(0, 1);

  it('facet counts of ownership, kind of organization, segment and hub equal counts from the curated YAML', async () => {
    const t = await ctx().get<Table>('/api/v1/tables/Organization?facet=ownership,orgKind,segment,hub');
    expect(t.totalUnfiltered).toBe(orgs.length);
    expect(facetMap(t, 'orgKind')).toEqual(countBy(orgs, orgKind));
    expect(facetMap(t, 'ownership')).toEqual(countBy(orgs, (e) => orgKind(e).map((k) => OWNERSHIP[k]).filter((x): x is string => !!x)));
    expect(facetMap(t, 'segment')).toEqual(countBy(orgs, (e) => values(e.segment)));
    expect(facetMap(t, 'hub')).toEqual(countBy(orgs, (e) => values(e.hub)));
    expect(t.facets.find((f) => f.column === 'hub')!.missing).toBe(orgs.filter((e) => !values(e.hub).length).length);
  });

  it('ownership=private & segment=launch-reentry returns exactly the private launch companies the YAML names, counted over the filtered set', async () => {
    const t = await ctx().get<Table>('/api/v1/tables/Organization?ownership=private&segment=launch-reentry&facet=segment,hub');
    const expected = orgs.filter((e) => orgKind(e)[0] === 'private-company' && values(e.segment).includes('launch-reentry'));
    expect(expected.length).toBeGreaterThan(5);
    expect(t.rows.map((r) => r.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(t.total).toBe(expected.length);
    expect(facetMap(t, 'segment').get('launch-reentry')).toBe(expected.length);
    expect(facetMap(t, 'hub')).toEqual(countBy(expected, (e) => values(e.hub)));
    const landspace = t.rows.find((r) => r.id === 'org.landspace')!;
    expect(landspace.cells.headquarters!.map((v) => v.value)).toEqual([...new Set(values(orgs.find((e) => e.id === 'org.landspace')!.headquarters))]);
    expect(landspace.cells.headquarters![0]!.sources[0]!.id).toBe('gcat-orgs-2026-03-26');
  });

  it('latest funding is the dated funding round (or IPO) with the latest date; undated rounds are listed after it marked "undated, not ranked", never a bare blank', async () => {
    const rounds = rawEntities('Investment').filter((e) => ['funding-round', 'ipo', 'uncounted-rounds'].includes(values(e.investmentKind)[0] ?? ''));
    const t = await ctx().get<Table>('/api/v1/tables/Organization?columns=latestFunding,latestFundingDate,fundingRounds');
    for (const row of t.rows) {
      const mine = rounds.filter((r) => values(r.investee)[0] === row.id);
      const dated = mine.filter((r) => values(r.date).length);
      const undated = mine.filter((r) => !values(r.date).length).map((r) => r.id).sort();
      // All dated rounds in the files are single; each organization has at most one, so the latest is that one.
      expect(dated.length).toBeLessThanOrEqual(1);
      expect(row.cells.latestFunding!.map((v) => v.value), row.id).toEqual([...dated.map((r) => r.id), ...undated]);
      for (const v of row.cells.latestFunding!.slice(dated.length)) expect(v.text, row.id).toMatch(/ \(undated, not ranked\)$/);
      expect(row.cells.latestFundingDate!.map((v) => v.value)).toEqual(dated.map((r) => values(r.date)[0]));
    }
    const withLatest = t.rows.filter((r) => r.cells.latestFundingDate!.length);
    expect(withLatest.length).toBe(new Set(rounds.filter((r) => values(r.date).length).map((r) => values(r.investee)[0])).size);
    expect(t.rows.every((r) => r.cells.latestFunding!.every((v) => v.sources[0]!.id))).toBe(true);
    // LandSpace's $123 million round is undated: the cell names it rather than staying blank.
    const landspace = t.rows.find((r) => r.id === 'org.landspace')!;
    expect(landspace.cells.latestFunding!.map((v) => v.value)).toContain('investment.landspace-nmtuf-zhuque');
  });

  it('funding rounds recorded: an exact count of single rounds; an entry for rounds the source does not count ("major funding rounds") makes it "at least" the counted rounds (at least 1)', async () => {
    const investments = rawEntities('Investment');
    const kind = (e: RawEntity) => values(e.investmentKind)[0] ?? '';
    // The YAML marks every "major funding rounds" entry as uncounted, and no other.
    const major = investments.filter((e) => /major funding rounds/.test(values(e.name)[0] ?? ''));
    expect(major.length).toBeGreaterThan(0);
    expect(major.every((e) => kind(e) === 'uncounted-rounds')).toBe(true);
    const t = await ctx().get<Table>('/api/v1/tables/Organization?columns=fundingRounds');
    for (const row of t.rows) {
      const mine = investments.filter((e) => values(e.investee)[0] === row.id);
      const single = mine.filter((e) => ['funding-round', 'ipo'].includes(kind(e))).length;
      const uncounted = mine.filter((e) => kind(e) === 'uncounted-rounds').length;
      const cell = row.cells.fundingRounds!;
      if (!single && !uncounted) { expect(cell, row.id).toEqual([]); continue; }
      expect(cell.map((v) => [v.value, v.qualifier]), row.id).toEqual([[String(uncounted ? Math.max(single, 1) : single), uncounted ? 'at least' : null]]);
      if (uncounted) expect(cell[0]!.text, row.id).toContain(`${uncounted} ${uncounted === 1 ? 'entry' : 'entries'} for rounds the source does not count`);
    }
    const pioneer = t.rows.find((r) => r.id === 'org.space-pioneer')!.cells.fundingRounds![0]!;
    expect([pioneer.qualifier, pioneer.text]).toEqual(['at least', '1 (1 entry for rounds the source does not count)']);
  });

  it('the CSV holds exactly the JSON rows, columns and order (each column with its _qualifier, _status, _source and _conflict columns)', async () => {
    const query = 'ownership=private&sort=-founded&columns=headquarters,hub,founded,segment,latestFunding';
    const t = await ctx().get<Table>(`/api/v1/tables/Organization?${query}`);
    const res = await ctx().app.inject(`/api/v1/tables/Organization?${query}&format=csv`);
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = csvRows(res.body);
    expect(header).toEqual(['id', 'name', ...t.columns.flatMap((c) => [c.id, `${c.id}_qualifier`, `${c.id}_status`, `${c.id}_source`, `${c.id}_conflict`])]);
    const fromJson = t.rows.map((r) => [r.id, r.name, ...t.columns.flatMap((c) => {
      const vs = r.cells[c.id]!;
      const qualifiers = vs.map((v) => v.qualifier ?? '');
      return [vs.map((v) => v.text).join('; '), qualifiers.some((q) => q) ? qualifiers.join('; ') : '', vs.map((v) => v.status).join('; '),
        [...new Set(vs.flatMap((v) => v.sources.map((s) => `${s.id}${s.locator ? ` ${s.locator}` : ''}`)))].join('; '),
        vs.length ? String(vs.some((v) => v.conflict)) : ''];
    })]);
    expect(rows).toEqual(fromJson);
    expect(rows.length).toBe(t.total);
  });

  it('the Investment CSV gives each amount\'s and date\'s qualifier and status as the curated YAML records them, and pandas reads it with default settings', async () => {
    const investments = rawEntities('Investment');
    const path = '/api/v1/tables/Investment?columns=amount,date&format=csv';
    const res = await ctx().app.inject(path);
    expect(res.statusCode).toBe(200);
    expect(res.body.startsWith('#')).toBe(false);
    const columns = ['amount', 'date'] as const;
    const annotated = columns.flatMap((c) => [`${c}_qualifier`, `${c}_status`]);
    expect(csvRows(res.body)[0]).toEqual(['id', 'name', ...columns.flatMap((c) => [c, `${c}_qualifier`, `${c}_status`, `${c}_source`, `${c}_conflict`])]);
    const rows = new Map(parseCsv(res.body).map((r) => [r.id, r]));
    expect(rows.size).toBe(investments.length);
    for (const e of investments) {
      for (const c of columns) expect(csvAnnotated(rows.get(e.id)!, c), `${e.id} ${c}`).toEqual(yamlAnnotated(e[c]));
    }
    // Values the sources disagree on (the EO segment's $990.01M table total and $994M prose) are each annotated.
    expect(investments.filter((e) => yamlAnnotated(e.amount).length > 1).length).toBeGreaterThan(0);
    // amount_conflict says when an amount's values are alternatives: more than one value the YAML does not mark superseded.
    for (const e of investments) {
      const live = new Set(yamlAnnotated(e.amount).map((a) => JSON.parse(a) as string[]).filter(([, , status]) => status !== 'superseded').map(([text]) => text));
      const all = yamlAnnotated(e.amount).length;
      expect(rows.get(e.id)!.amount_conflict, e.id).toBe(all === 0 ? '' : String(live.size > 1));
    }
    expect(investments.filter((e) => rows.get(e.id)!.amount_conflict === 'true').length).toBeGreaterThan(0);
    // The rows the audit named ("over", "more than", "about …?"), and an unverified date without a qualifier, as the YAML gives them.
    const named = ['investment.launch-capital-since-2020', 'investment.beidou-government-allocation', 'investment.crewed-space-2015-2024-estimate', 'investment.spacesail-series-a'];
    const yamlOf = (id: string) => investments.find((e) => e.id === id)!;
    const pick = (id: string) => Object.fromEntries(annotated.map((k) => [k, rows.get(id)![k]]));
    expect(named.map(pick)).toEqual(named.map((id) => {
      const [amount] = annotations(yamlOf(id).amount);
      const [date] = annotations(yamlOf(id).date);
      return { amount_qualifier: amount?.qualifier ?? '', amount_status: amount?.status ?? '', date_qualifier: date?.qualifier ?? '', date_status: date?.status ?? '' };
    }));
    expect(named.map(pick).map((r) => `${r.amount_qualifier}|${r.amount_status}|${r.date_status}`))
      .toEqual(['over|reported|', 'more than|reported|', 'about|unverified|', '|reported|unverified']);
    const python = pythonWithPandas();
    if (!python) {
      console.warn('SKIPPED pandas check: no python3 with pandas (apt-get install python3-pandas; .ci/run installs it)');
      return;
    }
    const read = JSON.parse(await runWithInput(python, ['-c', PANDAS_PICK], JSON.stringify([`${await ctx().baseUrl()}${path}`, named, annotated]))) as
      { columns: string[]; rows: number; picked: Record<string, string | null>[] };
    expect(read.columns).toEqual(csvRows(res.body)[0]);
    expect(read.rows).toBe(investments.length);
    // pandas gives an empty field as NaN, its default for no value.
    expect(read.picked.sort((a, b) => named.indexOf(a.id!) - named.indexOf(b.id!)))
      .toEqual(named.map((id) => ({ id, ...Object.fromEntries(Object.entries(pick(id)).map(([k, v]) => [k, v === '' ? null : v])) })));
  }, 120_000);

  it('the long CSV (layout=long) gives every value with each of its sources on a row of its own, as the JSON and the curated YAML give them', async () => {
    const query = 'columns=amount,date,investee&sort=-amount';
    const t = await ctx().get<Table>(`/api/v1/tables/Investment?${query}`);
    const path = `/api/v1/tables/Investment?${query}&format=csv&layout=long`;
    const res = await ctx().app.inject(path);
    expect(res.statusCode).toBe(200);
    const rows = parseCsv(res.body);
    expect(csvRows(res.body)[0]).toEqual(['id', 'name', 'column', 'value_index', 'value', 'qualifier', 'status', 'conflict', 'source', 'locator']);
    // Exactly the JSON's values and sources, in the view's order.
    const fromJson = t.rows.flatMap((r) => t.columns.flatMap((c) => r.cells[c.id]!.flatMap((v, i) => v.sources.map((src) => ({
      id: r.id, name: r.name, column: c.id, value_index: String(i + 1), value: v.text, qualifier: v.qualifier ?? '', status: v.status,
      conflict: String(v.conflict), source: src.id, locator: src.locator ?? '',
    })))));
    expect(rows).toEqual(fromJson);
    // Each value once per (id, column, value_index), with its qualifier and status as the YAML gives them.
    const investments = rawEntities('Investment');
    for (const e of investments) {
      for (const c of ['amount', 'date'] as const) {
        const firsts = rows.filter((r) => r.id === e.id && r.column === c && rows.find((o) => o.id === r.id && o.column === c && o.value_index === r.value_index) === r);
        expect(firsts.map((r) => JSON.stringify([r.value, r.qualifier, r.status])).sort(), `${e.id} ${c}`).toEqual(yamlAnnotated(e[c]));
      }
    }
    // A locator holding "; " stays whole: nothing is joined, so nothing needs splitting.
    expect(rows.some((r) => r.locator!.includes('; '))).toBe(true);
    const meta = await ctx().app.inject(`${path.replace('format=csv', 'format=csv-metadata')}`);
    expect((JSON.parse(meta.body) as { 'rdfs:comment': string[] })['rdfs:comment'].join(' ')).toContain('one row per value of each shown cell and per source');
  }, 120_000);

  it('sorts by any column, ascending or descending, empty cells last, ties by name', async () => {
    for (const sort of ['founded', '-founded', 'headquarters', '-name']) {
      const t = await ctx().get<Table>(`/api/v1/tables/Organization?sort=${sort}&columns=founded,headquarters`);
      const desc = sort.startsWith('-');
      const col = sort.replace('-', '');
      const key = (r: Table['rows'][number]) => (col === 'name' ? r.name.toLowerCase() : r.cells[col]![0]?.value.replace(/^~/, '').toLowerCase() ?? null);
      const keys = t.rows.map(key);
      const firstEmpty = keys.indexOf(null);
      if (firstEmpty >= 0) expect(keys.slice(firstEmpty).every((k) => k === null)).toBe(true);
      const present = keys.filter((k): k is string => k !== null);
      const expected = [...present].sort((a, b) => (desc ? b.localeCompare(a) : a.localeCompare(b)));
      expect(present, sort).toEqual(expected);
    }
  });

  it('sorts money by currency, then amount: a CNY round is never ranked among USD amounts, and the definition says no rate is applied', async () => {
    type Money = { amount: number; currency: string };
    // Every amount each investment's YAML gives (a disputed amount has several).
    const amounts = new Map(rawEntities('Investment').map((e) => {
      const a = (e as RawEntity & { amount?: Field }).amount;
      const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
      return [e.id, list.map((x) => (typeof x === 'object' ? x.value : x)).filter((v): v is Record<string, unknown> => typeof v === 'object') as unknown as Money[]];
    }));
    for (const sort of ['-amount', 'amount']) {
      const t = await ctx().get<Table & { definitions: string[] }>(`/api/v1/tables/Investment?sort=${sort}&columns=amount`);
      const shown = t.rows.filter((r) => r.cells.amount?.length).map((r) => ({ id: r.id, ...(JSON.parse(r.cells.amount![0]!.value) as Money) }));
      expect(shown.length).toBe([...amounts.values()].filter((l) => l.length).length);
      for (const m of shown) expect(amounts.get(m.id)).toContainEqual({ amount: m.amount, currency: m.currency });
      expect(new Set(shown.map((m) => m.currency)).size).toBeGreaterThan(1);
      // Each currency is one block, and within a block amounts run in the requested direction.
      const blocks = shown.map((m) => m.currency).filter((c, i, all) => i === 0 || all[i - 1] !== c);
      expect(new Set(blocks).size, sort).toBe(blocks.length);
      for (let i = 1; i < shown.length; i++) {
        if (shown[i]!.currency !== shown[i - 1]!.currency) continue;
        const step = shown[i]!.amount - shown[i - 1]!.amount;
        expect(sort.startsWith('-') ? step <= 0 : step >= 0, `${sort} at row ${i}`).toBe(true);
      }
      expect(t.definitions.join(' ')).toMatch(/amounts in different currencies are not converted/);
    }
  });

  it('every kind has a table; unknown kinds, columns, facets, sorts and filter values are 400s in the pinned shape', async () => {
    for (const kind of ['Facility', 'LaunchVehicle', 'Program', 'Mission']) {
      const t = await ctx().get<Table>(`/api/v1/tables/${kind}`);
      expect(t.totalUnfiltered).toBe(rawEntities(kind).length);
    }
    const bad: [string, string][] = [
      ['/api/v1/tables/Rocket', 'params.kind'],
      ['/api/v1/tables/Organization?columns=headquarters,shoeSize', 'querystring.columns'],
      ['/api/v1/tables/Organization?facet=launchCount', 'querystring.facet'],
      ['/api/v1/tables/Organization?sort=-shoeSize', 'querystring.sort'],
      ['/api/v1/tables/Organization?ownership=public', 'querystring.ownership'],
      ['/api/v1/tables/Organization?status=operational', 'querystring.status'],
      ['/api/v1/tables/Organization?nonsense=1', 'querystring.nonsense'],
      ['/api/v1/tables/Organization?format=xml', 'querystring.format'],
    ];
    for (const [url, field] of bad) {
      const res = await ctx().app.inject(url);
      expect(res.statusCode, url).toBe(400);
      const body = res.json() as { error: { status: number; code: string; details: { field: string }[] } };
      expect(body.error.code).toBe('invalid_request');
      expect(body.error.details.map((d) => d.field), url).toContain(field);
    }
  });
};
