import { type TableClient, TableTransaction, odata } from '@azure/data-tables';
import { assertValidKey, isConflict } from '../../../platform/storage/keys';

const TRANSACTION_LIMIT = 100;
const NOTICE_PARTITION = 'cancellation-notice';

/**
 * Who was reminded of which meeting (one partition per meeting), so a cancellation reaches exactly
 * the members who were told the meeting was on; and whether that notice was already planned.
 */
export class ReminderLog {
  constructor(private readonly table: TableClient) {}

  /** `remindedAtUtc` dates the rows, so the retention purge can delete them (RETENTION_DELIVERY_RECORDS). */
  async recordReminded(meetingId: string, aadObjectIds: readonly string[], remindedAtUtc: string): Promise<void> {
    const partition = `reminded|${assertValidKey(meetingId, 'meetingId')}`;
    for (let start = 0; start < aadObjectIds.length; start += TRANSACTION_LIMIT) {
      const transaction = new TableTransaction();
      for (const id of aadObjectIds.slice(start, start + TRANSACTION_LIMIT))
        transaction.upsertEntity({ partitionKey: partition, rowKey: assertValidKey(id, 'aadObjectId'), remindedAtUtc }, 'Replace');
      await this.table.submitTransaction(transaction.actions);
    }
  }

  async reminded(meetingId: string): Promise<Set<string>> {
    const ids = new Set<string>();
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${`reminded|${assertValidKey(meetingId, 'meetingId')}`}`, select: ['RowKey'] },
    });
    for await (const row of rows) ids.add(row.rowKey!);
    return ids;
  }

  /** True the first time for a meeting, false ever after: the cancellation notice is planned once. */
  async claimCancellationNotice(meetingId: string): Promise<boolean> {
    try {
      await this.table.createEntity({ partitionKey: NOTICE_PARTITION, rowKey: assertValidKey(meetingId, 'meetingId') });
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }
}
