/** Marks the element a permalink points into (a statement, an indicator), opening any closed <details> around it and scrolling to it. */
export function highlight(root: HTMLElement, selector: string): void {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) return;
  for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  el.classList.add('permalink-target');
  // After the router's own scroll to the top of a newly drawn page.
  setTimeout(() => el.scrollIntoView({ block: 'center' }), 0);
}
