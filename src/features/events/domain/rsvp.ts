import { z } from 'zod';
import type { EventId } from './event';

export const RSVP_RESPONSES = ['going', 'maybe', 'not_going'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

/** Validates the `response` field of an `event.rsvp` action. */
export const rsvpResponseSchema = z.enum(RSVP_RESPONSES);

export const RSVP_LABELS: Record<RsvpResponse, string> = { going: 'Going', maybe: 'Maybe', not_going: "Can't go" };

/** One member's answer to one event: the latest one counts. */
export interface Rsvp {
  eventId: EventId;
  aadObjectId: string;
  name: string;
  response: RsvpResponse;
  /** When the current answer was given. */
  respondedAtUtc: string;
  firstRespondedAtUtc: string;
}

export type RsvpTotals = Record<RsvpResponse, number>;

/** Names by answer, each list sorted for people to read. */
export type NamesByResponse = Record<RsvpResponse, string[]>;

export function emptyTotals(): RsvpTotals {
  return { going: 0, maybe: 0, not_going: 0 };
}

export function totalsOf(rsvps: readonly Rsvp[]): RsvpTotals {
  const totals = emptyTotals();
  for (const rsvp of rsvps) totals[rsvp.response]++;
  return totals;
}

export function namesByResponse(rsvps: readonly Rsvp[]): NamesByResponse {
  const names: NamesByResponse = { going: [], maybe: [], not_going: [] };
  for (const rsvp of [...rsvps].sort(byName)) names[rsvp.response].push(rsvp.name);
  return names;
}

/** Going and Maybe get the day-before reminder; Can't go does not. */
export function wantsReminder(rsvp: Pick<Rsvp, 'response'>): boolean {
  return rsvp.response === 'going' || rsvp.response === 'maybe';
}

export function byName(a: Pick<Rsvp, 'name' | 'aadObjectId'>, b: Pick<Rsvp, 'name' | 'aadObjectId'>): number {
  return a.name.localeCompare(b.name, 'en-GB') || a.aadObjectId.localeCompare(b.aadObjectId);
}
