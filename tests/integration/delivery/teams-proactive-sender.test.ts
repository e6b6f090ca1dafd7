import { silentLogger } from '../../../src/platform/logging/logger';
import { TeamsProactiveSender } from '../../../src/platform/teams/teams-proactive-sender';
import { EmulatedConnector, type FaultRule, markerCard } from '../../support/emulated-connector';
import { teamsPersonalChatId } from '../../support/teams-ids';

describe('TeamsProactiveSender through botbuilder against the emulated connector', () => {
  let connector: EmulatedConnector;
  // Patient enough for a loaded machine; only the test of a connector that never answers uses an impatient one.
  const sender = new TeamsProactiveSender({ logger: silentLogger(), timeoutMs: 15_000 });

  async function sendWith(fault?: FaultRule['fault'], using = sender) {
    connector = new EmulatedConnector({ faults: fault ? [{ fault }] : [] });
    await connector.start();
    return using.send({ conversationReference: connector.reference(teamsPersonalChatId('conv-1')), card: markerCard('hello') });
  }

  afterEach(() => connector.stop());

  it('posts the card into the stored conversation and returns the activity id', async () => {
    const result = await sendWith();
    expect(result).toEqual({ ok: true, activityId: 'act-1' });
    expect(connector.accepted).toMatchObject([{ conversationId: teamsPersonalChatId('conv-1'), marker: 'hello' }]);
  });

  it('reports a 429 with its Retry-After after a single request (botbuilder’s own retries are off)', async () => {
    // An hour's Retry-After: a sender that waited it out would never answer within the test.
    const result = await sendWith({ kind: 'status', status: 429, retryAfterSeconds: 3_600, code: 'Throttled' });
    expect(result).toEqual({ ok: false, status: 429, code: 'Throttled', retryAfterMs: 3_600_000, transient: true });
    expect(connector.requests).toBe(1);
  });

  it.each([500, 502, 503, 504, 412])('reports %i as transient after a single request', async (status) => {
    const result = await sendWith({ kind: 'status', status });
    expect(result).toMatchObject({ ok: false, status, transient: true });
    expect(connector.requests).toBe(1);
  });

  it('reports who cannot be reached with the Teams error code', async () => {
    expect(await sendWith({ kind: 'status', status: 403, code: 'ConversationBlockedByUser' })).toEqual({
      ok: false,
      status: 403,
      code: 'ConversationBlockedByUser',
      transient: false,
    });
    await connector.stop();
    expect(await sendWith({ kind: 'status', status: 403, code: 'BotNotInConversationRoster' })).toMatchObject({
      status: 403,
      code: 'BotNotInConversationRoster',
      transient: false,
    });
    await connector.stop();
    expect(await sendWith({ kind: 'status', status: 404, code: 'ConversationNotFound' })).toMatchObject({
      status: 404,
      code: 'ConversationNotFound',
      transient: false,
    });
  });

  it('reports 413 as final', async () => {
    expect(await sendWith({ kind: 'status', status: 413, code: 'MessageSizeTooBig' })).toMatchObject({ status: 413, transient: false });
  });

  it('gives up on a connector that never answers and reports a transient timeout', async () => {
    // The connector holds the request for ever: only the sender's own timeout can end this.
    const impatient = new TeamsProactiveSender({ logger: silentLogger(), timeoutMs: 300 });
    expect(await sendWith({ kind: 'timeout' }, impatient)).toEqual({ ok: false, status: 0, code: 'Timeout', transient: true });
    expect(connector.requests).toBe(1);
  });

  it('reports a connector that is not there as transient', async () => {
    connector = new EmulatedConnector();
    await connector.start();
    const reference = connector.reference(teamsPersonalChatId('conv-1'));
    await connector.stop();
    const result = await sender.send({ conversationReference: reference, card: markerCard('x') });
    expect(result).toMatchObject({ ok: false, status: 0, transient: true });
    connector = new EmulatedConnector();
    await connector.start();
  });
});
