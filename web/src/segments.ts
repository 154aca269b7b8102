/**
 * The report's six segments (§3.1–3.6), in the report's order: generated from src/model/segments.ts
 * (the web app imports nothing from src/, docs/architecture.md).
 */
import { SEGMENTS } from './api/generated/enums.ts';

export { SEGMENTS };

export type Segment = (typeof SEGMENTS)[number];
export type SegmentId = Segment['id'];

/** The segment id a page was given (from its address), or undefined when it names no segment. */
export function segmentId(id: string | null | undefined): SegmentId | undefined {
  return segmentById(id ?? '')?.id;
}

export function segmentById(id: string): Segment | undefined {
  return SEGMENTS.find((s) => s.id === id);
}

export function segmentLabel(id: string): string {
  return segmentById(id)?.label ?? id;
}
