/** The lines every space-safety section shows: where its figures came from, and download links. */
import type { ApiLinks } from '../api/client.ts';
import type { SnapshotInfo } from '../api/types.ts';
import { h } from '../dom.ts';

export function snapshotLine(snapshot: SnapshotInfo, extra: string): HTMLElement {
  return h('p', { class: 'small', 'data-snapshot': snapshot.id },
    `Catalog snapshot ${snapshot.id} (source ${snapshot.sourceId}, data date ${snapshot.asOf}, ${snapshot.objectCount.toLocaleString('en')} objects). ${extra}`);
}

export function downloads(links: ApiLinks): HTMLElement {
  return h('p', { class: 'small' }, 'Download: ',
    h('a', { href: links.csv, 'data-api': 'csv', download: '' }, 'CSV'), ' · ', h('a', { href: links.json, 'data-api': 'json' }, 'JSON'));
}

export const days = (d: number): string => `${d.toFixed(1)} d`;

/**
 * When a screening window or forecast horizon is over (the newest snapshot is older than it), say so:
 * what it lists is past, computed from old element sets, not a current prediction. Empty while it runs.
 */
export function pastWindowNote(stop: string, snapshotAsOf: string, what: string): HTMLElement[] {
  const ended = Date.parse(stop);
  if (!(ended < Date.now())) return [];
  const ago = Math.floor((Date.now() - ended) / 86_400_000);
  return [h('p', { class: 'small warning', 'data-past-window': stop }, `This ${what} ended ${ago} day${ago === 1 ? '' : 's'} ago: the newest stored catalog snapshot is of ${snapshotAsOf}, `
    + 'so what it lists is past, computed from element sets of that date, not a current prediction. A newer GP download computes it again.')];
}

/** The last instant of a horizon of `days` days from a snapshot's data date (YYYY-MM-DD). */
export const horizonEnd = (asOf: string, days: number): string => new Date(Date.parse(`${asOf.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString();
