/** An entity's Chinese names (aliases written in Han characters), each with its citation, marked lang="zh" for the CJK font. */
import type { EntityRow } from '../model/entity-row.js';
import type { Citations } from './citations.js';
import { esc } from './html.js';

const HAN = /\p{Script=Han}/u;

export function chineseNames(row: EntityRow, cites: Citations): string {
  const names = (row.values.alias ?? []).filter((a) => HAN.test(a.value));
  return names.length ? ` (<span lang="zh" class="zh">${names.map((a) => `${esc(a.value)}${cites.cite(a.sourceId, a.locator)}`).join('; ')}</span>)` : '';
}
