/**
 * The report's six segments (§3.1–3.6), in the report's order. The web app imports nothing
 * from src/ (docs/architecture.md), so these labels mirror src/model/segments.ts.
 */
export const SEGMENTS = [
  { id: 'spaceports-infrastructure', label: 'Spaceports & Infrastructure', section: '3.1' },
  { id: 'launch-reentry', label: 'Launch & Reentry', section: '3.2' },
  { id: 'remote-sensing-ssa', label: 'Remote Sensing & SSA', section: '3.3' },
  { id: 'satcom-pnt', label: 'Satcom & PNT', section: '3.4' },
  { id: 'commercial-leo', label: 'Commercial LEO', section: '3.5' },
  { id: 'space-exploration', label: 'Space Exploration', section: '3.6' },
] as const;

export type Segment = (typeof SEGMENTS)[number];

export function segmentById(id: string): Segment | undefined {
  return SEGMENTS.find((s) => s.id === id);
}

export function segmentLabel(id: string): string {
  return segmentById(id)?.label ?? id;
}
