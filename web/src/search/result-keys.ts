/**
 * Keyboard navigation over search results: ArrowDown from the search box moves to the first
 * result, ArrowDown/ArrowUp move through the results in their shown order (across kind groups),
 * Home/End jump to the first/last, ArrowUp from the first goes back to the box, Enter opens the
 * focused result (it is a link). The focused result is marked aria-selected for screen readers.
 */
const RESULT = 'a.result-link';

export function navigateResults(input: HTMLInputElement, results: HTMLElement): void {
  const links = () => [...results.querySelectorAll<HTMLAnchorElement>(RESULT)];
  const focus = (list: HTMLAnchorElement[], i: number) => {
    for (const a of list) a.removeAttribute('aria-selected');
    const a = list[i];
    if (!a) return;
    a.setAttribute('aria-selected', 'true');
    a.focus();
  };
  input.addEventListener('keydown', (ev) => {
    if (ev.key !== 'ArrowDown') return;
    const list = links();
    if (!list.length) return;
    ev.preventDefault();
    focus(list, 0);
  });
  results.addEventListener('keydown', (ev) => {
    const list = links();
    const at = list.indexOf(document.activeElement as HTMLAnchorElement);
    if (at < 0) return;
    const to = ev.key === 'ArrowDown' ? Math.min(at + 1, list.length - 1)
      : ev.key === 'ArrowUp' ? at - 1
        : ev.key === 'Home' ? 0
          : ev.key === 'End' ? list.length - 1 : null;
    if (to === null) return;
    ev.preventDefault();
    if (to < 0) {
      for (const a of list) a.removeAttribute('aria-selected');
      input.focus();
      return;
    }
    focus(list, to);
  });
}
