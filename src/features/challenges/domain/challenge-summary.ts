import { londonDate } from '../../../platform/time/london';
import {
  type Challenge,
  type ChallengeReference,
  type ChallengeStatus,
  type Person,
  type PriorityArea,
  type RaisingGroup,
  type StatusChange,
  isFinal,
  raisingGroupText,
} from './challenge';

/** `endOn` of a card that has not reached a final status: sorts after every real date. */
export const STILL_OPEN = '9999-12-31';
/** The longest explanation a summary carries: the report shows one line of it. */
const MAX_SUMMARY_EXPLANATION = 500;

/**
 * The compact projection of a card that lists, reports and nudges read: everything they need and
 * not the young people's words or the responses (a few hundred bytes instead of a few KB).
 * It is written in the same transaction as the card, so it is never stale.
 */
export interface ChallengeSummary {
  reference: ChallengeReference;
  title: string;
  raisingGroup: RaisingGroup;
  /** The group as shown: its label, or the name typed for 'other'. */
  group: string;
  raisedOn: string;
  priorityArea: PriorityArea;
  leadOfficer: Person;
  /** The lead officer and the assignees, each once: who "my challenge cards" and nudges are for. */
  people: Person[];
  dueOn: string;
  status: ChallengeStatus;
  statusChanges: StatusChange[];
  firstResponseAtUtc?: string;
  /** For completed and declined cards: the start of what goes back to the young people. */
  explanation?: string;
  /** For completed cards: the start of the response recorded when it was completed. */
  outcome?: string;
  lastNudgedAtUtc?: string;
  /** The London date the card became final (informed or redirected), or STILL_OPEN. */
  endOn: string;
  version: number;
}

export function summaryOf(challenge: Challenge): ChallengeSummary {
  const summary: ChallengeSummary = {
    reference: challenge.reference,
    title: challenge.title,
    raisingGroup: challenge.raisingGroup,
    group: raisingGroupText(challenge),
    raisedOn: challenge.raisedOn,
    priorityArea: challenge.priorityArea,
    leadOfficer: challenge.leadOfficer,
    people: peopleOf(challenge),
    dueOn: challenge.dueOn,
    status: challenge.status,
    statusChanges: challenge.statusChanges,
    endOn: endOnOf(challenge),
    version: challenge.version,
  };
  if (challenge.firstResponseAtUtc) summary.firstResponseAtUtc = challenge.firstResponseAtUtc;
  if (challenge.explanation && (challenge.status === 'completed' || challenge.status === 'declined' || challenge.status === 'informed')) {
    summary.explanation = challenge.explanation.slice(0, MAX_SUMMARY_EXPLANATION);
  }
  if (challenge.outcome) summary.outcome = challenge.outcome.slice(0, MAX_SUMMARY_EXPLANATION);
  if (challenge.lastNudgedAtUtc) summary.lastNudgedAtUtc = challenge.lastNudgedAtUtc;
  return summary;
}

/** The London date a card became final, or STILL_OPEN. */
export function endOnOf(challenge: Pick<Challenge, 'status' | 'statusChanges'>): string {
  if (!isFinal(challenge.status)) return STILL_OPEN;
  const last = challenge.statusChanges[challenge.statusChanges.length - 1];
  return last ? londonDate(last.atUtc) : STILL_OPEN;
}

function peopleOf(challenge: Pick<Challenge, 'leadOfficer' | 'assignees'>): Person[] {
  const seen = new Set<string>();
  const people: Person[] = [];
  for (const person of [challenge.leadOfficer, ...challenge.assignees]) {
    if (seen.has(person.aadObjectId)) continue;
    seen.add(person.aadObjectId);
    people.push(person);
  }
  return people;
}
