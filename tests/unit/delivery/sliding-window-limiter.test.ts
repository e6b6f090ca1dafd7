import { SlidingWindowLimiter } from '../../../src/platform/delivery/sliding-window-limiter';
import { TEAMS_CONVERSATION_WINDOWS } from '../../../src/platform/delivery/teams-limits';

describe('SlidingWindowLimiter', () => {
  it('lets `limit` events through, then waits exactly until the oldest leaves the window', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 3, perMs: 1_000 }]);
    for (const t of [0, 10, 20]) {
      expect(limiter.delayMs('c', t)).toBe(0);
      limiter.record('c', t);
    }
    expect(limiter.delayMs('c', 30)).toBe(970);
    expect(limiter.delayMs('c', 999)).toBe(1);
    // An event exactly perMs ago has left the window.
    expect(limiter.delayMs('c', 1_000)).toBe(0);
  });

  it('keeps keys apart', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 1, perMs: 1_000 }]);
    limiter.record('a', 0);
    expect(limiter.delayMs('a', 1)).toBe(999);
    expect(limiter.delayMs('b', 1)).toBe(0);
  });

  it('applies the Teams per-conversation windows together: 7 in 1 s, then only one more before 2 s', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    const sent: number[] = [];
    for (let t = 0; t < 4_000; t++) {
      if (limiter.delayMs('c', t) === 0) {
        limiter.record('c', t);
        sent.push(t);
      }
    }
    expect(sent.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(sent[7]).toBe(1_000); // the 1 s window frees, the 2 s window allows an 8th
    expect(sent[8]).toBe(2_000); // the 2 s window is full until the first event leaves it
    for (const t of sent) {
      expect(sent.filter((s) => s > t - 1_000 && s <= t).length).toBeLessThanOrEqual(7);
      expect(sent.filter((s) => s > t - 2_000 && s <= t).length).toBeLessThanOrEqual(8);
    }
  });

  it('enforces the 60 in 30 s window over a long run', () => {
    const limiter = new SlidingWindowLimiter(TEAMS_CONVERSATION_WINDOWS);
    const sent: number[] = [];
    for (let t = 0; t < 65_000; t += 10) {
      if (limiter.delayMs('c', t) === 0) {
        limiter.record('c', t);
        sent.push(t);
      }
    }
    for (const t of sent) expect(sent.filter((s) => s > t - 30_000 && s <= t).length).toBeLessThanOrEqual(60);
    expect(sent.filter((s) => s < 30_000)).toHaveLength(60);
  });

  it('forgets keys idle for longer than its longest window, so memory follows recent traffic', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 5, perMs: 1_000 }]);
    for (let i = 0; i < 999; i++) limiter.record(`k${i}`, 0);
    expect(limiter.size).toBe(999);
    limiter.record('late', 5_000); // the 1000th record triggers a sweep
    expect(limiter.size).toBe(1);
  });

  it('copes with an event recorded out of order', () => {
    const limiter = new SlidingWindowLimiter([{ limit: 2, perMs: 1_000 }]);
    limiter.record('c', 500);
    limiter.record('c', 100);
    expect(limiter.delayMs('c', 600)).toBe(500);
  });

  it('refuses windows that cannot work', () => {
    expect(() => new SlidingWindowLimiter([])).toThrow();
    expect(() => new SlidingWindowLimiter([{ limit: 0, perMs: 1_000 }])).toThrow();
  });
});
