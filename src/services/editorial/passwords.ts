/**
 * Password hashing with argon2id (@node-rs/argon2: prebuilt Rust binaries, N-API, from the npm registry).
 * Parameters are OWASP's second recommended set (m = 19 MiB, t = 2, p = 1); each hash carries its own,
 * so raising them later keeps old hashes verifiable.
 */
import { hash, verify, Algorithm } from '@node-rs/argon2';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** A hash verified when no account matches, so a wrong name costs the same time as a wrong password. */
let decoy: Promise<string> | null = null;

export function passwordProblem(password: string): string | null {
  if ([...password].length < PASSWORD_MIN) return `a password has at least ${PASSWORD_MIN} characters`;
  if ([...password].length > PASSWORD_MAX) return `a password has at most ${PASSWORD_MAX} characters`;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoy ??= hash('decoy password never matched', OPTIONS);
    await verify(await decoy, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}
