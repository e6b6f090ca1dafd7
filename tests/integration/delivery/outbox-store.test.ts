import { allShardPartitions } from '../../../src/platform/delivery/outbox-keys';
import type { PendingMessage } from '../../../src/platform/delivery/outbox-entities';
import { prepareMessage } from '../../../src/platform/delivery/prepared-message';
import type { OutboxStore } from '../../../src/platform/delivery/outbox-store';
import { ManualClock } from '../../../src/platform/time/clock';
import { type DeliveryRig, countRows, deliveryRig } from './delivery-rig';

async function allDue(outbox: OutboxStore, nowMs: number, limit = 1_000): Promise<PendingMessage[]> {
  const due: PendingMessage[] = [];
  for (const shard of allShardPartitions()) due.push(...(await outbox.listDue(shard, nowMs, limit)));
  return due;
}

describe('OutboxStore against Azurite', () => {
  let rig: DeliveryRig;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock('2026-11-23T09:00:00Z');
    rig = await deliveryRig({}, clock);
  });
  afterEach(() => rig.close());
  const now = () => clock.now().toMillis();

  it('stores a message once however often it is enqueued, alone or in a batch', async () => {
    expect(await rig.service.enqueue(rig.message(1))).toBe('queued');
    expect(await rig.service.enqueue(rig.message(1))).toBe('duplicate');
    // A transaction holding one known key falls back to one message at a time and keeps the rest.
    const counts = await rig.service.enqueueMany([1, 2, 3, 4].map((i) => rig.message(i)));
    expect(counts).toEqual({ queued: 3, duplicates: 1 });
    expect(await rig.service.enqueueMany([1, 2, 3, 4].map((i) => rig.message(i)))).toEqual({ queued: 0, duplicates: 4 });
    expect(await countRows(rig.outboxTable, 'q')).toBe(4);
    expect(await countRows(rig.outboxTable, 'm')).toBe(4);
    expect((await rig.service.progress('batch-1')).queued).toBe(4);
  });

  it('treats the same dedupe key in another batch as another message', async () => {
    const message = rig.message(1);
    await rig.service.enqueue(message);
    expect(await rig.service.enqueue({ ...message, batchId: 'batch-2' })).toBe('queued');
  });

  it('lists only what is due: not later rows, not leased rows, not delivered ones', async () => {
    await rig.service.enqueueMany([1, 2, 3].map((i) => rig.message(i)));
    await rig.service.enqueue({ ...rig.message(4), notBefore: clock.now().plus({ minutes: 5 }) });
    expect((await allDue(rig.outbox, now())).map((m) => m.dedupeKey).sort()).toEqual(['batch-1:m1', 'batch-1:m2', 'batch-1:m3']);

    const [first, second] = await allDue(rig.outbox, now());
    const [claimed] = await rig.outbox.claim([first!], 'me', now() + 60_000);
    expect((await allDue(rig.outbox, now())).map((m) => m.rowKey)).not.toContain(first!.rowKey);
    await rig.outbox.complete(claimed!, { state: 'sent', activityId: 'act-1', attempts: 1 });
    const [secondClaim] = await rig.outbox.claim([second!], 'me', now() + 60_000);
    await rig.outbox.complete(secondClaim!, { state: 'failed', reason: 'too_large', detail: '413', attempts: 1 });
    expect(await allDue(rig.outbox, now())).toHaveLength(1);
    expect(await countRows(rig.outboxTable, 'q')).toBe(2);

    clock.advance({ minutes: 5 });
    const untouched = ['batch-1:m1', 'batch-1:m2', 'batch-1:m3'].find((key) => key !== first!.dedupeKey && key !== second!.dedupeKey);
    expect((await allDue(rig.outbox, now())).map((m) => m.dedupeKey).sort()).toEqual([untouched, 'batch-1:m4']);
  });

  it('reads due work in proportion to what is due, not to what was ever delivered', async () => {
    await rig.service.enqueueMany(Array.from({ length: 120 }, (_, i) => rig.message(i)));
    for (const message of await allDue(rig.outbox, now())) {
      const [claimed] = await rig.outbox.claim([message], 'me', now() + 60_000);
      await rig.outbox.complete(claimed!, { state: 'sent', activityId: undefined, attempts: 1 });
    }
    expect(await countRows(rig.outboxTable, 'q')).toBe(0);
    expect(await allDue(rig.outbox, now())).toHaveLength(0);
    await rig.service.enqueueMany([200, 201, 202].map((i) => rig.message(i)));
    expect(await allDue(rig.outbox, now())).toHaveLength(3);
    expect(await rig.outbox.listDue(allShardPartitions()[0]!, now(), 1)).toHaveLength(
      Number((await allDue(rig.outbox, now())).some((m) => m.partitionKey === allShardPartitions()[0])),
    );
  });

  it('lets only one of two claimers take a row (ETag), and the lease return it after a crash', async () => {
    await rig.service.enqueue(rig.message(1));
    const [seenByA] = await allDue(rig.outbox, now());
    const [seenByB] = await allDue(rig.outbox, now());
    const wonA = await rig.outbox.claim([seenByA!], 'a', now() + 2_000);
    const wonB = await rig.outbox.claim([seenByB!], 'b', now() + 2_000);
    expect([wonA.length, wonB.length]).toEqual([1, 0]);
    expect(wonA[0]).toMatchObject({ claims: 1, availableAtMs: now() + 2_000 });

    clock.advance({ milliseconds: 1_999 });
    expect(await allDue(rig.outbox, now())).toHaveLength(0);
    clock.advance({ milliseconds: 1 });
    const [back] = await allDue(rig.outbox, now());
    expect(back).toMatchObject({ dedupeKey: 'batch-1:m1', claims: 1 });
    // The crashed claimer's late completion must not go through the new claimer's retry.
    const [retaken] = await rig.outbox.claim([back!], 'b', now() + 2_000);
    expect(await rig.outbox.reschedule(wonA[0]!, now() + 500, 1, '503')).toBe(false);
    expect(await rig.outbox.reschedule(retaken!, now() + 500, 1, '503')).toBe(true);
  });

  it('puts a row back for a retry in place, available at the retry time, and counts it as retrying', async () => {
    await rig.service.enqueue(rig.message(1));
    const [due] = await allDue(rig.outbox, now());
    const [claimed] = await rig.outbox.claim([due!], 'me', now() + 60_000);
    expect(await rig.outbox.reschedule(claimed!, now() + 3_000, 1, '503 ServiceUnavailable')).toBe(true);
    expect(await allDue(rig.outbox, now())).toHaveLength(0);
    expect(await rig.service.progress('batch-1')).toMatchObject({ pending: 1, retrying: 1 });
    clock.advance({ seconds: 3 });
    expect(await allDue(rig.outbox, now())).toMatchObject([{ attempts: 1, lastError: '503 ServiceUnavailable', claims: 1 }]);
  });

  it('gives a released claim back at once', async () => {
    await rig.service.enqueue(rig.message(1));
    const [due] = await allDue(rig.outbox, now());
    const [claimed] = await rig.outbox.claim([due!], 'me', now() + 60_000);
    await rig.outbox.release(claimed!);
    expect(await allDue(rig.outbox, now())).toMatchObject([{ claims: 0 }]);
  });

  it('writes the transactions of a large enqueue within the partition limits', async () => {
    const messages = Array.from({ length: 260 }, (_, i) => prepareMessage(rig.message(i, 'big'), clock));
    expect(await rig.outbox.enqueue(messages)).toEqual({ queued: 260, duplicates: 0 });
    expect((await rig.outbox.progress('big')).pending).toBe(260);
  });
});
