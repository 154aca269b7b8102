/**
 * Who owns a catalog object, what it is for, and which rule said so. Sources are
 * tried from the most authoritative to the least: CelesTrak SATCAT owner, GCAT
 * launch log state, UCS operator country, then the curated object-name rules
 * (data/rules) for objects newer than those catalogs.
 */
import type { ObjectNameRule } from '../model/rules.js';
import type { MISSION_TYPES } from '../model/kinds.js';

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
  country: string | null;
  countryRule: string;
  /** True when a rule that decided this object is marked unverified (an inference, see its note). */
  inferred: boolean;
  operator: string | null;
  program: string | null;
  missionType: MissionType;
  missionRule: string;
  kind: ObjectKind;
}

/** CelesTrak SATCAT owner codes that stand for China (SATCAT documentation: PRC = People's Republic of China). */
const SATCAT_CHINA = new Set(['PRC']);

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

function ucsCountry(operatorCountry: string | null): string | null {
  if (!operatorCountry) return null;
  return operatorCountry.trim().toLowerCase() === 'china' ? 'CN' : operatorCountry.trim();
}

export function attribute(facts: ObjectFacts, compiled: [ObjectNameRule, RegExp][]): Attribution {
  const rule = matchNameRule(facts.objectName, [], compiled);
  let country: string | null = null;
  let countryRule = 'unattributed';
  if (facts.satcatOwner) {
    country = SATCAT_CHINA.has(facts.satcatOwner) ? 'CN' : facts.satcatOwner;
    countryRule = 'satcat-owner';
  } else if (facts.gcatState) {
    country = facts.gcatState;
    countryRule = 'gcat-launchlog-state';
  } else if (facts.ucsOperatorCountry) {
    country = ucsCountry(facts.ucsOperatorCountry);
    countryRule = 'ucs-operator-country';
  } else if (rule) {
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
    country, countryRule, inferred: ruleUsed && rule.status === 'unverified',
    operator: rule?.operator ?? facts.ucsOperator ?? facts.gcatOwner ?? null,
    program: rule?.program ?? null,
    missionType, missionRule, kind: objectKind(facts),
  };
}
