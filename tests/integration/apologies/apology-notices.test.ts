import { Duration } from 'luxon';
import { ApologyBook } from '../../../src/features/apologies/data/apology-book';
import { ApologyDesk, apologyMeeting } from '../../../src/features/apologies/apology-desk';
import { ApologyNotices } from '../../../src/features/apologies/apology-notices';
import type { AdaptiveCardJson } from '../../../src/shared/cards/card-template';
import { silentLogger } from '../../../src/platform/logging/logger';
import { MeetingRepository } from '../../../src/features/meetings/data/meeting-repository';
import { JobStore } from '../../../src/platform/scheduler/job-store';
import { Scheduler, DEFAULT_SCHEDULER_OPTIONS } from '../../../src/platform/scheduler/scheduler';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';
import { entraObjectId } from '../../support/teams-ids';
import { aMeeting } from '../../unit/meetings/meeting-fixtures';

const martin = { aadObjectId: entraObjectId('cllr-martin'), name: 'Cllr Martin Hughes' };

/** Two instances of the bot on one storage account: each has its own desk, notices and scheduler. */
async function setUp() {
  const store = await testTableStore();
  const clock = new ManualClock('2027-01-10T09:00:00Z');
  const meetings = new MeetingRepository(store.client('meetings'));
  const meeting = aMeeting({ sourceId: '7001', startUtc: '2027-01-20T10:00:00.000Z' });
  await meetings.create(meeting);
  const told: { batchId: string; text: string }[] = [];
  const instance = () => {
    const book = new ApologyBook(store.client('apologies'), clock);
    const jobs = new JobStore(store.client('jobs'));
    const notices = new ApologyNotices({
      jobs,
      book,
      clock,
      delay: Duration.fromObject({ minutes: 3 }),
      notifyOfficers: async (batchId: string, card: AdaptiveCardJson) => void told.push({ batchId, text: JSON.stringify(card) }),
      meeting: async (id) => {
        const stored = await meetings.get(id);
        return stored ? apologyMeeting(stored.meeting) : undefined;
      },
    });
    return {
      desk: new ApologyDesk(book, meetings, clock, notices),
      scheduler: new Scheduler(jobs, notices.handlers(), clock, silentLogger(), DEFAULT_SCHEDULER_OPTIONS),
    };
  };
  return { clock, meetingId: meeting.id, told, a: instance(), b: instance() };
}

describe('apology notices to officers are coalesced (durable jobs, any instance)', () => {
  it('sending and withdrawing ten times, on two instances, tells officers once, with the latest state', async () => {
    const { clock, meetingId, told, a, b } = await setUp();
    for (let i = 0; i < 10; i++) {
      const desk = i % 2 === 0 ? a.desk : b.desk;
      await desk.send(meetingId, martin, { reason: `Reason ${i}` });
      clock.advance({ seconds: 5 });
      await desk.withdraw(meetingId, martin);
      clock.advance({ seconds: 5 });
    }
    await a.desk.send(meetingId, martin, { reason: 'Full Council clash' });
    expect(told).toHaveLength(0); // nothing yet: the notice waits a few minutes for the dust to settle
    clock.advance({ minutes: 3 });
    expect((await a.scheduler.tick()) + (await b.scheduler.tick())).toBe(1);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('Cllr Martin Hughes has sent apologies');
    expect(told[0]!.text).toContain('Full Council clash');
    expect(told[0]!.text).not.toContain('Reason 9');
  });

  it('a withdrawal later is its own notice; sending and withdrawing again within the delay tells nothing new', async () => {
    const { clock, meetingId, told, a, b } = await setUp();
    await a.desk.send(meetingId, martin, {});
    clock.advance({ minutes: 3 });
    await a.scheduler.tick();
    expect(told).toHaveLength(1);
    clock.advance({ minutes: 10 });
    await b.desk.withdraw(meetingId, martin);
    clock.advance({ minutes: 3 });
    await b.scheduler.tick();
    expect(told).toHaveLength(2);
    expect(told[1]!.text).toContain('Cllr Martin Hughes has withdrawn their apologies');
    clock.advance({ minutes: 10 });
    await a.desk.send(meetingId, martin, {});
    await a.desk.withdraw(meetingId, martin);
    clock.advance({ minutes: 3 });
    expect(await a.scheduler.tick()).toBe(1);
    expect(told).toHaveLength(2); // officers already know he is not sending apologies
  });
});
