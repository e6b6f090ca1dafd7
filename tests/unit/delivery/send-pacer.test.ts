import { SendPacer } from '../../../src/platform/delivery/send-pacer';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../src/platform/delivery/teams-limits';
import { ManualClock } from '../../../src/platform/time/clock';

/** Drives a pacer with a manual clock the way the dispatcher does: send whenever allowed, else wait. */
function simulate(pacer: SendPacer, clock: ManualClock, conversations: string[], durationMs: number, latencyMs = 0): number[] {
  const sent: number[] = [];
  const end = clock.now().toMillis() + durationMs;
  let next = 0;
  while (clock.now().toMillis() < end) {
    const now = clock.now().toMillis();
    const key = conversations[next % conversations.length]!;
    const wait = Math.max(pacer.appWaitMs(now), pacer.conversationWaitMs(key, now));
    if (wait === 0) {
      // Each send is answered `latencyMs` later; until then it holds its slots.
      pacer.sendStarted(key);
      pacer.sendEnded(key, now + latencyMs);
      sent.push(now);
      next++;
    } else clock.advance({ milliseconds: Math.ceil(wait) });
  }
  return sent;
}

const manyConversations = Array.from({ length: 5_000 }, (_, i) => `c${i}`);

describe('SendPacer', () => {
  it('starts evenly: a fresh boot sends at its rate from the first moment, never a whole window at once', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const options = {
      ratePerSecond: 50,
      conversationWindows: TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: 20,
      conversationWindowMarginMs: 0,
    };
    const bursting = simulate(new SendPacer(options), new ManualClock('2026-11-23T09:00:00Z'), manyConversations, 200);
    expect(bursting.length).toBe(50); // without it: the whole second's allowance in the first instant

    const pacer = new SendPacer(options);
    pacer.startEvenly(clock.now().toMillis());
    const start = clock.now().toMillis();
    const sent = simulate(pacer, clock, manyConversations, 3_000);
    // What the previous boot sent in the second before the start plus these never passes the rate, if it too sent evenly.
    expect(sent.filter((at) => at < start + 500).length).toBeLessThanOrEqual(26);
    expect(sent.length).toBeGreaterThanOrEqual(0.95 * 150);
    for (let i = 50; i < sent.length; i++) expect(sent[i]! - sent[i - 50]!).toBeGreaterThanOrEqual(1_000);
  });

  it('paces the app rate: never more than the rate in any second, and at least 97% of it', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const pacer = new SendPacer({
      ratePerSecond: 50,
      conversationWindows: TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: 20,
      conversationWindowMarginMs: 0,
    });
    const sent = simulate(pacer, clock, manyConversations, 10_000);
    for (let i = 50; i < sent.length; i++) expect(sent[i]! - sent[i - 50]!).toBeGreaterThanOrEqual(1_000);
    expect(sent.length).toBeGreaterThanOrEqual(0.97 * 500);
    expect(sent.length).toBeLessThanOrEqual(500);
  });

  it('counts a send from its answer, so slow answers cannot squeeze more than the rate into a second at Teams', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const pacer = new SendPacer({
      ratePerSecond: 50,
      conversationWindows: TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: 0,
      conversationWindowMarginMs: 0,
    });
    const sent = simulate(pacer, clock, manyConversations, 10_000, 20);
    // Arrival lies between start and answer: starts 50 apart must be at least a second plus the latency apart.
    for (let i = 50; i < sent.length; i++) expect(sent[i]! - sent[i - 50]!).toBeGreaterThanOrEqual(1_020);
    expect(sent.length).toBeGreaterThanOrEqual(0.97 * 500);
  });

  it('holds every slot while sends are open, and frees them as they are answered', () => {
    const pacer = new SendPacer({
      ratePerSecond: 2,
      conversationWindows: TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: 0,
      conversationWindowMarginMs: 0,
    });
    pacer.sendStarted('a');
    pacer.sendStarted('b');
    expect(pacer.appWaitMs(0)).toBe(Number.POSITIVE_INFINITY);
    pacer.sendEnded('a', 300);
    expect(pacer.appWaitMs(400)).toBe(900);
  });

  it('gives each of two live instances half the app rate', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const pacer = new SendPacer({
      ratePerSecond: 50,
      conversationWindows: TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: 0,
      conversationWindowMarginMs: 0,
    });
    pacer.setInstances(2);
    expect(pacer.instanceRatePerSecond).toBe(25);
    const sent = simulate(pacer, clock, manyConversations, 4_000);
    expect(sent.length).toBe(100);
  });

  it('paces one conversation at the Teams per-conversation limits', () => {
    const clock = new ManualClock('2026-11-23T09:00:00Z');
    const pacer = new SendPacer({
      ratePerSecond: 50,
      conversationWindows: TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: 20,
      conversationWindowMarginMs: 0,
    });
    const start = clock.now().toMillis();
    const sent = simulate(pacer, clock, ['only'], 30_000).map((t) => t - start);
    expect(sent.filter((t) => t < 1_000)).toHaveLength(7);
    expect(sent.filter((t) => t < 2_000)).toHaveLength(8);
    expect(sent).toHaveLength(60);
  });

  it('adds the conversation margin to every per-conversation window', () => {
    const pacer = new SendPacer({
      ratePerSecond: 50,
      conversationWindows: [{ limit: 1, perMs: 1_000 }],
      appWindowMarginMs: 0,
      conversationWindowMarginMs: 250,
    });
    pacer.sendStarted('c');
    pacer.sendEnded('c', 0);
    expect(pacer.conversationWaitMs('c', 1_000)).toBe(250);
  });

  it('holds a conversation until its Retry-After, and everything during an app-wide pause', () => {
    const pacer = new SendPacer({
      ratePerSecond: 50,
      conversationWindows: TEAMS_CONVERSATION_WINDOWS,
      appWindowMarginMs: 20,
      conversationWindowMarginMs: 0,
    });
    pacer.blockConversation('c', 5_000);
    expect(pacer.conversationWaitMs('c', 1_000)).toBe(4_000);
    expect(pacer.conversationWaitMs('other', 1_000)).toBe(0);
    expect(pacer.conversationWaitMs('c', 5_000)).toBe(0);
    pacer.blockApp(9_000);
    pacer.blockApp(8_000); // a shorter pause does not shorten a longer one
    expect(pacer.appWaitMs(6_000)).toBe(3_000);
    expect(pacer.appWaitMs(9_000)).toBe(0);
  });
});
