import { type TableClient, odata } from '@azure/data-tables';
import { assertValidKey, isNotFound } from './keys';

/**
 * People who said "stop" to one kind of message: one row per person (RowKey aadObjectId) in a
 * partition of the owning feature's table, holding only when they said it. Only opt-outs are
 * stored, so a new member gets the messages without a write, a send reads the whole (small) list
 * in one query, and opting back in deletes the row: nothing is kept that is not needed (UK GDPR
 * data minimisation). `timestampField` names the column each table has always used.
 */
export class OptOutList {
  constructor(
    private readonly table: TableClient,
    private readonly partition: string,
    private readonly timestampField: string,
  ) {}

  async optOut(aadObjectId: string, atUtc: string): Promise<void> {
    const key = assertValidKey(aadObjectId, 'aadObjectId');
    await this.table.upsertEntity({ partitionKey: this.partition, rowKey: key, [this.timestampField]: atUtc }, 'Replace');
  }

  /** Back on the list of recipients; true when they had opted out. */
  async optIn(aadObjectId: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(this.partition, assertValidKey(aadObjectId, 'aadObjectId'));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async isOptedOut(aadObjectId: string): Promise<boolean> {
    try {
      await this.table.getEntity(this.partition, assertValidKey(aadObjectId, 'aadObjectId'));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Everyone opted out, for filtering a send. */
  async optedOut(): Promise<Set<string>> {
    const ids = new Set<string>();
    const rows = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${this.partition}`, select: ['RowKey'] } });
    for await (const row of rows) if (row.rowKey) ids.add(row.rowKey);
    return ids;
  }
}
