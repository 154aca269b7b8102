/** Steps 4 and 5: the risks to American industry and national strategic risks, and the recommendations that answer them. */
import type { EntityRow, EntityRowList } from '../api/types.ts';
import { cite } from '../citations/cite.ts';
import { h } from '../dom.ts';
import { firstValue, values } from '../entity/cited-values.ts';
import { entityHref } from '../links.ts';

const SCOPES: [string, string][] = [['industry', 'Risks to American industry'], ['national-strategic', 'National strategic risks']];

function excerpt(r: EntityRow, max = 320): HTMLElement | null {
  const d = values(r, 'description')[0];
  if (!d) return null;
  const text = d.value.length > max ? `${d.value.slice(0, max - 1)}…` : d.value;
  return h('p', { class: 'small' }, text, ' ', cite(d.sourceId, d.locator));
}

function recCard(rec: EntityRow): HTMLElement {
  return h('article', { class: 'entity-card rec', 'data-id': rec.id },
    h('h4', null, h('a', { href: entityHref(rec.id) }, `Recommendation ${firstValue(rec, 'number') ?? ''}: ${rec.caption}`)),
    excerpt(rec, 240));
}

export function risksSection(risks: EntityRowList, recs: EntityRowList): HTMLElement {
  const answering = (riskId: string) => recs.items.filter((r) => values(r, 'answers').some((a) => a.value === riskId));
  const groups = SCOPES.map(([scope, title]) => {
    const list = risks.items.filter((r) => firstValue(r, 'riskScope') === scope).sort((a, b) => Number(firstValue(a, 'number') ?? 0) - Number(firstValue(b, 'number') ?? 0));
    if (!list.length) return null;
    return h('div', null, h('h3', null, title), list.map((r) => {
      const answers = answering(r.id);
      return h('div', { class: 'risk-rec', 'data-risk': r.id },
        h('article', { class: 'entity-card risk' },
          h('h4', null, h('a', { href: entityHref(r.id) }, `${firstValue(r, 'number') ?? ''}. ${r.caption}`)),
          excerpt(r)),
        h('div', null, answers.length ? answers.map(recCard) : h('p', { class: 'muted small' }, 'No recommendation in the report is linked to this risk.')));
    }));
  });
  return h('div', null, groups.some(Boolean) ? groups : h('p', { class: 'muted' }, 'No risks recorded for this segment.'));
}

export function recommendationsSection(recs: EntityRowList): HTMLElement {
  const sorted = [...recs.items].sort((a, b) => Number(firstValue(a, 'number') ?? 0) - Number(firstValue(b, 'number') ?? 0));
  if (!sorted.length) return h('p', { class: 'muted' }, 'No recommendations recorded for this segment.');
  return h('div', { class: 'entity-cards' }, sorted.map(recCard));
}
