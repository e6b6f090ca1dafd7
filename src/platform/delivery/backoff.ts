/** Exponential backoff: the ceiling doubles per attempt from baseMs up to maxMs. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** From one second, doubling, up to five minutes. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000 };

/**
 * Delay before retry number `attempt` (1 = the first retry), with "equal jitter": half the ceiling
 * fixed, half random. Never zero, so a struggling service is not hit again at once, and spread, so
 * instances that failed together do not come back together.
 */
export function backoffDelayMs(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt, 1) - 1, 30);
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Delay after a 429 that named its Retry-After: that long, plus up to 10% (at most a second) so
 * every throttled message does not return in the same millisecond.
 */
export function retryAfterDelayMs(retryAfterMs: number, random: () => number): number {
  return Math.round(retryAfterMs + random() * Math.min(1_000, retryAfterMs * 0.1));
}
