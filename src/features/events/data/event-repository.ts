import type { TableClient } from '@azure/data-tables';
import { type TimelineCodec, TimelineConcurrencyError, TimelineTable } from '../../../platform/storage/timeline-table';
import { type EventId, type ParticipationEvent, type StoredEvent, eventIdSchema, participationEventSchema } from '../domain/event';
import { parseStoredJson } from '../../../platform/storage/stored-json';
import { withoutUndefined } from '../../../shared/objects/without-undefined';

/**
 * Participation events in one partition of a TimelineTable (see src/storage/timeline-table.ts),
 * as meetings are: "upcoming events" and "events in the next four weeks" are one range query, and
 * every change is one ETag-guarded transaction. Events are never deleted: a cancelled event is a
 * status, so RSVPs, invitations and calendar entries keep something to point at.
 */
const PARTITION = 'event';

/** Thrown when an event changed since it was read (412) and the caller must decide again. */
export { TimelineConcurrencyError as EventConcurrencyError };

/**
 * Decides the next state from the stored one. It may run more than once (after an ETag conflict
 * it runs on a fresh read), so it must have no side effects; it may throw to refuse.
 */
export type EventMutation = (current: ParticipationEvent) => ParticipationEvent | 'unchanged';

export interface EventMutationResult {
  event: ParticipationEvent;
  changed: boolean;
}

/** The read side the calendar and the bulletin need (a fake in unit tests). */
export interface EventTimeline {
  listStartingBetween(fromUtc: string, toUtc: string): Promise<ParticipationEvent[]>;
}

const codec: TimelineCodec<ParticipationEvent> = {
  partition: PARTITION,
  // Form limits keep an event far below the 64 KiB a string property may hold.
  encode: (event) => ({ json: JSON.stringify(event), columns: { startUtc: event.startUtc, status: event.status } }),
  decode: (json, rowKey) => {
    return withoutUndefined(parseStoredJson(participationEventSchema, json, `event ${rowKey}`));
  },
};

/** Participation events in Azure Table Storage. */
export class EventRepository implements EventTimeline {
  private readonly timeline: TimelineTable<ParticipationEvent>;

  constructor(table: TableClient) {
    this.timeline = new TimelineTable(table, codec);
  }

  async get(id: EventId): Promise<StoredEvent | undefined> {
    const stored = await this.timeline.get(eventIdSchema.parse(id));
    return stored && { event: stored.item, etag: stored.etag };
  }

  /** Events starting in [fromUtc, toUtc), earliest first, cancelled ones included (cards show them loudly). */
  listStartingBetween(fromUtc: string, toUtc: string): Promise<ParticipationEvent[]> {
    return this.timeline.between(fromUtc, toUtc);
  }

  /** Events starting at or after fromUtc, earliest first, at most `limit`. */
  listUpcoming(fromUtc: string, limit: number): Promise<ParticipationEvent[]> {
    return this.timeline.from(fromUtc, limit);
  }

  /** Stores a new event; fails with a 409 RestError when its id exists. */
  create(event: ParticipationEvent): Promise<void> {
    return this.timeline.create(event);
  }

  /**
   * Reads the event, lets `mutate` decide, and writes the result guarded by the ETag it read,
   * retried on a race up to five times. Undefined when there is no such event.
   */
  async mutate(id: EventId, mutate: EventMutation): Promise<EventMutationResult | undefined> {
    const result = await this.timeline.mutate(eventIdSchema.parse(id), (current) => (current ? mutate(current) : 'unchanged'));
    if (!result.item) return undefined;
    return { event: result.item, changed: result.outcome !== 'unchanged' };
  }
}
