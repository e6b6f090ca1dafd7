/** When a run of 429s counts as the whole app being throttled. */
export interface ThrottleDetectorOptions {
  /** How many recent send results to look at. */
  window: number;
  /** Fraction of them that must be 429s before the whole app counts as throttled. */
  threshold: number;
}

/** A quarter of the last forty sends. */
export const DEFAULT_THROTTLE_DETECTOR: ThrottleDetectorOptions = { window: 40, threshold: 0.25 };

const DEFAULT_APP_PAUSE_MS = 1_000;

/**
 * Teams answers 429 both for one conversation and for the whole app, and says nothing about which.
 * A lone 429 delays that conversation only; when a quarter of recent sends are throttled across
 * the board, the app rate itself is exceeded (or another instance sends too fast) and every
 * sender should pause for the longest Retry-After seen.
 */
export class ThrottleDetector {
  private readonly recent: (number | null)[] = [];

  constructor(private readonly options: ThrottleDetectorOptions = DEFAULT_THROTTLE_DETECTOR) {}

  /**
   * Records one send result (`throttledFor` = the 429's Retry-After in ms, 0 without one; null for
   * anything else) and returns how long the whole app should pause, or 0.
   */
  record(throttledFor: number | null): number {
    this.recent.push(throttledFor);
    if (this.recent.length > this.options.window) this.recent.shift();
    const throttled = this.recent.filter((x): x is number => x !== null);
    if (this.recent.length < Math.min(this.options.window, 8) || throttled.length < this.options.window * this.options.threshold) return 0;
    this.recent.length = 0;
    return Math.max(DEFAULT_APP_PAUSE_MS, ...throttled);
  }
}
