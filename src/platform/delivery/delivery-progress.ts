import { type DeliveryState, type FailureReason, isFailureReason } from './delivery-state';

/** Where one batch (one broadcast) stands: what the officer's card shows. */
export interface BatchProgress {
  batchId: string;
  /** Every message the batch holds, whatever its state. */
  queued: number;
  sent: number;
  failed: number;
  /** Not yet sent: waiting for their turn or for a retry. */
  pending: number;
  /** Of the pending, those that already failed at least once and wait for a retry. */
  retrying: number;
  failures: Partial<Record<FailureReason, number>>;
}

/** The fields of a delivery record that progress needs. */
export interface RecordSummary {
  state: DeliveryState;
  reason: string;
  attempts: number;
}

export function tallyProgress(batchId: string, records: Iterable<RecordSummary>): BatchProgress {
  const progress: BatchProgress = { batchId, queued: 0, sent: 0, failed: 0, pending: 0, retrying: 0, failures: {} };
  for (const record of records) {
    progress.queued++;
    if (record.state === 'sent') progress.sent++;
    else if (record.state === 'failed') {
      progress.failed++;
      const reason = isFailureReason(record.reason) ? record.reason : 'rejected';
      progress.failures[reason] = (progress.failures[reason] ?? 0) + 1;
    } else {
      progress.pending++;
      if (record.attempts > 0) progress.retrying++;
    }
  }
  return progress;
}
