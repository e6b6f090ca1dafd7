import { type RateWindow, SlidingWindowLimiter } from './sliding-window-limiter';

/** The limits a SendPacer keeps to. */
export interface SendPacerOptions {
  /** Requests per second allowed to the whole app (all dispatcher instances together). */
  ratePerSecond: number;
  conversationWindows: readonly RateWindow[];
  /**
   * Added to the app's window. Sends already count from their answer (see SlidingWindowLimiter),
   * which is safe when our clock and Teams' agree; this is slack for when they might not.
   */
  appWindowMarginMs: number;
  /** The same slack for the per-conversation windows. */
  conversationWindowMarginMs: number;
}

const APP_KEY = 'app';

/**
 * Decides when the next send may go: the app's rate (this instance's share of it), the
 * per-conversation windows, and pauses imposed by 429s (for one conversation or for the app).
 * Times are passed in, so an injected clock rules it.
 */
export class SendPacer {
  private readonly app: SlidingWindowLimiter;
  private readonly conversations: SlidingWindowLimiter;
  private readonly blocked = new Map<string, number>();
  private appBlockedUntil = 0;
  private share = 1;

  constructor(private readonly options: SendPacerOptions) {
    if (!(options.ratePerSecond > 0)) throw new Error('SendPacer: ratePerSecond must be positive');
    this.app = new SlidingWindowLimiter(this.appWindows());
    this.conversations = new SlidingWindowLimiter(
      options.conversationWindows.map((w) => ({ limit: w.limit, perMs: w.perMs + options.conversationWindowMarginMs })),
    );
  }

  /** This instance's share of the app rate: 1 / number of live dispatcher instances. */
  setInstances(count: number): void {
    const share = 1 / Math.max(1, count);
    if (share === this.share) return;
    this.share = share;
    this.app.setWindows(this.appWindows());
  }

  /**
   * A boot cannot know what its previous boot (killed a moment ago) or the other instances sent in
   * the last second, so it starts at its rate rather than with a burst of a whole window, which
   * on top of the previous boot's last second would draw 429s: the window before `nowMs` is taken
   * as used evenly.
   */
  startEvenly(nowMs: number): void {
    const [window] = this.appWindows();
    for (let i = 1; i <= window!.limit; i++) this.app.record(APP_KEY, nowMs - window!.perMs + (i * window!.perMs) / window!.limit);
  }

  get instanceRatePerSecond(): number {
    return this.options.ratePerSecond * this.share;
  }

  blockApp(untilMs: number): void {
    this.appBlockedUntil = Math.max(this.appBlockedUntil, untilMs);
  }

  /** Drops conversation pauses that have ended, so the map holds only live ones. */
  forgetExpired(nowMs: number): void {
    for (const [key, untilMs] of this.blocked) if (untilMs <= nowMs) this.blocked.delete(key);
  }

  blockConversation(conversationKey: string, untilMs: number): void {
    if (untilMs > (this.blocked.get(conversationKey) ?? 0)) this.blocked.set(conversationKey, untilMs);
  }

  /** Milliseconds before anything may be sent (app pause or app rate); 0 = now. */
  appWaitMs(nowMs: number): number {
    return Math.max(this.appBlockedUntil - nowMs, this.app.delayMs(APP_KEY, nowMs), 0);
  }

  /** Milliseconds before this conversation may receive another message; 0 = now. */
  conversationWaitMs(conversationKey: string, nowMs: number): number {
    const blockedUntil = this.blocked.get(conversationKey);
    if (blockedUntil !== undefined && blockedUntil <= nowMs) this.blocked.delete(conversationKey);
    return Math.max((blockedUntil ?? 0) - nowMs, this.conversations.delayMs(conversationKey, nowMs), 0);
  }

  /** A send to this conversation starts now: it holds a slot in every window until `sendEnded`. */
  sendStarted(conversationKey: string): void {
    this.app.begin(APP_KEY);
    this.conversations.begin(conversationKey);
  }

  /** The send's answer came (or it was given up) at `nowMs`. */
  sendEnded(conversationKey: string, nowMs: number): void {
    this.app.end(APP_KEY, nowMs);
    this.conversations.end(conversationKey, nowMs);
  }

  // A share of r requests a second becomes "floor(r) in floor(r)/r seconds" so that windows stay whole numbers.
  private appWindows(): RateWindow[] {
    const rate = this.options.ratePerSecond * this.share;
    const limit = Math.max(1, Math.floor(rate));
    return [{ limit, perMs: (1_000 * limit) / rate + this.options.appWindowMarginMs }];
  }
}
