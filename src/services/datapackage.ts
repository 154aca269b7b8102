/**
 * The whole knowledge base as a Frictionless Data Package: datapackage.json (resources,
 * field schemas, sources, licences) and one CSV per table, as files or one zip with
 * datapackage.json at its root. Timestamps are written as Table Schema's default datetime
 * format, YYYY-MM-DDTHH:MM:SSZ (whole seconds, UTC).
 */
import type { Kysely } from 'kysely';
import { zipSync, strToU8 } from 'fflate';
import type { Database } from '../store/schema.js';
import { exportKnowledgeBase } from '../store/export-import.js';
import { allLaunches } from '../store/queries/catalog.js';
import { csvBody, type Cell } from './csv.js';
import type { Rules } from '../ingest/rules/read-rules.js';
import { vocabularyOf } from './analytics.js';
import { launchCountry } from '../analytics/launches.js';

type FieldType = 'string' | 'number' | 'integer' | 'boolean' | 'datetime';
interface Resource { name: string; title: string; fields: [string, FieldType, string?][]; primaryKey: string; rows: Cell[][] }

/** A stored timestamp as YYYY-MM-DDTHH:MM:SSZ (what a Table Schema datetime field holds by default); null stays null. */
export function tableSchemaDatetime(value: Cell): Cell {
  if (value === null || value === undefined || value === '') return null;
  const at = new Date(String(value));
  return Number.isNaN(at.getTime()) ? null : `${at.toISOString().slice(0, 19)}Z`;
}

const LICENCES = [
  { name: 'MIT', title: 'Redshift Monitor code and compilation (MIT)', path: 'https://opensource.org/license/mit' },
  { name: 'CC-BY-4.0', title: 'GCAT data: attribute Jonathan C. McDowell, planet4589.org', path: 'https://creativecommons.org/licenses/by/4.0/' },
];

