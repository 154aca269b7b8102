/**
 * Plain readers of the bundled raw files for independent checks: no product parser is used,
 * only line and field splitting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';

const parsedYaml = new Map<string, unknown>();
/**
 * A curated YAML file as the yaml library reads it (not the product's loader), parsed once per test
 * worker (its files share the module cache: the answers suites read the same files again and again)
 * and given to each caller as its own copy.
 */
export function rawYaml<T>(file: string): T {
  if (!parsedYaml.has(file)) parsedYaml.set(file, parseYaml(readFileSync(file, 'utf8')));
  return structuredClone(parsedYaml.get(file)) as T;
}

/** The text of a seed document (the report: 003_c24ce7c9e2708025.txt), read where the shared materials are: beside the clone, or under /work. */
export function seedText(file: string): string {
  const candidates = ['../shared/seeds', '/work/shared/seeds'].map((d) => `${d}/${file}`);
  const found = candidates.find(existsSync);
  if (!found) throw new Error(`the seed document is not at ${candidates.join(' or ')}`);
  return readFileSync(found, 'utf8');
}

/** The non-empty lines of a bundled snapshot (comment lines included). */
export const rawLines = (file: string): string[] => readSnapshot(file).split('\n').filter((l) => l.trim() !== '');

/** One CSV line into fields (double quotes respected, no escapes inside: CelesTrak's files have none). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** GCAT launch-log objects by NORAD number (JCAT "S" numbers): owner state and the first letter of the type. */
export function rawGcatByNorad(): Map<number, { state: string; type: string }> {
  const gcat = new Map<number, { state: string; type: string }>();
  for (const l of rawLines('gcat_launchlog_2024-12-08.tsv.gz')) {
    const f = l.split('\t').map((x) => x.trim());
    const m = /^S0*(\d+)$/.exec(f[6] ?? '');
    if (m && !gcat.has(Number(m[1]))) gcat.set(Number(m[1]), { state: f[8]!, type: f[3]!.slice(0, 1) });
  }
  return gcat;
}

/** UCS "Country of Operator/Owner" by NORAD number (first record of each). */
export function rawUcsCountryByNorad(): Map<number, string> {
  const ucsLines = readSnapshot('ucs_satellite_database_2023-05-01.tsv.gz').split('\n');
  const header = ucsLines[0]!.split('\t').map((h) => h.trim());
  const [iCountry, iNorad] = [header.indexOf('Country of Operator/Owner'), header.indexOf('NORAD Number')];
  const ucs = new Map<number, string>();
  for (const l of ucsLines.slice(1)) {
    const f = l.split('\t');
    const n = Number(f[iNorad]);
    if (Number.isInteger(n) && n > 0 && !ucs.has(n)) ucs.set(n, f[iCountry]!.trim());
  }
  return ucs;
}

/**
 * Chinese payloads in a bundled GP CSV file (NORAD numbers), from the raw files alone: GCAT owner
 * state, else UCS country, else the curated name rules; payload by GCAT type, else not named R/B or DEB.
 */
export function rawChinesePayloadIds(gpFile: string, rulesFile = 'data/rules/classification.yaml'): number[] {
  const gcat = rawGcatByNorad();
  const ucs = rawUcsCountryByNorad();
  const rules = (rawYaml(rulesFile) as { objectNameRules: { pattern: string; country: string }[] })
    .objectNameRules.map((r) => ({ re: new RegExp(r.pattern), country: r.country }));
  const ids: number[] = [];
  for (const l of rawLines(gpFile).slice(1)) {
    const f = csvFields(l);
    const name = f[0]!;
    const norad = Number(f[11]);
    const g = gcat.get(norad);
    const u = ucs.get(norad);
    const country = g ? g.state : u !== undefined ? (u === 'China' ? 'CN' : u) : rules.find((r) => r.re.test(name.toUpperCase()))?.country ?? null;
    const payload = g ? g.type === 'P' : !/\bR\/B\b|\bDEB\b/.test(name);
    if (country === 'CN' && payload) ids.push(norad);
  }
  return ids;
}
