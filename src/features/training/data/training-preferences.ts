import { type TableClient, odata } from '@azure/data-tables';
import { assertValidKey, isNotFound } from '../../../platform/storage/keys';

const OPT_OUT = 'optout';

/** A member's last training reminder: when, and the monthly batch it went in. */
export interface LastReminder {
  atUtc: string;
  batchId?: string;
}

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

  /** When each member was last reminded (UTC ISO), and in which delivery batch. */
  async lastReminded(): Promise<Map<string, LastReminder>> {
    const reminded = new Map<string, LastReminder>();
    const rows = this.table.listEntities<{ atUtc: unknown; batchId?: unknown }>({
      queryOptions: { filter: odata`PartitionKey eq ${REMINDED}` },
    });
    for await (const row of rows) {
      if (typeof row.atUtc !== 'string' || !row.rowKey) continue;
      reminded.set(row.rowKey, { atUtc: row.atUtc, ...(typeof row.batchId === 'string' ? { batchId: row.batchId } : {}) });
    }
    return reminded;
  }

  async recordReminded(aadObjectIds: readonly string[], atUtc: string, batchId: string): Promise<void> {
    for (const id of aadObjectIds)
      await this.table.upsertEntity({ partitionKey: REMINDED, rowKey: assertValidKey(id, 'aadObjectId'), atUtc, batchId }, 'Replace');
  }

  private async keysOf(partition: string): Promise<Set<string>> {
    const keys = new Set<string>();
    const rows = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${partition}`, select: ['RowKey'] } });
    for await (const row of rows) if (row.rowKey) keys.add(row.rowKey);
    return keys;
  }
}
