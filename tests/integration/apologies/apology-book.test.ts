import { DateTime } from 'luxon';
import { ApologyBook } from '../../../src/features/apologies/data/apology-book';
import { ManualClock } from '../../../src/platform/time/clock';
import { testTableStore } from '../../support/test-storage';

const meeting = {
  id: 'moderngov-7001',
  title: 'Corporate Parenting Panel, 20 January 2027',
  start: DateTime.fromISO('2027-01-20T10:00:00Z'),
  cancelled: false,
};
const martin = { aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Cllr Martin Hughes' };
const priya = { aadObjectId: '33333333-3333-4333-8333-333333333333', name: 'Cllr Priya Shah' };

async function setUp() {
  const clock = new ManualClock('2027-01-10T09:00:00Z');
  return { clock, book: new ApologyBook((await testTableStore()).client('apologies'), clock) };
}

describe('ApologyBook against Azurite', () => {
  it('records an apology once however often it is sent, keeping the first reason', async () => {
    const { book } = await setUp();
    expect((await book.send(meeting, martin, { reason: 'Full Council clash', substitute: 'Cllr Shah' })).kind).toBe('recorded');
    const again = await book.send(meeting, martin, { reason: 'different' });
    expect(again).toMatchObject({ kind: 'already_recorded', apology: { reason: 'Full Council clash', substitute: 'Cllr Shah' } });
    expect((await book.forMeeting(meeting.id)).map((a) => a.name)).toEqual(['Cllr Martin Hughes']);
  });

  it('lists apologies by name and lets a member withdraw theirs before the meeting', async () => {
    const { book } = await setUp();
    await book.send(meeting, priya, {});
    await book.send(meeting, martin, { reason: '  ' });
    expect((await book.forMeeting(meeting.id)).map((a) => [a.name, a.reason])).toEqual([
      ['Cllr Martin Hughes', undefined],
      ['Cllr Priya Shah', undefined],
    ]);
    expect(await book.withdraw(meeting, martin.aadObjectId)).toBe(true);
    expect(await book.withdraw(meeting, martin.aadObjectId)).toBe(false);
    expect((await book.forMeeting(meeting.id)).map((a) => a.name)).toEqual(['Cllr Priya Shah']);
  });

  it('refuses apologies and withdrawals once the meeting has started, or for a cancelled meeting, changing nothing', async () => {
    const { book, clock } = await setUp();
    await book.send(meeting, martin, {});
    await expect(book.send({ ...meeting, cancelled: true }, priya, {})).rejects.toMatchObject({ code: 'conflict' });
    clock.set(meeting.start);
    await expect(book.send(meeting, priya, {})).rejects.toMatchObject({ code: 'conflict' });
    await expect(book.withdraw(meeting, martin.aadObjectId)).rejects.toMatchObject({ code: 'conflict' });
    expect((await book.forMeeting(meeting.id)).map((a) => a.name)).toEqual(['Cllr Martin Hughes']);
  });

  it('refuses an over-long reason with a friendly message', async () => {
    const { book } = await setUp();
    await expect(book.send(meeting, martin, { reason: 'x'.repeat(501) })).rejects.toMatchObject({
      code: 'invalid_input',
      userMessage: 'Please keep the reason under 500 characters.',
    });
    expect(await book.forMeeting(meeting.id)).toEqual([]);
  });
});
