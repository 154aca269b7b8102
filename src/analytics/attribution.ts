/**
 * Who owns a catalog object, what it is for, and which rule said so. Sources are
 * tried from the most authoritative to the least: CelesTrak SATCAT owner, GCAT
 * launch log state, UCS operator country, then the curated object-name rules
 * (data/rules) for objects newer than those catalogs. Each catalog's code is read
 * through the country vocabulary (data/rules/country-codes.yaml) into an ISO 3166-1
 * alpha-2 code or a named group; a code that names no country, or that the vocabulary
 * does not know, decides nothing and the next source is tried.
 */
import type { ObjectNameRule } from '../model/rules.js';
import type { MISSION_TYPES } from '../model/kinds.js';
import type { CountryVocabulary, Vocabulary } from '../model/country-codes.js';

export type MissionType = (typeof MISSION_TYPES)[number];
export type ObjectKind = 'payload' | 'rocket-body' | 'debris' | 'unknown';

export interface ObjectFacts {
  noradId: number;
  objectName: string;
  satcatOwner: string | null;
  gcatState: string | null;
  gcatOwner: string | null;
  gcatType: string | null;
  ucsOperatorCountry: string | null;
  ucsOperator: string | null;
  ucsPurpose: string | null;
  ucsUsers: string | null;
}

export interface Attribution {
  /** ISO 3166-1 alpha-2 code or named country group; null when no source attributes the object. */
  country: string | null;
  countryRule: string;
  /** The dataset's own code that decided the country (e.g. GCAT "J", SATCAT "PRC"), as written. */
  countryCode: string | null;
  /** Dataset codes met on the way that the vocabulary does not know (e.g. "satcat:XYZ"). */
  unmappedCodes: string[];
  /** True when a rule that decided this object is marked unverified (an inference, see its note). */
  inferred: boolean;
  operator: string | null;
  program: string | null;
  missionType: MissionType;
  missionRule: string;
  kind: ObjectKind;
}

export function objectKind(facts: Pick<ObjectFacts, 'objectName' | 'gcatType'>): ObjectKind {
  const t = facts.gcatType?.trim()[0];
  if (t === 'P') return 'payload';
  if (t === 'R') return 'rocket-body';
  if (t === 'D' || t === 'C') return 'debris';
  if (/\bR\/B\b/.test(facts.objectName)) return 'rocket-body';
  if (/\bDEB\b/.test(facts.objectName)) return 'debris';
  return 'payload';
}

export function matchNameRule(name: string, rules: readonly ObjectNameRule[], compiled = compileRules(rules)): ObjectNameRule | null {
  const upper = name.toUpperCase();
  for (const [rule, re] of compiled) if (re.test(upper)) return rule;
  return null;
}

export function compileRules(rules: readonly ObjectNameRule[]): [ObjectNameRule, RegExp][] {
  return rules.map((r) => [r, new RegExp(r.pattern)]);
}

/** UCS "Purpose" and "Users" → a Figure 8 mission category. */
export function missionFromUcs(purpose: string | null, users: string | null): MissionType | null {
  if (!purpose) return null;
  const p = purpose.toLowerCase();
  const military = (users ?? '').toLowerCase().includes('military');
  if (p.includes('earth observation') && military && !(users ?? '').toLowerCase().includes('commercial')) return 'military-isr';
  if (p.includes('surveillance') || p.includes('signals intelligence') || p.includes('early warning')) return 'military-isr';
  if (p.includes('communications')) return 'communications';
  if (p.includes('earth observation') || p.includes('earth science') || p.includes('meteorolog')) return 'earth-observation';
  if (p.includes('navigation')) return 'navigation';
  if (p.includes('technology')) return 'technology-demonstration';
  if (p.includes('space science') || p.includes('space physics') || p.includes('science')) return 'science';
  if (p.includes('space observation')) return 'ssa-inspection';
  return 'other';
}

/** The catalog country sources, most authoritative first: rule name, vocabulary, and the fact it reads. */
const COUNTRY_SOURCES: [string, Vocabulary, keyof ObjectFacts][] = [
  ['satcat-owner', 'satcat', 'satcatOwner'],
  ['gcat-launchlog-state', 'gcat', 'gcatState'],
  ['ucs-operator-country', 'ucs', 'ucsOperatorCountry'],
];

export function attribute(facts: ObjectFacts, compiled: [ObjectNameRule, RegExp][], vocabulary: CountryVocabulary): Attribution {
  const rule = matchNameRule(facts.objectName, [], compiled);
  let country: string | null = null;
  let countryRule = 'unattributed';
  let countryCode: string | null = null;
  const unmappedCodes: string[] = [];
  for (const [ruleName, vocab, field] of COUNTRY_SOURCES) {
    const raw = facts[field] as string | null;
    const r = vocabulary.resolve(vocab, raw);
    if (r.status === 'unknown') unmappedCodes.push(`${vocab}:${raw!.trim()}`);
    if (r.status !== 'country') continue;
    [country, countryRule, countryCode] = [r.key, ruleName, raw!.trim()];
    break;
  }
  if (country === null && rule) {
    country = rule.country;
    countryRule = `name-rule:${rule.id}`;
  }
  let missionType: MissionType = 'other';
  let missionRule = 'none';
  if (rule) {
    missionType = rule.missionType;
    missionRule = `name-rule:${rule.id}`;
  } else {
    const fromUcs = missionFromUcs(facts.ucsPurpose, facts.ucsUsers);
    if (fromUcs) { missionType = fromUcs; missionRule = 'ucs-purpose'; }
  }
  const ruleUsed = rule !== null && (countryRule.startsWith('name-rule:') || missionRule.startsWith('name-rule:') || rule.program !== undefined);
  return {
    country, countryRule, countryCode, unmappedCodes, inferred: ruleUsed && rule.status === 'unverified',
    operator: rule?.operator ?? facts.ucsOperator ?? facts.gcatOwner ?? null,
    program: rule?.program ?? null,
    missionType, missionRule, kind: objectKind(facts),
  };
}