export async function buildDataPackage(db: Kysely<Database>, rules: Rules): Promise<Record<string, string>> {
  const vocabulary = vocabularyOf(rules);
  const kb = await exportKnowledgeBase(db);
  const launches = await allLaunches(db);
  const s = (r: Record<string, unknown>, k: string) => (r[k] ?? null) as Cell;
  const resources: Resource[] = [
    { name: 'sources', title: 'Sources: the report, its numbered references, the articles and the datasets', primaryKey: 'id',
      fields: [['id', 'string'], ['kind', 'string'], ['title', 'string'], ['publisher', 'string'], ['url', 'string'], ['published', 'string', 'partial date'], ['licence', 'string'], ['citation', 'string'], ['part_of', 'string'], ['reference_number', 'string']],
      rows: kb.sources.map((r) => [s(r, 'id'), s(r, 'kind'), s(r, 'title'), s(r, 'publisher'), s(r, 'url'), s(r, 'published'), s(r, 'licence'), s(r, 'citation'), s(r, 'partOf'), s(r, 'referenceNumber')]) },
    { name: 'entities', title: 'Entities', primaryKey: 'id',
      fields: [['id', 'string'], ['kind', 'string'], ['name', 'string'], ['first_seen', 'datetime'], ['last_seen', 'datetime']],
      rows: kb.entities.map((e) => [s(e, 'id'), s(e, 'kind'), s(e, 'caption'), tableSchemaDatetime(s(e, 'firstSeen')), tableSchemaDatetime(s(e, 'lastSeen'))]) },
    { name: 'statements', title: 'Statements: every value with its source and locator', primaryKey: 'id',
      fields: [['id', 'string'], ['entity_id', 'string'], ['property', 'string'], ['value', 'string', 'canonical value (docs/model.md)'], ['original_value', 'string'], ['source_id', 'string'], ['locator', 'string'], ['as_of', 'string'], ['status', 'string'], ['qualifier', 'string'], ['note', 'string'], ['first_seen', 'datetime'], ['last_seen', 'datetime']],
      rows: kb.entities.flatMap((e) => e.statements.map((st) => [s(st, 'id'), s(e, 'id'), s(st, 'property'), s(st, 'value'), s(st, 'originalValue'), s(st, 'sourceId'), s(st, 'locator'), s(st, 'asOf'), s(st, 'status'), s(st, 'qualifier'), s(st, 'note'), tableSchemaDatetime(s(st, 'firstSeen')), tableSchemaDatetime(s(st, 'lastSeen'))])) },
    { name: 'series_points', title: 'Series points (the report\'s funding tables, polls), each sourced', primaryKey: 'id',
      fields: [['id', 'string'], ['series_id', 'string'], ['series_title', 'string'], ['unit', 'string'], ['period', 'string'], ['value', 'number'], ['original_value', 'string'], ['source_id', 'string'], ['locator', 'string'], ['status', 'string'], ['qualifier', 'string']],
      rows: kb.series.flatMap((se) => se.points.map((p) => [s(p, 'id'), s(se, 'id'), s(se, 'title'), s(se, 'unit'), s(p, 'period'), s(p, 'value'), s(p, 'originalValue'), s(p, 'sourceId'), s(p, 'locator') ?? s(se, 'locator'), s(p, 'status'), s(p, 'qualifier')])) },
    { name: 'launches', title: 'Orbital launches (GCAT launch log, one row per launch tag)', primaryKey: 'launch_tag',
      fields: [['launch_tag', 'string'], ['launch_date', 'string'], ['year', 'integer'], ['lv_type', 'string'], ['launching_country', 'string', 'the launch vehicle\'s state as an ISO 3166-1 alpha-2 code or a named group (data/rules/country-codes.yaml); unknown when GCAT gives no code or one the file does not map'], ['lv_state', 'string', 'the launch vehicle\'s state as GCAT writes it (LVState)'], ['agency', 'string'], ['outcome', 'string'], ['success_fraction', 'number'], ['source_id', 'string']],
      rows: launches.map((l) => [l.launchTag, l.launchDate, l.year, l.lvType, launchCountry(vocabulary, l.lvState), l.lvState, l.agency, l.outcome, l.successFraction, l.sourceId]) },
  ];
  const files: Record<string, string> = {};
  for (const r of resources) files[`${r.name}.csv`] = csvBody(r.fields.map((f) => f[0]), r.rows);
  const datasetSources = kb.sources.filter((x) => x.kind !== 'reference');
  const descriptor = {
    profile: 'tabular-data-package',
    name: 'redshift-monitor',
    title: 'Redshift Monitor: China\'s commercial and civil space enterprise, sourced',
    description: 'Every value cites its source (sources.csv; locators give section, table and reference number). Built from the Redshift report (Commercial Space Federation, September 2025), four articles, and public catalogs (GCAT, CelesTrak, UCS).',
    version: String(kb.version),
    created: kb.asOf ?? undefined,
    licenses: LICENCES,
    sources: datasetSources.map((x) => ({ title: x.title as string, ...(x.url ? { path: x.url as string } : {}) })),
    resources: resources.map((r) => ({
      name: r.name, title: r.title, path: `${r.name}.csv`, profile: 'tabular-data-resource', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8',
      schema: { fields: r.fields.map(([name, type, description]) => ({ name, type, ...(description ? { description } : {}) })), primaryKey: r.primaryKey },
    })),
  };
  files['datapackage.json'] = JSON.stringify(descriptor, null, 2) + '\n';
  return files;
}

/** The files zipped at the archive's root (datapackage.json first), as Frictionless tools expect. */
export function zipFiles(files: Record<string, string>): Uint8Array {
  const names = Object.keys(files).sort((a, b) => Number(b === 'datapackage.json') - Number(a === 'datapackage.json') || a.localeCompare(b));
  return zipSync(Object.fromEntries(names.map((name) => [name, strToU8(files[name]!)])), { mtime: new Date('2000-01-01T00:00:00Z') });
}
