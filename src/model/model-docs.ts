/** Renders docs/model.md from the kind declaration (a test keeps the file in sync). */
import { COMMON_PROPERTIES, KINDS, KIND_NAMES, type PropertyDef } from './kinds.js';
import { VALUE_TYPES } from './value-types.js';
import { STATEMENT_STATUSES, QUALIFIERS } from './statement.js';
import { SEGMENTS } from './segments.js';

function typeCell(p: PropertyDef): string {
  if (p.type === 'enum') return `enum: ${(p.values ?? []).map((v) => `\`${v}\``).join(', ')}`;
  if (p.type === 'entity') return `entity → ${p.range && p.range.length ? p.range.join(', ') : 'any kind'}`;
  return p.unit ? `${p.type} (${p.unit})` : p.type;
}

function propertyRows(props: Record<string, PropertyDef>): string[] {
  return Object.entries(props).map(([name, p]) => {
    const flags = [p.required ? 'required' : '', p.multiple ? 'multiple' : ''].filter(Boolean).join(', ');
    return `| \`${name}\` | ${p.label}${p.doc ? ` — ${p.doc}` : ''} | ${typeCell(p)} | ${flags} |`;
  });
}

export function renderModelDocs(): string {
  const out: string[] = [
    '# Model',
    '',
    '<!-- Generated from src/model/kinds.ts by `npm run gen`; do not edit by hand. -->',
    '',
    'Every property value is a **statement**: entity, property, value, original value, source, locator,',
    `as-of date, status (${STATEMENT_STATUSES.map((s) => `\`${s}\``).join(', ')}), qualifier, first and last seen.`,
    'Statement ids hash entity, property, value and source, so reloading never duplicates.',
    '',
    `Qualifiers: ${QUALIFIERS.map((q) => `\`${q}\``).join(', ')}.`,
    '',
    `Segments: ${SEGMENTS.map((s) => `\`${s.id}\` (${s.label}, §${s.section})`).join(', ')}.`,
    '',
    '## Value types',
    '',
    '| type | meaning |',
    '| --- | --- |',
    ...Object.entries(VALUE_TYPES).map(([name, t]) => `| \`${name}\` | ${t.doc} |`),
    '',
    '## Properties of every kind',
    '',
    '| property | meaning | type | flags |',
    '| --- | --- | --- | --- |',
    ...propertyRows(COMMON_PROPERTIES),
    '',
    '## Kinds',
    '',
    '| kind | id prefix | what |',
    '| --- | --- | --- |',
    ...KIND_NAMES.map((k) => `| [${k}](#${k.toLowerCase()}) | \`${KINDS[k].prefix}.\` | ${KINDS[k].doc} |`),
  ];
  for (const k of KIND_NAMES) {
    out.push('', `### ${k}`, '', KINDS[k].doc, '', `Id prefix: \`${KINDS[k].prefix}.\``, '',
      '| property | meaning | type | flags |', '| --- | --- | --- | --- |',
      ...propertyRows(KINDS[k].properties as Record<string, PropertyDef>));
  }
  return out.join('\n') + '\n';
}
