/**
 * Shared by the property tests (test/ingest/parsers.property.test.ts, ~1,000 cases per parser) and
 * the long fuzz run (scripts/fuzz.ts, `npm run fuzz`, 100,000 per parser): the parsers under test,
 * input generators built from the real fixtures, and the verdict on one input.
 *
 * Verdicts: `ok` (rows accepted, none holding garbage), `refused` (the documented whole-file error,
 * FeedFormatError, or for the curated reader, which never throws, validation errors), `crash` (any other exception), `hang` (over the
 * per-input time budget, measured around the call), `garbage` (an accepted row or a recorded reason
 * holds NUL, a control character, U+FFFD, an unpaired surrogate, overlong text or a non-finite number).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { FeedFormatError } from '../../src/ingest/feed-errors.js';
import { parseGpCsv, parseGpJson, parseTle } from '../../src/ingest/celestrak-gp/parse.js';
import { parseSatcatCsv } from '../../src/ingest/celestrak-satcat/parse.js';
import { parseLaunchLog } from '../../src/ingest/gcat/parse-launchlog.js';
import { parseOrgs } from '../../src/ingest/gcat/parse-orgs.js';
import { parseSites } from '../../src/ingest/gcat/parse-sites.js';
import { parsePlatforms } from '../../src/ingest/gcat/parse-platforms.js';
import { parseFtocat } from '../../src/ingest/gcat/parse-ftocat.js';
import { parseUcs } from '../../src/ingest/ucs/parse.js';
import { parseYaml } from '../../src/ingest/curated/yaml-file.js';
import { validateKnowledgeBase } from '../../src/ingest/curated/read-knowledge-base.js';
import { MAX_FEED_TEXT, unsafeTextReason, type TextOptions } from '../../src/model/text-safety.js';
import { MAX_YAML_TEXT } from '../../src/ingest/curated/yaml-safety.js';

export interface FuzzTarget {
  name: string;
  /** Real fixture texts that mutations start from. */
  seeds: string[];
  /** Cell delimiter for cell-level mutations. */
  delimiter: string;
  /** Parse; returns what would be stored (rows, or the knowledge base), recorded reasons, and whether it was refused. */
  run(text: string): { stored: unknown; reasons: string[]; refused?: boolean };
  /** What stored text may be (curated text may hold line breaks and be longer). */
  text: TextOptions;
}

const fixture = (path: string): string => readFileSync(`test/fixtures/${path}`, 'utf8');
const FEED_TEXT: TextOptions = { maxLength: MAX_FEED_TEXT };
const feed = (name: string, delimiter: string, files: string[], parse: (t: string, f: string) => { rows: unknown[]; rejected: { reason: string }[] }): FuzzTarget => ({
  name, delimiter, seeds: files.map(fixture), text: FEED_TEXT,
  run: (t) => {
    const r = parse(t, 'fuzz');
    return { stored: r.rows, reasons: r.rejected.map((e) => e.reason) };
  },
});

const kbSources = parseYaml(fixture('kb/basic/sources.yaml'), 'sources.yaml');

export const FUZZ_TARGETS: FuzzTarget[] = [
  feed('celestrak-gp csv', ',', ['celestrak-gp/gp-sample.csv'], parseGpCsv),
  feed('celestrak-gp json', ',', ['celestrak-gp/gp-sample.json'], parseGpJson),
  feed('celestrak-gp tle', ' ', ['celestrak-gp/tle-sample.txt', 'celestrak-gp/tle-alpha5.txt'], parseTle),
  feed('celestrak-satcat', ',', ['celestrak-satcat/satcat-sample.csv'], parseSatcatCsv),
  feed('gcat launchlog', '\t', ['gcat/launchlog-sample.tsv'], parseLaunchLog),
  feed('gcat orgs', '\t', ['gcat/orgs-sample.tsv'], parseOrgs),
  feed('gcat sites/lp', '\t', ['gcat/sites-sample.tsv', 'gcat/lp-sample.tsv'], parseSites),
  feed('gcat platforms', '\t', ['gcat/platforms-sample.tsv'], parsePlatforms),
  feed('gcat ftocat', '\t', ['gcat/ftocat-sample.tsv'], parseFtocat),
  feed('ucs', '\t', ['ucs/ucs-sample.tsv'], parseUcs),
  {
    name: 'curated reader', delimiter: ' ', seeds: [fixture('kb/basic/entities.yaml')],
    text: { maxLength: MAX_YAML_TEXT, allowLineBreaks: true },
    run: (t) => {
      const r = validateKnowledgeBase([kbSources, parseYaml(t, 'fuzz.yaml')]);
      return r.ok ? { stored: r.kb, reasons: [] } : { stored: null, reasons: r.errors.map((e) => `${e.field} ${e.reason}`), refused: true };
    },
  },
];

