/** The Sources page's feed table: each catalog feed's last run, data date, and its newest failed or refused download with the reason. */
import { apiGet } from '../api/client.ts';
import type { StoreStatus } from '../api/types.ts';
import { h } from '../dom.ts';

export async function feedStatusSection(): Promise<HTMLElement> {
  const s = await apiGet('/status');
  const feeds = s.origins.filter((o) => o.origin.startsWith('ingest:'));
  return h('section', { 'data-feed-status': '' },
    h('h2', null, 'Catalog feeds'),
    h('p', { class: 'small muted' },
      'Each feed\'s last run and the date its data describe. A download that fails, is cut off, or is refused by the feed\'s checks ',
      '(incomplete, another table, malformed values, or fewer rows or keys than the previous ingest) changes nothing; it is listed here with its reason.'),
    h('table', { class: 'small' },
      h('thead', null, h('tr', null, h('th', null, 'Feed'), h('th', null, 'Last run'), h('th', null, 'Status'), h('th', null, 'Last success'),
        h('th', null, 'Data as of'), h('th', { class: 'num' }, 'Failed runs'), h('th', null, 'Newest failure or refusal'))),
      h('tbody', null, feeds.map((o) => h('tr', { 'data-feed': o.origin.slice('ingest:'.length) },
        h('td', null, h('code', null, o.origin.slice('ingest:'.length))),
        h('td', { class: 'nowrap' }, o.lastRun ?? '—'),
        h('td', null, o.lastStatus ?? '—'),
        h('td', { class: 'nowrap' }, o.lastSuccess ?? 'never'),
        h('td', { class: 'nowrap' }, o.dataAsOf ?? '—'),
        h('td', { class: 'num' }, o.failures),
        h('td', null, o.lastFailure
          ? [`${o.lastFailure.at}: ${o.lastFailure.check ? `refused (${o.lastFailure.check})` : 'failed'} — ${o.lastFailure.reason ?? ''}`,
            o.lastFailure.quarantined ? h('div', { class: 'muted' }, 'kept in ', h('code', null, o.lastFailure.quarantined)) : null,
            o.lastFailure.quarantineRemoved ? h('div', { class: 'muted' }, 'its file was deleted by the quarantine\'s retention (', o.lastFailure.quarantineRemoved.at, ')') : null]
          : '—'))))));
}
