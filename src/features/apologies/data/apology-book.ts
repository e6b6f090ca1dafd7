import { type TableClient, odata } from '@azure/data-tables';
import { DateTime } from 'luxon';
import { DomainError } from '../../../shared/errors/domain-error';
import { assertValidKey, isConflict, isNotFound } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';
import { type Apology, type ApologyMeeting, MAX_REASON_LENGTH, MAX_SUBSTITUTE_LENGTH } from '../domain/apology';

interface ApologyEntity {
  partitionKey: string;
  rowKey: string;
  name: string;
  reason?: string;
  substitute?: string;
  recordedAtUtc: string;
}

/** What officers were last told, in a partition of its own per meeting (the clerk's list never reads it). */
type ToldEntity = { partitionKey: string; rowKey: string; state: string; toldAtUtc: string };

function toldPartition(meetingId: string): string {
  return `told|${assertValidKey(meetingId, 'meetingId')}`;
}

export type ApologyResult = { kind: 'recorded'; apology: Apology } | { kind: 'already_recorded'; apology: Apology };

/**
 * Apologies, one partition per meeting (the clerk's list is one query) and one row per member:
 * creating the row is the idempotency check, so a double click records once.
 */
export class ApologyBook {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async send(
    meeting: ApologyMeeting,
    member: { aadObjectId: string; name: string },
    details: { reason?: string; substitute?: string },
  ): Promise<ApologyResult> {
    this.assertOpen(meeting, 'send apologies for');
    const reason = cleanOptional(details.reason, MAX_REASON_LENGTH, 'reason');
    const substitute = cleanOptional(details.substitute, MAX_SUBSTITUTE_LENGTH, 'substitute');
    const entity: ApologyEntity = {
      partitionKey: assertValidKey(meeting.id, 'meetingId'),
      rowKey: assertValidKey(member.aadObjectId, 'aadObjectId'),
      name: member.name,
      recordedAtUtc: this.clock.now().toUTC().toISO()!,
    };
    if (reason) entity.reason = reason;
    if (substitute) entity.substitute = substitute;
    try {
      await this.table.createEntity(entity);
      return { kind: 'recorded', apology: toApology(entity) };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const existing = await this.find(meeting.id, member.aadObjectId);
      if (!existing) throw error;
      return { kind: 'already_recorded', apology: existing };
    }
  }

  /** Withdraws an apology; allowed until the meeting starts. False when there was none. */
  async withdraw(meeting: ApologyMeeting, aadObjectId: string): Promise<boolean> {
    this.assertOpen(meeting, 'withdraw apologies for');
    try {
      await this.table.deleteEntity(assertValidKey(meeting.id, 'meetingId'), assertValidKey(aadObjectId, 'aadObjectId'));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async find(meetingId: string, aadObjectId: string): Promise<Apology | undefined> {
    try {
      return toApology(
        await this.table.getEntity<ApologyEntity>(assertValidKey(meetingId, 'meetingId'), assertValidKey(aadObjectId, 'aadObjectId')),
      );
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async forMeeting(meetingId: string): Promise<Apology[]> {
    const apologies: Apology[] = [];
    const rows = this.table.listEntities<ApologyEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${assertValidKey(meetingId, 'meetingId')}` },
    });
    for await (const row of rows) apologies.push(toApology(row));
    return apologies.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }

  /** What officers were last told about this member's apology for this meeting (a state fingerprint), '' when never. */
  async lastToldState(meetingId: string, aadObjectId: string): Promise<string> {
    try {
      return (await this.table.getEntity<ToldEntity>(toldPartition(meetingId), assertValidKey(aadObjectId, 'aadObjectId'))).state;
    } catch (error) {
      if (isNotFound(error)) return '';
      throw error;
    }
  }

  async recordTold(meetingId: string, aadObjectId: string, state: string): Promise<void> {
    await this.table.upsertEntity<ToldEntity>(
      {
        partitionKey: toldPartition(meetingId),
        rowKey: assertValidKey(aadObjectId, 'aadObjectId'),
        state,
        toldAtUtc: this.clock.now().toUTC().toISO()!,
      },
      'Replace',
    );
  }

  private assertOpen(meeting: ApologyMeeting, action: string): void {
    if (meeting.cancelled) throw new DomainError('conflict', `${meeting.title} has been cancelled, so there is nothing to ${action}.`);
    if (this.clock.now() >= meeting.start)
      throw new DomainError(
        'conflict',
        `${meeting.title} has already started, so it is too late to ${action} it here. Please contact Democratic Services.`,
      );
  }
}

function cleanOptional(value: string | undefined, max: number, what: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > max) throw new DomainError('invalid_input', `Please keep the ${what} under ${max} characters.`);
  return trimmed;
}

function toApology(entity: ApologyEntity): Apology {
  return {
    meetingId: entity.partitionKey,
    aadObjectId: entity.rowKey,
    name: entity.name,
    reason: entity.reason,
    substitute: entity.substitute,
    recordedAt: DateTime.fromISO(entity.recordedAtUtc, { zone: 'utc' }),
  };
}
