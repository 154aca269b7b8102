/**
 * Checks a knowledge-base export (docs/export-format.md) before an import writes it, with the readers the
 * curated data goes through: readEntity and readValue (kinds, properties, value types and dates, statuses,
 * qualifiers, statement ids), SourceSchema, readSeries, and `load`'s citation and reference checks. Every
 * text passes the stored-text check the YAML reader applies to every scalar. A row those readers would store
 * differently (a value not in canonical form, an id that is not the hash of its content) is refused too.
 * Each problem names the row (its place in the export and its id), the field and the reason.
 */
import { z } from 'zod';
import { KINDS, propertiesOf, type KindName, type PropertyDef } from '../model/kinds.js';
import { storedValueInput } from '../model/value-types.js';
import { SourceSchema } from '../model/source.js';
import { unsafeTextReason } from '../model/text-safety.js';
import { readEntity, type PendingReference, type Problem } from '../ingest/curated/entity-values.js';
import { citationProblems, readSeries, referenceProblem } from '../ingest/curated/read-knowledge-base.js';
import { MAX_YAML_TEXT } from '../ingest/curated/yaml-safety.js';
import type { Path } from '../ingest/curated/yaml-file.js';
import {
  EXPORT_FORMAT, EXPORT_VERSION, type ExportDocument, type ExportEntity, type ExportPoint, type ExportSeries, type ExportSource, type ExportStatement,
} from '../store/export-import.js';

export interface RowProblem {
  /** The row's place in the export, e.g. ["entities", 3, "statements", 2]. */
  row: Path;
  /** The row's id as the export gives it, or null when it has none. */
  id: string | null;
  /** The field within the row; empty for the row as a whole. */
  field: Path;
  reason: string;
}

export type ExportRows = Pick<ExportDocument, 'sources' | 'entities' | 'series'>;
export type RowsCheck = { ok: true; rows: ExportRows } | { ok: false; problems: RowProblem[] };

type Rec = Record<string, unknown>;
const isObject = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Why the document is not an export this program reads (format, version, lists), or null. */
export function exportHeaderProblem(doc: unknown): string | null {
  if (!isObject(doc) || doc.format !== EXPORT_FORMAT) return `not a knowledge-base export: "format" must be "${EXPORT_FORMAT}"`;
  if (doc.version !== EXPORT_VERSION) return `unsupported export version ${JSON.stringify(doc.version) ?? 'undefined'} (this program reads ${EXPORT_VERSION})`;
  for (const key of ['sources', 'entities', 'series'] as const) if (!Array.isArray(doc[key])) return `"${key}" must be a list`;
  return null;
}

/** Text as the YAML reader takes it: no control character but line feed and tab, no U+FFFD or unpaired surrogate. */
const safeText = (min = 0) => z.string().min(min).superRefine((s, ctx) => {
  const reason = unsafeTextReason(s, { maxLength: MAX_YAML_TEXT, allowLineBreaks: true });
  if (reason) ctx.addIssue({ code: 'custom', message: reason });
});
const optionalText = safeText().nullable();

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z$/;
/** A UTC time as the store writes it, naming a day and time that exist. */
function isUtcInstant(s: string): boolean {
  const ms = Date.parse(s);
  return UTC_INSTANT.test(s) && !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 19) === s.slice(0, 19);
}
const instant = z.string().refine(isUtcInstant, 'must be a UTC time like 2025-01-31T12:00:00.000Z');
const stamps = { origin: safeText(1), firstSeen: instant, lastSeen: instant };

const SourceRow = z.strictObject({
  id: safeText(), kind: safeText(), title: safeText(), publisher: optionalText, authors: z.array(safeText()).nullable(), url: optionalText,
  published: optionalText, accessed: optionalText, licence: optionalText, file: optionalText, partOf: optionalText, referenceNumber: optionalText,
  citation: optionalText, note: optionalText, ...stamps,
}) satisfies z.ZodType<ExportSource>;
const StatementRow = z.strictObject({
  id: safeText(), property: safeText(), value: safeText(), originalValue: optionalText, sourceId: safeText(), locator: optionalText,
  asOf: optionalText, status: safeText(), qualifier: optionalText, note: optionalText, ...stamps,
}) satisfies z.ZodType<ExportStatement>;
const EntityRow = z.strictObject({ id: safeText(), kind: safeText(), caption: safeText(1), ...stamps, statements: z.array(z.unknown()) });
const PointRow = z.strictObject({
  id: safeText(), period: safeText(), value: z.number(), originalValue: optionalText, sourceId: safeText(), locator: optionalText,
  status: safeText(), qualifier: optionalText, note: optionalText, ...stamps,
}) satisfies z.ZodType<ExportPoint>;
const SeriesRow = z.strictObject({
  id: safeText(), title: safeText(), unit: safeText(), description: optionalText, dimensions: z.record(safeText(), safeText()),
  sourceId: safeText(), locator: optionalText, ...stamps, points: z.array(z.unknown()),
});

