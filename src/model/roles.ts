/** The editorial roles, each allowed what the ones before it are: contributors propose, reviewers decide, admins manage accounts. */
export const ROLES = ['contributor', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone, any signed-in account, or an account of at least a role. */
export type Access = 'public' | 'signed-in' | Role;

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** True when an account of `role` may do what `access` requires. */
export function allows(role: Role | null, access: Access): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  if (access === 'signed-in') return true;
  return ROLES.indexOf(role) >= ROLES.indexOf(access);
}

/** Account names: 2–40 lower-case letters, digits, dots, dashes or underscores, starting with a letter. */
export const ACCOUNT_NAME = /^[a-z][a-z0-9._-]{1,39}$/;
