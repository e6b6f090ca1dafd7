import type { DateTime } from 'luxon';
import { z } from 'zod';
import { hashedKey } from '../../../platform/storage/keys';
import { withoutUndefined } from '../../../shared/objects/without-undefined';

const meetingSourceSchema = z.enum(['moderngov', 'ical', 'officer']);
const meetingStatusSchema = z.enum(['scheduled', 'cancelled', 'moved']);
/** Why a meeting is cancelled: its source said so, it vanished from its source, or an officer cancelled it. */
const cancellationReasonSchema = z.enum(['source', 'vanished', 'officer']);

/** Where a meeting came from; a meeting keeps its source for life. */
export type MeetingSource = z.infer<typeof meetingSourceSchema>;
export type SyncedMeetingSource = Exclude<MeetingSource, 'officer'>;
export type MeetingStatus = z.infer<typeof meetingStatusSchema>;
export type CancellationReason = z.infer<typeof cancellationReasonSchema>;

const agendaItemSchema = z.object({
  /** As the council numbers it ('1.', '4a'); may be empty. */
  number: z.string(),
  title: z.string(),
});
export type AgendaItem = z.infer<typeof agendaItemSchema>;

const meetingDocumentSchema = z.object({
  title: z.string(),
  url: z.string(),
  /** `YYYY-MM-DD` when the source says. */
  publishedOn: z.string().optional(),
});
export type MeetingDocument = z.infer<typeof meetingDocumentSchema>;

/** A meeting's id: `mg-`, `ic-` or `of-` and 24 hex digits, derived from source and source id. */
export type MeetingId = string;

/** Validates a meeting id arriving in card data before it reaches storage. */
export const meetingIdSchema = z.string().regex(/^(mg|ic|of)-[0-9a-f]{24}$/, 'not a meeting id');

/**
 * What a source (ModernGov, an iCalendar feed, an officer's form) says about one meeting. Instants
 * are UTC ISO strings (`2026-03-17T14:00:00.000Z`); `zone` is the IANA zone to show them in.
 */
const meetingDraftSchema = z.object({
  source: meetingSourceSchema,
  sourceId: z.string().min(1),
  committee: z.string(),
  title: z.string(),
  startUtc: z.string(),
  /** Absent when the source gives no finishing time. */
  endUtc: z.string().optional(),
  zone: z.string(),
  /** All-day entries (iCalendar VALUE=DATE, or ModernGov with no time): start is London midnight. */
  allDay: z.boolean(),
  venue: z.string().optional(),
  status: meetingStatusSchema,
  /** For 'moved': the start before the move, when known. */
  previousStartUtc: z.string().optional(),
  /** The source's own words about the status ('Confirmed; Rescheduled from 10/03/2026'). */
  statusNote: z.string().optional(),
  agenda: z.object({ published: z.boolean(), url: z.string().optional(), items: z.array(agendaItemSchema) }),
  minutes: z.object({ published: z.boolean(), url: z.string().optional() }),
  documents: z.array(meetingDocumentSchema),
  notes: z.string().optional(),
  /** A page about the meeting at its source, for people to open. */
  sourceUrl: z.string().optional(),
});
export type MeetingDraft = z.infer<typeof meetingDraftSchema>;

