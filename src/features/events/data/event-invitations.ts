import { type TableClient, type TransactionAction, odata } from '@azure/data-tables';
import { assertValidKey, isConflict, isNotFound } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';
import type { EventId, EventPerson } from '../domain/event';

type InvitationEntity = {
  partitionKey: string;
  rowKey: string;
  name: string;
  invitedAtUtc: string;
  /** The event version that invited them (absent on rows from before versions were kept: an earlier one). */
  sequence?: number;
};

export interface Invitation extends EventPerson {
  eventId: EventId;
  invitedAtUtc: string;
  /** The event version that invited them; absent for invitations recorded before versions were kept. */
  sequence?: number;
}

/** Entity-group transactions hold at most 100 operations. */
const TRANSACTION_LIMIT = 100;

/**
 * Who was invited to each event (table `eventinvites`, PartitionKey eventId, RowKey aadObjectId).
 * An audience is resolved when the event is sent (a Team's roster changes), so this list, not
 * the audience, decides who hears about an update or cancellation, who may RSVP, and whose
 * calendar shows an event that was not for everyone. Recording is idempotent: it returns only the
 * members not invited before, so re-sending after an audience change reaches just the newcomers.
 */
export class EventInvitations {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  /** Records the members as invited; returns those who were not invited before. */
  async record(eventId: EventId, members: readonly EventPerson[]): Promise<EventPerson[]> {
    const partitionKey = assertValidKey(eventId, 'eventId');
    const known = new Set((await this.list(eventId)).map((invitation) => invitation.aadObjectId));
    const fresh = uniqueBy(members.filter((member) => !known.has(member.aadObjectId)));
    const invitedAtUtc = this.clock.now().toUTC().toISO()!;
    const entities = fresh.map((member): InvitationEntity => ({
      partitionKey,
      rowKey: assertValidKey(member.aadObjectId, 'aadObjectId'),
      name: member.name,
      invitedAtUtc,
    }));
    const added: EventPerson[] = [];
    for (let start = 0; start < entities.length; start += TRANSACTION_LIMIT) {
      added.push(...(await this.createChunk(entities.slice(start, start + TRANSACTION_LIMIT))));
    }
    return added;
  }

  /**
   * Records the members as invited by version `sequence` of the event and returns those whom this
   * version invites: everyone not invited by an earlier version. Unlike `record`, a repeat returns
   * the same people, so a send that stopped between recording and queueing (a crash, a retried
   * job) is finished by running it again; the delivery batch keeps each to one message.
   */
  async recordForVersion(eventId: EventId, members: readonly EventPerson[], sequence: number): Promise<EventPerson[]> {
    const partitionKey = assertValidKey(eventId, 'eventId');
    // One read of who is invited already (as `record` does), so an update of a large event writes only its newcomers.
    const known = new Map((await this.list(eventId)).map((invitation) => [invitation.aadObjectId, invitation.sequence]));
    const people = uniqueBy(members);
    const invitedAtUtc = this.clock.now().toUTC().toISO()!;
    const fresh = people
      .filter((member) => !known.has(member.aadObjectId))
      .map((member): InvitationEntity => ({
        partitionKey,
        rowKey: assertValidKey(member.aadObjectId, 'aadObjectId'),
        name: member.name,
        invitedAtUtc,
        sequence,
      }));
    const created = new Set<string>();
    for (let start = 0; start < fresh.length; start += TRANSACTION_LIMIT)
      for (const person of await this.createForVersion(fresh.slice(start, start + TRANSACTION_LIMIT), sequence))
        created.add(person.aadObjectId);
    return people.filter((member) => created.has(member.aadObjectId) || known.get(member.aadObjectId) === sequence);
  }

  async list(eventId: EventId): Promise<Invitation[]> {
    const invitations: Invitation[] = [];
    const rows = this.table.listEntities<InvitationEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${assertValidKey(eventId, 'eventId')}` },
    });
    for await (const row of rows)
      invitations.push({
        eventId: row.partitionKey,
        aadObjectId: row.rowKey,
        name: row.name,
        invitedAtUtc: row.invitedAtUtc,
        ...(typeof row.sequence === 'number' ? { sequence: row.sequence } : {}),
      });
    return invitations;
  }

  /** Only who was invited, for reports that read many events: the same query, asking for the row keys alone. */
  async invitedIds(eventId: EventId): Promise<string[]> {
    const ids: string[] = [];
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${assertValidKey(eventId, 'eventId')}`, select: ['RowKey'] },
    });
    for await (const row of rows) if (typeof row.rowKey === 'string') ids.push(row.rowKey);
    return ids;
  }

  async isInvited(eventId: EventId, aadObjectId: string): Promise<boolean> {
    try {
      await this.table.getEntity(assertValidKey(eventId, 'eventId'), assertValidKey(aadObjectId, 'aadObjectId'), {
        queryOptions: { select: ['PartitionKey'] },
      });
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** One transaction for the chunk; if another writer got there first (409), one create at a time. */
  private async createChunk(entities: InvitationEntity[]): Promise<EventPerson[]> {
    try {
      await this.table.submitTransaction(entities.map((entity): TransactionAction => ['create', entity]));
      return entities.map(toPerson);
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const added: EventPerson[] = [];
    for (const entity of entities) {
      try {
        await this.table.createEntity(entity);
        added.push(toPerson(entity));
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
    return added;
  }

  /** One transaction for the chunk; on a conflict, each member alone: theirs if no earlier version invited them. */
  private async createForVersion(entities: InvitationEntity[], sequence: number): Promise<EventPerson[]> {
    try {
      await this.table.submitTransaction(entities.map((entity): TransactionAction => ['create', entity]));
      return entities.map(toPerson);
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const invited: EventPerson[] = [];
    for (const entity of entities) {
      try {
        await this.table.createEntity(entity);
        invited.push(toPerson(entity));
      } catch (error) {
        if (!isConflict(error)) throw error;
        const existing = await this.table.getEntity<InvitationEntity>(entity.partitionKey, entity.rowKey);
        if (existing.sequence === sequence) invited.push(toPerson(entity));
      }
    }
    return invited;
  }
}

function toPerson(entity: InvitationEntity): EventPerson {
  return { aadObjectId: entity.rowKey, name: entity.name };
}

function uniqueBy(members: readonly EventPerson[]): EventPerson[] {
  const seen = new Map<string, EventPerson>();
  for (const member of members) if (!seen.has(member.aadObjectId)) seen.set(member.aadObjectId, member);
  return [...seen.values()];
}
