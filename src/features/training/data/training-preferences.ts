import { type TableClient, odata } from '@azure/data-tables';
import { assertValidKey } from '../../../platform/storage/keys';
import { OptOutList } from '../../../platform/storage/opt-out-list';

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
  private readonly optOuts: OptOutList;

  constructor(private readonly table: TableClient) {
    this.optOuts = new OptOutList(table, OPT_OUT, 'atUtc');
  }

  optOut(aadObjectId: string, atUtc: string): Promise<void> {
    return this.optOuts.optOut(aadObjectId, atUtc);
  }

  /** True when they had opted out. */
  optIn(aadObjectId: string): Promise<boolean> {
    return this.optOuts.optIn(aadObjectId);
  }

  optedOut(): Promise<Set<string>> {
    return this.optOuts.optedOut();
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
}