/** A row in the shape its table's export gives, or null (its problems added). */
function shape<T>(schema: z.ZodType<T>, raw: unknown, row: Path, problems: RowProblem[]): T | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const id = isObject(raw) && typeof raw.id === 'string' ? raw.id : null;
  if (!isObject(raw)) problems.push({ row, id, field: [], reason: 'a row must be an object' });
  else parsed.error.issues.forEach((iss) => problems.push({ row, id, field: iss.path as Path, reason: iss.message }));
  return null;
}

/** Fields the readers give differently from the stored row: the row is not what `load` would store. */
function notAsRead(stored: Rec, read: Rec, fields: readonly string[], row: Path, problems: RowProblem[]): void {
  for (const f of fields) {
    const [s, r] = [JSON.stringify(stored[f] ?? null), JSON.stringify(read[f] ?? null)];
    if (s === r) continue;
    const reason = f === 'id' ? `id is not the hash of its content: load gives ${r}` : `${s} is not in the form load stores: ${r}`;
    problems.push({ row, id: typeof stored.id === 'string' ? stored.id : null, field: [f], reason });
  }
}

/** The field of a statement or point row that a YAML value path names (cite.source is sourceId …). */
function storedField(itemPath: Path): Path {
  if (itemPath[0] === 'cite') return [itemPath[1] === 'locator' ? 'locator' : 'sourceId'];
  if (itemPath[0] === 'original') return ['originalValue'];
  return itemPath;
}

const citeOf = (sourceId: string, locator: string | null) => (locator === null ? { source: sourceId } : { source: sourceId, locator });
/** The YAML form of a stored row's optional fields, leaving out those without a value. */
const present = (fields: Rec): Rec => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));

/** A source row: its id once its shape is right (others cite it by that id), the row when it is also valid. */
function checkSource(raw: unknown, row: Path, problems: RowProblem[]): { id: string; s: ExportSource | null } | null {
  const s = shape(SourceRow, raw, row, problems);
  if (!s) return null;
  return { id: s.id, s: readSource(s, row, problems) };
}

function readSource(s: ExportSource, row: Path, problems: RowProblem[]): ExportSource | null {
  const { origin: _origin, firstSeen: _first, lastSeen: _last, ...fields } = s;
  const parsed = SourceSchema.safeParse(present(fields));
  if (!parsed.success) {
    parsed.error.issues.forEach((iss) => problems.push({ row, id: s.id, field: iss.path as Path, reason: iss.message }));
    return null;
  }
  notAsRead(fields, parsed.data, Object.keys(parsed.data), row, problems);
  return s;
}

/** A statement as the curated YAML writes a value (the form readEntity and readValue read). */
function valueItem(st: ExportStatement, def: PropertyDef | undefined): Rec {
  return {
    value: def ? storedValueInput(def.type, st.value) : st.value,
    cite: citeOf(st.sourceId, st.locator), status: st.status,
    ...present({ asOf: st.asOf, qualifier: st.qualifier, original: st.originalValue, note: st.note }),
  };
}

const ENTITY_KEYS = new Set(['id', 'kind', 'cite']);
const STATEMENT_FIELDS = ['id', 'value', 'originalValue', 'sourceId', 'locator', 'asOf', 'status', 'qualifier', 'note'] as const;

interface CheckedEntity {
  /** The rows to write, or null when a problem was found. */
  entity: ExportEntity | null;
  id: string;
  /** Null when the entity's id or kind could not be read (then neither could its statements). */
  kind: KindName | null;
  references: { row: Path; id: string; ref: PendingReference }[];
  citations: { row: Path; id: string; sourceId: string; locator: string | null }[];
}

