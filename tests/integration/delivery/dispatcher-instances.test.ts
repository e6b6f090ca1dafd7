import { conversationKeyOf } from '../../../src/platform/delivery/conversation-reference';
import { DeliveryRig, deliveryRig, eventually } from './delivery-rig';

describe('Several DeliveryDispatcher instances over one outbox', () => {
  let rig: DeliveryRig;
  afterEach(() => rig.close());

  it('two instances racing deliver every message exactly once, and both take part', async () => {
    const n = 300;
    rig = await deliveryRig({ appRatePerSecond: 200 });
    await rig.service.enqueueMany(Array.from({ length: n }, (_, i) => rig.message(i)));
    const a = rig.dispatcher({ ratePerSecond: 200, instanceId: 'a' });
    const b = rig.dispatcher({ ratePerSecond: 200, instanceId: 'b' });
    a.start();
    b.start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: n, pending: 0 }), 20_000);
    expect(rig.connector.acceptedCounts().size).toBe(n);
    expect(rig.connector.duplicates()).toBe(0);
    expect(a.stats().claimed).toBeGreaterThan(0);
    expect(b.stats().claimed).toBeGreaterThan(0);
    expect(a.stats().sent + b.stats().sent).toBe(n);
  });

  it('pace at a share of the app rate each, so together they stay inside it', async () => {
    rig = await deliveryRig({ appRatePerSecond: 40 });
    await rig.service.enqueueMany(Array.from({ length: 120 }, (_, i) => rig.message(i)));
    const a = rig.dispatcher({ ratePerSecond: 40, instanceId: 'a' });
    const b = rig.dispatcher({ ratePerSecond: 40, instanceId: 'b' });
    a.start();
    await new Promise((resolve) => setTimeout(resolve, 200)); // let both heartbeats be seen before the bulk
    b.start();
    const started = Date.now();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 120 }), 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(rig.connector.count(429)).toBeLessThanOrEqual(2);
    expect(rig.connector.duplicates()).toBe(0);
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
    rig = await deliveryRig();
    const until = Date.now() + 1_000;
    await rig.control.throttleConversation(conversationKeyOf(rig.connector.reference('a:conv-1')), until);
    await rig.service.enqueueMany([rig.message(1), rig.message(2)]);
    rig.dispatcher().start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 2 }));
    const at = new Map(rig.connector.accepted.map((m) => [m.conversationId, m.atMs]));
    expect(at.get('a:conv-1')).toBeGreaterThanOrEqual(until);
    expect(at.get('a:conv-2')).toBeLessThan(until);
  });

  it('stores an app-wide pause when Teams throttles across the board, and a second instance waits for it', async () => {
    rig = await deliveryRig({ faults: [{ times: 12, fault: { kind: 'status', status: 429, retryAfterSeconds: 2 } }] });
    await rig.service.enqueueMany(Array.from({ length: 12 }, (_, i) => rig.message(i)));
    rig.dispatcher({ instanceId: 'a', throttleDetector: { window: 8, threshold: 0.5 } }).start();
    await eventually(async () => expect((await rig.control.read(Date.now())).appGateUntilMs).toBeGreaterThan(Date.now()));
    const gate = (await rig.control.read(Date.now())).appGateUntilMs;
    rig.dispatcher({ instanceId: 'b' }).start();
    await eventually(async () => expect(await rig.service.progress('batch-1')).toMatchObject({ sent: 12 }), 15_000);
    for (const message of rig.connector.accepted) expect(message.atMs).toBeGreaterThanOrEqual(gate);
  });
});
