import type { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * A challenge card's life:
 *
 *   received -> accepted | declined | redirected
 *   accepted -> in_progress | completed
 *   in_progress -> completed
 *   completed | declined -> informed
 *
 * The table of allowed moves and what each needs is in challenge-status-machine.ts.
 */
export const CHALLENGE_STATUSES = ['received', 'accepted', 'declined', 'redirected', 'in_progress', 'completed', 'informed'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

export const STATUS_LABELS: Record<ChallengeStatus, string> = {
  received: 'Received',
  accepted: 'Accepted',
  declined: 'Declined',
  redirected: 'Redirected',
  in_progress: 'In progress',
  completed: 'Completed',
  informed: 'Young people informed',
};

/** Someone still has work to do on the challenge itself: only these can be overdue or nudged. */
export const ACTIVE_STATUSES: readonly ChallengeStatus[] = ['received', 'accepted', 'in_progress'];

/** Nothing more can happen: responses are refused. */
export const FINAL_STATUSES: readonly ChallengeStatus[] = ['informed', 'redirected'];

export function isActive(status: ChallengeStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

export function isFinal(status: ChallengeStatus): boolean {
  return FINAL_STATUSES.includes(status);
}

/** The Children in Care Councils and forums that raise challenges. Records name the group, never a child. */
export const RAISING_GROUPS = ['super_council', 'ocypc', 'young_adult_council', 'care_leavers_forum', 'other'] as const;
export type RaisingGroup = (typeof RAISING_GROUPS)[number];

export const RAISING_GROUP_LABELS: Record<RaisingGroup, string> = {
  super_council: 'Super Council (ages 7-11)',
  ocypc: "Our Children and Young People's Council (OCYPC)",
  young_adult_council: 'Young Adult Council',
  care_leavers_forum: "Care leavers' forum",
  other: 'Another group',
};

/** The four priority areas of Kent's corporate parenting strategy, in the strategy's order. */
export const PRIORITY_AREAS = ['working_together', 'successful_adults', 'healthy', 'safe_home'] as const;
export type PriorityArea = (typeof PRIORITY_AREAS)[number];

export const PRIORITY_AREA_LABELS: Record<PriorityArea, string> = {
  working_together: 'Working together and learning',
  successful_adults: 'Developing into successful and responsible adults',
  healthy: 'Being emotionally, mentally and physically healthy',
  safe_home: 'Feeling safe and nurtured in a home setting',
};

/** A member or officer as the card shows them; the id is the Entra aadObjectId from Teams. */
export interface Person {
  aadObjectId: string;
  name: string;
}

/** `CC-2026-014`: the year the challenge was raised and its number in that year (at least three digits). */
export type ChallengeReference = string;

export const referenceSchema = z.string().regex(/^CC-\d{4}-\d{3,6}$/, 'not a challenge card reference');

export function formatReference(year: number, number: number): ChallengeReference {
  return `CC-${year}-${String(number).padStart(3, '0')}`;
}

/** The year part of a reference: the partition its rows live in. */
export function referenceYear(reference: ChallengeReference): number {
  return Number(referenceSchema.parse(reference).slice(3, 7));
}

/** The last thing someone said on the card. */
export interface ChallengeResponse {
  by: Person;
  atUtc: string;
  text: string;
}

/** One status change, kept on the record so a report can tell the status on any past date without reading history. */
export interface StatusChange {
  status: ChallengeStatus;
  atUtc: string;
}

/**
 * A challenge card. Dates people pick (`raisedOn`, `dueOn`) are London calendar dates `YYYY-MM-DD`;
 * instants are UTC ISO strings. Holds no child's personal data: the raising group, never a name.
 */
export interface Challenge {
  reference: ChallengeReference;
  title: string;
  /** The challenge in the young people's own words. */
  words: string;
  raisingGroup: RaisingGroup;
  /** The group's name when `raisingGroup` is 'other'. */
  raisingGroupOther?: string;
  raisedOn: string;
  priorityArea: PriorityArea;
  leadOfficer: Person;
  assignees: Person[];
  dueOn: string;
  status: ChallengeStatus;
  /** Every status change, oldest first; the first is 'received' at the start of `raisedOn`. */
  statusChanges: StatusChange[];
  /**
   * What goes back to the young people: the outcome when completed, the reason when declined,
   * where the issue was passed when redirected.
   */
  explanation?: string;
  /** What was done: the response recorded when the card was completed (the committee paper's "Outcome"). */
  outcome?: string;
  latestResponse?: ChallengeResponse;
  firstResponseAtUtc?: string;
  lastNudgedAtUtc?: string;
  /** Grows by one with every response; cards carry it so a double click records once. */
  version: number;
  createdBy: Person;
  createdAtUtc: string;
  updatedAtUtc: string;
}

/** One entry in a card's append-only history: created, a response, a status change (or both). */
export interface ChallengeEvent {
  reference: ChallengeReference;
  /** Unique per card: `v000003.<aadObjectId>` for a response made on version 3 of the card. */
  key: string;
  by: Person;
  atUtc: string;
  kind: 'created' | 'response';
  text?: string;
  fromStatus?: ChallengeStatus;
  toStatus?: ChallengeStatus;
  explanation?: string;
}

/** What a change decided: the next card and, for responses, the history event to append. */
export interface ChallengeChange {
  next: Challenge;
  event?: ChallengeEvent;
}

/** A card as read from storage, with the ETag to pass back when changing it. */
export interface StoredChallenge {
  challenge: Challenge;
  etag: string;
}

export function raisingGroupText(challenge: Pick<Challenge, 'raisingGroup' | 'raisingGroupOther'>): string {
  return challenge.raisingGroup === 'other' && challenge.raisingGroupOther
    ? challenge.raisingGroupOther
    : RAISING_GROUP_LABELS[challenge.raisingGroup];
}

/** Whether a person is the lead officer or one of the assignees. */
export function isInvolved(challenge: Pick<Challenge, 'leadOfficer' | 'assignees'>, aadObjectId: string): boolean {
  return challenge.leadOfficer.aadObjectId === aadObjectId || challenge.assignees.some((p) => p.aadObjectId === aadObjectId);
}

/** The first time the card reached a status, if it has. */
export function reachedAt(challenge: Pick<Challenge, 'statusChanges'>, status: ChallengeStatus): string | undefined {
  return challenge.statusChanges.find((change) => change.status === status)?.atUtc;
}

/** Every instant is stored as `2026-07-14T09:30:00.000Z`, so instants compare correctly as strings. */
export function toUtcIso(instant: DateTime): string {
  if (!instant.isValid) throw new RangeError('invalid instant');
  return new Date(instant.toMillis()).toISOString();
}
