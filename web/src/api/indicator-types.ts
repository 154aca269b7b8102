/** /api/v1/indicators: the key findings with each claim's report value and live value. */
export interface LiveValue { value: number | null; unit: string | null; asOf: string | null; basis: string; sources: string[]; detail?: Record<string, unknown> }
export type Trend = 'up' | 'down' | 'same' | 'n/a';
export interface ClaimView {
  id: string; quote: string; reportValue: number | null; qualifier: string | null; unit: string | null;
  sourceId: string; locator: string | null; metric: string | null; live: LiveValue; trend: Trend;
}
export interface FindingView { id: string; number: number; headline: string; description: string | null; sourceId: string | null; locator: string | null; claims: ClaimView[] }
export interface Indicators { findings: FindingView[]; otherClaims: ClaimView[]; computedAt: string }
