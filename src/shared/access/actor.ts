/** member < officer < admin: each role can do everything the one before it can. */
export type Role = 'member' | 'officer' | 'admin';

const RANK: Record<Role, number> = { member: 0, officer: 1, admin: 2 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/**
 * The sender of a turn: identified by the activity at once, their role looked up from storage only
 * when a decision needs it, so a plain question costs no role read.
 */
export interface TurnSender {
  aadObjectId: string;
  name: string;
  tenantId: string;
  actor(): Promise<Actor>;
}

/** The person behind a turn, identified by the activity (never by card data) and given a role server-side. */
export interface Actor {
  aadObjectId: string;
  name: string;
  tenantId: string;
  role: Role;
}

const ROLE_LABELS: Record<Role, string> = { member: 'member', officer: 'officer', admin: 'administrator' };

/** How a role is named to people ("administrator", not "admin"). */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
