/** Form controls for chart pages; changing one rewrites the permalink (the hash) and redraws. */
import { h } from '../dom.ts';
import { navigate } from '../links.ts';

export function selectControl(label: string, name: string, options: { value: string; label: string }[], current: string, onChange: (value: string) => void): HTMLLabelElement {
  const select = h('select', { name }, options.map((o) => h('option', { value: o.value, selected: o.value === current }, o.label)));
  select.addEventListener('change', () => onChange(select.value));
  return h('label', null, label, select);
}

/** Replaces one query parameter of the current route, keeping the others. */
export function setQueryParam(path: string, query: URLSearchParams, key: string, value: string | null): void {
  const next: Record<string, string> = Object.fromEntries(query.entries());
  if (value === null || value === '') delete next[key];
  else next[key] = value;
  navigate(path, next, { replace: true });
}
