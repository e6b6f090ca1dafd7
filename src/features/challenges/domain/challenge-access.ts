import { Actor, hasRole } from '../../members/domain/actor';
import { Challenge, isFinal, isInvolved } from './challenge';

/** Participation officers (role officer, or admin) raise challenge cards on the young people's behalf. */
export function mayCreateChallenges(actor: Pick<Actor, 'role'>): boolean {
  return hasRole(actor.role, 'officer');
}

/**
 * Who may respond to a card or change its status: its lead officer, its assignees, and officers
 * (who run the process and may step in). Everyone else sees it read-only. Identity is the
 * activity's aadObjectId, never anything in card data.
 */
export function mayRespond(actor: Pick<Actor, 'aadObjectId' | 'role'>, challenge: Pick<Challenge, 'leadOfficer' | 'assignees'>): boolean {
  return hasRole(actor.role, 'officer') || isInvolved(challenge, actor.aadObjectId);
}

/** Whether the card should offer this viewer the respond inputs now. */
export function respondOffered(actor: Pick<Actor, 'aadObjectId' | 'role'>, challenge: Pick<Challenge, 'leadOfficer' | 'assignees' | 'status'>): boolean {
  return !isFinal(challenge.status) && mayRespond(actor, challenge);
}
