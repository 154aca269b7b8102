/**
 * A fingerprint of the running program: SHA-256 over every file of the code tree this module was loaded
 * from (src/ through tsx, dist/ when built), with V8's version (the serializer of kept results). A kept
 * derivation result is read back only by the same code, so a change to an analytic never serves a
 * result the old code computed. Computed once per process (about 200 files).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));

let fingerprint: Promise<string> | null = null;

export function codeFingerprint(): Promise<string> {
  fingerprint ??= computeFingerprint(CODE_ROOT);
  return fingerprint;
}

export async function computeFingerprint(root: string): Promise<string> {
  const files = (await readdir(root, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${relative(root, file)}\0`).update(await readFile(file)).update('\0');
  return `${hash.digest('base64url').slice(0, 22)} v8 ${process.versions.v8}`;
}
