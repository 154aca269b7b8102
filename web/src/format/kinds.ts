/** Display names of the entity kinds, singular and plural, in the order search results are grouped. */
export const KINDS: { kind: string; one: string; many: string }[] = [
  { kind: 'Organization', one: 'Organization', many: 'Organizations' },
  { kind: 'Program', one: 'Program', many: 'Programs' },
  { kind: 'Mission', one: 'Mission', many: 'Missions' },
  { kind: 'LaunchVehicle', one: 'Launch vehicle', many: 'Launch vehicles' },
  { kind: 'SpaceObject', one: 'Space object', many: 'Space objects' },
  { kind: 'Facility', one: 'Facility', many: 'Facilities' },
  { kind: 'Hub', one: 'Hub', many: 'Hubs' },
  { kind: 'PolicyDocument', one: 'Policy document', many: 'Policy documents' },
  { kind: 'Goal', one: 'Goal', many: 'Goals' },
  { kind: 'Agreement', one: 'Agreement', many: 'Agreements' },
  { kind: 'Investment', one: 'Investment', many: 'Investments' },
  { kind: 'Event', one: 'Event', many: 'Events' },
  { kind: 'Risk', one: 'Risk', many: 'Risks' },
  { kind: 'Recommendation', one: 'Recommendation', many: 'Recommendations' },
  { kind: 'KeyFinding', one: 'Key finding', many: 'Key findings' },
  { kind: 'Claim', one: 'Claim', many: 'Claims' },
  { kind: 'Person', one: 'Person', many: 'People' },
  { kind: 'Country', one: 'Country', many: 'Countries' },
];

export function kindLabel(kind: string, plural = false): string {
  const k = KINDS.find((x) => x.kind === kind);
  return k ? (plural ? k.many : k.one) : kind;
}

export function kindOrder(kind: string): number {
  const i = KINDS.findIndex((x) => x.kind === kind);
  return i < 0 ? KINDS.length : i;
}
