import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { type Role, hasRole } from '../../../shared/access/actor';
import { hashedKey } from '../../../platform/storage/keys';

/** The kinds Recommendation 6 names, plus the officers' everyday ones. */
export const EVENT_KINDS = ['vsk-activity', 'achievement-awards', 'foster-carer', 'participation', 'training', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  'vsk-activity': 'Virtual School Kent activity',
  'achievement-awards': 'Achievement awards',
  'foster-carer': 'Foster carer event',
  participation: 'Participation event',
  training: 'Training',
  other: 'Other',
};

/**
 * Who is invited: the panel's members, all councillors (Recommendation 6: every elected member,
 * on the panel or not), the officers, or the members of a Team the bot is installed in who are
 * not guests. The team's name is kept so cards can say who was invited without asking Teams again.
 */
export const eventAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('panel') }),
  z.object({ kind: z.literal('councillors') }),
  z.object({ kind: z.literal('officers') }),
  z.object({ kind: z.literal('team'), teamId: z.string(), teamName: z.string() }),
]);
export type EventAudience = z.infer<typeof eventAudienceSchema>;

export const EVENT_STATUSES = ['scheduled', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What an update changed, so an updated invitation can say so loudly. */
export const EVENT_CHANGES = ['title', 'kind', 'time', 'venue', 'details', 'rsvpBy', 'audience'] as const;
export type EventChange = (typeof EVENT_CHANGES)[number];

/** An event's id: `ev-` and 24 hex digits, random (events have no outside source to derive one from). */
export type EventId = string;

export const eventIdSchema = z.string().regex(/^ev-[0-9a-f]{24}$/, 'not an event id');

/** The id of the event a form creates: the same form always names the same event. */
export function eventIdForForm(formId: string): EventId {
  return `ev-${hashedKey('event-form', formId).slice(0, 24)}`;
}

export function newEventId(): EventId {
  return `ev-${randomBytes(12).toString('hex')}`;
}

/** Who did something, by the identity Teams gave us (never card data). */
export const eventPersonSchema = z.object({ aadObjectId: z.string(), name: z.string() });
export type EventPerson = z.infer<typeof eventPersonSchema>;

/** An event as read from storage, with the ETag to pass back when changing it. */
export interface StoredEvent {
  event: ParticipationEvent;
  etag: string;
}

/**
 * A participation event, as stored and as used: stored JSON is parsed with this schema, and the
 * type is inferred from it. Instants are UTC ISO strings; `zone` is where people see them.
 * `sequence` grows by one on every change (iCalendar SEQUENCE, and stale-card checks).
 */
export const participationEventSchema = z.object({
  id: eventIdSchema,
  title: z.string(),
  kind: z.enum(EVENT_KINDS),
  startUtc: z.string(),
  endUtc: z.string(),
  zone: z.string(),
  /** The venue as typed, which may be or contain an online link. */
  venue: z.string(),
  /** The first https:// address in the venue, for a 'Join online' button. */
  onlineUrl: z.string().optional(),
  details: z.string().optional(),
  /** Responses are accepted until this instant (exclusive); never after the start. */
  rsvpByUtc: z.string(),
  audience: z.preprocess(migrateAudience, eventAudienceSchema),
  /** Sent with less than the minimum notice; the officer confirmed it and invitations say so. */
  shortNotice: z.boolean(),
  status: z.enum(EVENT_STATUSES),
  /** What the latest update changed; empty for a new or cancelled event. */
  lastChanges: z.array(z.enum(EVENT_CHANGES)),
  /** The start before the latest move, shown on updated invitations. */
  previousStartUtc: z.string().optional(),
  sequence: z.number().int().min(0),
  createdBy: eventPersonSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().optional(),
});
export type ParticipationEvent = z.infer<typeof participationEventSchema>;

/** Whether responses are still taken at `nowUtc`. */
export function rsvpOpen(event: Pick<ParticipationEvent, 'status' | 'rsvpByUtc'>, nowUtc: string): boolean {
  return event.status !== 'cancelled' && nowUtc < event.rsvpByUtc;
}

/**
 * Events stored before the audiences changed said `all` (every active member: the panel, as it was
 * meant) or `role` officer / admin (officers; administrators are officers too). Read as such.
 */
function migrateAudience(stored: unknown): unknown {
  const kind = (stored as { kind?: unknown } | null)?.kind;
  if (kind === 'all') return { kind: 'panel' };
  if (kind === 'role') return { kind: 'officers' };
  return stored;
}

/** Who an audience is, in words: 'Panel members', 'All councillors', 'Officers', 'Members of Children in Care Council'. */
export function audienceLabel(audience: EventAudience): string {
  if (audience.kind === 'panel') return 'Panel members';
  if (audience.kind === 'councillors') return 'All councillors';
  if (audience.kind === 'officers') return 'Officers';
  return `Members of ${audience.teamName}`;
}

/** Whether someone holding `holding` is in the audience by their role alone (a Team's audience is its invitation list). */
export function audienceIncludes(audience: EventAudience, holding: { role: Role; councillor?: boolean }): boolean {
  if (audience.kind === 'panel') return holding.role === 'panel';
  if (audience.kind === 'councillors') return holding.councillor === true;
  if (audience.kind === 'officers') return hasRole(holding.role, 'officer');
  return false;
}

/** The audience in the audit log and logs: `panel`, `councillors`, `officers`, `team:<id>`. */
export function audienceCode(audience: EventAudience): string {
  return audience.kind === 'team' ? `team:${audience.teamId}` : audience.kind;
}