/** Pieces that broke or could break a parser: control characters, format tokens, YAML hazards. */
const HAZARDS = [
  '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f', '\uFFFD', '\uD800', '\uDFFF', '\u00A0', '\uFEFF', '\r', '\n', '\r\n',
  '\t', ',', '"', '""', '-', '*', '?', '#', '# Updated ', '.64095091E-3', '1e999', '-0', 'NaN', 'Infinity', '0x1F', '1,234',
  '.', 'E', '+', '2024 Dec  8', '99999', 'A0000', 'constructor', 'toString', '__proto__', ': ', '- ', '&a ', '*a', '!!binary ',
  '.nan', '.inf', '[', ']', '{', '}', '\\0', '"\\0"', '<<: ', '%YAML 1.1\n', '---\n', '...\n',
];

/** A long run of one character: the shape of input that made backtracking regular expressions hang. */
const longRun = (maxRun: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(' ', '\t', '0', '1', '9', '.', '#', 'a', '[', '-', ' 1'), fc.integer({ min: 1, max: maxRun }))
    .map(([c, n]) => c.repeat(n));

const piece = (maxRun: number): fc.Arbitrary<string> => fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HAZARDS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: longRun(maxRun) },
);

type Edit = { at: number; line: number; cell: number; op: 'insert' | 'replace-cell' | 'delete' | 'duplicate-line'; text: string };

function applyEdit(text: string, delimiter: string, e: Edit): string {
  if (e.op === 'insert') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  if (e.op === 'delete') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + text.slice(at + (e.text.length % 16) + 1);
  }
  const lines = text.split('\n');
  const li = e.line % lines.length;
  if (e.op === 'duplicate-line') {
    lines.splice(li, 0, lines[li]!);
    return lines.join('\n');
  }
  const cells = lines[li]!.split(delimiter);
  cells[e.cell % cells.length] = e.text;
  lines[li] = cells.join(delimiter);
  return lines.join('\n');
}

/** Inputs for one target: mostly edited fixtures, some raw strings. `maxRun` bounds the long runs. */
export function inputsFor(target: FuzzTarget, maxRun: number): fc.Arbitrary<string> {
  const edit: fc.Arbitrary<Edit> = fc.record({
    at: fc.nat(), line: fc.nat(), cell: fc.nat(),
    op: fc.constantFrom('insert', 'replace-cell', 'replace-cell', 'delete', 'duplicate-line'),
    text: piece(maxRun),
  });
  const edited = fc.tuple(fc.constantFrom(...target.seeds), fc.array(edit, { minLength: 1, maxLength: 6 }))
    .map(([seed, edits]) => edits.reduce((t, e) => applyEdit(t, target.delimiter, e), seed));
  return fc.oneof(
    { weight: 8, arbitrary: edited },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.array(piece(maxRun), { maxLength: 20 }).map((p) => p.join('')) },
  );
}

export type VerdictKind = 'ok' | 'refused' | 'crash' | 'hang' | 'garbage';
export interface Verdict { kind: VerdictKind; detail?: string; ms: number }

/** Every string or number in what would be stored that the value check forbids (first few). */
export function garbageIn(value: unknown, text: TextOptions, path = '', out: string[] = []): string[] {
  if (out.length >= 3) return out;
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value, text);
    if (reason) out.push(`${path}: ${reason}`);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) out.push(`${path}: ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => garbageIn(v, text, `${path}[${i}]`, out));
  } else if (value instanceof Map) {
    for (const [k, v] of value) garbageIn(v, text, `${path}.${String(k)}`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) garbageIn(v, text, `${path}.${k}`, out);
  }
  return out;
}

export function verdict(target: FuzzTarget, input: string, budgetMs: number): Verdict {
  const start = performance.now();
  let result: ReturnType<FuzzTarget['run']>;
  try {
    result = target.run(input);
  } catch (err) {
    const ms = performance.now() - start;
    if (err instanceof FeedFormatError && target.name !== 'curated reader') {
      const bad = unsafeTextReason(err.message, { maxLength: 2_000 });
      return bad ? { kind: 'garbage', detail: `error message ${bad}`, ms } : { kind: ms > budgetMs ? 'hang' : 'refused', ms };
    }
    return { kind: 'crash', detail: err instanceof Error ? `${err.name}: ${err.message.slice(0, 200)}` : String(err), ms };
  }
  const ms = performance.now() - start;
  if (ms > budgetMs) return { kind: 'hang', detail: `${ms.toFixed(0)} ms`, ms };
  const garbage = [...garbageIn(result.stored, target.text), ...garbageIn(result.reasons, { maxLength: 2_000 }, 'reason')];
  if (garbage.length) return { kind: 'garbage', detail: garbage.join('; '), ms };
  return { kind: result.refused ? 'refused' : 'ok', ms };
}
