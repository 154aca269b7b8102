/**
 * `npm run typecheck`: the package (tsconfig.check.json) and the web app (web/tsconfig.json) checked by
 * two tsc processes at once, one per core (each tsc is single-threaded). Prints each one's errors under
 * its project's name; exits with the first non-zero status.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const PROJECTS = ['tsconfig.check.json', 'web/tsconfig.json'];

function check(project) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', project], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    child.on('close', (code, signal) => resolve({ project, code: code ?? (signal ? 1 : 0), output }));
  });
}

const results = await Promise.all(PROJECTS.map(check));
for (const r of results) {
  if (r.output.trim()) process.stdout.write(`tsc -p ${r.project}:\n${r.output}\n`);
}
const failed = results.find((r) => r.code !== 0);
process.exitCode = failed ? failed.code : 0;
