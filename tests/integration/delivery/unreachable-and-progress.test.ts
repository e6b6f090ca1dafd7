import { MemberDirectory } from '../../../src/features/members/data/member-directory';
import type { Member } from '../../../src/features/members/domain/member';
import { type FaultRule, markerCard } from '../../support/emulated-connector';
import { type DeliveryRig, deliveryRig, eventually } from './delivery-rig';
import { teamsPersonalChatId, teamsUserId } from '../../support/teams-ids';

describe('Unreachable members and batch progress', () => {
  let rig: DeliveryRig;
  let members: MemberDirectory;
  afterEach(() => rig.close());

  async function setUp(faults: FaultRule[] = []) {
    rig = await deliveryRig({ faults });
    members = new MemberDirectory(rig.store.client('members'), rig.clock);
  }

  async function seen(id: number, withConversation = true): Promise<void> {
    await members.recordSighting({
      aadObjectId: `member-${id}`,
      name: `Cllr ${id}`,
      tenantId: 'tenant-1',
      teamsUserId: teamsUserId(`${id}`),
      personalConversationReference: withConversation ? rig.connector.reference(teamsPersonalChatId(`conv-${id}`)) : undefined,
    });
  }

  const broadcast = async (batchId: string, list: Member[]) =>
    rig.service.broadcast({ batchId, members: list, card: (m) => markerCard(`${batchId}:${m.aadObjectId}`) });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('marks a member who blocked the bot, skips them next time, and reaches them again once they write to the bot', async () => {
    await setUp([
      {
        match: (r) => r.conversationId === teamsPersonalChatId('conv-2') && r.marker.startsWith('first:'),
        fault: { kind: 'status', status: 403, code: 'ConversationBlockedByUser' },
      },
    ]);
    for (const id of [1, 2, 3]) await seen(id);
    rig.dispatcher().start();

    await broadcast('first', await members.list({ activeOnly: true }));
    await eventually(async () =>
      expect(await rig.service.progress('first')).toMatchObject({ sent: 2, failed: 1, failures: { blocked_by_user: 1 } }),
    );
    await tick();

    expect(await broadcast('second', await members.list({ activeOnly: true }))).toEqual({ queued: 2, duplicates: 0, skipped: 1 });
    await eventually(async () =>
      expect(await rig.service.progress('second')).toMatchObject({ sent: 2, failed: 1, failures: { unreachable: 1 } }),
    );
    expect(rig.connector.accepted.filter((m) => m.marker === 'second:member-2')).toHaveLength(0);

    await tick();
    await seen(2); // the member messages the bot again: a later sighting outlives the mark
    expect(await broadcast('third', await members.list({ activeOnly: true }))).toEqual({ queued: 3, duplicates: 0, skipped: 0 });
    await eventually(async () => expect(await rig.service.progress('third')).toMatchObject({ sent: 3 }));
    expect((await rig.unreachable.marks()).has('member-2')).toBe(false);
  });

  it('clears a mark on request', async () => {
    await setUp();
    await rig.unreachable.mark('member-9', 'conversation_not_found');
    await rig.unreachable.clear('member-9');
    await rig.unreachable.clear('member-9');
    expect((await rig.unreachable.marks()).size).toBe(0);
  });

  it('counts queued, pending, sent and failed with reasons for a broadcast, before and after dispatch', async () => {
    await setUp([{ match: (r) => r.conversationId === teamsPersonalChatId('conv-4'), fault: { kind: 'status', status: 413 } }]);
    for (const id of [1, 2, 3, 4]) await seen(id);
    await seen(5, false); // never installed the bot personally
    await seen(6);
    await rig.unreachable.mark('member-6', 'bot_not_in_roster');
    await tick();

    const summary = await broadcast('invite', await members.list({ activeOnly: true }));
    expect(summary).toEqual({ queued: 4, duplicates: 0, skipped: 2 });
    expect(await broadcast('invite', await members.list({ activeOnly: true }))).toEqual({ queued: 0, duplicates: 6, skipped: 0 });
    expect(await rig.service.progress('invite')).toEqual({
      batchId: 'invite',
      queued: 6,
      sent: 0,
      failed: 2,
      pending: 4,
      retrying: 0,
      failures: { no_conversation_reference: 1, unreachable: 1 },
    });

    rig.dispatcher().start();
    await eventually(async () =>
      expect(await rig.service.progress('invite')).toEqual({
        batchId: 'invite',
        queued: 6,
        sent: 3,
        failed: 3,
        pending: 0,
        retrying: 0,
        failures: { no_conversation_reference: 1, unreachable: 1, too_large: 1 },
      }),
    );
    expect(await rig.service.progress('some-other-batch')).toMatchObject({ queued: 0 });
  });
});
