/**
 * JSON Schema generated from the one declaration: one schema per entity kind for the
 * curated YAML files (an editor can validate against it), plus sources and series.
 */
import { z } from 'zod';
import { KINDS, KIND_NAMES, propertiesOf, type KindName, type PropertyDef } from './kinds.js';
import { SourceSchema } from './source.js';
import { SeriesSchema } from './series.js';
import { QUALIFIERS, STATEMENT_STATUSES } from './statement.js';

type JsonSchema = Record<string, unknown>;

const SCALAR: Record<string, JsonSchema> = {
  name: { type: 'string', minLength: 1 },
  string: { type: 'string', minLength: 1, maxLength: 500 },
  text: { type: 'string', minLength: 1 },
  date: { type: ['string', 'integer'], pattern: '^~?\\d{4}(-\\d{2}(-\\d{2})?)?$' },
  country: { type: 'string', pattern: '^[A-Z]{2}$' },
  norad: { type: ['integer', 'string'] },
  cospar: { type: 'string', pattern: '^\\d{4}-\\d{3}[A-Z]{0,3}$' },
  money: {
    type: 'object', additionalProperties: false, required: ['amount', 'currency'],
    properties: { amount: { type: 'number', minimum: 0 }, currency: { type: 'string', pattern: '^[A-Z]{3}$' }, year: { type: 'integer' } },
  },
  coordinates: {
    type: 'object', additionalProperties: false, required: ['lat', 'lon'],
    properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lon: { type: 'number', minimum: -180, maximum: 180 } },
  },
  url: { type: 'string', format: 'uri' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  entity: { type: 'string', pattern: '^[a-z]+\\.[a-z0-9]+(?:[-.][a-z0-9]+)*$' },
};

const CITE: JsonSchema = {
  type: 'object', additionalProperties: false,
  properties: { source: { type: 'string' }, locator: { type: 'string' } },
};

function valueSchema(p: PropertyDef): JsonSchema {
  const scalar = p.type === 'enum' ? { type: 'string', enum: [...(p.values ?? [])] } : SCALAR[p.type]!;
  const withProvenance: JsonSchema = {
    type: 'object', additionalProperties: false, required: ['value'],
    properties: {
      value: scalar, cite: CITE, status: { enum: [...STATEMENT_STATUSES] }, asOf: SCALAR.date,
      qualifier: { enum: [...QUALIFIERS] }, original: { type: 'string' }, note: { type: 'string' },
    },
  };
  const one = { anyOf: [scalar, withProvenance] };
  return { description: p.label, anyOf: [scalar, withProvenance, { type: 'array', items: one, minItems: 1 }] };
}

export function entityFileSchema(kind: KindName): JsonSchema {
  const props = propertiesOf(kind);
  const properties: Record<string, JsonSchema> = { id: { type: 'string', pattern: `^${KINDS[kind].prefix}\\.` }, kind: { const: kind }, cite: CITE };
  for (const [name, p] of Object.entries(props)) properties[name] = valueSchema(p);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://redshift-monitor.example/schema/${kind}.json`,
    title: KINDS[kind].label,
    description: KINDS[kind].doc,
    type: 'object',
    additionalProperties: false,
    required: ['id', ...Object.entries(props).filter(([, p]) => p.required).map(([n]) => n)],
    properties,
  };
}

export function generatedSchemaFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const kind of KIND_NAMES) files[`${kind}.json`] = JSON.stringify(entityFileSchema(kind), null, 2) + '\n';
  files['Source.json'] = JSON.stringify(z.toJSONSchema(SourceSchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
  files['Series.json'] = JSON.stringify(z.toJSONSchema(SeriesSchema, { io: 'input', unrepresentable: 'any' }), null, 2) + '\n';
  return files;
}
