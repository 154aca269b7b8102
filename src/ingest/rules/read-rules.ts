/** Reads and validates data/rules/*.yaml (schema in src/model/rules.ts), with file, line and field in every error. */
import { relative } from 'node:path';
import { existsSync } from 'node:fs';
import { RulesFileSchema, type ItuMilestone, type LaunchProviderRule, type MetricDefinition, type ObjectNameRule } from '../../model/rules.js';
import { emptyCountryCodes, VOCABULARIES, VOCABULARY_SECTIONS, type CountryCodes } from '../../model/country-codes.js';
import { readYamlFile, fieldName, type Path, type ValidationError } from '../curated/yaml-file.js';
import { listYamlFiles } from '../curated/read-knowledge-base.js';

export interface Rules {
  objectNameRules: ObjectNameRule[];
  launchProviderRules: LaunchProviderRule[];
  ituMilestones: ItuMilestone[];
  ituBringIntoUseYears: number | null;
  /** Metric definitions of the report's quantitative claims. */
  metrics: MetricDefinition[];
  /** The country vocabulary: dataset codes → ISO 3166-1 alpha-2 or a named group. */
  countryCodes: CountryCodes;
  /** Every entity and source id the rules cite, with where, to check against the knowledge base. */
  references: { file: string; line: number; field: string; id: string; kind: 'entity' | 'source' }[];
}

export type RulesResult = { ok: true; rules: Rules } | { ok: false; errors: ValidationError[] };

export function readRules(dir: string, cwd = process.cwd()): RulesResult {
  const rules: Rules = { objectNameRules: [], launchProviderRules: [], ituMilestones: [], ituBringIntoUseYears: null, metrics: [], countryCodes: emptyCountryCodes(), references: [] };
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
    d.countryGroups?.forEach((g, i) => ref(['countryGroups', i, 'cite', 'source'], g.cite.source, 'source'));
    for (const v of VOCABULARIES) {
      const section = VOCABULARY_SECTIONS[v];
      d[section]?.forEach((e, i) => ref([section, i, 'cite', 'source'], e.cite.source, 'source'));
      rules.countryCodes[v].push(...(d[section] ?? []));
    }
    rules.countryCodes.groups.push(...(d.countryGroups ?? []));
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
  errors.push(...countryCodeErrors(rules.countryCodes, dir));
  return errors.length ? { ok: false, errors } : { ok: true, rules };
}

/** Duplicate codes within a vocabulary, duplicate group ids, and groups used but not declared. */
function countryCodeErrors(codes: CountryCodes, dir: string): ValidationError[] {
  const errors: ValidationError[] = [];
  const groups = new Set<string>();
  for (const g of codes.groups) {
    if (groups.has(g.id)) errors.push({ file: dir, line: 1, field: g.id, reason: `duplicate country group id "${g.id}"` });
    groups.add(g.id);
  }
  for (const v of VOCABULARIES) {
    const seen = new Set<string>();
    for (const e of codes[v]) {
      const field = `${VOCABULARY_SECTIONS[v]} ${e.code}`;
      if (seen.has(e.code)) errors.push({ file: dir, line: 1, field, reason: `duplicate code "${e.code}"` });
      seen.add(e.code);
      if (e.group && !groups.has(e.group)) errors.push({ file: dir, line: 1, field, reason: `unknown country group "${e.group}"` });
    }
  }
  return errors;
}

/** Rule references that do not resolve in the knowledge base. */
export function checkRuleReferences(rules: Rules, entityIds: Set<string>, sourceIds: Set<string>): ValidationError[] {
  return rules.references
    .filter((r) => !(r.kind === 'entity' ? entityIds : sourceIds).has(r.id))
    .map((r) => ({ file: r.file, line: r.line, field: r.field, reason: `unknown ${r.kind} "${r.id}"` }));
}
