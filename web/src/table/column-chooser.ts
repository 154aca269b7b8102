/** Which columns to show: a checkbox per column the kind offers; "Apply" puts the choice in the URL. */
import type { EntityTable } from '../api/types.ts';
import { h } from '../dom.ts';
import { navigate } from '../links.ts';
import type { ViewState } from './view-state.ts';

export function columnChooser(t: EntityTable, state: ViewState): HTMLElement {
  const shown = new Set(t.columns.map((c) => c.id));
  const boxes = t.availableColumns.map((c) => h('input', { type: 'checkbox', name: 'column', value: c.id, checked: shown.has(c.id) }));
  const form = h('form', { class: 'column-chooser' },
    h('fieldset', null, h('legend', null, 'Columns'),
      t.availableColumns.map((c, i) => h('label', null, boxes[i]!, ` ${c.label}`))),
    h('button', { type: 'submit', class: 'button' }, 'Apply'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const columns = boxes.filter((b) => b.checked).map((b) => b.value).join(',');
    navigate(`/table/${t.kind}`, { ...state, columns: columns || null });
  });
  return h('details', { class: 'column-choice' }, h('summary', null, 'Choose columns'), form);
}
