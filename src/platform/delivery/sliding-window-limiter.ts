/** At most `limit` events in any interval of `perMs` milliseconds. */
export interface RateWindow {
  limit: number;
  perMs: number;
}

interface KeyLog {
  /** Times of finished events, ascending. */
  settled: number[];
  /** Events begun and not finished: they count as inside every window until they finish. */
  open: number;
}

/**
 * Sliding-window logs keyed by an id (a conversation, or one key for the whole app), driven by
 * times the caller passes in so an injected clock rules it.
 *
 * An event is a request to Teams, and what Teams counts is when the request arrives, which the
 * sender never sees: only that it is after the send began and before the answer came. So an event
 * counts from when it begins (`begin`) and, once answered (`end`), stays in the windows from the
 * moment of the answer. That makes "at most `limit` per window" hold at Teams whatever the network
 * delays, at the cost of one round trip per slot per window.
 *
 * Written here rather than taken from bottleneck (unmaintained since 2019) or rate-limiter-flexible
 * (fixed windows that allow a double burst across a boundary, Date.now() inside, no notion of a
 * request in flight): the Teams limits are stated as sliding windows, and the whole limiter is a
 * few lines.
 */
export class SlidingWindowLimiter {
  private readonly logs = new Map<string, KeyLog>();
  private windows: readonly RateWindow[];
  private longestMs: number;
  private endsSinceSweep = 0;

  constructor(windows: readonly RateWindow[]) {
    assertWindows(windows);
    this.windows = windows;
    this.longestMs = Math.max(...windows.map((w) => w.perMs));
  }

  /**
   * Milliseconds until one more event for `key` fits every window; 0 means now. Infinity when it
   * cannot fit before an open event ends (the caller waits for that instead of a timer).
   */
  delayMs(key: string, nowMs: number): number {
    const log = this.logs.get(key);
    if (!log) return 0;
    let delay = 0;
    for (const { limit, perMs } of this.windows) {
      const settledInWindow = countSince(log.settled, nowMs - perMs);
      const mustLeave = settledInWindow + log.open - limit + 1;
      if (mustLeave <= 0) continue;
      if (mustLeave > settledInWindow) return Number.POSITIVE_INFINITY;
      // The settled events leave oldest first; the mustLeave-th oldest in the window frees the slot.
      const freeing = log.settled[log.settled.length - settledInWindow + mustLeave - 1]!;
      delay = Math.max(delay, freeing + perMs - nowMs);
    }
    return delay;
  }

  /** An event starts now and counts until it ends. */
  begin(key: string): void {
    this.logFor(key).open++;
  }

  /** The event begun earlier finished at `nowMs`: from now on it counts from that instant. */
  end(key: string, nowMs: number): void {
    const log = this.logFor(key);
    log.open = Math.max(0, log.open - 1);
    this.settle(log, nowMs);
  }

  /** An instantaneous event (begun and ended at `nowMs`). */
  record(key: string, nowMs: number): void {
    this.settle(this.logFor(key), nowMs);
  }

  /** Replaces the windows, keeping what was recorded (a dispatcher's share of the app rate changes as instances come and go). */
  setWindows(windows: readonly RateWindow[]): void {
    assertWindows(windows);
    this.windows = windows;
    this.longestMs = Math.max(...windows.map((w) => w.perMs));
  }

  /** Keys tracked: bounded by the keys active within the longest window. */
  get size(): number {
    return this.logs.size;
  }

  private logFor(key: string): KeyLog {
    let log = this.logs.get(key);
    if (!log) {
      log = { settled: [], open: 0 };
      this.logs.set(key, log);
    }
    return log;
  }

  private settle(log: KeyLog, nowMs: number): void {
    // Clocks should not go backwards, but a log out of order would break the arithmetic above.
    let at = log.settled.length;
    while (at > 0 && log.settled[at - 1]! > nowMs) at--;
    log.settled.splice(at, 0, nowMs);
    trimBefore(log.settled, nowMs - this.longestMs);
    if (++this.endsSinceSweep >= 1000) this.sweep(nowMs);
  }

  // Forget keys with nothing inside the longest window, so memory follows recent traffic, not history.
  private sweep(nowMs: number): void {
    this.endsSinceSweep = 0;
    for (const [key, log] of this.logs) {
      trimBefore(log.settled, nowMs - this.longestMs);
      if (log.settled.length === 0 && log.open === 0) this.logs.delete(key);
    }
  }
}

function assertWindows(windows: readonly RateWindow[]): void {
  if (windows.length === 0 || windows.some((w) => !(w.limit >= 1) || !(w.perMs > 0)))
    throw new Error('SlidingWindowLimiter: every window needs limit >= 1 and perMs > 0');
}

/** Events strictly after `sinceMs` (an event exactly perMs ago has left the window). */
function countSince(log: readonly number[], sinceMs: number): number {
  let low = 0;
  let high = log.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (log[mid]! <= sinceMs) low = mid + 1;
    else high = mid;
  }
  return log.length - low;
}

function trimBefore(log: number[], sinceMs: number): void {
  let drop = 0;
  while (drop < log.length && log[drop]! <= sinceMs) drop++;
  if (drop > 0) log.splice(0, drop);
}
