import type { TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import type { Member } from '../../features/members';
import { assertValidKey, isNotFound } from '../storage/keys';
import type { Clock } from '../time/clock';

const PARTITION = 'member';

type UnreachableEntity = { partitionKey: string; rowKey: string; code: string; markedAtUtc: string };

/** Why and since when a member cannot be reached. */
export interface UnreachableMark {
  code: string;
  markedAt: DateTime;
}

/**
 * Members Teams told us we cannot reach (403 blocked / bot removed, 404 conversation gone). Kept in
 * a table of its own rather than on the member row, which every turn upserts. A mark holds only
 * until the member comes back: anyone whose last sighting (which every activity from them records
 * in the member directory) is later than the mark is reachable again, with no extra write on the
 * answer path; `clear` exists for callers that want the row gone at once (e.g. on install).
 */
export class UnreachableMembers {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async mark(aadObjectId: string, code: string): Promise<void> {
    const entity: UnreachableEntity = {
      partitionKey: PARTITION,
      rowKey: assertValidKey(aadObjectId, 'aadObjectId'),
      code,
      markedAtUtc: this.clock.now().toUTC().toISO()!,
    };
    await this.table.upsertEntity(entity, 'Replace');
  }

  async clear(aadObjectId: string): Promise<void> {
    try {
      await this.table.deleteEntity(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** Every mark: one partition, as large as the number of unreachable members (not of messages). */
  async marks(): Promise<Map<string, UnreachableMark>> {
    const marks = new Map<string, UnreachableMark>();
    for await (const entity of this.table.listEntities<UnreachableEntity>({ queryOptions: { filter: `PartitionKey eq '${PARTITION}'` } })) {
      marks.set(entity.rowKey, { code: entity.code, markedAt: DateTime.fromISO(entity.markedAtUtc, { zone: 'utc' }) });
    }
    return marks;
  }

  /** Splits members into those to send to and those still unreachable; marks outlived by a later sighting are deleted. */
  async partition(members: readonly Member[]): Promise<{ reachable: Member[]; unreachable: Member[] }> {
    const marks = await this.marks();
    const reachable: Member[] = [];
    const unreachable: Member[] = [];
    for (const member of members) {
      const mark = marks.get(member.aadObjectId);
      if (!mark) reachable.push(member);
      else if (member.lastSeen > mark.markedAt) {
        reachable.push(member);
        await this.clear(member.aadObjectId);
      } else unreachable.push(member);
    }
    return { reachable, unreachable };
  }
}
