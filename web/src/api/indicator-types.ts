/** /api/v1/indicators: the key findings with each claim's report value, metric definition and independent measure. */
export interface LiveValue { value: number; unit: string; asOf: string; basis: string; sources: string[]; references?: string[]; lowerBound?: boolean; detail?: Record<string, unknown> }
export type Trend = 'up' | 'down' | 'same' | 'n/a';
export interface MetricView { id: string; label: string; counts: string; unit: string; comparison: 'same-quantity' | 'progress' | 'none'; note: string | null }
export interface Comparison {
  kind: 'change-since-claim' | 'same-basis-difference' | 'progress' | 'no-independent-measure' | 'no-data';
  text: string; change?: number; difference?: number; onPace?: boolean | null;
}
export interface ClaimView {
  id: string; quote: string; reportValue: number | null; qualifier: string | null; unit: string | null;
  sourceId: string; locator: string | null; metric: string | null; claimDate: string | null; targetDate: string | null;
  definition: MetricView | null; live: LiveValue | null; comparison: Comparison; related: (LiveValue & { label: string }) | null; trend: Trend;
}
export interface FindingView { id: string; number: number; headline: string; description: string | null; sourceId: string | null; locator: string | null; claims: ClaimView[] }
export interface Indicators { findings: FindingView[]; otherClaims: ClaimView[]; computedAt: string }
