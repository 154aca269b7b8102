/**
 * Reads and validates the curated folder (data/kb) as a whole: every file, then the
 * references between them (entities, sources, report reference numbers). Returns
 * the knowledge base, or every error with its file, line, field and reason.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SourceSchema, type Source } from '../../model/source.js';
import { z } from 'zod';
import { SeriesPointSchema, SeriesSchema, type Series, type SeriesPoint } from '../../model/series.js';
import { statementId } from '../../model/statement.js';
import { KINDS, KIND_NAMES, type KindName } from '../../model/kinds.js';
import { readYamlFile, fieldName, type Path, type ValidationError, type YamlFile } from './yaml-file.js';
import { readCite, readEntity, mergeCite, type EntityResult, type PendingReference, type Problem } from './entity-values.js';
import { printable } from '../../model/text-safety.js';
import { CURATED_ORIGIN, type KnowledgeBase, type Unstamped } from '../../model/knowledge-base.js';

const TOP_KEYS = new Set(['defaults', 'sources', 'entities', 'series']);
const REPORT_SOURCE = 'redshift-2025';
const REFERENCE_IN_LOCATOR = /\[(\d{3})\]/g;

export type ReadResult = { ok: true; kb: KnowledgeBase; files: number } | { ok: false; errors: ValidationError[]; files: number };

export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listYamlFiles(full));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) out.push(full);
  }
  return out;
}

interface Located<T> { value: T; file: YamlFile; path: Path }

export function readKnowledgeBase(dir: string, cwd = process.cwd()): ReadResult {
  return validateKnowledgeBase(listYamlFiles(dir).map((f) => readYamlFile(f, relative(cwd, f))));
}

/** Validates already-read files as one knowledge base (readKnowledgeBase reads them from a folder). */
export function validateKnowledgeBase(files: YamlFile[]): ReadResult {
  const errors: ValidationError[] = files.flatMap((f) => f.errors);
  const report = (file: YamlFile, path: Path, reason: string) =>
    errors.push({ file: file.file, line: file.lineOf(path), field: printable(fieldName(path)), reason: printable(reason) });
  const reportAll = (file: YamlFile, problems: Problem[]) => problems.forEach((p) => report(file, p.path, p.reason));

  const sources: Located<Source>[] = [];
  const entities: Located<EntityResult>[] = [];
  const series: Located<{ series: Series; points: Unstamped<SeriesPoint>[] }>[] = [];

  for (const file of files) {
    if (file.data === null || file.data === undefined) continue;
    if (typeof file.data !== 'object' || Array.isArray(file.data)) { report(file, [], 'a data file must be a mapping with sources, entities or series'); continue; }
    const data = file.data as Record<string, unknown>;
    for (const key of Object.keys(data)) if (!TOP_KEYS.has(key)) report(file, [key], `unknown top-level key "${key}" (allowed: ${[...TOP_KEYS].join(', ')})`);
    const problems: Problem[] = [];
    const defaultsRaw = (data.defaults ?? {}) as Record<string, unknown>;
    const defaults = { kind: defaultsRaw.kind as string | undefined, cite: readCite(defaultsRaw.cite, ['defaults', 'cite'], problems) };
    if (defaults.kind !== undefined && (typeof defaults.kind !== 'string' || !Object.hasOwn(KINDS, defaults.kind))) problems.push({ path: ['defaults', 'kind'], reason: `unknown kind "${defaults.kind}" (kinds: ${KIND_NAMES.join(', ')})` });
    for (const [key, list] of [['sources', data.sources], ['entities', data.entities], ['series', data.series]] as const) {
      if (list !== undefined && !Array.isArray(list)) problems.push({ path: [key], reason: `${key} must be a list` });
    }
    asList(data.sources).forEach((raw, i) => {
      const parsed = SourceSchema.safeParse(raw);
      if (parsed.success) sources.push({ value: parsed.data, file, path: ['sources', i] });
      else parsed.error.issues.forEach((iss) => problems.push({ path: ['sources', i, ...(iss.path as Path)], reason: iss.message }));
    });
    asList(data.entities).forEach((raw, i) => {
      const e = readEntity(raw, ['entities', i], defaults, problems);
      if (e) entities.push({ value: e, file, path: ['entities', i] });
    });
    asList(data.series).forEach((raw, i) => {
      const s = readSeries(raw, ['series', i], defaults.cite, problems);
      if (s) series.push({ value: s, file, path: ['series', i] });
    });
    reportAll(file, problems);
  }

  checkUnique(sources, (s) => s.id, 'source', report);
  checkUnique(entities, (e) => e.id, 'entity', report);
  checkUnique(series, (s) => s.series.id, 'series', report);

  const sourceIds = new Set(sources.map((s) => s.value.id));
  const kindOf = new Map(entities.map((e) => [e.value.id, e.value.kind]));
  const checkCitation = (file: YamlFile, path: Path, sourceId: string, locator: string | null) =>
    citationProblems(sourceIds, sourceId, locator).forEach((reason) => report(file, path, reason));
  for (const { value: s, file, path } of sources) {
    if (s.partOf && !sourceIds.has(s.partOf)) report(file, [...path, 'partOf'], `unknown source "${s.partOf}"`);
  }
  for (const { value: e, file } of entities) {
    for (const c of e.citations) checkCitation(file, c.path, c.sourceId, c.locator);
    for (const r of e.references) {
      const reason = referenceProblem(kindOf, r);
      if (reason) report(file, r.path, reason);
    }
  }
  for (const { value: s, file, path } of series) {
    checkCitation(file, [...path, 'cite'], s.series.sourceId, s.series.locator);
    s.points.forEach((p, i) => checkCitation(file, [...path, 'points', i], p.sourceId, p.locator));
  }

  if (errors.length) return { ok: false, errors: sortErrors(errors), files: files.length };
  return {
    ok: true,
    files: files.length,
    kb: {
      sources: sources.map((s) => s.value),
      entities: entities.map(({ value: e }) => ({ id: e.id, kind: e.kind, origin: CURATED_ORIGIN })),
      statements: entities.flatMap(({ value: e }) => e.statements),
      series: series.map((s) => s.value.series),
      points: series.flatMap((s) => s.value.points),
    },
  };
}

