/**
 * A refused file is kept, never stored: the bytes as received go to
 * <quarantine dir>/<feed>/<time>-run<id>-<name>, with <same>.reason.json beside them saying why.
 * An operator can read it, and accept it deliberately (`ingest FEED --from FILE --accept-shrink`)
 * when the only objection is that it shrank.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Refusal } from '../ingest/feed-invariants.js';

export interface QuarantineEntry {
  feed: string;
  runId: number;
  at: string;
  /** Where the file came from (URL or path). */
  file: string;
  refusal: Refusal;
}

export function quarantineFile(dir: string, entry: QuarantineEntry, body: string | Uint8Array): string {
  const folder = join(dir, entry.feed);
  mkdirSync(folder, { recursive: true });
  // The file name without a URL's query or fragment.
  const cut = entry.file.search(/[?#]/);
  const name = basename(cut < 0 ? entry.file : entry.file.slice(0, cut)).replace(/[^A-Za-z0-9._-]/g, '_') || 'download';
  const path = join(folder, `${entry.at.replace(/[:.]/g, '-')}-run${entry.runId}-${name}`);
  writeFileSync(path, body);
  writeFileSync(`${path}.reason.json`, JSON.stringify({ ...entry, quarantined: path }, null, 2) + '\n');
  return path;
}
