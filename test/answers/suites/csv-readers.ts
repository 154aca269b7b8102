/**
 * The main CSV endpoints read by R's read.csv(url) with its default settings, over HTTP: as many
 * rows and columns as the JSON of the same request, the header as R's column names. Identifiers
 * stay text: the CSVW metadata declares them `string`, and pandas told so by that metadata
 * (dtype=str for those columns) keeps NORAD numbers exactly as written.
 */
import { beforeAll, expect, it } from 'vitest';
import type { AnswerSuite } from '../harness.js';
import { parseCsv } from '../../web/support/csv.js';
import { pythonWithPandas, rscript, runWithInput } from '../../support/external-reader.js';

/** One line per URL read by read.csv(url) with default settings: url, rows, columns, names (\x1f-separated), or the error. */
const R_READ = `
for (u in readLines(file("stdin"))) {
  line <- tryCatch({
    df <- read.csv(u)
    paste(u, "ok", nrow(df), ncol(df), paste(names(df), collapse = "\\x1f"), sep = "\\t")
  }, error = function(e) paste(u, "error", conditionMessage(e), sep = "\\t"))
  cat(line, "\\n", sep = "")
}
`;

/** read.csv(url) of the catalog objects: each NORAD number and object name as R holds it. */
const R_CATALOG = `
df <- read.csv(readLines(file("stdin"), n = 1))
cat(paste(class(df$norad_id), class(df$object_name), sep = "\\t"), "\\n", sep = "")
cat(paste(as.character(df$norad_id), df$object_name, sep = "\\t"), sep = "\\n")
`;

/** pandas.read_csv(url, dtype=…) with dtype=str for the columns the CSVW metadata declares string. */
const PANDAS_WITH_CSVW = `
import json, sys, urllib.request, pandas
csv_url, meta_url = json.load(sys.stdin)
meta = json.load(urllib.request.urlopen(meta_url))
text = [c["name"] for c in meta["tableSchema"]["columns"] if c["datatype"] == "string"]
inferred = pandas.read_csv(csv_url)
typed = pandas.read_csv(csv_url, dtype={c: str for c in text})
print(json.dumps({"inferred": str(inferred["norad_id"].dtype), "typed": str(typed["norad_id"].dtype), "norad": typed["norad_id"].tolist()}))
`;

interface Page { items: unknown[] }

