import { DateTime } from 'luxon';
import { MeetingQueries, isMeetingQuestion, parseMeetingQuestion } from '../../../src/features/meetings/meeting-query';
import { ManualClock } from '../../../src/platform/time/clock';
import { WorkingDayCalendar } from '../../../src/platform/time/working-days';
import { ArrayTimeline, aMeeting } from './meeting-fixtures';

// Monday 23 November 2026, 9am in London (GMT).
const now = DateTime.fromISO('2026-11-23T09:00:00Z');

describe('isMeetingQuestion', () => {
  it.each([
    'when is the next meeting?',
    'When is the next meeting',
    'where is the panel meeting',
    'Where is it?',
    "what's on the agenda?",
    'What’s on the agenda for the next meeting',
    'any meetings in March?',
    'is there a meeting next week',
    'meetings this year',
    'meetings',
    'upcoming meetings',
    'next meeting',
    'when does the panel next meet',
    'are there any panel meetings in 2027',
    'is the March meeting still going ahead',
    'where are the papers for the next meeting',
    'has the next meeting been cancelled',
    'meeting on 3 March',
    'is the agenda out yet',
    'agenda for the march meeting',
    // What a meeting to come will do is its agenda, which the calendar has.
    'what will be discussed at the next meeting',
    'when was the last meeting',
    'when did the panel last meet',
    'when will the agenda be published',
    'what time does the panel start',
    // The last meeting's card links its papers and minutes.
    'what happened at the last meeting',
    'what did the panel decide at its last meeting',
  ])('claims %j', (text) => {
    expect(isMeetingQuestion(text)).toBe(true);
  });

  it.each([
    'who chairs the panel',
    'who chairs the meeting',
    'how often does the panel meet',
    'how often are meetings held',
    'what is the panel for',
    'what are the corporate parenting principles',
    'can the public attend meetings',
    'what happens at a panel meeting',
    'what is a challenge card',
    'who sits on the panel',
    'is the meeting quorate with three members',
    'how do i get an item on the agenda',
    'can I put something on the agenda?',
    "getting an item onto the panel's agenda",
    'who sets the agenda',
    'add an item to the work programme',
    'how can i raise an issue at the next meeting',
    // What a meeting did, or who came, is in its minutes (the knowledge base), not the calendar.
    'what was discussed at the 20 january 2017 panel meeting',
    'what happened at the march 2017 meeting',
    'were the minutes from the january 2017 meeting agreed?',
    'who attended the meeting in march 2017',
    'were there any apologies at the march 2017 cpp meeting',
    // The rule for publishing agendas is the terms of reference's, not a date in the calendar.
    'how many days before a meeting must the agenda be published',
    // When the panel began is its history (the terms of reference), not a meeting's start time.
    'when did the panel start',
    '',
  ])('leaves %j to the remit answers', (text) => {
    expect(isMeetingQuestion(text)).toBe(false);
  });
});

