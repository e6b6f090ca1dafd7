import { type DeliveryRig, deliveryRig, eventually } from './delivery-rig';
import { conversationKeyOf } from '../../../src/platform/delivery/conversation-reference';
import { silentLogger } from '../../../src/platform/logging/logger';
import { TeamsProactiveSender } from '../../../src/platform/teams/teams-proactive-sender';
import { teamsPersonalChatId } from '../../support/teams-ids';

describe('DeliveryDispatcher: outbox -> TeamsProactiveSender -> emulated connector', () => {
  let rig: DeliveryRig;
  afterEach(() => rig.close());

  async function sendOne(fault?: Parameters<DeliveryRig['connector']['addFault']>[0]) {
    rig = await deliveryRig({ faults: fault ? [fault] : [] });
    await rig.service.enqueue(rig.message(1));
    rig.dispatcher().start();
  }

  const progress = () => rig.service.progress('batch-1');

  it('delivers every queued message once and reports the batch as sent', async () => {
    rig = await deliveryRig();
    await rig.service.enqueueMany(Array.from({ length: 40 }, (_, i) => rig.message(i)));
    rig.dispatcher().start();
    await eventually(async () => expect(await progress()).toMatchObject({ queued: 40, sent: 40, pending: 0, failed: 0 }));
    expect(rig.connector.acceptedCounts().size).toBe(40);
    expect(rig.connector.duplicates()).toBe(0);
  });

  it('retries 5xx and 412 with backoff until the message goes through', async () => {
    await sendOne({ match: (r) => r.attempt <= 4, fault: { kind: 'status', status: 503 } });
    rig.connector.addFault({ match: (r) => r.attempt === 3, fault: { kind: 'status', status: 412 } });
    await eventually(async () => expect(await progress()).toMatchObject({ sent: 1, pending: 0 }));
    expect(rig.connector.requests).toBe(5);
    expect(rig.connector.acceptedCounts().get('batch-1:m1')).toBe(1);
  });

  it('waits out a 429’s Retry-After before the next attempt, and shares the pause through the table', async () => {
    await sendOne({ match: (r) => r.attempt === 1, fault: { kind: 'status', status: 429, retryAfterSeconds: 1 } });
    const started = Date.now();
    await eventually(async () => expect(await progress()).toMatchObject({ sent: 1 }));
    const [accepted] = rig.connector.accepted;
    expect(accepted!.atMs - started).toBeGreaterThanOrEqual(1_000);
    const throttles = await rig.control.activeConversationThrottles(started);
    expect(throttles.has(conversationKeyOf(rig.connector.reference(teamsPersonalChatId('conv-1'))))).toBe(true);
  });

  it('stops at a 403 ConversationBlockedByUser: one request, failed with the reason, member marked unreachable', async () => {
    await sendOne({ fault: { kind: 'status', status: 403, code: 'ConversationBlockedByUser' } });
    await eventually(async () => expect(await progress()).toMatchObject({ failed: 1, pending: 0, failures: { blocked_by_user: 1 } }));
    expect(rig.connector.requests).toBe(1);
    expect((await rig.unreachable.marks()).get('member-1')?.code).toBe('blocked_by_user');
  });

  it('stops at a 403 BotNotInConversationRoster and a 404 ConversationNotFound the same way', async () => {
    rig = await deliveryRig({
      faults: [
        {
          match: (r) => r.conversationId === teamsPersonalChatId('conv-1'),
          fault: { kind: 'status', status: 403, code: 'BotNotInConversationRoster' },
        },
        {
          match: (r) => r.conversationId === teamsPersonalChatId('conv-2'),
          fault: { kind: 'status', status: 404, code: 'ConversationNotFound' },
        },
      ],
    });
    await rig.service.enqueueMany([rig.message(1), rig.message(2)]);
    rig.dispatcher().start();
    await eventually(async () =>
      expect(await progress()).toMatchObject({ failed: 2, failures: { bot_not_in_roster: 1, conversation_not_found: 1 } }),
    );
    expect(rig.connector.requests).toBe(2);
    expect([...(await rig.unreachable.marks()).keys()].sort()).toEqual(['member-1', 'member-2']);
  });

  it('does not retry a 413', async () => {
    await sendOne({ fault: { kind: 'status', status: 413, code: 'MessageSizeTooBig' } });
    await eventually(async () => expect(await progress()).toMatchObject({ failed: 1, failures: { too_large: 1 } }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.connector.requests).toBe(1);
    expect((await rig.unreachable.marks()).size).toBe(0);
  });

  it('gives up after the configured attempts with the last reason', async () => {
    await sendOne({ fault: { kind: 'status', status: 502, code: 'BadGateway' } });
    await eventually(async () => expect(await progress()).toMatchObject({ failed: 1, failures: { attempts_exhausted: 1 } }));
    expect(rig.connector.requests).toBe(5);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(rig.connector.requests).toBe(5);
  });

  it('retries a send that timed out', async () => {
    rig = await deliveryRig({ faults: [{ match: (r) => r.attempt === 1, fault: { kind: 'timeout' } }] });
    await rig.service.enqueue(rig.message(1));
    // Only the first attempt, which the connector never answers, gives up quickly; the retry waits as long as it takes.
    const impatient = new TeamsProactiveSender({ logger: silentLogger(), timeoutMs: 300 });
    let calls = 0;
    rig.dispatcher({ sender: { send: (request) => (++calls === 1 ? impatient : rig.sender).send(request) } }).start();
    await eventually(async () => expect(await progress()).toMatchObject({ sent: 1 }));
    expect(rig.connector.requests).toBe(2);
    expect(rig.connector.duplicates()).toBe(0);
  });

  it('keeps one conversation within 7 per second and 8 per 2 seconds', async () => {
    rig = await deliveryRig();
    const reference = rig.connector.reference(teamsPersonalChatId('same'));
    await rig.service.enqueueMany(
      Array.from({ length: 10 }, (_, i) => ({
        ...rig.message(i),
        recipient: { aadObjectId: 'member-x', conversationReference: reference },
      })),
    );
    const started = Date.now();
    rig.dispatcher().start();
    await eventually(async () => expect(await progress()).toMatchObject({ sent: 10 }));
    expect(rig.connector.count(429)).toBe(0);
    const times = rig.connector.accepted.map((m) => m.atMs - started).sort((a, b) => a - b);
    expect(times[8]! - times[0]!).toBeGreaterThanOrEqual(1_900);
  });

  it('keeps to the configured app rate', async () => {
    rig = await deliveryRig({ appRatePerSecond: 20 });
    await rig.service.enqueueMany(Array.from({ length: 50 }, (_, i) => rig.message(i)));
    const started = Date.now();
    rig.dispatcher({ ratePerSecond: 20 }).start();
    await eventually(async () => expect(await progress()).toMatchObject({ sent: 50 }), 15_000);
    expect(rig.connector.count(429)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  });

  it('sends a message queued for later no earlier than asked', async () => {
    rig = await deliveryRig();
    const notBefore = rig.clock.now().plus({ milliseconds: 800 });
    await rig.service.enqueue({ ...rig.message(1), notBefore });
    rig.dispatcher().start();
    await eventually(async () => expect(await progress()).toMatchObject({ sent: 1 }));
    expect(rig.connector.accepted[0]!.atMs).toBeGreaterThanOrEqual(notBefore.toMillis());
  });
});
