import { backoffDelayMs, retryAfterDelayMs } from '../../../src/platform/delivery/backoff';

const policy = { baseMs: 1_000, maxMs: 30_000 };

describe('backoff', () => {
  it('doubles the ceiling per attempt up to the cap, with half of it fixed and half random', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelayMs(attempt, policy, () => 0))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000,
    ]);
    expect([1, 2, 3, 6].map((attempt) => backoffDelayMs(attempt, policy, () => 1))).toEqual([1_000, 2_000, 4_000, 30_000]);
  });

  it('spreads retries of messages that failed together', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const delays = new Set(Array.from({ length: 50 }, () => backoffDelayMs(3, policy, random)));
    expect(delays.size).toBeGreaterThan(40);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(2_000);
  });

  it('never overflows for absurd attempt numbers', () => {
    expect(backoffDelayMs(10_000, policy, () => 1)).toBe(30_000);
    expect(backoffDelayMs(0, policy, () => 0)).toBe(500);
  });

  it('waits at least Retry-After, plus at most 10% (capped at a second)', () => {
    expect(retryAfterDelayMs(2_000, () => 0)).toBe(2_000);
    expect(retryAfterDelayMs(2_000, () => 1)).toBe(2_200);
    expect(retryAfterDelayMs(60_000, () => 1)).toBe(61_000);
  });
});
