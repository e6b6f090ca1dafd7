import { type TableClient, odata } from '@azure/data-tables';
import { assertValidKey, isNotFound } from '../../../platform/storage/keys';

const OPT_OUT = 'optout';
const REMINDED = 'reminded';

/**
 * Training reminders (table `training`): who said "stop training reminders" (partition `optout`,
 * only opt-outs are stored) and when each councillor was last reminded (partition `reminded`),
 * so nobody gets more than one a month. Opting back in deletes the row.
 */
export class TrainingPreferences {
  constructor(private readonly table: TableClient) {}

  async optOut(aadObjectId: string, atUtc: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: OPT_OUT, rowKey: assertValidKey(aadObjectId, 'aadObjectId'), atUtc }, 'Replace');
  }

  /** True when they had opted out. */
  async optIn(aadObjectId: string): Promise<boolean> {
    try {
      await this.table.deleteEntity(OPT_OUT, assertValidKey(aadObjectId, 'aadObjectId'));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async optedOut(): Promise<Set<string>> {
    return this.keysOf(OPT_OUT);
  }

  /** When each member was last reminded (UTC ISO). */
  async lastReminded(): Promise<Map<string, string>> {
    const reminded = new Map<string, string>();
    const rows = this.table.listEntities<{ atUtc: string }>({ queryOptions: { filter: odata`PartitionKey eq ${REMINDED}` } });
    for await (const row of rows) if (typeof row.atUtc === 'string' && row.rowKey) reminded.set(row.rowKey, row.atUtc);
    return reminded;
  }

  async recordReminded(aadObjectIds: readonly string[], atUtc: string): Promise<void> {
    for (const id of aadObjectIds)
      await this.table.upsertEntity({ partitionKey: REMINDED, rowKey: assertValidKey(id, 'aadObjectId'), atUtc }, 'Replace');
  }

  private async keysOf(partition: string): Promise<Set<string>> {
    const keys = new Set<string>();
    const rows = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition}`, select: ['RowKey'] } });
    for await (const row of rows) if (row.rowKey) keys.add(row.rowKey);
    return keys;
  }
}
