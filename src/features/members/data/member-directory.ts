import type { TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import type { Clock } from '../../../platform/time/clock';
import { assertValidKey, isNotFound } from '../../../platform/storage/keys';
import type { Member, MemberSighting } from '../domain/member';
import { jsonObjectSchema, parseStoredJson } from '../../../platform/storage/stored-json';

const PARTITION = 'member';
const MAX_NAME_LENGTH = 200;
const UNKNOWN_NAME = 'Unknown member';

interface MemberEntity {
  partitionKey: string;
  rowKey: string;
  name?: string;
  tenantId: string;
  teamsUserId: string;
  active: boolean;
  lastSeenUtc: string;
  conversationReference?: string;
  remindersOff?: boolean;
}

/**
 * The members directory: everyone the bot has seen, keyed by aadObjectId in one partition
 * (a council's panel is hundreds of people at most, so "all active members" is one partition read).
 */
export class MemberDirectory {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  /**
   * Upserts a sighting in one round trip (it runs on every turn); a merge keeps an existing 1:1
   * reference when the sighting comes from a team or group chat.
   */
  async recordSighting(sighting: MemberSighting): Promise<void> {
    const entity: MemberEntity = {
      partitionKey: PARTITION,
      rowKey: assertValidKey(sighting.aadObjectId, 'aadObjectId'),
      tenantId: sighting.tenantId,
      teamsUserId: sighting.teamsUserId,
      active: true,
      lastSeenUtc: this.clock.now().toUTC().toISO()!,
    };
    if (sighting.name) entity.name = sighting.name.slice(0, MAX_NAME_LENGTH);
    if (sighting.personalConversationReference) {
      entity.conversationReference = JSON.stringify(sighting.personalConversationReference);
    }
    await this.table.upsertEntity(entity, 'Merge');
  }

  /** Uninstall: keep the row (history, roles) but stop sending to it. */
  async markInactive(aadObjectId: string): Promise<void> {
    if (!(await this.find(aadObjectId))) return;
    await this.table.updateEntity({ partitionKey: PARTITION, rowKey: assertValidKey(aadObjectId, 'aadObjectId'), active: false }, 'Merge');
  }

  /** "stop reminders" / "start reminders"; false when the member is not in the directory. */
  async setRemindersOff(aadObjectId: string, off: boolean): Promise<boolean> {
    if (!(await this.find(aadObjectId))) return false;
    await this.table.updateEntity(
      { partitionKey: PARTITION, rowKey: assertValidKey(aadObjectId, 'aadObjectId'), remindersOff: off },
      'Merge',
    );
    return true;
  }

  async find(aadObjectId: string): Promise<Member | undefined> {
    try {
      const entity = await this.table.getEntity<MemberEntity>(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
      return toMember(entity);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async list(filter: { activeOnly: boolean }): Promise<Member[]> {
    const members: Member[] = [];
    const query = this.table.listEntities<MemberEntity>({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } });
    for await (const entity of query) {
      const member = toMember(entity);
      if (!filter.activeOnly || member.active) members.push(member);
    }
    return members.sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
  }
}

function toMember(entity: MemberEntity): Member {
  return {
    aadObjectId: entity.rowKey,
    name: entity.name ?? UNKNOWN_NAME,
    tenantId: entity.tenantId,
    teamsUserId: entity.teamsUserId,
    active: entity.active,
    lastSeen: DateTime.fromISO(entity.lastSeenUtc, { zone: 'utc' }),
    conversationReference: entity.conversationReference
      ? parseStoredJson(jsonObjectSchema, entity.conversationReference, 'member conversation reference')
      : undefined,
    remindersOff: entity.remindersOff === true,
  };
}
