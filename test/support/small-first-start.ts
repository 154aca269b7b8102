/**
 * A small first start for kill tests: a working folder whose data/snapshots holds the first lines
 * of each real bundled snapshot (same names, so the bootstrap reads them), the curated sources
 * (the snapshots cite them) and the country-code rules. Nothing is made up: every row is a row
 * of the bundled files.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { FEEDS } from '../../src/services/feeds.js';
import { readSnapshot } from '../../src/services/bundled-snapshots.js';
import { ingestFeed } from '../../src/services/ingest-feed.js';
import { loadCurated } from '../../src/services/load-curated.js';
import type { Database } from '../../src/store/schema.js';

export interface SmallFirstStart { cwd: string; kbDir: string; rulesDir: string }

/** Lines kept per file: TLE records are three lines; GCAT files start with two header lines. */
const LINES = 240;

export function smallFirstStart(): SmallFirstStart {
  const cwd = mkdtempSync(join(tmpdir(), 'redshift-first-start-'));
  const snapDir = join(cwd, 'data', 'snapshots');
  mkdirSync(snapDir, { recursive: true });
  for (const feed of FEEDS) {
    for (const snap of feed.bundled) {
      const head = readSnapshot(snap.file).split('\n').slice(0, LINES).join('\n') + '\n';
      writeFileSync(join(snapDir, snap.file), snap.file.endsWith('.gz') ? gzipSync(head) : head);
    }
  }
  const kbDir = join(cwd, 'kb');
  cpSync('data/kb/sources', join(kbDir, 'sources'), { recursive: true });
  const rulesDir = join(cwd, 'rules');
  mkdirSync(rulesDir);
  cpSync('data/rules/country-codes.yaml', join(rulesDir, 'country-codes.yaml'));
  return { cwd, kbDir, rulesDir };
}

/** The same steps as the first start, run directly and uninterrupted: the reference a killed and resumed start must equal. */
export async function referenceFirstStart(db: Kysely<Database>, s: SmallFirstStart): Promise<void> {
  const loaded = await loadCurated(db, s.kbDir, s.rulesDir);
  if (!loaded.ok) throw new Error(`sources do not validate: ${loaded.errors[0]?.reason}`);
  for (const feed of FEEDS) {
    for (const snap of [...feed.bundled].sort((a, b) => a.asOf.localeCompare(b.asOf))) {
      const text = readSnapshot(snap.file, join(s.cwd, 'data', 'snapshots'));
      await ingestFeed(db, feed, { text, file: `data/snapshots/${snap.file}`, sourceId: snap.sourceId, asOf: snap.asOf }, { rulesDir: s.rulesDir });
    }
  }
}
