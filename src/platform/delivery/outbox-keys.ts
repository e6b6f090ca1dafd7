import { hashedKey } from '../storage/keys';

/**
 * Key layout of the outbox table. Never change OUTBOX_SHARDS on a live table: a message's shard
 * comes from its dedupe key, so a re-enqueue would look in the wrong partition.
 *
 * Partition `shard-N` holds, for the messages whose key hashes to N:
 * - `m_<batch>_<key>`: the delivery record (state, reason, attempts). It outlives delivery and is
 *   the idempotency key: creating it twice fails with 409.
 * - `q_<dueMs>_<batch>_<key>`: present only while the message waits, keyed by the time it first
 *   became due and carrying what is needed to send it. Its `availableAt` holds a lease or a retry
 *   time. "What is due" is the range `q_` .. `q_<now>` filtered on `availableAt <= now`: the range
 *   spans pending work only (due, in flight, backing off); a delivered message's `q_` row is
 *   deleted and never read again, and records lie outside the range.
 * Both rows of a message share a partition so that every state change is one atomic transaction.
 * Partition `control` holds the app-wide pause and the live dispatcher instances; partition
 * `throttle` holds per-conversation pauses keyed by their end time (so only live ones are read).
 */
export const OUTBOX_SHARDS = 4;

/** Partition of the app-wide pause and the dispatcher heartbeats. */
export const CONTROL_PARTITION = 'control';
/** Partition of the per-conversation Retry-After pauses. */
export const THROTTLE_PARTITION = 'throttle';

const MS_DIGITS = 15;

/** Where one message's rows live: its shard partition and the hashes its row keys are built from. */
export interface MessageKeys {
  partitionKey: string;
  batchHash: string;
  keyHash: string;
  recordRowKey: string;
}

/** The keys of a message, from ids of any shape (they are hashed, so no character is a problem). */
export function messageKeys(batchId: string, dedupeKey: string): MessageKeys {
  const batchHash = batchKey(batchId);
  const keyHash = hashedKey('message', dedupeKey);
  return {
    partitionKey: shardPartition(Number.parseInt(keyHash.slice(0, 8), 16) % OUTBOX_SHARDS),
    batchHash,
    keyHash,
    recordRowKey: `m_${batchHash}_${keyHash}`,
  };
}

/** The hash that stands for a batch in row keys. */
export function batchKey(batchId: string): string {
  return hashedKey('batch', batchId);
}

/** The PartitionKey of shard `index`. */
export function shardPartition(index: number): string {
  return `shard-${index}`;
}

/** Every shard partition, in order: what a dispatcher polls. */
export function allShardPartitions(): string[] {
  return Array.from({ length: OUTBOX_SHARDS }, (_, i) => shardPartition(i));
}

/** The `q_` row key of a message first due at `dueMs`. */
export function pendingRowKey(dueMs: number, keys: Pick<MessageKeys, 'batchHash' | 'keyHash'>): string {
  return `q_${padMs(dueMs)}_${keys.batchHash}_${keys.keyHash}`;
}

/** RowKey bounds of the rows due at `nowMs`: [from, to). */
export function dueRange(nowMs: number): { from: string; to: string } {
  return { from: 'q_', to: `q_${padMs(nowMs + 1)}` };
}

/** RowKey bounds of a batch's delivery records: [from, to). '`' sorts right after '_'. */
export function recordRange(batchHash: string): { from: string; to: string } {
  return { from: `m_${batchHash}_`, to: `m_${batchHash}\`` };
}

/** Milliseconds since the epoch, zero-padded so that string order is time order. */
export function padMs(ms: number): string {
  return String(Math.max(0, Math.floor(ms))).padStart(MS_DIGITS, '0');
}
