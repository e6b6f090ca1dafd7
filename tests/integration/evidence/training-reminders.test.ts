import { DateTime } from 'luxon';
import { AttendanceBook } from '../../../src/features/attendance/data/attendance-book';
import { EventRepository } from '../../../src/features/events/data/event-repository';
import type { ParticipationEvent } from '../../../src/features/events/domain/event';
import type { Member } from '../../../src/features/members/domain/member';
import { TrainingPreferences } from '../../../src/features/training/data/training-preferences';
import { TrainingDesk } from '../../../src/features/training/training-desk';
import { silentLogger } from '../../../src/platform/logging/logger';
import { DeliveryService } from '../../../src/platform/delivery/delivery-service';
import { OutboxStore } from '../../../src/platform/delivery/outbox-store';
import { UnreachableMembers } from '../../../src/platform/delivery/unreachable-members';
import { JobStore } from '../../../src/platform/scheduler/job-store';
import { Scheduler, DEFAULT_SCHEDULER_OPTIONS } from '../../../src/platform/scheduler/scheduler';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';

const councillor = (i: number): Member => ({
  aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  name: `Cllr ${i}`,
  tenantId: 't',
  teamsUserId: `29:member-${i}`,
  active: true,
  lastSeen: DateTime.utc(),
  remindersOff: false,
  conversationReference: {
    conversation: { id: `a:conv-${i}` },
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    bot: { id: '28:bot' },
    user: { id: `29:member-${i}` },
    channelId: 'msteams',
  },
});

/** The monthly training reminder through the real scheduler and outbox: once a month, re-planned whatever happens to a run. */
describe('training reminders', () => {
  it('reminds each due councillor once a month with the next sessions, and keeps the daily run planned even when a run fails', async () => {
    const store = await testTableStore();
    const clock = new ManualClock('2026-11-01T09:00:00Z');
    const events = new EventRepository(store.client('events'));
    const session: ParticipationEvent = {
      id: 'ev-0000000000000000000000b1',
      title: 'Corporate parenting induction',
      kind: 'training',
      startUtc: '2026-11-20T10:00:00.000Z',
      endUtc: '2026-11-20T12:00:00.000Z',
      zone: 'Europe/London',
      venue: 'Sessions House',
      rsvpByUtc: '2026-11-20T10:00:00.000Z',
      audience: { kind: 'panel' },
      shortNotice: false,
      status: 'scheduled',
      lastChanges: [],
      sequence: 0,
      createdBy: { aadObjectId: 'o', name: 'O' },
      createdAt: '2026-10-01T09:00:00.000Z',
      updatedAt: '2026-10-01T09:00:00.000Z',
    };
    await events.create(session);
    const delivery = new DeliveryService(
      new OutboxStore(store.client('outbox'), clock),
      new UnreachableMembers(store.client('unreachable'), clock),
      clock,
    );
    const jobs = new JobStore(store.client('jobs'));
    let failNext = false;
    const councillors = {
      listCouncillors: async () => {
        if (failNext) {
          failNext = false;
          throw new Error('directory down');
        }
        return [councillor(1), councillor(2)];
      },
    };
    const preferences = new TrainingPreferences(store.client('training'));
    await preferences.optOut(councillor(2).aadObjectId, '2026-10-01T09:00:00.000Z');
    const desk = new TrainingDesk({
      events,
      attendance: new AttendanceBook(store.client('attendance')),
      councillors,
      preferences,
      delivery,
      jobs,
      clock,
      electionDate: '2025-05-01',
    });
    const scheduler = new Scheduler(jobs, desk.handlers(), clock, silentLogger(), DEFAULT_SCHEDULER_OPTIONS);
    await desk.ensureScheduled();
    await desk.ensureScheduled();
    expect(await jobs.pendingKeys('training-reminders|')).toEqual(['training-reminders|2026-11-01']); // 10:00 today is still ahead

    clock.set(DateTime.fromISO('2026-11-02T10:00:00', { zone: 'Europe/London' }));
    expect(await scheduler.tick()).toBe(1);
    expect((await delivery.progress('training-reminder:2026-11')).queued).toBe(1);
    expect(await jobs.pendingKeys('training-reminders|')).toEqual(['training-reminders|2026-11-03']);

    clock.set(DateTime.fromISO('2026-11-03T10:00:00', { zone: 'Europe/London' }));
    failNext = true;
    expect(await scheduler.tick()).toBe(1);
    expect((await jobs.pendingKeys('training-reminders|')).sort()).toEqual([
      'training-reminders|2026-11-03',
      'training-reminders|2026-11-04',
    ]);

    clock.set(DateTime.fromISO('2026-11-04T10:00:00', { zone: 'Europe/London' }));
    await scheduler.tick();
    await scheduler.tick();
    expect((await delivery.progress('training-reminder:2026-11')).queued).toBe(1);
    expect(await preferences.lastReminded()).toEqual(new Map([[councillor(1).aadObjectId, '2026-11-02T10:00:00.000Z']]));
  });
});
