/**
 * What the dashboard knows about sources (title, URL, publisher), keyed by source id.
 * Filled from the `sources` of entity details, and by fetching /api/v1/sources/{id} for each
 * source a page cites. Fetching starts only after the page has drawn (the store answers one
 * query at a time, so citations must not delay the page's own data); citations drawn before
 * their source arrives redraw themselves (see cite.ts).
 */
import { apiGet } from '../api/client.ts';
import type { SourceView } from '../api/types.ts';

const registry = new Map<string, SourceView>();
const listeners = new Set<() => void>();
const wanted = new Set<string>();
const requested = new Set<string>();
let enabled = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight = 0;
const MAX_PARALLEL = 4;

export function registerSources(sources: readonly SourceView[]): void {
  let added = false;
  for (const s of sources) {
    if (!registry.has(s.id)) added = true;
    registry.set(s.id, s);
  }
  if (added) for (const l of listeners) l();
}

/** Called whenever sources are added (citations drawn before then redraw themselves). */
export function onSourcesAdded(listener: () => void): void {
  listeners.add(listener);
}

export function sourceOf(id: string): SourceView | undefined {
  return registry.get(id);
}

function idle(): void {
  if (enabled && !wanted.size && !inFlight) document.body.dataset.sourcesReady = 'true';
}

async function drain(): Promise<void> {
  timer = null;
  while (wanted.size && inFlight < MAX_PARALLEL) {
    const id = wanted.values().next().value as string;
    wanted.delete(id);
    requested.add(id);
    inFlight++;
    apiGet('/sources/{id}', { path: { id } })
      .then((s) => registerSources([s]), () => undefined)
      .finally(() => { inFlight--; if (wanted.size) void drain(); else idle(); });
  }
  idle();
}

function schedule(): void {
  if (enabled && !timer) timer = setTimeout(() => void drain(), 0);
}

/** Asks for a source's record (fetched once the page has drawn). */
export function wantSource(id: string): void {
  if (registry.has(id) || requested.has(id) || wanted.has(id)) return;
  wanted.add(id);
  document.body.dataset.sourcesReady = 'false';
  schedule();
}

/** The router calls this when a page starts (hold) and when it has drawn (release). */
export function holdSourceLoading(hold: boolean): void {
  enabled = !hold;
  if (hold) document.body.dataset.sourcesReady = 'false';
  else { schedule(); idle(); }
}

/** Short label: "Redshift (2025)", or the title up to its first colon or parenthesis. */
export function shortTitle(s: SourceView | undefined, id: string): string {
  if (!s) return id;
  if (s.id === 'redshift-2025') return 'Redshift (2025)';
  const t = s.title.split(/[:(]/)[0]!.trim();
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}
