import { type TableClient, type TableEntityResult, type TransactionAction, odata } from '@azure/data-tables';
import { isConflict, isNotFound, isPreconditionFailed } from '../storage/keys';
import type { Clock } from '../time/clock';
import { type BatchProgress, type RecordSummary, tallyProgress } from './delivery-progress';
import type { FailureReason } from './delivery-state';
import { type PendingEntity, type PendingMessage, type RecordEntity, toPendingMessage } from './outbox-entities';
import { type MessageKeys, allShardPartitions, batchKey, dueRange, padMs, pendingRowKey, recordRange } from './outbox-keys';
import type { PreparedMessage } from './prepared-message';

// A transaction is one partition and at most 100 operations (4 MiB); each message costs two.
const MESSAGES_PER_TRANSACTION = 50;
const MAX_TRANSACTION_CHARACTERS = 1_500_000;
const CLAIMS_PER_TRANSACTION = 100;
const MAX_DUE_PAGES = 3;
const NO_CLAIM = padMs(0);

/** What an enqueue did: messages newly stored, and messages already there (same batch and dedupe key). */
export interface EnqueueCounts {
  queued: number;
  duplicates: number;
}

/** How a message left the outbox. */
export type Completion =
  | { state: 'sent'; activityId: string | undefined; attempts: number }
  | { state: 'failed'; reason: FailureReason; detail: string; attempts: number };

/** A recipient recorded as failed without a send (no conversation, known unreachable). */
export interface SkippedMessage {
  keys: MessageKeys;
  batchId: string;
  dedupeKey: string;
  aadObjectId: string;
  reason: FailureReason;
}

/**
 * The durable outbox in Azure Tables (key layout in outbox-keys.ts). Every state change of a
 * message is one transaction inside its shard partition, so a crash leaves it either before or
 * after the change, never half-way. Claims and completions carry the ETag the caller read, so of
 * two dispatchers only one wins (412 for the other).
 */
export class OutboxStore {
  constructor(
    private readonly table: TableClient,
    private readonly clock: Clock,
  ) {}

  /** Writes each message's record and pending row; an existing record (409) means already queued. */
  async enqueue(messages: readonly PreparedMessage[]): Promise<EnqueueCounts> {
    const counts: EnqueueCounts = { queued: 0, duplicates: 0 };
    const queuedAtUtc = this.nowIso();
    for (const group of transactionGroups(messages)) {
      try {
        await this.table.submitTransaction(group.flatMap((m) => enqueueActions(m, queuedAtUtc)));
        counts.queued += group.length;
      } catch (error) {
        if (!isConflict(error)) throw error;
        // Some message in the group is already queued: the transaction did nothing; go one by one.
        for (const message of group) {
          if (await this.enqueueOne(message, queuedAtUtc)) counts.queued++;
          else counts.duplicates++;
        }
      }
    }
    return counts;
  }

