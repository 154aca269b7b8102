/**
 * Curated, sourced classification rules (data/rules/*.yaml): they attribute catalog
 * objects and launches that the catalogs themselves do not attribute, and state the
 * ITU milestones constellations are measured against. Every rule cites its source.
 */
import { z } from 'zod';
import { MISSION_TYPES } from './kinds.js';
import { CiteSchema } from './series.js';
import { CountryCodeSchema, CountryGroupSchema } from './country-codes.js';

const regex = z.string().min(1).refine((s) => { try { new RegExp(s); return true; } catch { return false; } }, 'not a valid regular expression');
const entityId = z.string().regex(/^[a-z]+\.[a-z0-9]+(?:[-.][a-z0-9]+)*$/);
const requiredCite = CiteSchema.extend({ source: z.string().min(1) });

/** Object-name rules, tried in file order; the first match wins. */
export const ObjectNameRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Regular expression tested against the upper-case OBJECT_NAME. */
  pattern: regex,
  country: z.string().regex(/^[A-Z]{2}$/),
  operator: entityId.optional(),
  program: entityId.optional(),
  missionType: z.enum(MISSION_TYPES),
  cite: requiredCite,
  /** unverified: an inference the cited sources support but do not state; the note says why. */
  status: z.enum(['reported', 'unverified']).default('reported'),
  note: z.string().optional(),
});

/** Launch-vehicle rules: who provides a launch, and whether that provider is state or commercial. */
export const LaunchProviderRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** Regular expression tested against GCAT's LV_Type. */
  lvTypePattern: regex,
  provider: entityId,
  sector: z.enum(['state', 'commercial']),
  cite: requiredCite,
  /** A commercial provider that belongs to a state-owned group: the group, as a cited source names it (e.g. GCAT orgs' Parent). */
  stateGroup: z.strictObject({ parent: entityId, cite: requiredCite }).optional(),
  note: z.string().optional(),
}).refine((r) => !r.stateGroup || r.sector === 'commercial', 'stateGroup is for commercial providers only');

/** A deployment milestone: a share of the filed constellation in orbit within some years of a reference date. */
export const ItuMilestoneSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What the years count from. */
  from: z.enum(['filing', 'bringing-into-use-deadline']),
  years: z.number().positive(),
  share: z.number().gt(0).lte(1),
  cite: requiredCite,
  note: z.string().optional(),
});

const params = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/**
 * What a claim's number counts, and how (or whether) independent data measures it: the
 * live value is shown only for a computation of the same quantity (data/rules/metrics.yaml).
 */
/** How a metric's live value is set beside the report's: the same quantity, progress towards a target, or not at all. */
export const METRIC_COMPARISONS = ['same-quantity', 'progress', 'none'] as const;
export type MetricComparison = (typeof METRIC_COMPARISONS)[number];

export const MetricDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  /** What is counted, over which population, on which basis. */
  counts: z.string().min(1),
  unit: z.string().min(1),
  comparison: z.enum(METRIC_COMPARISONS),
  /** The live computation (src/analytics/indicators.ts) that measures exactly this quantity. */
  measure: z.string().optional(),
  params: params.optional(),
  /** Why nothing independent measures it (comparison: none). */
  noMeasure: z.string().optional(),
  /** A computation of a different, related quantity: shown under its own label, never compared. */
  related: z.string().optional(),
  relatedParams: params.optional(),
  note: z.string().optional(),
}).superRefine((m, ctx) => {
  if (m.comparison === 'none' && !m.noMeasure) ctx.addIssue({ code: 'custom', path: ['noMeasure'], message: 'a metric with no measure says why (noMeasure)' });
  if (m.comparison !== 'none' && !m.measure) ctx.addIssue({ code: 'custom', path: ['measure'], message: `comparison "${m.comparison}" needs a measure` });
  if (m.comparison !== 'none' && m.noMeasure) ctx.addIssue({ code: 'custom', path: ['noMeasure'], message: 'noMeasure is only for comparison: none' });
});

export const RulesFileSchema = z.strictObject({
  metrics: z.array(MetricDefinitionSchema).optional(),
  objectNameRules: z.array(ObjectNameRuleSchema).optional(),
  launchProviderRules: z.array(LaunchProviderRuleSchema).optional(),
  ituMilestones: z.array(ItuMilestoneSchema).optional(),
  /** Years from an ITU filing to the end of the bringing-into-use period. */
  ituBringIntoUseYears: z.strictObject({ years: z.number().positive(), cite: requiredCite }).optional(),
  /** The country vocabulary (src/model/country-codes.ts): named groups, then each dataset's codes. */
  countryGroups: z.array(CountryGroupSchema).optional(),
  gcatStateCodes: z.array(CountryCodeSchema).optional(),
  satcatOwnerCodes: z.array(CountryCodeSchema).optional(),
  ucsCountryNames: z.array(CountryCodeSchema).optional(),
});

export type ObjectNameRule = z.output<typeof ObjectNameRuleSchema>;
export type LaunchProviderRule = z.output<typeof LaunchProviderRuleSchema>;
export type ItuMilestone = z.output<typeof ItuMilestoneSchema>;
export type MetricDefinition = z.output<typeof MetricDefinitionSchema>;
