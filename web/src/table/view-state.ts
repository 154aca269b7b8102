/** A table view's whole state lives in the URL: the hash query is exactly the API's query (filters, q, sort, columns, facet). */
import { href } from '../links.ts';

export type ViewState = Record<string, string>;

export function stateOf(query: URLSearchParams): ViewState {
  const out: ViewState = {};
  for (const [k, v] of query) if (k !== 'format') out[k] = v;
  return out;
}

/** The page link for the state with some parameters changed (null removes one). */
export function viewHref(kind: string, state: ViewState, change: Record<string, string | null> = {}): string {
  const next: Record<string, string | null> = { ...state, ...change };
  return href(`/table/${kind}`, next);
}
