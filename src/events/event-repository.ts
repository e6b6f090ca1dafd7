import { RestError, TableClient, TransactionAction, odata } from '@azure/data-tables';
import { isNotFound, isPreconditionFailed } from '../storage/keys';
import { utcIso } from '../meetings/meeting';
import { EventId, ParticipationEvent, StoredEvent, eventIdSchema, participationEventSchema, withoutUndefined } from './event';

/**
 * Key design (table `events`, one partition), the same as meetings:
 *
 *   PartitionKey 'event', RowKey 'id|<eventId>'                 the record: full event + ETag
 *   PartitionKey 'event', RowKey 't|<start UTC ISO>|<eventId>'   a full copy in time order
 *
 * "Upcoming events" and "events in the next four weeks" are one range query over the 't|' rows,
 * already sorted by start. Each change writes both rows in one entity-group transaction guarded
 * by the ETag of the 'id|' row; a move swaps the 't|' row in the same transaction. The panel runs
 * tens of events a year, so one partition holds decades. Events are never deleted: a cancelled
 * event is a status, so RSVPs, invitations and calendar entries keep something to point at.
 */
const PARTITION = 'event';
const ID_PREFIX = 'id|';
const TIME_PREFIX = 't|';
/** One past every RowKey under TIME_PREFIX. */
const TIME_END = 't}';
const MAX_ATTEMPTS = 5;

/** Thrown when an event changed since it was read (412) and the caller must decide again. */
export class EventConcurrencyError extends Error {
  constructor(readonly eventId: EventId) {
    super(`event ${eventId} was changed by someone else`);
    this.name = 'EventConcurrencyError';
  }
}

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

type EventEntity = { partitionKey: string; rowKey: string; json: string; startUtc: string; status: string };

/** Participation events in Azure Table Storage; see the key design above. */
export class EventRepository implements EventTimeline {
  constructor(private readonly table: TableClient) {}

  async get(id: EventId): Promise<StoredEvent | undefined> {
    eventIdSchema.parse(id);
    try {
      const entity = await this.table.getEntity<EventEntity>(PARTITION, `${ID_PREFIX}${id}`);
      return { event: fromEntity(entity), etag: entity.etag };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Events starting in [fromUtc, toUtc), earliest first, cancelled ones included (cards show them loudly). */
  listStartingBetween(fromUtc: string, toUtc: string): Promise<ParticipationEvent[]> {
    return this.range(`${TIME_PREFIX}${utcIso(fromUtc)}`, `${TIME_PREFIX}${utcIso(toUtc)}`);
  }

  /** Events starting at or after fromUtc, earliest first, at most `limit`. */
  listUpcoming(fromUtc: string, limit: number): Promise<ParticipationEvent[]> {
    return this.range(`${TIME_PREFIX}${utcIso(fromUtc)}`, TIME_END, limit);
  }

  /** Stores a new event; fails with a 409 RestError when its id exists. */
  async create(event: ParticipationEvent): Promise<void> {
    await this.table.submitTransaction([
      ['create', toEntity(event, `${ID_PREFIX}${event.id}`)],
      ['create', toEntity(event, timelineKey(event))],
    ]);
  }

  /**
   * Reads the event, lets `mutate` decide, and writes the result guarded by the ETag it read. A
   * 412 means someone else wrote in between: it reads again and asks again, up to five times.
   * Undefined when there is no such event.
   */
  async mutate(id: EventId, mutate: EventMutation): Promise<EventMutationResult | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(id);
      if (!current) return undefined;
      const next = mutate(current.event);
      if (next === 'unchanged') return { event: current.event, changed: false };
      if (next.id !== id) throw new Error(`mutation changed event id ${id} to ${next.id}`);
      try {
        await this.replace(current, next);
        return { event: next, changed: true };
      } catch (error) {
        if (!(error instanceof EventConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async replace(stored: StoredEvent, next: ParticipationEvent): Promise<void> {
    const oldTimeline = timelineKey(stored.event);
    const newTimeline = timelineKey(next);
    const actions: TransactionAction[] = [['update', toEntity(next, `${ID_PREFIX}${next.id}`), 'Replace', { etag: stored.etag }]];
    if (oldTimeline !== newTimeline) actions.push(['delete', { partitionKey: PARTITION, rowKey: oldTimeline }]);
    actions.push(['upsert', toEntity(next, newTimeline), 'Replace']);
    try {
      await this.table.submitTransaction(actions);
    } catch (error) {
      // A 404 on the old timeline row also means another writer moved the event first.
      if (isPreconditionFailed(error) || isStatus(error, 412) || isStatus(error, 404)) throw new EventConcurrencyError(next.id);
      throw error;
    }
  }

  private async range(fromKey: string, toKey: string, limit = Number.POSITIVE_INFINITY): Promise<ParticipationEvent[]> {
    const events: ParticipationEvent[] = [];
    const rows = this.table.listEntities<EventEntity>({ queryOptions: { filter: odata`PartitionKey eq ${PARTITION} and RowKey ge ${fromKey} and RowKey lt ${toKey}` } });
    for await (const row of rows) {
      events.push(fromEntity(row));
      if (events.length >= limit) break;
    }
    return events;
  }
}

function timelineKey(event: ParticipationEvent): string {
  return `${TIME_PREFIX}${utcIso(event.startUtc)}|${event.id}`;
}

function toEntity(event: ParticipationEvent, rowKey: string): EventEntity {
  // Form limits keep an event far below the 64 KiB a string property may hold.
  return { partitionKey: PARTITION, rowKey, json: JSON.stringify(event), startUtc: event.startUtc, status: event.status };
}

function fromEntity(entity: EventEntity): ParticipationEvent {
  const parsed = participationEventSchema.safeParse(JSON.parse(entity.json));
  if (!parsed.success) throw new Error(`stored event ${entity.rowKey} is malformed: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  return withoutUndefined(parsed.data) as ParticipationEvent;
}

/** A failed entity-group transaction reports the failing operation's status. */
function isStatus(error: unknown, status: number): boolean {
  return error instanceof RestError && error.statusCode === status;
}
