import { conversationKeyOf } from '../../../src/platform/delivery/conversation-reference';
import type { ProactiveSender } from '../../../src/platform/delivery/proactive-sender';
import type { DispatcherStats } from '../../../src/platform/delivery/delivery-dispatcher';
import { TravelClock } from '../../support/travel-clock';
import { teamsPersonalChatId } from '../../support/teams-ids';
import { type DeliveryRig, deliveryRig, eventually } from './delivery-rig';

/**
 * Nothing here depends on how fast the machine is (it may be loaded, with the event loop stalling
 * for seconds): instances are made to see each other before work is queued, pacing is checked
 * against the limits the emulated connector enforces on arrival (which a send that counts from its
 * start to its answer can never break), and time-based pauses are passed by moving the clock.
 */
describe('Several DeliveryDispatcher instances over one outbox', () => {
  let rig: DeliveryRig;
  afterEach(() => rig.close());

  const seeEachOther = (...stats: (() => DispatcherStats)[]) =>
    eventually(() => expect(stats.map((s) => s().liveInstances)).toEqual(stats.map(() => stats.length)));

  it('two instances racing deliver every message exactly once, and both take part', async () => {
    const n = 300;
    rig = await deliveryRig({ appRatePerSecond: 200 });
    await rig.service.enqueueMany(Array.from({ length: n }, (_, i) => rig.message(i)));
    // Sends wait until both instances hold claims, so neither can drain the outbox alone, however the two are scheduled.
    let bothClaimed = false;
    const waitForBoth: ProactiveSender = {
      send: async (request) => {
        while (!bothClaimed) await new Promise((resolve) => setTimeout(resolve, 10));
        return rig.sender.send(request);
      },
    };
    const a = rig.dispatcher({ ratePerSecond: 200, instanceId: 'a', prefetch: 40, sender: waitForBoth });
    const b = rig.dispatcher({ ratePerSecond: 200, instanceId: 'b', prefetch: 40, sender: waitForBoth });
    a.start();
    b.start();
    await eventually(() => expect(Math.min(a.stats().claimed, b.stats().claimed)).toBeGreaterThan(0), 30_000);
    bothClaimed = true;
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: n, pending: 0 }), 60_000);
    expect(rig.connector.acceptedCounts().size).toBe(n);
    expect(rig.connector.duplicates()).toBe(0);
    expect(a.stats().sent).toBeGreaterThan(0);
    expect(b.stats().sent).toBeGreaterThan(0);
    expect(a.stats().sent + b.stats().sent).toBe(n);
  });

  it('pace at a share of the app rate each, so together they stay inside it', async () => {
    rig = await deliveryRig({ appRatePerSecond: 40 });
    const a = rig.dispatcher({ ratePerSecond: 40, instanceId: 'a' });
    const b = rig.dispatcher({ ratePerSecond: 40, instanceId: 'b' });
    a.start();
    b.start();
    await seeEachOther(
      () => a.stats(),
      () => b.stats(),
    );
    await rig.service.enqueueMany(Array.from({ length: 120 }, (_, i) => rig.message(i)));
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 120 }), 60_000);
    // The connector answers 429 to the 41st request in any second of arrivals: none came.
    expect(rig.connector.count(429)).toBe(0);
    expect(rig.connector.duplicates()).toBe(0);
    const arrivals = rig.connector.accepted.map((m) => m.atMs).sort((x, y) => x - y);
    expect(arrivals[119]! - arrivals[0]!).toBeGreaterThanOrEqual(2_000); // 120 at 40 per second
    expect(a.stats().sent).toBeGreaterThan(0);
    expect(b.stats().sent).toBeGreaterThan(0);
  });

  it('an instance respects an app-wide pause another instance stored', async () => {
    rig = await deliveryRig();
    const gateUntil = Date.now() + 1_200;
    await rig.control.raiseAppGate(gateUntil, 'test');
    await rig.service.enqueue(rig.message(1));
    rig.dispatcher().start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 1 }));
    expect(rig.connector.accepted[0]!.atMs).toBeGreaterThanOrEqual(gateUntil);
  });

  it('an instance respects a conversation’s Retry-After another instance stored', async () => {
    const clock = new TravelClock();
    rig = await deliveryRig({}, clock);
    // Paused for an hour: only moving the clock lets it through, however long the rest takes.
    const until = clock.now().plus({ hours: 1 }).toMillis();
    await rig.control.throttleConversation(conversationKeyOf(rig.connector.reference(teamsPersonalChatId('conv-1'))), until);
    await rig.service.enqueueMany([rig.message(1), rig.message(2)]);
    rig.dispatcher().start();
    await eventually(() => expect(rig.connector.accepted.map((m) => m.conversationId)).toEqual([teamsPersonalChatId('conv-2')]));
    expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 1, pending: 1 });
    clock.travelTo(new Date(until + 1_000).toISOString());
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 2, pending: 0 }));
    expect(rig.connector.accepted.map((m) => m.conversationId)).toEqual([teamsPersonalChatId('conv-2'), teamsPersonalChatId('conv-1')]);
  });

  it('stores an app-wide pause when Teams throttles across the board, and a second instance waits for it', async () => {
    rig = await deliveryRig({ faults: [{ times: 12, fault: { kind: 'status', status: 429, retryAfterSeconds: 2 } }] });
    await rig.service.enqueueMany(Array.from({ length: 12 }, (_, i) => rig.message(i)));
    rig.dispatcher({ instanceId: 'a', throttleDetector: { window: 8, threshold: 0.5 } }).start();
    await eventually(async () => expect((await rig.control.read(Date.now())).appGateUntilMs).toBeGreaterThan(0));
    const gate = (await rig.control.read(Date.now())).appGateUntilMs;
    rig.dispatcher({ instanceId: 'b' }).start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 12 }), 30_000);
    for (const message of rig.connector.accepted) expect(message.atMs).toBeGreaterThanOrEqual(gate);
  });
});
