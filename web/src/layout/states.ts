/** Loading, "not available yet" and error states, always saying what the API answered. */
import { h } from '../dom.ts';
import { ApiFailure } from '../api/client.ts';

export function loading(what = 'Loading'): HTMLElement {
  return h('p', { class: 'state state-loading', role: 'status' }, `${what}…`);
}

/** Explains a failed API call: a missing endpoint is "not available yet", anything else an error. */
export function unavailable(err: unknown, what: string, opts: { notYet?: boolean } = {}): HTMLElement {
  if (err instanceof ApiFailure) {
    const notYet = opts.notYet || err.missingEndpoint;
    return h('div', { class: `state ${notYet ? 'state-not-yet' : 'state-error'}`, role: 'status', 'data-api-status': err.status, 'data-api-code': err.code },
      h('strong', null, notYet ? `${what}: not available yet` : `${what}: could not be loaded`),
      h('p', null, notYet
        ? ['The API on this server does not provide ', h('code', null, opts.notYet ? err.url : err.url.split('?')[0]!), ' yet', opts.notYet ? ` (${err.message})` : '', '. Nothing is shown rather than numbers without a source.']
        : [`The API answered ${err.status || 'nothing'} (${err.code}): ${err.message}. `, h('code', null, err.url)]));
  }
  return h('div', { class: 'state state-error', role: 'status' }, h('strong', null, `${what}: could not be shown`), h('p', null, String((err as Error)?.message ?? err)));
}

export function renderPageError(root: HTMLElement, err: unknown): void {
  root.replaceChildren(h('h1', null, 'Something went wrong'), unavailable(err, 'This page'));
}

/**
 * Runs a section's loader and swaps its placeholder for the result, or for the API's
 * error. Resolves either way, so one missing endpoint never blanks the whole page.
 */
export async function section(slot: HTMLElement, what: string, build: () => Promise<Node | Node[]>): Promise<void> {
  slot.replaceChildren(loading(what));
  try {
    const out = await build();
    slot.replaceChildren(...(Array.isArray(out) ? out : [out]));
  } catch (err) {
    if (!(err instanceof ApiFailure)) console.warn(err);
    slot.replaceChildren(unavailable(err, what));
  }
}
