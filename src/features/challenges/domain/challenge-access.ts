import { type Principal, isSystemActor, may } from '../../../shared/access/policy';
import { type Challenge, isFinal } from './challenge';

/** The people a card names, whom the policy lets respond besides officers. */
export function involvedIn(challenge: Pick<Challenge, 'leadOfficer' | 'assignees'>): { involvedAadObjectIds: string[] } {
  return { involvedAadObjectIds: [challenge.leadOfficer.aadObjectId, ...challenge.assignees.map((person) => person.aadObjectId)] };
}

/**
 * Who may respond to a card or change its status: its lead officer, its assignees, and officers
 * (who run the process and may step in); the policy decides. Identity is the activity's
 * aadObjectId, never anything in card data.
 */
export function mayRespond(principal: Principal, challenge: Pick<Challenge, 'leadOfficer' | 'assignees'>): boolean {
  return !isSystemActor(principal) && may(principal, 'challenges.respond', involvedIn(challenge));
}

/** Whether the card should offer this viewer the respond inputs now. */
export function respondOffered(principal: Principal, challenge: Pick<Challenge, 'leadOfficer' | 'assignees' | 'status'>): boolean {
  return !isFinal(challenge.status) && mayRespond(principal, challenge);
}
