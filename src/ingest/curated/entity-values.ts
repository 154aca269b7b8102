/** Turns one entity mapping from a YAML file into statements, collecting precise errors. */
import { KINDS, kindByPrefix, propertiesOf, type KindName, type PropertyDef } from '../../model/kinds.js';
import { QUALIFIERS, STATEMENT_STATUSES, statementId, type Qualifier, type StatementStatus } from '../../model/statement.js';
import { ENTITY_ID, VALUE_TYPES, parsePartialDate } from '../../model/value-types.js';
import { CURATED_ORIGIN, type Unstamped } from '../../model/knowledge-base.js';
import type { Statement } from '../../model/statement.js';
import type { Cite } from '../../model/series.js';
import { fieldName, type Path } from './yaml-file.js';

export interface Problem {
  path: Path;
  reason: string;
}

/** A reference to check once every file is read. */
export interface PendingReference {
  path: Path;
  targetId: string;
  range: readonly KindName[];
}

export interface EntityResult {
  id: string;
  kind: KindName;
  statements: Unstamped<Statement>[];
  references: PendingReference[];
  /** Source ids and locators used, to check against the source records. */
  citations: { path: Path; sourceId: string; locator: string | null }[];
}

const ENTITY_KEYS = new Set(['id', 'kind', 'cite']);
const VALUE_OBJECT_KEYS = new Set(['value', 'cite', 'status', 'asOf', 'qualifier', 'original', 'note']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function readCite(raw: unknown, path: Path, problems: Problem[]): Cite {
  if (raw === undefined) return {};
  if (!isObject(raw)) { problems.push({ path, reason: 'cite must be a mapping {source, locator}' }); return {}; }
  const cite: Cite = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k !== 'source' && k !== 'locator') { problems.push({ path: [...path, k], reason: `unknown cite field "${k}" (allowed: source, locator)` }); continue; }
    if (typeof v !== 'string' || v.trim() === '') { problems.push({ path: [...path, k], reason: `cite.${k} must be non-empty text` }); continue; }
    cite[k] = v.trim();
  }
  return cite;
}

export function mergeCite(...cites: Cite[]): Cite {
  return Object.assign({}, ...cites.map((c) => Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined))));
}

export function readEntity(raw: unknown, path: Path, defaults: { kind?: string; cite: Cite }, problems: Problem[]): EntityResult | null {
  if (!isObject(raw)) { problems.push({ path, reason: 'an entity must be a mapping' }); return null; }
  const id = raw.id;
  if (typeof id !== 'string' || !ENTITY_ID.test(id)) {
    problems.push({ path: [...path, 'id'], reason: `entity id ${JSON.stringify(id)} must look like prefix.slug (lower case)` });
    return null;
  }
  const kindRaw = raw.kind ?? defaults.kind;
  if (typeof kindRaw !== 'string' || !Object.hasOwn(KINDS, kindRaw)) {
    problems.push({ path: [...path, 'kind'], reason: `unknown or missing kind ${JSON.stringify(kindRaw)}` });
    return null;
  }
  const kind = kindRaw as KindName;
  const prefix = id.split('.')[0]!;
  if (kindByPrefix(prefix) !== kind) {
    problems.push({ path: [...path, 'id'], reason: `id "${id}" must start with "${KINDS[kind].prefix}." for kind ${kind}` });
    return null;
  }
  const entityCite = mergeCite(defaults.cite, readCite(raw.cite, [...path, 'cite'], problems));
  const props = propertiesOf(kind);
  const result: EntityResult = { id, kind, statements: [], references: [], citations: [] };
  const seen = new Map<string, Path>();
  for (const [key, value] of Object.entries(raw)) {
    if (ENTITY_KEYS.has(key)) continue;
    const def = Object.hasOwn(props, key) ? props[key] : undefined;
    if (!def) { problems.push({ path: [...path, key], reason: `unknown property "${key}" for kind ${kind} (see docs/model.md)` }); continue; }
    const items = Array.isArray(value) ? value : [value];
    if (items.length === 0) problems.push({ path: [...path, key], reason: 'empty list' });
    items.forEach((item, i) => {
      const itemPath = Array.isArray(value) ? [...path, key, i] : [...path, key];
      const st = readValue(id, key, def, item, itemPath, entityCite, problems, result);
      if (!st) return;
      const prior = seen.get(st.id);
      if (prior) {
        problems.push({ path: itemPath, reason: `same value and source as ${fieldName(prior)}; cite both places in one locator ("A; B")` });
        return;
      }
      seen.set(st.id, itemPath);
      result.statements.push(st);
    });
  }
  for (const [name, def] of Object.entries(props)) {
    if (def.required && !Object.hasOwn(raw, name)) problems.push({ path, reason: `${kind} ${id} lacks required property "${name}"` });
  }
  if (kind === 'Country') {
    const iso = result.statements.find((s) => s.property === 'iso2');
    if (iso && `country.${iso.value.toLowerCase()}` !== id) problems.push({ path: [...path, 'iso2'], reason: `iso2 ${iso.value} does not match id ${id}` });
  }
  return result;
}