describe('parseMeetingQuestion (reference Monday 23 November 2026, London)', () => {
  it('next meeting, where, agenda', () => {
    expect(parseMeetingQuestion('when is the next meeting?', now)).toEqual({ kind: 'next', focus: 'when' });
    expect(parseMeetingQuestion('where is it?', now)).toEqual({ kind: 'next', focus: 'where' });
    expect(parseMeetingQuestion("what's on the agenda?", now)).toEqual({ kind: 'next', focus: 'agenda' });
  });

  it("'in March' is the nearest March not yet over; a stated year wins", () => {
    expect(parseMeetingQuestion('any meetings in March?', now)).toEqual({
      kind: 'range',
      focus: 'when',
      fromUtc: '2027-03-01T00:00:00.000Z',
      toUtc: '2027-03-31T23:00:00.000Z',
      label: 'in March 2027',
    });
    expect(parseMeetingQuestion('meetings in March 2026', now)).toMatchObject({
      fromUtc: '2026-03-01T00:00:00.000Z',
      label: 'in March 2026',
    });
    // The current month still counts as upcoming.
    expect(parseMeetingQuestion('any meetings in november', now)).toMatchObject({ label: 'in November 2026' });
    // July starts in BST: London midnight is 23:00 UTC the day before.
    expect(parseMeetingQuestion('meetings in july', now)).toMatchObject({
      fromUtc: '2027-06-30T23:00:00.000Z',
      toUtc: '2027-07-31T23:00:00.000Z',
      label: 'in July 2027',
    });
  });

  it("'may' is a month only when it reads as one", () => {
    expect(parseMeetingQuestion('any meetings in May', now)).toMatchObject({ label: 'in May 2027' });
    expect(parseMeetingQuestion('may I see the next meeting', now)).toEqual({ kind: 'next', focus: 'when' });
  });

  it('next week and this week run Monday to Sunday', () => {
    expect(parseMeetingQuestion('is there a meeting next week', now)).toEqual({
      kind: 'range',
      focus: 'when',
      fromUtc: '2026-11-30T00:00:00.000Z',
      toUtc: '2026-12-07T00:00:00.000Z',
      label: 'next week',
    });
    expect(parseMeetingQuestion('any meetings this week', now)).toMatchObject({
      fromUtc: '2026-11-23T00:00:00.000Z',
      toUtc: '2026-11-30T00:00:00.000Z',
      label: 'this week',
    });
  });

  it('this year, next year, next month, a stated year', () => {
    expect(parseMeetingQuestion('meetings this year', now)).toMatchObject({
      fromUtc: '2026-01-01T00:00:00.000Z',
      toUtc: '2027-01-01T00:00:00.000Z',
      label: 'in 2026',
    });
    expect(parseMeetingQuestion('meetings next year', now)).toMatchObject({ label: 'in 2027' });
    expect(parseMeetingQuestion('any meetings next month', now)).toMatchObject({
      fromUtc: '2026-12-01T00:00:00.000Z',
      label: 'in December 2026',
    });
    expect(parseMeetingQuestion('are there any panel meetings in 2028', now)).toMatchObject({
      fromUtc: '2028-01-01T00:00:00.000Z',
      label: 'in 2028',
    });
  });

  it('a day, in UK date order', () => {
    expect(parseMeetingQuestion('is there a meeting on 3/4', now)).toMatchObject({
      fromUtc: '2027-04-02T23:00:00.000Z',
      label: 'on Saturday 3 April 2027',
    });
    expect(parseMeetingQuestion('meeting tomorrow?', now)).toMatchObject({
      fromUtc: '2026-11-24T00:00:00.000Z',
      label: 'on Tuesday 24 November 2026',
    });
    expect(parseMeetingQuestion('is there a meeting on 17 March 2027', now)).toMatchObject({ label: 'on Wednesday 17 March 2027' });
  });

  it('a list for plain "meetings" and "upcoming meetings"', () => {
    expect(parseMeetingQuestion('meetings', now)).toEqual({ kind: 'upcoming', limit: 5 });
    expect(parseMeetingQuestion('upcoming meetings', now, { upcomingLimit: 3 })).toEqual({ kind: 'upcoming', limit: 3 });
  });

  it('"the last meeting" is the one before now, unless the question is about one to come', () => {
    expect(parseMeetingQuestion('when was the last meeting', now)).toEqual({ kind: 'previous', focus: 'when' });
    expect(parseMeetingQuestion('when did the panel last meet?', now)).toEqual({ kind: 'previous', focus: 'when' });
    expect(parseMeetingQuestion('where was the previous panel meeting held', now)).toEqual({ kind: 'previous', focus: 'where' });
    expect(parseMeetingQuestion('when is the last meeting of the year', now)).not.toMatchObject({ kind: 'previous' });
    // What it did: its papers and minutes.
    expect(parseMeetingQuestion('what was discussed at the last meeting', now)).toEqual({ kind: 'previous', focus: 'agenda' });
  });

  it('late-evening reference in summer uses the London date, not UTC', () => {
    // 23:30 UTC on 31 July 2026 is 00:30 on Saturday 1 August in London.
    const lateJuly = DateTime.fromISO('2026-07-31T23:30:00Z');
    expect(parseMeetingQuestion('meeting tomorrow', lateJuly)).toMatchObject({ label: 'on Sunday 2 August 2026' });
    expect(parseMeetingQuestion('any meetings this month', lateJuly)).toMatchObject({ label: 'in August 2026' });
  });
});

