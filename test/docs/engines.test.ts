/**
 * The Node versions the README promises (20.19+ and 22 LTS) are ones every production
 * dependency admits: each installed package's own engines.node range must cover both
 * LTS lines from the first version package.json allows. Packages come from the lockfile
 * (entries not marked dev); their ranges from their installed package.json.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import semver from 'semver';

/** The LTS lines we run on: Node 20 from 20.19 (require(esm) unflagged) and all of Node 22. */
const SUPPORTED = '^20.19.0 || ^22.0.0';

interface LockEntry { dev?: boolean; optional?: boolean; link?: boolean }
interface Manifest { name?: string; version?: string; engines?: { node?: string } }

/**
 * Packages that declare more than we need but are proven to run on the supported lines.
 * Each names what loads it and how; the test loads it the same way on the running Node.
 */
const DECLARES_MORE: Record<string, { loadedBy: string; how: 'require' | 'import'; exportName: string }[]> = {
  // ESM-only and declares >=22. The product's session cookies (@fastify/cookie) import() it, which any
  // supported Node does; fastify's inject() (light-my-request, used by tests) require()s it, which works
  // on 20.19+ where require(esm) is unflagged.
  'node_modules/cookie': [
    { loadedBy: 'node_modules/@fastify/cookie', how: 'import', exportName: 'stringifySetCookie' },
    { loadedBy: 'node_modules/light-my-request', how: 'require', exportName: 'stringifySetCookie' },
  ],
};

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function productionPackages(): { path: string; manifest: Manifest }[] {
  const lock = readJson<{ packages: Record<string, LockEntry> }>('package-lock.json');
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.link)
    // Optional packages for other platforms are in the lockfile but not installed.
    .filter(([path]) => existsSync(join(path, 'package.json')))
    .map(([path]) => ({ path, manifest: readJson<Manifest>(join(path, 'package.json')) }));
}

describe('Node engines', () => {
  const ours = readJson<Manifest>('package.json').engines?.node ?? '';
  const packages = productionPackages();

  it('package.json admits 20.19.0 and Node 22 but not 20.18', () => {
    expect(semver.satisfies('20.19.0', ours)).toBe(true);
    expect(semver.satisfies('22.0.0', ours)).toBe(true);
    expect(semver.satisfies('20.18.3', ours)).toBe(false);
  });

  it('reads the production tree from the lockfile', () => {
    const names = new Set(packages.map((p) => p.manifest.name));
    for (const dep of Object.keys(readJson<{ dependencies: Record<string, string> }>('package.json').dependencies)) {
      expect(names, dep).toContain(dep);
    }
    expect(names).not.toContain('vitest');
  });

  it('every production dependency admits Node 20.19+ and 22', () => {
    const narrower = packages
      .filter(({ manifest }) => manifest.engines?.node !== undefined)
      .filter(({ manifest }) => !semver.subset(SUPPORTED, manifest.engines!.node!))
      .map(({ path, manifest }) => `${path}@${manifest.version}: ${manifest.engines!.node}`);
    const allowed = Object.keys(DECLARES_MORE);
    expect(narrower.filter((n) => !allowed.some((a) => n.startsWith(`${a}@`)))).toEqual([]);
    // An exception no longer needed is removed from the list.
    expect(allowed.filter((a) => !narrower.some((n) => n.startsWith(`${a}@`)))).toEqual([]);
  });

  it.each(Object.entries(DECLARES_MORE).flatMap(([path, users]) => users.map((u) => [path, u] as const)))('%s loads on this Node the way its user loads it: %o', async (path, how) => {
    const require = createRequire(resolve(how.loadedBy, 'package.json'));
    const name = readJson<Manifest>(join(path, 'package.json')).name!;
    const loaded = (how.how === 'require' ? require(name) : await import(pathToFileURL(require.resolve(name)).href)) as Record<string, unknown>;
    expect(typeof loaded[how.exportName]).toBe('function');
  });
});
