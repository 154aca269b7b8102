/** `npm start` builds only what changed: the freshness check of scripts/build-freshness.mjs on a scratch tree. */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_PARTS, fingerprint, staleReason, writeStamp, type BuildPart } from '../../scripts/build-freshness.mjs';

const server = BUILD_PARTS.find((p) => p.name === 'server')!;
const web = BUILD_PARTS.find((p) => p.name === 'web')!;
let root: string;

function write(path: string, text = 'x'): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A tree as after a build of both parts. */
function built(): void {
  for (const part of [server, web]) writeStamp(root, part, fingerprint(root, part));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'redshift-build-'));
  for (const f of ['src/cli/main.ts', 'src/model/kinds.ts', 'tsconfig.json', 'package-lock.json', 'web/index.html', 'web/src/main.ts', 'dist/cli/main.js', 'dist/empty-store.tar.gz', 'dist/empty-store.json', 'web/dist/index.html']) write(f);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('build freshness', () => {
  it('asks for a build when the outputs or their stamp are missing', () => {
    expect(staleReason(root, server)).toBe('dist/.build-stamp is missing');
    built();
    rmSync(join(root, 'web/dist/index.html'));
    expect(staleReason(root, web)).toBe('web/dist/index.html is missing');
    // The server's build includes the empty store a new store folder starts from (src/store/empty-store.ts).
    rmSync(join(root, 'dist/empty-store.json'));
    expect(staleReason(root, server)).toBe('dist/empty-store.json is missing');
  });

  it('builds nothing when no input changed since the build', () => {
    built();
    expect(staleReason(root, server)).toBeNull();
    expect(staleReason(root, web)).toBeNull();
  });

  it('rebuilds a part when one of its inputs is edited, touched, added or removed', () => {
    const cases: [string, () => void, BuildPart[]][] = [
      ['edited', () => write('src/model/kinds.ts', 'changed'), [server, web]],
      ['touched', () => utimesSync(join(root, 'tsconfig.json'), new Date(), new Date(Date.now() + 5_000)), [server]],
      ['added', () => write('web/src/new.ts'), [web]],
      ['removed', () => rmSync(join(root, 'src/cli/main.ts')), [server, web]],
    ];
    for (const [what, change, stale] of cases) {
      built();
      change();
      for (const part of [server, web]) {
        expect(staleReason(root, part), `${part.name} after an input was ${what}`).toBe(stale.includes(part) ? 'its inputs changed since the last build' : null);
      }
    }
  });

  it('does not count the web build\'s own output as its input', () => {
    built();
    write('web/dist/assets/index-abc.js');
    expect(staleReason(root, web)).toBeNull();
  });
});
