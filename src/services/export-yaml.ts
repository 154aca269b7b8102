/**
 * The knowledge base as curated YAML (the data/kb format), editorial changes included, so a maintainer can commit
 * approved work to the repository. Every value is written as a full value mapping with its own cite (no file
 * defaults), so the files read back into exactly the same statements: `redshift-monitor load --dir DIR` of the output
 * gives the same statement ids, values, sources, locators, dates, statuses, qualifiers, originals and notes.
 * Only curated and editorial records are written (catalog feeds have their own files).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { stringify } from 'yaml';
import type { Database } from '../store/schema.js';
import { exportKnowledgeBase, type ExportSource } from '../store/export-import.js';
import { KINDS, propertiesOf, type KindName } from '../model/kinds.js';
import { CURATED_ORIGIN } from '../model/knowledge-base.js';

export const EDITORIAL_ORIGINS = [CURATED_ORIGIN, 'editorial'];

type Rec = Record<string, unknown>;

const SOURCE_FIELDS = ['id', 'kind', 'title', 'publisher', 'authors', 'url', 'published', 'accessed', 'licence', 'file', 'partOf', 'referenceNumber', 'citation', 'note'] as const satisfies readonly (keyof ExportSource)[];

/** The stored canonical text of a value as the YAML reader takes it (numbers as numbers, money and coordinates as mappings). */
function yamlValue(type: string, value: string): unknown {
  if (type === 'number' || type === 'integer') return Number(value);
  if (type === 'boolean') return value === 'true';
  if (type === 'money' || type === 'coordinates') return JSON.parse(value) as unknown;
  return value;
}

function compact(r: Rec): Rec {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined));
}

function valueMapping(type: string, s: Rec): Rec {
  return compact({
    value: yamlValue(type, s.value as string),
    cite: compact({ source: s.sourceId, locator: s.locator }),
    status: s.status === 'reported' ? undefined : s.status,
    asOf: s.asOf, qualifier: s.qualifier, original: s.originalValue, note: s.note,
  });
}

const fileName = (kind: string) => kind.replace(/[A-Z]/g, (c, i: number) => `${i ? '-' : ''}${c.toLowerCase()}`);

/** Writes DIR/sources.yaml, DIR/entities/<kind>.yaml and DIR/series.yaml; returns the files and counts. */
export async function exportYaml(db: Kysely<Database>, dir: string): Promise<{ files: string[]; counts: Record<string, number> }> {
  const doc = await exportKnowledgeBase(db);
  const keep = (r: Rec) => EDITORIAL_ORIGINS.includes(r.origin as string);
  const files: string[] = [];
  const write = (rel: string, header: string, data: Rec) => {
    const path = join(dir, rel);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, `# ${header}\n# Written by \`redshift-monitor export --format yaml\`; reads back into the same statements.\n${stringify(data, { lineWidth: 0 })}`);
    files.push(rel);
  };
  const sources = doc.sources.filter(keep).map((s) => compact(Object.fromEntries(SOURCE_FIELDS.map((f) => [f, s[f]]))));
  write('sources.yaml', 'Sources', { sources });

  const entities = doc.entities.filter(keep);
  let statements = 0;
  const byKind = new Map<string, Rec[]>();
  for (const e of entities) {
    const props = propertiesOf(e.kind as KindName);
    const out: Rec = { id: e.id, kind: e.kind };
    const own = e.statements.filter(keep);
    statements += own.length;
    for (const name of Object.keys(props)) {
      const values = own.filter((s) => s.property === name).map((s) => valueMapping(props[name]!.type, s));
      if (values.length) out[name] = values.length === 1 && !props[name]!.multiple ? values[0] : values;
    }
    (byKind.get(e.kind as string) ?? byKind.set(e.kind as string, []).get(e.kind as string)!).push(out);
  }
  for (const kind of Object.keys(KINDS)) {
    const list = byKind.get(kind);
    if (list?.length) write(`entities/${fileName(kind)}.yaml`, `${KINDS[kind as KindName].plural}`, { entities: list });
  }

  const series = doc.series.filter(keep).map((s) => compact({
    id: s.id, title: s.title, unit: s.unit, description: s.description,
    dimensions: Object.keys(s.dimensions as Rec).length ? s.dimensions : undefined,
    cite: compact({ source: s.sourceId, locator: s.locator }),
    points: s.points.filter(keep).map((p) => compact({
      period: p.period, value: p.value, original: p.originalValue, qualifier: p.qualifier,
      status: p.status === 'reported' ? undefined : p.status, note: p.note, cite: compact({ source: p.sourceId, locator: p.locator }),
    })),
  }));
  if (series.length) write('series.yaml', 'Series', { series });
  return { files, counts: { sources: sources.length, entities: entities.length, statements, series: series.length } };
}