/** Why a citation is wrong: its source is not among `sourceIds`, or its locator cites a reference the report lacks. */
export function citationProblems(sourceIds: ReadonlySet<string>, sourceId: string, locator: string | null): string[] {
  if (!sourceIds.has(sourceId)) return [`unknown source "${sourceId}"`];
  if (sourceId !== REPORT_SOURCE || !locator) return [];
  return [...locator.matchAll(REFERENCE_IN_LOCATOR)]
    .filter((m) => !sourceIds.has(`${REPORT_SOURCE}.ref-${m[1]}`))
    .map((m) => `locator cites [${m[1]}], which is not a reference of ${REPORT_SOURCE}`);
}

/** Why a reference to another entity is wrong (no such entity, or one of a kind outside the property's range), or null. */
export function referenceProblem(kindOf: ReadonlyMap<string, KindName>, r: PendingReference): string | null {
  const kind = kindOf.get(r.targetId);
  if (!kind) return `dangling reference: no entity "${r.targetId}"`;
  return r.range.length && !r.range.includes(kind) ? `"${r.targetId}" is a ${kind}; expected ${r.range.join(' or ')}` : null;
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function readSeries(raw: unknown, path: Path, fileCite: ReturnType<typeof readCite>, problems: Problem[]) {
  const parsed = SeriesSchema.extend({ points: z.array(z.unknown()).min(1) }).safeParse(raw);
  if (!parsed.success) {
    parsed.error.issues.forEach((iss) => problems.push({ path: [...path, ...(iss.path as Path)], reason: iss.message }));
    return null;
  }
  const d = parsed.data;
  const pointsIn = d.points.flatMap((rawPoint, i) => {
    const p = SeriesPointSchema.safeParse(rawPoint);
    if (p.success) return [{ p: p.data, i }];
    p.error.issues.forEach((iss) => problems.push({ path: [...path, 'points', i, ...(iss.path as Path)], reason: iss.message }));
    return [];
  });
  const cite = mergeCite(fileCite, d.cite ?? {});
  if (!cite.source) { problems.push({ path, reason: 'no source: give cite.source on the series or the file defaults' }); return null; }
  const seriesRow: Series = {
    id: d.id, title: d.title, unit: d.unit, description: d.description ?? null, dimensions: d.dimensions ?? {},
    sourceId: cite.source, locator: cite.locator ?? null, origin: CURATED_ORIGIN,
  };
  const seen = new Map<string, number>();
  const points: Unstamped<SeriesPoint>[] = [];
  pointsIn.forEach(({ p, i }) => {
    const pc = mergeCite(cite, p.cite ?? {});
    const id = statementId(d.id, p.period, String(p.value), pc.source!);
    if (seen.has(id)) { problems.push({ path: [...path, 'points', i], reason: `same period, value and source as points[${seen.get(id)}]` }); return; }
    seen.set(id, i);
    points.push({
      id, seriesId: d.id, period: p.period, value: p.value, originalValue: p.original ?? null,
      sourceId: pc.source!, locator: pc.locator ?? null, status: p.status ?? 'reported', qualifier: p.qualifier ?? null,
      note: p.note ?? null, origin: CURATED_ORIGIN,
    });
  });
  return { series: seriesRow, points };
}

function checkUnique<T>(items: Located<T>[], idOf: (v: T) => string, what: string, report: (f: YamlFile, p: Path, r: string) => void) {
  const first = new Map<string, Located<T>>();
  for (const item of items) {
    const id = idOf(item.value);
    const prior = first.get(id);
    if (prior) report(item.file, [...item.path, 'id'], `duplicate ${what} id "${id}" (first defined in ${prior.file.file}:${prior.file.lineOf([...prior.path, 'id'])})`);
    else first.set(id, item);
  }
}

function sortErrors(errors: ValidationError[]): ValidationError[] {
  return [...errors].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field));
}
