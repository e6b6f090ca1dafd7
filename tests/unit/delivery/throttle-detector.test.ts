import { ThrottleDetector } from '../../../src/platform/delivery/throttle-detector';

describe('ThrottleDetector', () => {
  it('treats scattered 429s as about their conversations, not the app', () => {
    const detector = new ThrottleDetector({ window: 40, threshold: 0.25 });
    for (let i = 0; i < 400; i++) expect(detector.record(i % 20 === 0 ? 1_000 : null)).toBe(0);
  });

  it('pauses the app for the longest Retry-After once a quarter of recent sends are throttled, then starts afresh', () => {
    const detector = new ThrottleDetector({ window: 40, threshold: 0.25 });
    for (let i = 0; i < 30; i++) detector.record(null);
    const pauses: number[] = [];
    for (let i = 0; i < 10; i++) pauses.push(detector.record(i === 3 ? 4_000 : 2_000));
    expect(pauses.slice(0, 9).every((p) => p === 0)).toBe(true);
    expect(pauses[9]).toBe(4_000);
    expect(detector.record(2_000)).toBe(0);
  });

  it('pauses at least a second when the 429s named no Retry-After', () => {
    const detector = new ThrottleDetector({ window: 8, threshold: 0.5 });
    const pauses = Array.from({ length: 8 }, () => detector.record(0));
    expect(pauses.filter((p) => p > 0)).toEqual([1_000]);
  });
});