/** A stored meeting (the schema its stored JSON is parsed with). `sequence` grows by one on every change (iCalendar SEQUENCE uses it). */
export const meetingSchema = meetingDraftSchema.extend({
  id: meetingIdSchema,
  cancelledReason: cancellationReasonSchema.optional(),
  sequence: z.number().int().min(0),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Meeting = z.infer<typeof meetingSchema>;

/** A meeting as read from storage, with the ETag to pass back when changing it. */
export interface StoredMeeting {
  meeting: Meeting;
  etag: string;
}

const ID_PREFIX: Record<MeetingSource, string> = { moderngov: 'mg', ical: 'ic', officer: 'of' };

/** The stable id of the meeting a source knows as `sourceId`: a re-sync finds the same row. */
export function meetingIdFor(source: MeetingSource, sourceId: string): MeetingId {
  return `${ID_PREFIX[source]}-${hashedKey(source, sourceId).slice(0, 24)}`;
}

/** Normalises an instant to the one ISO form used in keys and comparisons. */
export function utcIso(value: string | Date | DateTime): string {
  const date =
    typeof value === 'string' ? new Date(value) : value instanceof Date ? value : new Date(value.isValid ? value.toMillis() : Number.NaN);
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid instant ${String(value)}`);
  return date.toISOString();
}

/** A meeting has happened, or is happening, once its end (or start, with no end) is past. */
export function isPast(meeting: Pick<Meeting, 'startUtc' | 'endUtc'>, nowUtc: string): boolean {
  return (meeting.endUtc ?? meeting.startUtc) <= nowUtc;
}

/**
 * The meeting a source draft leads to, or 'unchanged' when the draft says nothing new. Pure, so
 * the repository can run it again after an ETag conflict. Rules:
 * - a start that differs from the stored one marks the meeting moved, remembering the old start;
 * - 'moved' stays until the source cancels it (a feed only shows the new time once);
 * - a meeting that vanished and comes back is live again;
 * - officer notes on a synced meeting survive re-syncs (sources never send notes).
 */
export function mergeDraft(existing: Meeting | undefined, draft: MeetingDraft, nowUtc: string): Meeting | 'unchanged' {
  if (!existing) {
    const fresh: Meeting = { ...draft, id: meetingIdFor(draft.source, draft.sourceId), sequence: 0, createdAt: nowUtc, updatedAt: nowUtc };
    if (draft.status === 'cancelled') fresh.cancelledReason = 'source';
    return withoutUndefined(fresh);
  }
  let status: MeetingStatus = draft.status;
  let previousStartUtc = draft.previousStartUtc;
  if (draft.status !== 'cancelled') {
    if (existing.startUtc !== draft.startUtc) {
      status = 'moved';
      previousStartUtc = draft.previousStartUtc ?? existing.startUtc;
    } else if (existing.status === 'moved') {
      status = 'moved';
      previousStartUtc = draft.previousStartUtc ?? existing.previousStartUtc;
    }
  } else {
    previousStartUtc = existing.previousStartUtc;
  }
  const next: Meeting = {
    ...draft,
    notes: draft.notes ?? existing.notes,
    status,
    previousStartUtc,
    id: existing.id,
    sequence: existing.sequence,
    createdAt: existing.createdAt,
    updatedAt: existing.updatedAt,
    cancelledReason: status === 'cancelled' ? (existing.status === 'cancelled' ? existing.cancelledReason : 'source') : undefined,
  };
  if (status === 'cancelled' && existing.status === 'cancelled' && existing.cancelledReason === 'vanished') next.cancelledReason = 'source';
  return withChange(existing, next, nowUtc);
}

/** `next` with sequence and updatedAt moved on, or 'unchanged' when its content equals `existing`. */
export function withChange(existing: Meeting, next: Meeting, nowUtc: string): Meeting | 'unchanged' {
  const cleaned = withoutUndefined(next);
  if (sameContent(existing, cleaned)) return 'unchanged';
  return { ...cleaned, sequence: existing.sequence + 1, updatedAt: nowUtc };
}

/** Equal in everything people see; bookkeeping fields (sequence, timestamps) are ignored. */
export function sameContent(a: Meeting, b: Meeting): boolean {
  return canonical(contentOf(a)) === canonical(contentOf(b));
}

function contentOf(meeting: Meeting): Record<string, unknown> {
  const { sequence: _sequence, createdAt: _createdAt, updatedAt: _updatedAt, ...content } = meeting;
  return content;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(
        Object.entries(inner as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => a.localeCompare(b)),
      );
    }
    return inner;
  });
}
