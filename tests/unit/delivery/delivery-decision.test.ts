import { decideDelivery } from '../../../src/platform/delivery/delivery-decision';
import type { SendResult } from '../../../src/platform/delivery/proactive-sender';

const policy = { maxAttempts: 4, backoff: { baseMs: 1_000, maxMs: 60_000 } };
const half = () => 0.5;
const refused = (status: number, extra: Partial<Extract<SendResult, { ok: false }>> = {}): SendResult => ({
  ok: false,
  status,
  transient: [0, 408, 412, 429, 500, 502, 503, 504].includes(status),
  ...extra,
});

describe('decideDelivery', () => {
  it('records a send the channel took', () => {
    expect(decideDelivery({ ok: true, activityId: 'a1' }, 1, policy, half)).toEqual({ kind: 'sent', activityId: 'a1' });
  });

  it('waits for Retry-After on a 429, and backs off when the 429 names none', () => {
    expect(decideDelivery(refused(429, { retryAfterMs: 3_000 }), 1, policy, () => 0)).toMatchObject({
      kind: 'retry',
      delayMs: 3_000,
      throttled: true,
      retryAfterMs: 3_000,
    });
    expect(decideDelivery(refused(429), 2, policy, () => 0)).toMatchObject({ kind: 'retry', delayMs: 1_000, throttled: true });
  });

  it.each([412, 502, 503, 504, 500, 0])('retries %i with exponential backoff', (status) => {
    const first = decideDelivery(refused(status), 1, policy, () => 0);
    const third = decideDelivery(refused(status), 3, policy, () => 0);
    expect(first).toMatchObject({ kind: 'retry', delayMs: 500, throttled: false });
    expect(third).toMatchObject({ kind: 'retry', delayMs: 2_000 });
  });

  it('gives up after the last attempt, saying what kept failing', () => {
    expect(decideDelivery(refused(503, { code: 'ServiceUnavailable' }), 4, policy, half)).toEqual({
      kind: 'failed',
      reason: 'attempts_exhausted',
      detail: '503 ServiceUnavailable after 4 attempts',
      unreachable: false,
    });
    expect(decideDelivery(refused(429, { retryAfterMs: 1_000 }), 4, policy, half)).toMatchObject({
      kind: 'failed',
      reason: 'attempts_exhausted',
    });
  });

  it('stops at once and marks the member unreachable for 403 blocked / not in roster and 404 conversation not found', () => {
    expect(decideDelivery(refused(403, { code: 'ConversationBlockedByUser' }), 1, policy, half)).toEqual({
      kind: 'failed',
      reason: 'blocked_by_user',
      detail: '403 ConversationBlockedByUser',
      unreachable: true,
    });
    expect(decideDelivery(refused(403, { code: 'BotNotInConversationRoster' }), 1, policy, half)).toMatchObject({
      reason: 'bot_not_in_roster',
      unreachable: true,
    });
    expect(decideDelivery(refused(404, { code: 'ConversationNotFound' }), 1, policy, half)).toMatchObject({
      reason: 'conversation_not_found',
      unreachable: true,
    });
  });

  it('does not blame the member for other 403s and 404s, and does not retry them', () => {
    expect(decideDelivery(refused(403, { code: 'BotDisabledByAdmin' }), 1, policy, half)).toMatchObject({
      kind: 'failed',
      reason: 'rejected',
      unreachable: false,
    });
    expect(decideDelivery(refused(404), 1, policy, half)).toMatchObject({ kind: 'failed', reason: 'rejected', unreachable: false });
  });

  it('does not retry 413 (card too large) or 400', () => {
    expect(decideDelivery(refused(413), 1, policy, half)).toMatchObject({ kind: 'failed', reason: 'too_large' });
    expect(decideDelivery(refused(400, { code: 'BadArgument' }), 1, policy, half)).toMatchObject({
      kind: 'failed',
      reason: 'rejected',
      detail: '400 BadArgument',
    });
  });
});
