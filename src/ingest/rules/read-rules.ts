/** Reads and validates data/rules/*.yaml (schema in src/model/rules.ts), with file, line and field in every error. */
import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { RulesFileSchema, type ItuMilestone, type LaunchProviderRule, type MetricDefinition, type ObjectNameRule } from '../../model/rules.js';
import { readYamlFile, fieldName, type Path, type ValidationError } from '../curated/yaml-file.js';
import { listYamlFiles } from '../curated/read-knowledge-base.js';

export interface Rules {
  objectNameRules: ObjectNameRule[];
  launchProviderRules: LaunchProviderRule[];
  ituMilestones: ItuMilestone[];
  ituBringIntoUseYears: number | null;
  /** Metric definitions of the report's quantitative claims. */
  metrics: MetricDefinition[];
  /** Every entity and source id the rules cite, with where, to check against the knowledge base. */
  references: { file: string; line: number; field: string; id: string; kind: 'entity' | 'source' }[];
}

export type RulesResult = { ok: true; rules: Rules } | { ok: false; errors: ValidationError[] };

export function readRules(dir: string, cwd = process.cwd()): RulesResult {
  const rules: Rules = { objectNameRules: [], launchProviderRules: [], ituMilestones: [], ituBringIntoUseYears: null, metrics: [], references: [] };
  const errors: ValidationError[] = [];
  if (!existsSync(dir)) return { ok: true, rules };
  for (const path of listYamlFiles(dir)) {
    const file = readYamlFile(path, relative(cwd, path));
    errors.push(...file.errors);
    if (file.errors.length) continue;
    const parsed = RulesFileSchema.safeParse(file.data ?? {});
    if (!parsed.success) {
      for (const iss of parsed.error.issues) {
        const p = iss.path as Path;
        errors.push({ file: file.file, line: file.lineOf(p), field: fieldName(p), reason: iss.message });
      }
      continue;
    }
    const d = parsed.data;
    const ref = (path: Path, id: string | undefined, kind: 'entity' | 'source') => {
      if (id) rules.references.push({ file: file.file, line: file.lineOf(path), field: fieldName(path), id, kind });
    };
    d.objectNameRules?.forEach((r, i) => {
      ref(['objectNameRules', i, 'operator'], r.operator, 'entity');
      ref(['objectNameRules', i, 'program'], r.program, 'entity');
      ref(['objectNameRules', i, 'cite', 'source'], r.cite.source, 'source');
    });
    d.launchProviderRules?.forEach((r, i) => {
      ref(['launchProviderRules', i, 'provider'], r.provider, 'entity');
      ref(['launchProviderRules', i, 'cite', 'source'], r.cite.source, 'source');
    });
    d.ituMilestones?.forEach((m, i) => ref(['ituMilestones', i, 'cite', 'source'], m.cite.source, 'source'));
    rules.objectNameRules.push(...(d.objectNameRules ?? []));
    rules.launchProviderRules.push(...(d.launchProviderRules ?? []));
    rules.ituMilestones.push(...(d.ituMilestones ?? []));
    rules.metrics.push(...(d.metrics ?? []));
    if (d.ituBringIntoUseYears) rules.ituBringIntoUseYears = d.ituBringIntoUseYears.years;
  }
  const ids = new Set<string>();
  for (const [what, list] of [['object-name rule', rules.objectNameRules], ['launch-provider rule', rules.launchProviderRules], ['ITU milestone', rules.ituMilestones], ['metric', rules.metrics]] as const) {
    for (const r of list) {
      if (ids.has(r.id)) errors.push({ file: dir, line: 1, field: r.id, reason: `duplicate ${what} id "${r.id}"` });
      ids.add(r.id);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

/** Rule references that do not resolve in the knowledge base. */
export function checkRuleReferences(rules: Rules, entityIds: Set<string>, sourceIds: Set<string>): ValidationError[] {
  return rules.references
    .filter((r) => !(r.kind === 'entity' ? entityIds : sourceIds).has(r.id))
    .map((r) => ({ file: r.file, line: r.line, field: r.field, reason: `unknown ${r.kind} "${r.id}"` }));
}
