/**
 * Builds the server (tsc into dist/, with the SQL migrations and a migrated empty store) and the dashboard (vite into web/dist/).
 * `--if-stale` (used by `npm start`) builds only the parts whose inputs changed since their last build
 * (scripts/build-freshness.mjs), so starting an up-to-date clone compiles nothing.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUILD_PARTS, fingerprint, staleReason, writeStamp } from './build-freshness.mjs';

const require = createRequire(import.meta.url);
const root = process.cwd();

function binOf(pkg, name) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const bin = JSON.parse(readFileSync(manifest, 'utf8')).bin;
  return join(dirname(manifest), typeof bin === 'string' ? bin : bin[name]);
}

function run(pkg, name, args) {
  const result = spawnSync(process.execPath, [binOf(pkg, name), ...args], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const STEPS = {
  server: () => {
    run('typescript', 'tsc', ['-p', 'tsconfig.json']);
    cpSync('src/store/migrations', 'dist/store/migrations', { recursive: true });
    // A migrated empty store, which a new store folder starts from instead of an initdb (src/store/empty-store.ts).
    const made = spawnSync(process.execPath, ['--input-type=module', '-e',
      "const m = await import('./dist/store/empty-store.js'); const w = await m.writeEmptyStore(); console.log(`wrote ${w.file} (${w.bytes} bytes)`);"],
    { stdio: 'inherit' });
    if (made.status !== 0) process.exit(made.status ?? 1);
  },
  web: () => run('vite', 'vite', ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']),
};

const ifStale = process.argv.includes('--if-stale');
for (const part of BUILD_PARTS) {
  const reason = ifStale ? staleReason(root, part) : 'a full build was asked for';
  if (ifStale && !reason) continue;
  if (ifStale) console.log(`building the ${part.name}: ${reason}`);
  const print = fingerprint(root, part);
  STEPS[part.name]();
  writeStamp(root, part, print);
}