/** An entity and its statements, read as the curated YAML entity they were loaded from. */
function checkEntity(raw: unknown, row: Path, problems: RowProblem[]): CheckedEntity | null {
  const e = shape(EntityRow, raw, row, problems);
  if (!e) return null;
  const statements = e.statements.flatMap((st, i) => {
    const s = shape(StatementRow, st, [...row, 'statements', i], problems);
    return s ? [{ s, i }] : [];
  });
  if (statements.length !== e.statements.length) return null;
  const kind = Object.hasOwn(KINDS, e.kind) ? (e.kind as KindName) : null;
  const props = kind ? propertiesOf(kind) : {};
  const byProperty = new Map<string, number[]>();
  for (const { s, i } of statements) {
    if (ENTITY_KEYS.has(s.property)) problems.push({ row: [...row, 'statements', i], id: s.id, field: ['property'], reason: `unknown property "${s.property}"` });
    else (byProperty.get(s.property) ?? byProperty.set(s.property, []).get(s.property)!).push(i);
  }
  const stmt = (i: number) => statements[i]!.s;
  const input = Object.fromEntries([
    ['id', e.id], ['kind', e.kind],
    ...[...byProperty].map(([p, rows]) => [p, rows.map((i) => valueItem(stmt(i), Object.hasOwn(props, p) ? props[p] : undefined))]),
  ]);
  const found: Problem[] = [];
  const read = readEntity(input, [], { cite: {} }, found);
  /** The row and field a path into the YAML form names: a statement's (property, item, field) or the entity's. */
  const locate = (path: Path): Omit<RowProblem, 'reason'> => {
    const [head, item, ...rest] = path;
    const rows = typeof head === 'string' ? byProperty.get(head) : undefined;
    if (!rows) return { row, id: e.id, field: path };
    const i = typeof item === 'number' ? rows[item]! : rows[0]!;
    return { row: [...row, 'statements', i], id: stmt(i).id, field: typeof item === 'number' && rest.length ? storedField(rest) : ['value'] };
  };
  found.forEach((p) => problems.push({ ...locate(p.path), reason: p.reason }));
  if (!read) return { entity: null, id: e.id, kind: null, references: [], citations: [] };
  const order = [...byProperty.values()].flat();
  if (!found.length) read.statements.forEach((st, j) => notAsRead(stmt(order[j]!), { ...st }, STATEMENT_FIELDS, [...row, 'statements', order[j]!], problems));
  const at = (path: Path) => { const l = locate(path); return { row: l.row, id: l.id ?? e.id }; };
  return {
    entity: found.length ? null : { ...e, statements: statements.map(({ s }) => s) },
    id: e.id,
    kind: read.kind,
    references: read.references.map((ref) => ({ ...at(ref.path), ref })),
    citations: read.citations.map((c) => ({ ...at(c.path), sourceId: c.sourceId, locator: c.locator })),
  };
}

/** A stored point as the curated YAML writes it. */
function pointItem(p: ExportPoint): Rec {
  return { period: p.period, value: p.value, status: p.status, cite: citeOf(p.sourceId, p.locator), ...present({ original: p.originalValue, qualifier: p.qualifier, note: p.note }) };
}

const SERIES_FIELDS = ['id', 'title', 'unit', 'description', 'dimensions', 'sourceId', 'locator'] as const;
const POINT_FIELDS = ['id', 'period', 'value', 'originalValue', 'sourceId', 'locator', 'status', 'qualifier', 'note'] as const;

/** A series and its points, read as the curated YAML series they were loaded from. */
function checkSeries(raw: unknown, row: Path, problems: RowProblem[]): ExportSeries | null {
  const s = shape(SeriesRow, raw, row, problems);
  if (!s) return null;
  const points = s.points.flatMap((p, i) => {
    const point = shape(PointRow, p, [...row, 'points', i], problems);
    return point ? [point] : [];
  });
  if (points.length !== s.points.length) return null;
  const input = {
    id: s.id, title: s.title, unit: s.unit, dimensions: s.dimensions, cite: citeOf(s.sourceId, s.locator),
    ...present({ description: s.description }), points: points.map(pointItem),
  };
  const found: Problem[] = [];
  const read = readSeries(input, [], {}, found);
  for (const p of found) {
    const [head, i, ...rest] = p.path;
    if (head === 'points' && typeof i === 'number' && points[i]) problems.push({ row: [...row, 'points', i], id: points[i].id, field: storedField(rest), reason: p.reason });
    else problems.push({ row, id: s.id, field: storedField(p.path), reason: p.reason });
  }
  if (!read || found.length) return null;
  notAsRead(s, { ...read.series }, SERIES_FIELDS, row, problems);
  read.points.forEach((p, i) => notAsRead(points[i]!, { ...p }, POINT_FIELDS, [...row, 'points', i], problems));
  return { ...s, points };
}

