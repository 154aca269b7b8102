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
