/**
 * Captions of entities that statements point to (values like "org.landspace"). Fetched
 * lazily from /api/v1/entities/{id}, a few at a time, and remembered for the session.
 */
import { apiGet } from './client.ts';
import type { EntityDetail } from './types.ts';

const known = new Map<string, string>();
const pending = new Map<string, Promise<string>>();
const queue: (() => void)[] = [];
let active = 0;
const MAX_PARALLEL = 6;

/** Prefix of an entity id → its kind, for ids shown before their caption arrives. */
export const KIND_OF_PREFIX: Record<string, string> = {
  org: 'Organization', person: 'Person', country: 'Country', hub: 'Hub', facility: 'Facility', lv: 'LaunchVehicle',
  obj: 'SpaceObject', program: 'Program', mission: 'Mission', agreement: 'Agreement', investment: 'Investment',
  policy: 'PolicyDocument', goal: 'Goal', risk: 'Risk', rec: 'Recommendation', finding: 'KeyFinding', claim: 'Claim', event: 'Event',
};

export function isEntityId(value: string): boolean {
  const prefix = value.split('.')[0] ?? '';
  return /^[a-z]+\.[a-z0-9.-]+$/.test(value) && prefix in KIND_OF_PREFIX;
}

export function rememberCaption(id: string, caption: string): void {
  known.set(id, caption);
}

export function knownCaption(id: string): string | undefined {
  return known.get(id);
}

function slot<T>(task: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => {
      active++;
      task().then(resolve, reject).finally(() => {
        active--;
        queue.shift()?.();
      });
    };
    if (active < MAX_PARALLEL) run();
    else queue.push(run);
  });
}

export function entityCaption(id: string): Promise<string> {
  const hit = known.get(id);
  if (hit) return Promise.resolve(hit);
  const p = pending.get(id) ?? slot(() => apiGet('/entities/{id}', { path: { id } }))
    .then((e) => (known.set(id, e.caption), e.caption))
    .catch(() => id);
  pending.set(id, p);
  return p;
}
