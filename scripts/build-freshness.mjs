/**
 * Whether a build's outputs are up to date with its inputs, for `npm start` (scripts/build.mjs --if-stale).
 * A part's fingerprint is a SHA-256 over the path, size and modification time of every input file,
 * so an added, removed, edited or touched input changes it; the build writes the fingerprint it built
 * from into a stamp file beside its outputs, and a part is fresh when its outputs and stamp exist and
 * the stamp matches the inputs' fingerprint now. Plain JavaScript: it runs before anything is compiled.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The two parts of the build: the server (tsc into dist/) and the dashboard (vite into web/dist/, which imports a few src/ files). */
export const BUILD_PARTS = [
  { name: 'server', inputs: ['src', 'tsconfig.json', 'package-lock.json'], skip: [], outputs: ['dist/cli/main.js', 'dist/empty-store.tar.gz', 'dist/empty-store.json'], stamp: 'dist/.build-stamp' },
  { name: 'web', inputs: ['web', 'src', 'package-lock.json'], skip: ['web/dist'], outputs: ['web/dist/index.html'], stamp: 'web/dist/.build-stamp' },
];

function listFiles(root, path, skip) {
  const full = join(root, path);
  if (!existsSync(full) || skip.includes(path)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full).sort().flatMap((name) => listFiles(root, `${path}/${name}`, skip));
}

/** The fingerprint of a part's inputs under root. */
export function fingerprint(root, part) {
  const hash = createHash('sha256');
  for (const file of part.inputs.flatMap((p) => listFiles(root, p, part.skip))) {
    const s = statSync(join(root, file));
    hash.update(`${file}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Why the part must be built, or null when its outputs are up to date. */
export function staleReason(root, part) {
  const missing = [...part.outputs, part.stamp].find((f) => !existsSync(join(root, f)));
  if (missing) return `${missing} is missing`;
  return readFileSync(join(root, part.stamp), 'utf8').trim() === fingerprint(root, part) ? null : 'its inputs changed since the last build';
}

/** Records that the part was built from inputs with this fingerprint (taken before building). */
export function writeStamp(root, part, print) {
  writeFileSync(join(root, part.stamp), `${print}\n`);
}
