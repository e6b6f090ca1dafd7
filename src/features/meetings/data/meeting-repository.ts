import type { TableClient } from '@azure/data-tables';
import { type TimelineCodec, TimelineConcurrencyError, TimelineTable } from '../../../platform/storage/timeline-table';
import { type Meeting, type MeetingId, type MeetingSource, type StoredMeeting, meetingIdSchema, meetingSchema } from '../domain/meeting';
import { parseStoredJson } from '../../../platform/storage/stored-json';
import { withoutUndefined } from '../../../shared/objects/without-undefined';

/**
 * Meetings in one partition of a TimelineTable (see src/storage/timeline-table.ts for the key
 * design): the next meetings, or those of a month, are one range query, and every change is one
 * ETag-guarded transaction. The id is derived from source + source id, so the 'id|' row is also
 * the lookup by source. Meetings are never deleted: cancelling is a status.
 */
const PARTITION = 'meeting';
/** Azure Tables counts string properties in UTF-16 units; 64 KiB is 32,768 of them. */
const MAX_STRING_UNITS = 30_000;

/** Thrown when a meeting changed since it was read (412) and the caller must decide again. */
export { TimelineConcurrencyError as MeetingConcurrencyError };

export type MutationOutcome = 'created' | 'updated' | 'unchanged';

export interface MutationResult {
  outcome: MutationOutcome;
  meeting: Meeting | undefined;
}

/**
 * Decides the next state from the current one (undefined: none stored yet). It may run more than
 * once: after an ETag conflict it runs again on a fresh read, so it must be free of side effects.
 */
export type MeetingMutation = (current: Meeting | undefined) => Meeting | 'unchanged';

/** The read side the question answering needs (a fake in unit tests, the repository in the bot). */
export interface MeetingTimeline {
  listStartingBetween(fromUtc: string, toUtc: string, options?: { source?: MeetingSource; limit?: number }): Promise<Meeting[]>;
  listStartingFrom(fromUtc: string, limit: number, options?: { source?: MeetingSource }): Promise<Meeting[]>;
}

const codec: TimelineCodec<Meeting> = {
  partition: PARTITION,
  encode: (meeting) => ({
    json: boundedJson(meeting),
    columns: { startUtc: meeting.startUtc, source: meeting.source, status: meeting.status },
  }),
  decode: (json, rowKey) => withoutUndefined(parseStoredJson(meetingSchema, json, `stored meeting ${rowKey}`)),
};

/** Meetings in Azure Table Storage. */
export class MeetingRepository implements MeetingTimeline {
  private readonly timeline: TimelineTable<Meeting>;

  constructor(table: TableClient) {
    this.timeline = new TimelineTable(table, codec);
  }

  async get(id: MeetingId): Promise<StoredMeeting | undefined> {
    const stored = await this.timeline.get(meetingIdSchema.parse(id));
    return stored && { meeting: stored.item, etag: stored.etag };
  }

  /** Meetings starting in [fromUtc, toUtc), earliest first, cancelled ones included (callers show them loudly). */
  listStartingBetween(fromUtc: string, toUtc: string, options: { source?: MeetingSource; limit?: number } = {}): Promise<Meeting[]> {
    return this.timeline.between(fromUtc, toUtc, { where: bySource(options.source), limit: options.limit });
  }

  /** Meetings starting at or after fromUtc, earliest first, at most `limit`. */
  listStartingFrom(fromUtc: string, limit: number, options: { source?: MeetingSource } = {}): Promise<Meeting[]> {
    return this.timeline.from(fromUtc, limit, { where: bySource(options.source) });
  }

  /** Reads, lets `mutate` decide, writes guarded by the ETag read; retried on a race, up to five times. */
  async mutate(id: MeetingId, mutate: MeetingMutation): Promise<MutationResult> {
    const result = await this.timeline.mutate(meetingIdSchema.parse(id), mutate);
    return { outcome: result.outcome, meeting: result.item };
  }

  /** Stores a new meeting; fails with a 409 RestError when its id exists. */
  create(meeting: Meeting): Promise<void> {
    return this.timeline.create(meeting);
  }

  /** Replaces `stored` with `next` if nobody changed it since it was read; otherwise throws MeetingConcurrencyError. */
  replace(stored: StoredMeeting, next: Meeting): Promise<void> {
    return this.timeline.replace({ item: stored.meeting, etag: stored.etag }, next);
  }
}

function bySource(source: MeetingSource | undefined): Record<string, string> | undefined {
  return source === undefined ? undefined : { source };
}

/** Drops documents, then agenda items, from the end until the JSON fits one string property. */
function boundedJson(meeting: Meeting): string {
  let current = meeting;
  let json = JSON.stringify(current);
  while (json.length > MAX_STRING_UNITS && (current.documents.length > 0 || current.agenda.items.length > 0)) {
    current =
      current.documents.length > 0
        ? { ...current, documents: current.documents.slice(0, Math.floor(current.documents.length / 2)) }
        : { ...current, agenda: { ...current.agenda, items: current.agenda.items.slice(0, Math.floor(current.agenda.items.length / 2)) } };
    json = JSON.stringify(current);
  }
  if (json.length > MAX_STRING_UNITS) throw new Error(`meeting ${meeting.id} is too large to store`);
  return json;
}