describe('MeetingQueries', () => {
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const cancelled = aMeeting({ sourceId: '1', startUtc: '2026-12-01T10:00:00.000Z', status: 'cancelled', cancelledReason: 'source' });
  const january = aMeeting({ sourceId: '2', startUtc: '2027-01-19T10:00:00.000Z', endUtc: '2027-01-19T12:30:00.000Z' });
  const march = aMeeting({
    sourceId: '3',
    startUtc: '2027-03-16T10:00:00.000Z',
    agenda: { published: true, url: 'https://democracy.kent.gov.uk/x', items: [] },
  });
  const past = aMeeting({ sourceId: '0', startUtc: '2026-11-10T10:00:00.000Z' });
  const queries = new MeetingQueries(new ArrayTimeline([past, cancelled, january, march]), clock, {
    workingDays: new WorkingDayCalendar(),
  });

  it('the next meeting skips a cancelled one but mentions it', async () => {
    const answer = await queries.ask('when is the next meeting?');
    expect(answer).toMatchObject({ kind: 'meeting', heading: 'The next panel meeting', meeting: { id: january.id } });
    if (answer.kind === 'meeting') expect(answer.cancelledBefore.map((m) => m.id)).toEqual([cancelled.id]);
  });

  it('an agenda question before publication says when it is due (five clear working days)', async () => {
    const answer = await queries.ask("what's on the agenda?");
    // Tue 19 Jan 2027: back over 18, 15, 14, 13, 12 January: due by Monday 11 January.
    expect(answer).toMatchObject({ kind: 'meeting', focus: 'agenda', agendaDueBy: 'Monday 11 January 2027' });
  });

  it('a month with meetings answers with the meeting; a month without says so plainly', async () => {
    expect(await queries.ask('any meetings in March?')).toMatchObject({
      kind: 'meeting',
      heading: 'Yes: there is a panel meeting in March 2027',
      meeting: { id: march.id },
    });
    expect(await queries.ask('any meetings in February?')).toEqual({
      kind: 'none',
      text: 'No panel meetings are scheduled in February 2027',
    });
    expect(await queries.ask('is there a meeting next week')).toMatchObject({ kind: 'list', meetings: [{ id: cancelled.id }] });
  });

  it('this year lists past and cancelled meetings too; upcoming lists only what is ahead', async () => {
    expect(await queries.ask('meetings this year')).toMatchObject({
      kind: 'list',
      heading: 'Panel meetings in 2026',
      meetings: [{ id: past.id }, { id: cancelled.id }],
    });
    expect(await queries.ask('upcoming meetings')).toMatchObject({
      kind: 'list',
      heading: 'Upcoming panel meetings',
      meetings: [{ id: cancelled.id }, { id: january.id }, { id: march.id }],
    });
  });

  it('with nothing stored, every question gets a clear sentence', async () => {
    const empty = new MeetingQueries(new ArrayTimeline([]), clock);
    expect(await empty.ask('when is the next meeting')).toEqual({ kind: 'none', text: 'No upcoming panel meetings are scheduled' });
    expect(await empty.ask('any meetings in March 2027')).toEqual({ kind: 'none', text: 'No panel meetings are scheduled in March 2027' });
    expect(await empty.ask('is there a meeting next week')).toEqual({ kind: 'none', text: 'No panel meetings are scheduled next week' });
  });

  it("says when nothing is scheduled for a question about the panel's habit, so the documents can answer it", async () => {
    const empty = new MeetingQueries(new ArrayTimeline([]), clock);
    expect(await empty.ask('Where does the panel meet?')).toEqual({
      kind: 'none',
      text: 'No upcoming panel meetings are scheduled',
      habitual: true,
    });
    expect(await empty.ask('when do panel meetings usually take place')).toMatchObject({ habitual: true });
    expect(await empty.ask('where does the panel meet next')).toEqual({ kind: 'none', text: 'No upcoming panel meetings are scheduled' });
    // With a meeting to come, the habit is answered by the next meeting.
    expect(await queries.ask('where does the panel meet')).toMatchObject({ kind: 'meeting' });
  });

  it('the last meeting is the latest one held, a cancelled one skipped', async () => {
    const later = new MeetingQueries(new ArrayTimeline([past, cancelled, january, march]), new ManualClock('2026-12-10T09:00:00Z'));
    expect(await later.ask('when was the last meeting?')).toMatchObject({
      kind: 'meeting',
      heading: 'The last panel meeting',
      meeting: { id: past.id },
    });
    expect(await later.ask('where was the previous meeting')).toMatchObject({ heading: 'Where the last panel meeting was' });
  });

  it('a time gone by that the calendar holds nothing for is marked past, for the minutes to answer', async () => {
    expect(await queries.ask('where was the march 2017 meeting')).toEqual({
      kind: 'none',
      text: 'The calendar holds no panel meeting in March 2017',
      past: true,
    });
    const empty = new MeetingQueries(new ArrayTimeline([january]), clock);
    expect(await empty.ask('when was the last meeting')).toEqual({
      kind: 'none',
      text: 'The calendar holds no earlier panel meeting',
      past: true,
    });
    // A month to come with nothing in it is not past: the calendar's own answer stands.
    expect(await queries.ask('any meetings in February?')).not.toHaveProperty('past');
  });

  it('a meeting that is on right now is still the next one', async () => {
    const during = new MeetingQueries(new ArrayTimeline([january]), new ManualClock('2027-01-19T11:00:00Z'));
    expect(await during.ask('where is the meeting')).toMatchObject({
      kind: 'meeting',
      heading: 'Where the next panel meeting is',
      meeting: { id: january.id },
    });
  });
});
