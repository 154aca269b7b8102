/** The six market segments of the Redshift report (§3), in the report's order. */
export const SEGMENTS = [
  { id: 'spaceports-infrastructure', label: 'Spaceports & Infrastructure', section: '3.1' },
  { id: 'launch-reentry', label: 'Launch & Reentry', section: '3.2' },
  { id: 'remote-sensing-ssa', label: 'Remote Sensing & SSA', section: '3.3' },
  { id: 'satcom-pnt', label: 'Satcom & PNT', section: '3.4' },
  { id: 'commercial-leo', label: 'Commercial LEO', section: '3.5' },
  { id: 'space-exploration', label: 'Space Exploration', section: '3.6' },
] as const;

export type SegmentId = (typeof SEGMENTS)[number]['id'];
export const SEGMENT_IDS = SEGMENTS.map((s) => s.id) as unknown as readonly [SegmentId, ...SegmentId[]];
