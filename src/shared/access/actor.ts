import { z } from 'zod';

/**
 * Every person has one role, kept server-side by aadObjectId:
 * - guest: anyone in an allowed tenant the bot has not been told about (the default); may ask about
 *   the remit and the public meetings, nothing else;
 * - panel: a member of the panel (a councillor on it or a partner member: foster carer, health, ...);
 * - officer: runs the panel's business (Democratic Services, participation officers, Virtual School Kent);
 * - admin: also manages officers and reads the audit log.
 * Each role can do everything the one before it can. Being a councillor is a separate flag (see Actor).
 */
export const ROLES = ['guest', 'panel', 'officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

const RANK: Record<Role, number> = { guest: 0, panel: 1, officer: 2, admin: 3 };

export function hasRole(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** Who someone is for the policy: their role and whether they are an elected member of the council. */
export interface RoleHolding {
  role: Role;
  /** An elected member of the council (Recommendation 6 invites all of them, not only the panel's). */
  councillor: boolean;
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
  /** Known to be a councillor; absent means not known as one. */
  councillor?: boolean;
}

const ROLE_LABELS: Record<Role, string> = { guest: 'guest', panel: 'panel member', officer: 'officer', admin: 'administrator' };

/** How a role is named to people ("administrator", not "admin"; "panel member", not "panel"). */
export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}

/** "panel member and councillor", "guest", "officer". */
export function holdingLabel(holding: RoleHolding): string {
  if (!holding.councillor) return roleLabel(holding.role);
  return holding.role === 'guest' ? 'councillor (not on the panel)' : `${roleLabel(holding.role)} and councillor`;
}
