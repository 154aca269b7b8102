/** A legend whose entries are checkboxes: unticking one hides that category's points on the map. */
import { h } from '../dom.ts';

export function filterLegend(map: SVGSVGElement, categories: { id: string; label: string; color: string; count: number }[]): HTMLElement {
  return h('fieldset', { class: 'map-filter' },
    h('legend', null, 'Show'),
    categories.map((c) => {
      const box = h('input', { type: 'checkbox', checked: true, value: c.id });
      box.addEventListener('change', () => {
        for (const el of map.querySelectorAll<SVGElement>(`[data-category="${c.id}"]`)) (el.closest('a') ?? el).style.display = box.checked ? '' : 'none';
      });
      return h('label', null, box, h('span', { class: 'swatch', style: `background:${c.color}` }), `${c.label} (${c.count})`);
    }));
}
