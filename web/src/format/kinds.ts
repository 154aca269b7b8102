/** Display names of the entity kinds (generated from src/model/kinds.ts), in the order search results are grouped. */
import { KINDS as MODEL_KINDS, type KindName } from '../api/generated/enums.ts';

const SEARCH_ORDER: readonly KindName[] = [
  'Organization', 'Program', 'Mission', 'LaunchVehicle', 'SpaceObject', 'Facility', 'Hub', 'PolicyDocument', 'Goal',
  'Agreement', 'Investment', 'Event', 'Risk', 'Recommendation', 'KeyFinding', 'Claim', 'Person', 'Country',
];

export const KINDS: { kind: KindName; one: string; many: string }[] = [
  ...SEARCH_ORDER, ...MODEL_KINDS.map((k) => k.kind).filter((k) => !SEARCH_ORDER.includes(k)),
].map((kind) => {
  const k = MODEL_KINDS.find((m) => m.kind === kind)!;
  return { kind, one: k.label, many: k.plural };
});

/** The kind a page was given (from its address), or undefined when it names no kind. */
export function kindName(kind: string | null | undefined): KindName | undefined {
  return KINDS.find((k) => k.kind === kind)?.kind;
}

export function kindLabel(kind: string, plural = false): string {
  const k = KINDS.find((x) => x.kind === kind);
  return k ? (plural ? k.many : k.one) : kind;
}

export function kindOrder(kind: string): number {
  const i = KINDS.findIndex((x) => x.kind === kind);
  return i < 0 ? KINDS.length : i;
}
