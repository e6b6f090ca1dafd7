import { type TableClient, odata } from '@azure/data-tables';
import { DomainError } from '../../../shared/errors/domain-error';
import { utcIso } from '../../meetings';
import { assertValidKey, isConflict, isNotFound, isPreconditionFailed } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';
import { formatLondonDateTime } from '../../../platform/time/london';
import type { EventId, EventPerson, ParticipationEvent } from '../domain/event';
import { type Rsvp, type RsvpResponse, byName, rsvpResponseSchema, wantsReminder } from '../domain/rsvp';

interface RsvpEntity {
  partitionKey: string;
  rowKey: string;
  name: string;
  response: string;
  respondedAtUtc: string;
  firstRespondedAtUtc: string;
}

/** `recorded`: a first answer; `changed`: a different answer replaced the old; `unchanged`: the same answer again (a double click). */
export type RsvpOutcome = { kind: 'recorded' | 'changed' | 'unchanged'; rsvp: Rsvp };

/** The least the RSVP rules need to know about an event. */
export type RsvpEvent = Pick<ParticipationEvent, 'id' | 'title' | 'status' | 'rsvpByUtc'>;

const MAX_ATTEMPTS = 5;

/**
 * RSVPs (table `rsvps`): one partition per event, so totals and the attendee list are one query,
 * and one row per member. Creating the row is the idempotency check, so a double click records
 * once; a changed answer replaces the row guarded by its ETag. Rows are kept when an event is
 * cancelled or moved: what people said stays on record.
 */
export class RsvpBook {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Records `member`'s answer. Refused (DomainError 'conflict') for a cancelled event and from
   * the RSVP-by instant on. The member is whoever Teams says clicked, never someone in card data.
   */
  async respond(event: RsvpEvent, member: EventPerson, response: RsvpResponse): Promise<RsvpOutcome> {
    rsvpResponseSchema.parse(response);
    const nowUtc = utcIso(this.clock.now());
    assertOpen(event, nowUtc);
    const entity: RsvpEntity = {
      partitionKey: assertValidKey(event.id, 'eventId'),
      rowKey: assertValidKey(member.aadObjectId, 'aadObjectId'),
      name: member.name,
      response,
      respondedAtUtc: nowUtc,
      firstRespondedAtUtc: nowUtc,
    };
    try {
      await this.table.createEntity(entity);
      return { kind: 'recorded', rsvp: toRsvp(entity) };
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    return this.change(entity);
  }

  async find(eventId: EventId, aadObjectId: string): Promise<Rsvp | undefined> {
    const stored = await this.read(eventId, aadObjectId);
    return stored && toRsvp(stored);
  }

  /** Every answer to the event, sorted by name. */
  async forEvent(eventId: EventId): Promise<Rsvp[]> {
    const rsvps: Rsvp[] = [];
    const rows = this.table.listEntities<RsvpEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${assertValidKey(eventId, 'eventId')}` },
    });
    for await (const row of rows) rsvps.push(toRsvp(row));
    return rsvps.sort(byName);
  }

  /** Only who replied (any answer), for reports that read many events: the row keys alone. */
  async respondentIds(eventId: EventId): Promise<string[]> {
    const ids: string[] = [];
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${assertValidKey(eventId, 'eventId')}`, select: ['RowKey'] },
    });
    for await (const row of rows) if (typeof row.rowKey === 'string') ids.push(row.rowKey);
    return ids;
  }

  /** Members who said Going or Maybe: who gets the day-before reminder. */
  async goingOrMaybe(eventId: EventId): Promise<Rsvp[]> {
    return (await this.forEvent(eventId)).filter(wantsReminder);
  }

  /** The row exists: the same answer is a no-op, a different one replaces it if nobody wrote in between. */
  private async change(wanted: RsvpEntity): Promise<RsvpOutcome> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.read(wanted.partitionKey, wanted.rowKey);
      if (!stored) throw new Error(`rsvp ${wanted.partitionKey}/${wanted.rowKey} vanished`);
      if (stored.response === wanted.response) return { kind: 'unchanged', rsvp: toRsvp(stored) };
      const next: RsvpEntity = { ...wanted, firstRespondedAtUtc: stored.firstRespondedAtUtc };
      try {
        await this.table.updateEntity(next, 'Replace', { etag: stored.etag });
        return { kind: 'changed', rsvp: toRsvp(next) };
      } catch (error) {
        if (!isPreconditionFailed(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async read(eventId: string, aadObjectId: string): Promise<(RsvpEntity & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity<RsvpEntity>(assertValidKey(eventId, 'eventId'), assertValidKey(aadObjectId, 'aadObjectId'));
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}

function assertOpen(event: RsvpEvent, nowUtc: string): void {
  if (event.status === 'cancelled') throw new DomainError('conflict', `${event.title} has been cancelled, so replies are closed.`);
  if (nowUtc >= event.rsvpByUtc)
    throw new DomainError(
      'conflict',
      `Replies for ${event.title} closed on ${formatLondonDateTime(event.rsvpByUtc)}. Please contact the participation team if your plans have changed.`,
    );
}

function toRsvp(entity: RsvpEntity): Rsvp {
  const response = rsvpResponseSchema.safeParse(entity.response);
  if (!response.success) throw new Error(`stored rsvp ${entity.partitionKey}/${entity.rowKey} has an unknown response`);
  return {
    eventId: entity.partitionKey,
    aadObjectId: entity.rowKey,
    name: entity.name,
    response: response.data,
    respondedAtUtc: entity.respondedAtUtc,
    firstRespondedAtUtc: entity.firstRespondedAtUtc,
  };
}
