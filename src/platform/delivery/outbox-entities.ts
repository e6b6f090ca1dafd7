import type { DeliveryState } from './delivery-state';

// Type aliases rather than interfaces: the Tables SDK wants entities assignable to an index signature.

/** A `q_` row: a message waiting to be sent (see outbox-keys.ts). Empty strings stand for "none". */
export type PendingEntity = {
  partitionKey: string;
  rowKey: string;
  batchId: string;
  dedupeKey: string;
  recordKey: string;
  aadObjectId: string;
  conversationKey: string;
  conversationReference: string;
  card: string;
  /** Send attempts made so far. */
  attempts: number;
  /** Times a dispatcher took the row; bounds messages that crash their sender every time. */
  claims: number;
  /**
   * Padded ms: nobody may take the row before then. Set by a claim (the lease: a crashed
   * dispatcher's rows come back when it ends) and by a retry (the backoff or Retry-After).
   */
  availableAt: string;
  claimedBy: string;
  queuedAtUtc: string;
  lastError: string;
};

/** An `m_` row: the delivery record of one message, kept after delivery for progress reporting. */
export type RecordEntity = {
  partitionKey: string;
  rowKey: string;
  batchId: string;
  dedupeKey: string;
  aadObjectId: string;
  state: DeliveryState;
  /** A FailureReason when failed, else ''. */
  reason: string;
  detail: string;
  attempts: number;
  queuedAtUtc: string;
  completedAtUtc: string;
  activityId: string;
};

/** A pending row as read, with the ETag that proves which version a claim or completion saw. */
export type PendingMessage = Omit<PendingEntity, 'availableAt' | 'claimedBy'> & { etag: string; availableAtMs: number };

/** A pending row as read from the table, with its ETag, in the shape the dispatcher works with. */
export function toPendingMessage(entity: PendingEntity & { etag: string }): PendingMessage {
  return {
    partitionKey: entity.partitionKey,
    rowKey: entity.rowKey,
    etag: entity.etag,
    batchId: entity.batchId,
    dedupeKey: entity.dedupeKey,
    recordKey: entity.recordKey,
    aadObjectId: entity.aadObjectId,
    conversationKey: entity.conversationKey,
    conversationReference: entity.conversationReference,
    card: entity.card,
    attempts: Number(entity.attempts) || 0,
    claims: Number(entity.claims) || 0,
    availableAtMs: Number(entity.availableAt) || 0,
    lastError: entity.lastError ?? '',
    queuedAtUtc: entity.queuedAtUtc,
  };
}
