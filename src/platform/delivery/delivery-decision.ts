import { type BackoffPolicy, backoffDelayMs, retryAfterDelayMs } from './backoff';
import type { FailureReason } from './delivery-state';
import type { SendResult } from './proactive-sender';

/** What to do with a message after one send attempt. */
export type DeliveryDecision =
  | { kind: 'sent'; activityId: string | undefined }
  | { kind: 'retry'; delayMs: number; throttled: boolean; retryAfterMs?: number; detail: string }
  | { kind: 'failed'; reason: FailureReason; detail: string; unreachable: boolean };

/** How long to keep trying a message that fails for reasons that may pass. */
export interface RetryPolicy {
  /** Send attempts allowed in all, the first included. */
  maxAttempts: number;
  backoff: BackoffPolicy;
}

// Teams documents these as "the member cannot be reached until they come back"; other 403 codes
// (e.g. the app disabled by an admin) are not about the member.
const UNREACHABLE_403: Record<string, FailureReason> = {
  ConversationBlockedByUser: 'blocked_by_user',
  BotNotInConversationRoster: 'bot_not_in_roster',
};

/**
 * Pure: the next state of a message given the result of attempt number `attempt` (1-based).
 * 429 waits for Retry-After; transient failures back off exponentially; 403/404 about the member
 * stop at once and mark them unreachable; 413 and other refusals stop at once.
 */
export function decideDelivery(result: SendResult, attempt: number, policy: RetryPolicy, random: () => number): DeliveryDecision {
  if (result.ok) return { kind: 'sent', activityId: result.activityId };
  const detail = describeRefusal(result.status, result.code);
  const unreachable =
    result.status === 403
      ? UNREACHABLE_403[result.code ?? '']
      : result.status === 404 && result.code === 'ConversationNotFound'
        ? 'conversation_not_found'
        : undefined;
  if (unreachable) return { kind: 'failed', reason: unreachable, detail, unreachable: true };
  if (result.status === 413) return { kind: 'failed', reason: 'too_large', detail, unreachable: false };
  if (!result.transient) return { kind: 'failed', reason: 'rejected', detail, unreachable: false };
  if (attempt >= policy.maxAttempts)
    return { kind: 'failed', reason: 'attempts_exhausted', detail: `${detail} after ${attempt} attempts`, unreachable: false };
  if (result.status === 429 && result.retryAfterMs !== undefined) {
    return {
      kind: 'retry',
      delayMs: retryAfterDelayMs(result.retryAfterMs, random),
      throttled: true,
      retryAfterMs: result.retryAfterMs,
      detail,
    };
  }
  return { kind: 'retry', delayMs: backoffDelayMs(attempt, policy.backoff, random), throttled: result.status === 429, detail };
}

/** "503 ServiceUnavailable", "no response Timeout": the detail stored with a retry or a failure. */
export function describeRefusal(status: number, code: string | undefined): string {
  const head = status === 0 ? 'no response' : String(status);
  return code ? `${head} ${code}` : head;
}
