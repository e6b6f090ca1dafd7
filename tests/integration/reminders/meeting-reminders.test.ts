import { compose, type Composition } from '../../../src/app/composition';
import { loadConfig } from '../../../src/app/config';
import { silentLogger } from '../../../src/platform/logging/logger';
import type { Meeting } from '../../../src/features/meetings/domain/meeting';
import { KnowledgeBase } from '../../../src/features/remit/domain/knowledge-base';
import { JobStore } from '../../../src/platform/scheduler/job-store';
import { DEFAULT_SCHEDULER_OPTIONS, Scheduler } from '../../../src/platform/scheduler/scheduler';
import type { TableStore } from '../../../src/platform/storage/table-store';
import { EmulatedConnector } from '../../support/emulated-connector';
import { testTableStore } from '../../support/test-storage';
import { seedRolesIn } from '../../support/seed-roles';
import { TravelClock } from '../../support/travel-clock';
import { aMeeting } from '../../unit/meetings/meeting-fixtures';
import { teamsPersonalChatId, teamsUserId } from '../../support/teams-ids';

const knowledge = KnowledgeBase.loadFromDirectory();
const MEMBERS = ['aad-1', 'aad-2', 'aad-3', 'aad-4', 'aad-5'];

interface Rig {
  composition: Composition;
  store: TableStore;
  clock: TravelClock;
  connector: EmulatedConnector;
  /** Reminders each member's chat received, by conversation id. */
  received(text: string): Map<string, number>;
  save(meeting: Meeting): Promise<Meeting>;
  stop(): Promise<void>;
}

async function rig(start: string): Promise<Rig> {
  const store = await testTableStore();
  const clock = new TravelClock(start);
  const connector = new EmulatedConnector({
    markerOf: (activity) => `${String((activity.conversation as { id?: string })?.id)}|${JSON.stringify(activity.attachments)}`,
  });
  await connector.start();
  const config = {
    ...loadConfig({ NODE_ENV: 'test', REMINDER_OFFSETS: 'P7D,P1D', LOG_LEVEL: 'silent' }),
    publicBaseUrl: 'https://cpp.example.org',
  };
  const composition = compose(config, store, knowledge, clock, silentLogger());
  for (const id of MEMBERS) {
    await composition.services.members.recordSighting({
      aadObjectId: id,
      name: `Cllr ${id}`,
      tenantId: 'tenant-1',
      teamsUserId: teamsUserId(`${id}`),
      personalConversationReference: connector.reference(teamsPersonalChatId(`${id}`)),
    });
  }
  // The panel members are reminded; a guest who has used the bot is not (guests are in no broadcast).
  await seedRolesIn(
    store,
    MEMBERS.map((aadObjectId) => ({ aadObjectId })),
  );
  await composition.services.members.recordSighting({
    aadObjectId: 'aad-guest',
    name: 'A guest',
    tenantId: 'tenant-1',
    teamsUserId: teamsUserId('aad-guest'),
    personalConversationReference: connector.reference(teamsPersonalChatId('aad-guest')),
  });
  composition.dispatcher.start();
  return {
    composition,
    store,
    clock,
    connector,
    received: (text) => {
      const counts = new Map<string, number>();
      for (const [marker, count] of connector.acceptedCounts()) {
        const [conversation, body] = [marker.slice(0, marker.indexOf('|')), marker.slice(marker.indexOf('|') + 1)];
        if (body.includes(text)) counts.set(conversation, (counts.get(conversation) ?? 0) + count);
      }
      return counts;
    },
    save: async (meeting) => {
      await composition.services.meetings.repository.mutate(meeting.id, () => meeting);
      await composition.reminders.plan(meeting);
      return meeting;
    },
    stop: async () => {
      await composition.dispatcher.stop();
      await connector.stop();
    },
  };
}