  /** Records a message as failed without sending it; false when it was already recorded. */
  async recordSkipped(message: SkippedMessage): Promise<boolean> {
    const now = this.nowIso();
    const record: RecordEntity = {
      partitionKey: message.keys.partitionKey,
      rowKey: message.keys.recordRowKey,
      batchId: message.batchId,
      dedupeKey: message.dedupeKey,
      aadObjectId: message.aadObjectId,
      state: 'failed',
      reason: message.reason,
      detail: 'not sent',
      attempts: 0,
      queuedAtUtc: now,
      completedAtUtc: now,
      activityId: '',
    };
    try {
      await this.table.createEntity(record);
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  /**
   * Up to `limit` rows of one shard that are due at `nowMs` and not under someone's lease, oldest
   * first. A bounded range read: rows due later, delivered messages and records are outside it.
   */
  async listDue(partitionKey: string, nowMs: number, limit: number): Promise<PendingMessage[]> {
    const { from, to } = dueRange(nowMs);
    return this.readPending(
      odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to} and availableAt le ${padMs(nowMs)}`,
      limit,
    );
  }

  /**
   * Up to `limit` rows of one shard still leased to `claimant` (a dispatcher boot known to be
   * dead), so they can be taken over without waiting out the lease. A bounded read: the due
   * range holds pending work only, and the claimant filter leaves rows of live boots alone.
   */
  async listClaimedBy(partitionKey: string, claimant: string, nowMs: number, limit: number): Promise<PendingMessage[]> {
    if (claimant.length === 0) return [];
    const { from, to } = dueRange(nowMs);
    return this.readPending(
      odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to} and claimedBy eq ${claimant} and availableAt gt ${padMs(nowMs)}`,
      limit,
    );
  }

  /**
   * Takes rows for `instanceId` until `leaseUntilMs`, in transactions of up to 100 rows. A chunk in
   * which any row changed since it was read (412) or went (404) is taken by nobody: the caller
   * reads again and finds the rows the other dispatcher took gone from the due range.
   */
  async claim(rows: readonly PendingMessage[], instanceId: string, leaseUntilMs: number): Promise<PendingMessage[]> {
    const claimed: PendingMessage[] = [];
    for (const chunk of chunks(rows, CLAIMS_PER_TRANSACTION)) {
      const actions: TransactionAction[] = chunk.map((row) => [
        'update',
        {
          partitionKey: row.partitionKey,
          rowKey: row.rowKey,
          availableAt: padMs(leaseUntilMs),
          claimedBy: instanceId,
          claims: row.claims + 1,
        },
        'Merge',
        { etag: row.etag },
      ]);
      try {
        const response = await this.table.submitTransaction(actions);
        // Sub-responses come in the order of the operations; those of updates carry no row key.
        chunk.forEach((row, i) => {
          const etag = response.subResponses[i]?.etag;
          if (!etag) throw new Error('claim: the transaction response has no ETag for an updated row');
          claimed.push({ ...row, etag, claims: row.claims + 1, availableAtMs: leaseUntilMs });
        });
      } catch (error) {
        if (!isPreconditionFailed(error) && !isNotFound(error)) throw error;
      }
    }
    return claimed;
  }

  /**
   * Removes the pending row and writes the final state, in one transaction. The delete is not
   * conditional (the SDK sends no If-Match for deletes in a transaction): if this dispatcher's lease
   * ran out mid-send and another took the row, both sent and either real result may stand; the
   * later completion finds the row gone (404) and returns false.
   */
  async complete(message: PendingMessage, completion: Completion): Promise<boolean> {
    const record: Partial<RecordEntity> & { partitionKey: string; rowKey: string } = {
      partitionKey: message.partitionKey,
      rowKey: message.recordKey,
      state: completion.state,
      attempts: completion.attempts,
      completedAtUtc: this.nowIso(),
      reason: completion.state === 'failed' ? completion.reason : '',
      detail: completion.state === 'failed' ? completion.detail : '',
      activityId: completion.state === 'sent' ? (completion.activityId ?? '') : '',
    };
    return this.transactIfStillClaimed([
      ['delete', { partitionKey: message.partitionKey, rowKey: message.rowKey }],
      ['update', record, 'Merge'],
    ]);
  }

  /**
   * Puts the row back for a retry at `dueMs`, in place: the lease becomes the backoff. Conditional
   * on the claim's ETag, so a dispatcher whose lease was taken over changes nothing (false).
   */
  async reschedule(message: PendingMessage, dueMs: number, attempts: number, lastError: string): Promise<boolean> {
    const pending: Partial<PendingEntity> & { partitionKey: string; rowKey: string } = {
      partitionKey: message.partitionKey,
      rowKey: message.rowKey,
      availableAt: padMs(dueMs),
      claimedBy: '',
      attempts,
      lastError,
    };
    return this.transactIfStillClaimed([
      ['update', pending, 'Merge', { etag: message.etag }],
      ['update', { partitionKey: message.partitionKey, rowKey: message.recordKey, attempts, detail: lastError }, 'Merge'],
    ]);
  }

  /** Gives a claimed row back (graceful stop) so another dispatcher need not wait for the lease. */
  async release(message: PendingMessage): Promise<void> {
    try {
      await this.table.updateEntity(
        {
          partitionKey: message.partitionKey,
          rowKey: message.rowKey,
          availableAt: NO_CLAIM,
          claimedBy: '',
          claims: Math.max(0, message.claims - 1),
        },
        'Merge',
        { etag: message.etag },
      );
    } catch (error) {
      if (!isPreconditionFailed(error) && !isNotFound(error)) throw error;
    }
  }

  /** Counts a batch's records: one range read per shard, proportional to the batch, not the table. */
  async progress(batchId: string): Promise<BatchProgress> {
    const { from, to } = recordRange(batchKey(batchId));
    const records: RecordSummary[] = [];
    for (const partitionKey of allShardPartitions()) {
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`;
      for await (const entity of this.table.listEntities<RecordEntity>({
        queryOptions: { filter, select: ['state', 'reason', 'attempts'] },
      })) {
        records.push({ state: entity.state, reason: entity.reason ?? '', attempts: Number(entity.attempts) || 0 });
      }
    }
    return tallyProgress(batchId, records);
  }

  // Server-side filtering may hand back short pages with a continuation; follow a few, not all.
  private async readPending(filter: string, limit: number): Promise<PendingMessage[]> {
    if (limit <= 0) return [];
    const pages = this.table.listEntities<PendingEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: limit });
    const rows: PendingMessage[] = [];
    for (let page = 0; page < MAX_DUE_PAGES && rows.length < limit; page++) {
      const next = await pages.next();
      if (next.done) break;
      for (const entity of next.value as TableEntityResult<PendingEntity>[]) {
        if (rows.length < limit) rows.push(toPendingMessage({ ...entity, etag: entity.etag }));
      }
      if (!next.value.continuationToken) break;
    }
    return rows;
  }

  private async enqueueOne(message: PreparedMessage, queuedAtUtc: string): Promise<boolean> {
    try {
      await this.table.submitTransaction(enqueueActions(message, queuedAtUtc));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  private async transactIfStillClaimed(actions: TransactionAction[]): Promise<boolean> {
    try {
      await this.table.submitTransaction(actions);
      return true;
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return false;
      throw error;
    }
  }

  private nowIso(): string {
    return this.clock.now().toUTC().toISO()!;
  }
}

function enqueueActions(message: PreparedMessage, queuedAtUtc: string): TransactionAction[] {
  const { partitionKey, recordRowKey } = message.keys;
  const record: RecordEntity = {
    partitionKey,
    rowKey: recordRowKey,
    batchId: message.batchId,
    dedupeKey: message.dedupeKey,
    aadObjectId: message.aadObjectId,
    state: 'pending',
    reason: '',
    detail: '',
    attempts: 0,
    queuedAtUtc,
    completedAtUtc: '',
    activityId: '',
  };
  const pending: PendingEntity = {
    partitionKey,
    rowKey: pendingRowKey(message.dueMs, message.keys),
    batchId: message.batchId,
    dedupeKey: message.dedupeKey,
    recordKey: recordRowKey,
    aadObjectId: message.aadObjectId,
    conversationKey: message.conversationKey,
    conversationReference: message.conversationReference,
    card: message.card,
    attempts: 0,
    claims: 0,
    availableAt: NO_CLAIM,
    claimedBy: '',
    queuedAtUtc,
    lastError: '',
  };
  return [
    ['create', record],
    ['create', pending],
  ];
}

/** Messages grouped by partition into transactions that respect the count and size limits. */
function transactionGroups(messages: readonly PreparedMessage[]): PreparedMessage[][] {
  const byPartition = new Map<string, PreparedMessage[]>();
  for (const message of messages) {
    const list = byPartition.get(message.keys.partitionKey) ?? [];
    list.push(message);
    byPartition.set(message.keys.partitionKey, list);
  }
  const groups: PreparedMessage[][] = [];
  for (const list of byPartition.values()) {
    let group: PreparedMessage[] = [];
    let size = 0;
    for (const message of list) {
      const messageSize = message.card.length + message.conversationReference.length + 1_000;
      if (group.length > 0 && (group.length >= MESSAGES_PER_TRANSACTION || size + messageSize > MAX_TRANSACTION_CHARACTERS)) {
        groups.push(group);
        group = [];
        size = 0;
      }
      group.push(message);
      size += messageSize;
    }
    if (group.length > 0) groups.push(group);
  }
  return groups;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
