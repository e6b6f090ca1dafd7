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
  it('reminds each due councillor at most once a month with the next sessions, honours stop and start, stops once they are trained, and keeps the daily run planned even when a run fails', async () => {
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
    let failNextBroadcast = false;
    const flakyDelivery: Pick<DeliveryService, 'broadcast'> = {
      broadcast: async (broadcast) => {
        if (failNextBroadcast) {
          failNextBroadcast = false;
          throw new Error('outbox down');
        }
        return delivery.broadcast(broadcast);
      },
    };
    const desk = new TrainingDesk({
      events,
      attendance: new AttendanceBook(store.client('attendance')),
      councillors,
      preferences,
      delivery: flakyDelivery,
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
    expect(await preferences.lastReminded()).toEqual(
      new Map([[councillor(1).aadObjectId, { atUtc: '2026-11-02T10:00:00.000Z', batchId: 'training-reminder:2026-11' }]]),
    );

    // Next month, while a session is planned: again, but not before a month has passed since the last one.
    const attendance = new AttendanceBook(store.client('attendance'));
    await events.create({
      ...session,
      id: 'ev-0000000000000000000000b2',
      startUtc: '2027-01-20T10:00:00.000Z',
      endUtc: '2027-01-20T12:00:00.000Z',
    });
    const runOn = async (day: string) => {
      clock.set(DateTime.fromISO(`${day}T10:00:00`, { zone: 'Europe/London' }));
      expect(await scheduler.tick()).toBe(1);
    };
    await runOn('2026-12-01');
    expect((await delivery.progress('training-reminder:2026-12')).queued).toBe(0);
    await runOn('2026-12-02');
    expect((await delivery.progress('training-reminder:2026-12')).queued).toBe(1);

    // "start training reminders" brings Cllr 2 back (reminded at the next run); "stop" takes Cllr 1 off.
    await desk.setReminders(councillor(2).aadObjectId, true);
    await runOn('2026-12-03');
    expect((await delivery.progress('training-reminder:2026-12')).queued).toBe(2);
    await desk.setReminders(councillor(1).aadObjectId, false);
    expect(JSON.stringify(await desk.mine(councillor(1)))).toContain('Training reminders are off.');

    // Cllr 2 attends the January session; from then on nobody is due who wants reminders.
    await attendance.apply({
      occasionId: 'ev-0000000000000000000000b2',
      wanted: [{ member: { aadObjectId: councillor(2).aadObjectId, name: councillor(2).name }, status: 'attended' }],
      by: { aadObjectId: 'o', name: 'O' },
      source: 'officer',
      submissionId: 'form-january',
      atUtc: '2027-01-20T10:30:00.000Z',
    });
    await events.create({
      ...session,
      id: 'ev-0000000000000000000000b3',
      startUtc: '2027-03-10T10:00:00.000Z',
      endUtc: '2027-03-10T12:00:00.000Z',
    });
    await runOn('2027-02-03');
    expect((await delivery.progress('training-reminder:2027-02')).queued).toBe(0);
    await desk.setReminders(councillor(1).aadObjectId, true);
    await runOn('2027-02-04');
    const february = await delivery.progress('training-reminder:2027-02');
    expect(february.queued).toBe(1);
    expect((await preferences.lastReminded()).get(councillor(1).aadObjectId)?.atUtc).toBe('2027-02-04T10:00:00.000Z');
    expect((await preferences.lastReminded()).get(councillor(2).aadObjectId)?.atUtc).toBe('2026-12-03T10:00:00.000Z');
    expect(JSON.stringify(await desk.mine(councillor(2)))).toContain('You are up to date');

    // A run that stops after recording the reminder and before queuing it: its retry queues it, once.
    failNextBroadcast = true;
    await runOn('2027-03-04');
    expect((await preferences.lastReminded()).get(councillor(1).aadObjectId)).toEqual({
      atUtc: '2027-03-04T10:00:00.000Z',
      batchId: 'training-reminder:2027-03',
    });
    expect((await delivery.progress('training-reminder:2027-03')).queued).toBe(0);
    clock.set(DateTime.fromISO('2027-03-04T10:05:00', { zone: 'Europe/London' }));
    expect(await scheduler.tick()).toBe(1);
    expect((await delivery.progress('training-reminder:2027-03')).queued).toBe(1);
    await runOn('2027-03-05');
    expect((await delivery.progress('training-reminder:2027-03')).queued).toBe(1);
    expect((await preferences.lastReminded()).get(councillor(1).aadObjectId)?.atUtc).toBe('2027-03-04T10:00:00.000Z');
  });
});
