/**
 * `npm run fuzz`: the long fuzz run of every parser and the curated reader (100,000 inputs each by
 * default), with the generators and verdicts of test/support/parser-fuzz.ts. Prints, per parser,
 * inputs tried, accepted, refused (FeedFormatError), crashes, hangs (over the per-input budget) and
 * accepted garbage (NUL, control characters, U+FFFD, unpaired surrogates, overlong text or non-finite
 * numbers in accepted rows or recorded reasons); exits 1 when any of the last three is not zero and
 * writes the first failing inputs to fuzz-failures.json.
 *
 * Options: --runs N (per parser), --seed N, --budget MS (per input), --max-run N (longest repeated
 * run in an input), --only TEXT (parsers whose name contains it).
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { FUZZ_TARGETS, inputsFor, verdict, type VerdictKind } from '../test/support/parser-fuzz.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const runs = Number(option('runs', '100000'));
const seed = Number(option('seed', '20251000'));
const budgetMs = Number(option('budget', '1000'));
const maxRun = Number(option('max-run', '20000'));
const only = option('only', '');

const failures: { parser: string; kind: VerdictKind; detail?: string; input: string }[] = [];
const rows: Record<string, string | number>[] = [];
let bad = 0;
for (const [i, target] of FUZZ_TARGETS.entries()) {
  if (only && !target.name.includes(only)) continue;
  const counts: Record<VerdictKind, number> = { ok: 0, refused: 0, crash: 0, hang: 0, garbage: 0 };
  let slowest = 0;
  const started = Date.now();
  fc.check(fc.property(inputsFor(target, maxRun), (input) => {
    const v = verdict(target, input, budgetMs);
    counts[v.kind] += 1;
    slowest = Math.max(slowest, v.ms);
    if ((v.kind === 'crash' || v.kind === 'hang' || v.kind === 'garbage') && failures.filter((f) => f.parser === target.name).length < 5) {
      failures.push({ parser: target.name, kind: v.kind, detail: v.detail, input: input.slice(0, 5_000) });
    }
    return true;
  }), { seed: seed + i, numRuns: runs });
  bad += counts.crash + counts.hang + counts.garbage;
  rows.push({
    parser: target.name, tried: runs, accepted: counts.ok, refused: counts.refused, crashes: counts.crash, hangs: counts.hang,
    'accepted garbage': counts.garbage, 'slowest ms': Math.round(slowest), seconds: Math.round((Date.now() - started) / 1000),
  });
  console.log(Object.entries(rows.at(-1)!).map(([k, v]) => `${k}: ${v}`).join(', '));
}
console.table(rows);
if (failures.length) writeFileSync('fuzz-failures.json', JSON.stringify(failures, null, 2));
console.log(bad === 0 ? `no crash, hang or accepted garbage in ${rows.length} parsers × ${runs} inputs` : `${bad} failing inputs; the first are in fuzz-failures.json`);
process.exit(bad === 0 ? 0 : 1);