export const answers: AnswerSuite = (ctx) => {
  let base = '';
  beforeAll(async () => { base = await ctx().baseUrl(); });

  /** The main CSV endpoints, each with the number of rows the JSON of the same request holds. */
  async function mainEndpoints(): Promise<[string, number][]> {
    const { get } = ctx();
    const items = async (path: string) => (await get<Page>(path)).items.length;
    const series = await get<{ items: { points: unknown[] }[] }>('/api/v1/series');
    const out: [string, number][] = [];
    for (const path of ['/api/v1/entities?limit=200', '/api/v1/sources?limit=500', '/api/v1/timeline', '/api/v1/goals', '/api/v1/risks',
      '/api/v1/recommendations', '/api/v1/changes?limit=500', '/api/v1/changes?view=records&limit=500', '/api/v1/catalog/objects?limit=5000']) {
      out.push([path, await items(path)]);
    }
    out.push(['/api/v1/series', series.items.reduce((n, s) => n + s.points.length, 0)]);
    for (const path of ['/api/v1/tables/Organization', '/api/v1/tables/Investment']) out.push([path, (await get<{ rows: unknown[] }>(path)).rows.length]);
    return out;
  }
  const csvOf = (path: string) => `${path}${path.includes('?') ? '&' : '?'}format=csv`;

  it('serves the main CSV endpoints so that R\'s read.csv(url) reads them with default settings: the JSON\'s rows, the header\'s columns', async () => {
    const r = rscript();
    if (!r) {
      console.warn('SKIPPED R check: no Rscript (apt-get install r-base-core; .ci/run installs it)');
      return;
    }
    const endpoints = await mainEndpoints();
    const out = await runWithInput(r, ['--vanilla', '-e', R_READ], endpoints.map(([p]) => base + csvOf(p)).join('\n') + '\n');
    const read = new Map(out.trim().split('\n').map((line) => {
      const [url, status, ...rest] = line.split('\t');
      return [url!.slice(base.length), { status, rest }] as const;
    }));
    for (const [path, rows] of endpoints) {
      const got = read.get(csvOf(path));
      expect(got?.status, `${path}: ${got?.rest.join(' ')}`).toBe('ok');
      const body = (await ctx().app.inject(csvOf(path))).body;
      const header = body.slice(0, body.indexOf('\r\n')).split(',');
      expect(parseCsv(body).length, path).toBe(rows);
      expect(Number(got!.rest[0]), `${path}: rows read by R`).toBe(rows);
      expect(Number(got!.rest[1]), `${path}: columns read by R`).toBe(header.length);
      expect((got!.rest[2] ?? '').split('\x1f'), `${path}: column names as R gives them`).toEqual(header);
    }
  }, 300_000);

  it('keeps NORAD numbers and object names as written when R reads the catalog CSV with default settings', async () => {
    const r = rscript();
    if (!r) {
      console.warn('SKIPPED R check: no Rscript (apt-get install r-base-core; .ci/run installs it)');
      return;
    }
    const path = '/api/v1/catalog/objects?country=CN&limit=5000';
    const json = await ctx().get<{ items: { noradId: number; objectName: string }[] }>(path);
    const [classes, ...rows] = (await runWithInput(r, ['--vanilla', '-e', R_CATALOG], `${base}${csvOf(path)}\n`)).trim().split('\n');
    // R infers an integer column for NORAD numbers: the digits survive, the type is R's choice (the CSVW metadata says string).
    expect(classes).toBe('integer\tcharacter');
    expect(rows.length).toBe(json.items.length);
    expect(rows).toEqual(json.items.map((o) => `${o.noradId}\t${o.objectName}`));
  }, 120_000);

  it('declares identifiers as string in the CSVW metadata, so pandas given those types keeps NORAD numbers as text', async () => {
    const { app } = ctx();
    const csv = await app.inject(csvOf('/api/v1/catalog/objects?country=CN&limit=50'));
    const metaUrl = /<([^>]+)>; rel="describedby"/.exec(String(csv.headers.link))?.[1];
    expect(metaUrl).toBe('/api/v1/catalog/objects?country=CN&limit=50&format=csv-metadata');
    const meta = (await app.inject(metaUrl!)).json<{ tableSchema: { columns: { name: string; titles: string; datatype: string }[] } }>();
    const types = Object.fromEntries(meta.tableSchema.columns.map((c) => [c.name, c.datatype]));
    expect(meta.tableSchema.columns.map((c) => c.name)).toEqual(csv.body.slice(0, csv.body.indexOf('\r\n')).split(','));
    expect(types).toMatchObject({ norad_id: 'string', object_name: 'string', cospar: 'string', perigee_km: 'number', inclination_deg: 'number' });
    const python = pythonWithPandas();
    if (!python) {
      console.warn('SKIPPED pandas check: no python3 with pandas (apt-get install python3-pandas; .ci/run installs it)');
      return;
    }
    const input = JSON.stringify([`${base}${csvOf('/api/v1/catalog/objects?country=CN&limit=50')}`, `${base}${metaUrl}`]);
    const read = JSON.parse(await runWithInput(python, ['-c', PANDAS_WITH_CSVW], input)) as { inferred: string; typed: string; norad: string[] };
    expect(read.inferred).toBe('int64');
    expect(read.typed).toBe('object');
    expect(read.norad).toEqual(parseCsv(csv.body).map((row) => row.norad_id));
  }, 120_000);
};