export function readValue(
  entityId: string, property: string, def: PropertyDef, item: unknown, path: Path,
  entityCite: Cite, problems: Problem[], result: EntityResult,
): Unstamped<Statement> | null {
  let raw = item;
  let cite = entityCite;
  let status: StatementStatus = 'reported';
  let asOf: string | null = null;
  let qualifier: Qualifier | null = null;
  let original: string | null = null;
  let note: string | null = null;
  if (isObject(item) && 'value' in item) {
    for (const k of Object.keys(item)) {
      if (!VALUE_OBJECT_KEYS.has(k)) problems.push({ path: [...path, k], reason: `unknown field "${k}" in a value (allowed: ${[...VALUE_OBJECT_KEYS].join(', ')})` });
    }
    raw = item.value;
    cite = mergeCite(entityCite, readCite(item.cite, [...path, 'cite'], problems));
    if (item.status !== undefined) {
      if (STATEMENT_STATUSES.includes(item.status as StatementStatus)) status = item.status as StatementStatus;
      else problems.push({ path: [...path, 'status'], reason: `status must be one of ${STATEMENT_STATUSES.join(', ')}` });
    }
    if (item.asOf !== undefined) {
      const d = parsePartialDate(item.asOf);
      if (d.ok) asOf = d.value; else problems.push({ path: [...path, 'asOf'], reason: d.reason });
    }
    if (item.qualifier !== undefined) {
      if (QUALIFIERS.includes(item.qualifier as Qualifier)) qualifier = item.qualifier as Qualifier;
      else problems.push({ path: [...path, 'qualifier'], reason: `qualifier must be one of: ${QUALIFIERS.join(', ')}` });
    }
    if (item.original !== undefined) original = String(item.original);
    if (item.note !== undefined) note = String(item.note);
  }
  const parsed = VALUE_TYPES[def.type].parse(raw, { values: def.values });
  if (!parsed.ok) { problems.push({ path, reason: parsed.reason }); return null; }
  if (!cite.source) { problems.push({ path, reason: 'no source: give cite.source on the value, the entity or the file defaults' }); return null; }
  if (def.type === 'entity') result.references.push({ path, targetId: parsed.value, range: def.range ?? [] });
  result.citations.push({ path, sourceId: cite.source, locator: cite.locator ?? null });
  if (original === null && typeof raw === 'string' && raw.trim() !== parsed.value) original = raw;
  return {
    id: statementId(entityId, property, parsed.value, cite.source),
    entityId, property, value: parsed.value, originalValue: original,
    sourceId: cite.source, locator: cite.locator ?? null, asOf, status, qualifier, note, origin: CURATED_ORIGIN,
  };
}