/** A second row with the id of an earlier one. */
function checkUnique(rows: { row: Path; id: string }[], problems: RowProblem[]): void {
  const first = new Map<string, Path>();
  for (const { row, id } of rows) {
    const prior = first.get(id);
    if (prior) problems.push({ row, id, field: ['id'], reason: `duplicate id "${id}" (first at ${prior.map((k) => (typeof k === 'number' ? `[${k}]` : k)).join('')})` });
    else first.set(id, row);
  }
}

/** Every row of the export's three lists, checked; the rows to write, or every problem. */
export function checkExportRows(doc: { sources: unknown[]; entities: unknown[]; series: unknown[] }): RowsCheck {
  const problems: RowProblem[] = [];
  const sources = doc.sources.flatMap((raw, i) => { const c = checkSource(raw, ['sources', i], problems); return c ? [{ row: ['sources', i], ...c }] : []; });
  const entities = doc.entities.flatMap((raw, i) => { const e = checkEntity(raw, ['entities', i], problems); return e ? [{ row: ['entities', i], id: e.id, e }] : []; });
  const series = doc.series.flatMap((raw, i) => { const s = checkSeries(raw, ['series', i], problems); return s ? [{ row: ['series', i], id: s.id, s }] : []; });
  [sources, entities, series].forEach((rows) => checkUnique(rows, problems));
  checkSourceReferences(sources, problems);
  checkEntityReferences(entities.map((e) => e.e), new Set(sources.map((s) => s.id)), problems);
  checkSeriesCitations(series, new Set(sources.map((s) => s.id)), problems);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    rows: { sources: sources.map((s) => s.s!), entities: entities.map(({ e }) => e.entity!), series: series.map((s) => s.s) },
  };
}

/** Citations of a row: their source must be in the export, and a locator of the report must cite references it has. */
function checkCitation(sourceIds: ReadonlySet<string>, c: { row: Path; id: string; sourceId: string; locator: string | null }, problems: RowProblem[]): void {
  const field = [sourceIds.has(c.sourceId) ? 'locator' : 'sourceId'];
  citationProblems(sourceIds, c.sourceId, c.locator).forEach((reason) => problems.push({ row: c.row, id: c.id, field, reason }));
}

function checkSourceReferences(sources: { row: Path; id: string; s: ExportSource | null }[], problems: RowProblem[]): void {
  const ids = new Set(sources.map((s) => s.id));
  for (const { row, s } of sources) {
    if (s?.partOf && !ids.has(s.partOf)) problems.push({ row, id: s.id, field: ['partOf'], reason: `unknown source "${s.partOf}"` });
  }
}

/**
 * Citations and references to other entities. A reference to an entity whose own row was refused before
 * its kind was known (its error is reported) is not reported again as dangling.
 */
function checkEntityReferences(entities: CheckedEntity[], sourceIds: ReadonlySet<string>, problems: RowProblem[]): void {
  const kindOf = new Map(entities.flatMap((e) => (e.kind ? [[e.id, e.kind] as const] : [])));
  const unread = new Set(entities.filter((e) => !e.kind).map((e) => e.id));
  for (const e of entities) {
    e.citations.forEach((c) => checkCitation(sourceIds, c, problems));
    for (const r of e.references) {
      if (unread.has(r.ref.targetId)) continue;
      const reason = referenceProblem(kindOf, r.ref);
      if (reason) problems.push({ row: r.row, id: r.id, field: ['value'], reason });
    }
  }
}

function checkSeriesCitations(series: { row: Path; s: ExportSeries }[], sourceIds: ReadonlySet<string>, problems: RowProblem[]): void {
  for (const { row, s } of series) {
    checkCitation(sourceIds, { row, id: s.id, sourceId: s.sourceId, locator: s.locator }, problems);
    s.points.forEach((p, i) => checkCitation(sourceIds, { row: [...row, 'points', i], id: p.id, sourceId: p.sourceId, locator: p.locator }, problems));
  }
}
