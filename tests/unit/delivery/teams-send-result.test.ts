import { parseRetryAfter, toSendRefused } from '../../../src/platform/teams/teams-proactive-sender';

const now = Date.parse('2026-11-23T09:00:00Z');

function restError(statusCode: number, body: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return {
    name: 'RestError',
    statusCode,
    response: { headers: { get: (name: string) => lower.get(name.toLowerCase()) }, bodyAsText: body },
    ...extra,
  };
}

describe('toSendRefused', () => {
  it('reads status, Retry-After and the Teams error code from a RestError', () => {
    expect(toSendRefused(restError(429, '{"error":{"code":"Throttled"}}', { 'Retry-After': '2' }), now)).toEqual({
      ok: false,
      status: 429,
      code: 'Throttled',
      retryAfterMs: 2_000,
      transient: true,
    });
    expect(toSendRefused(restError(403, '{"error":{"code":"ConversationBlockedByUser","message":"x"}}'), now)).toEqual({
      ok: false,
      status: 403,
      code: 'ConversationBlockedByUser',
      transient: false,
    });
  });

  it('prefers the parsed body (details) and copes with bodies that are not JSON', () => {
    expect(toSendRefused(restError(404, '', {}, { details: { error: { code: 'ConversationNotFound' } } }), now)).toMatchObject({
      status: 404,
      code: 'ConversationNotFound',
    });
    expect(toSendRefused(restError(502, '<html>bad gateway</html>'), now)).toEqual({ ok: false, status: 502, transient: true });
    expect(toSendRefused(restError(503, '{not json'), now)).toEqual({ ok: false, status: 503, transient: true });
  });

  it.each([
    [408, true],
    [412, true],
    [500, true],
    [504, true],
    [400, false],
    [401, false],
    [413, false],
  ])('classes %i as transient: %s', (status, transient) => {
    expect(toSendRefused(restError(status, ''), now).transient).toBe(transient);
  });

  it('reports a timeout and a connection failure as transient with no status', () => {
    expect(toSendRefused(Object.assign(new Error('aborted'), { name: 'AbortError' }), now)).toEqual({
      ok: false,
      status: 0,
      code: 'Timeout',
      transient: true,
    });
    expect(toSendRefused(Object.assign(new Error('connect ECONNREFUSED'), { name: 'RestError', code: 'REQUEST_SEND_ERROR' }), now)).toEqual(
      { ok: false, status: 0, code: 'REQUEST_SEND_ERROR', transient: true },
    );
    expect(toSendRefused('not even an error', now)).toEqual({ ok: false, status: 0, transient: true });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds (fractions too) and HTTP-dates, and ignores nonsense', () => {
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter(' 0.25 ', now)).toBe(250);
    expect(parseRetryAfter(new Date(now + 7_000).toUTCString(), now)).toBe(7_000);
    expect(parseRetryAfter(new Date(now - 7_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});