async function eventually(check: () => boolean, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

const everyoneOnce = (counts: Map<string, number>) =>
  MEMBERS.every((id) => counts.get(teamsPersonalChatId(`${id}`)) === 1) && counts.size === MEMBERS.length;

describe('meeting reminders against Azurite and an emulated Teams connector', () => {
  let current: Rig | undefined;
  afterEach(async () => current?.stop());

  it('sends each member one reminder per offset when two scheduler instances race', async () => {
    const r = (current = await rig('2026-11-01T09:00:00Z'));
    await r.save(aMeeting({ sourceId: 'race', startUtc: '2026-11-20T10:00:00.000Z' }));
    const second = new Scheduler(
      new JobStore(r.store.client('jobs')),
      r.composition.reminders.handlers(),
      r.clock,
      silentLogger(),
      DEFAULT_SCHEDULER_OPTIONS,
    );
    r.clock.travelTo('2026-11-13T10:00:01Z');
    const ran = await Promise.all([r.composition.scheduler.tick(), second.tick(), r.composition.scheduler.tick(), second.tick()]);
    expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
    await eventually(() => everyoneOnce(r.received('meets in 1 week')));
    r.clock.travelTo('2026-11-19T10:00:01Z');
    await Promise.all([r.composition.scheduler.tick(), second.tick()]);
    await eventually(() => everyoneOnce(r.received('meets tomorrow')));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.connector.duplicates()).toBe(0);
  });

  it('sends nothing twice when an instance dies after fanning out but before finishing the job', async () => {
    const r = (current = await rig('2026-11-01T09:00:00Z'));
    await r.save(aMeeting({ sourceId: 'crash', startUtc: '2026-11-20T10:00:00.000Z' }));
    r.clock.travelTo('2026-11-13T10:00:01Z');
    const jobs = new JobStore(r.store.client('jobs'));
    const [job] = await jobs.due(r.clock.now(), 10);
    const claimed = await jobs.claim(job!, r.clock.now().plus(DEFAULT_SCHEDULER_OPTIONS.lease));
    await r.composition.reminders.handlers()['meeting-reminder']!(claimed!); // fanned out, then the instance dies
    r.clock.travelTo('2026-11-13T10:05:00Z'); // lease over: another instance runs the job again
    expect(await r.composition.scheduler.tick()).toBe(1);
    await eventually(() => everyoneOnce(r.received('meets in 1 week')));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.connector.duplicates()).toBe(0);
  });

  it('re-plans a moved meeting and notifies only the members already reminded when it is cancelled', async () => {
    const r = (current = await rig('2026-11-01T09:00:00Z'));
    const meeting = await r.save(aMeeting({ sourceId: 'moved', startUtc: '2026-11-20T10:00:00.000Z' }));
    r.clock.travelTo('2026-11-13T10:00:01Z');
    await r.composition.scheduler.tick();
    await eventually(() => everyoneOnce(r.received('meets in 1 week')));
    const moved = await r.save({
      ...meeting,
      startUtc: '2026-11-27T10:00:00.000Z',
      status: 'moved',
      previousStartUtc: meeting.startUtc,
      sequence: 1,
    });
    expect(await new JobStore(r.store.client('jobs')).pendingKeys(`meeting-reminder|${meeting.id}|`)).toEqual([
      `meeting-reminder|${meeting.id}|2026-11-27T10:00:00.000Z|P1D`,
      `meeting-reminder|${meeting.id}|2026-11-27T10:00:00.000Z|P7D`,
    ]);
    r.clock.travelTo('2026-11-19T10:00:01Z'); // the old "tomorrow" reminder would have been due now
    expect(await r.composition.scheduler.tick()).toBe(0);
    await r.composition.services.members.setRemindersOff('aad-5', true);
    await r.composition.services.members.markInactive('aad-4');
    await r.save({ ...moved, status: 'cancelled', sequence: 2 });
    expect(await r.composition.scheduler.tick()).toBe(1);
    await eventually(() => r.received('This meeting has been cancelled').size === 4);
    expect([...r.received('This meeting has been cancelled').keys()].sort()).toEqual(
      [teamsPersonalChatId('aad-1'), teamsPersonalChatId('aad-2'), teamsPersonalChatId('aad-3'), teamsPersonalChatId('aad-5')].sort(),
    );
    await r.save({ ...moved, status: 'cancelled', sequence: 3 }); // a re-sync of the same cancellation plans no second notice
    expect(await r.composition.scheduler.tick()).toBe(0);
  });

  it('sends a reminder missed during downtime late while the meeting is ahead, and never after it started', async () => {
    const r = (current = await rig('2026-11-01T09:00:00Z'));
    await r.save(aMeeting({ sourceId: 'late', startUtc: '2026-11-20T10:00:00.000Z' }));
    await r.save(aMeeting({ sourceId: 'missed', startUtc: '2026-11-12T10:00:00.000Z' }));
    r.clock.travelTo('2026-11-16T08:00:00Z'); // the bot was down from 1 to 16 November
    await r.composition.scheduler.tick();
    await eventually(() => everyoneOnce(r.received('20 November 2026')));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(r.received('12 November 2026').size).toBe(0);
  });
});
