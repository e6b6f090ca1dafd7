import { type TableClient, odata } from '@azure/data-tables';
import { assertValidKey, isNotFound } from '../../../platform/storage/keys';
import type { Clock } from '../../../platform/time/clock';

const PARTITION = 'bulletin';

interface OptOutEntity {
  partitionKey: string;
  rowKey: string;
  optedOutAtUtc: string;
}

/**
 * Members who said "stop the bulletin" (table `bulletinoptouts`, one partition, RowKey aadObjectId).
 * Only opt-outs are stored, so a new member gets the bulletin without a write, and the weekly
 * send reads the whole (small) list in one query. Opting back in deletes the row: nothing is kept
 * that is not needed (UK GDPR data minimisation).
 */
export class BulletinOptOuts {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  async optOut(aadObjectId: string): Promise<void> {
    await this.table.upsertEntity<OptOutEntity>(
      { partitionKey: PARTITION, rowKey: assertValidKey(aadObjectId, 'aadObjectId'), optedOutAtUtc: this.clock.now().toUTC().toISO()! },
      'Replace',
    );
  }

  /** Back on the bulletin; true when they had opted out. */
  async optIn(aadObjectId: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async isOptedOut(aadObjectId: string): Promise<boolean> {
    try {
      await this.table.getEntity(PARTITION, assertValidKey(aadObjectId, 'aadObjectId'));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Everyone opted out, for filtering the weekly send. */
  async optedOut(): Promise<Set<string>> {
    const ids = new Set<string>();
    const rows = this.table.listEntities<OptOutEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${PARTITION}`, select: ['RowKey'] },
    });
    for await (const row of rows) ids.add(row.rowKey);
    return ids;
  }

  /** The members who still want the bulletin. */
  async subscribers<T extends { aadObjectId: string }>(members: readonly T[]): Promise<T[]> {
    const out = await this.optedOut();
    return members.filter((member) => !out.has(member.aadObjectId));
  }
}
