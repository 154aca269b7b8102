/**
 * The country codes of an ingested file checked against data/rules/country-codes.yaml: the unknown
 * ones, or why they cannot be checked (the rules do not validate). Reading the rules is the costly
 * part (the YAML is parsed once per change of its files, per thread), so a download's check runs in
 * its parse worker (parse-worker.ts) and the server's event loop never parses rules for an ingest.
 */
import { readRulesCached } from '../ingest/rules/read-rules-cached.js';
import { formatValidationError } from '../ingest/curated/yaml-file.js';
import { countryVocabulary } from '../model/country-codes.js';
import { unknownCountryCodes, type CountryCodeUse, type UnknownCountryCode } from '../ingest/country-code-check.js';

export type CountryCheck = { ok: true; unknown: UnknownCountryCode[] } | { ok: false; reason: string };

export function checkCountryCodes(rulesDir: string, uses: readonly CountryCodeUse[]): CountryCheck {
  const rules = readRulesCached(rulesDir);
  if (!rules.ok) {
    const errors = rules.errors.slice(0, 5).map(formatValidationError).join('; ');
    return { ok: false, reason: `the rules in ${rulesDir} do not validate, so country codes cannot be checked: ${errors}` };
  }
  return { ok: true, unknown: unknownCountryCodes(uses, countryVocabulary(rules.rules.countryCodes)) };
}
