import { bulletinBatchId, bulletinData, bulletinWindow } from '../../../src/features/calendar/domain/bulletin';
import { bulletinCard } from '../../../src/features/calendar/teams/calendar-cards';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { MemberBulletin } from '../../../src/features/calendar/member-bulletin';
import { ManualClock } from '../../../src/platform/time/clock';
import { ArrayTimeline, aMeeting } from '../meetings/meeting-fixtures';
import { ArrayEventTimeline, anEvent } from './event-fixtures';

// Monday 1 February 2027, 8am: the weekly run.
const nowUtc = '2027-02-01T08:00:00.000Z';

describe('Member Bulletin', () => {
  const panel = aMeeting({ sourceId: '9101', startUtc: '2027-02-16T10:00:00.000Z' });
  const cancelledPanel = aMeeting({
    sourceId: '9102',
    startUtc: '2027-02-03T10:00:00.000Z',
    status: 'cancelled',
    cancelledReason: 'source',
  });
  const awards = anEvent();
  const shortNotice = anEvent({
    id: 'ev-00000000000000000000000a',
    title: 'Foster carer coffee morning',
    kind: 'foster-carer',
    startUtc: '2027-02-05T10:00:00.000Z',
    endUtc: '2027-02-05T12:00:00.000Z',
    shortNotice: true,
  });
  const lastWeek = anEvent({ id: 'ev-00000000000000000000000c', startUtc: '2027-01-28T10:00:00.000Z' });
  const tooFar = anEvent({ id: 'ev-00000000000000000000000d', startUtc: '2027-03-01T10:00:00.000Z' });

  it('lists the coming four weeks by London week, meetings and the reader’s events in time order, flags loudly', () => {
    const data = bulletinData({
      meetings: [panel, cancelledPanel],
      events: [awards, shortNotice, lastWeek, tooFar],
      nowUtc,
      calendarUrl: 'https://cpp.example/calendar/x.ics',
    });
    expect(data.period).toBe('Monday 1 February 2027 to Sunday 28 February 2027');
    expect(data.nothingScheduled).toBe(false);
    expect(data.weeks.map((w) => [w.label, w.items.map((i) => [i.title, i.statusLabel])])).toEqual([
      [
        'Week beginning Monday 1 February 2027',
        [
          ['Corporate Parenting Panel', 'CANCELLED'],
          ['Foster carer coffee morning', 'SHORT NOTICE'],
        ],
      ],
      ['Week beginning Monday 8 February 2027', [['Virtual School Kent achievement awards', '']]],
      ['Week beginning Monday 15 February 2027', [['Corporate Parenting Panel', '']]],
    ]);
    expect(data.weeks[1]!.items[0]).toMatchObject({
      type: 'event',
      verb: 'event.invitation',
      actionData: { eventId: awards.id },
      kindLabel: 'Achievement awards',
      when: 'Wednesday 10 February 2027, 6:00pm',
    });
    expect(data.weeks[0]!.items[0]).toMatchObject({
      verb: 'meeting.show',
      actionData: { meetingId: cancelledPanel.id },
      statusColor: 'Attention',
    });
    expect(adaptiveCardProblems(bulletinCard({ meetings: [panel], events: [awards], nowUtc }))).toEqual([]);
  });

  it('says nothing is scheduled when the weeks are empty, and still renders a valid card', () => {
    const data = bulletinData({ meetings: [], events: [lastWeek, tooFar], nowUtc, weeks: 2 });
    expect(data).toMatchObject({ nothingScheduled: true, weeks: [], period: 'Monday 1 February 2027 to Sunday 14 February 2027' });
    expect(data.emptyText).toContain('Nothing is scheduled in the next 2 weeks.');
    const card = JSON.stringify(bulletinCard({ meetings: [], events: [], nowUtc }));
    expect(card).toContain('Nothing is scheduled');
    expect(card).not.toContain('Members\' Calendar"');
    expect(adaptiveCardProblems(bulletinCard({ meetings: [], events: [], nowUtc }))).toEqual([]);
  });

  it('shows titles typed by people literally', () => {
    const data = bulletinData({
      meetings: [],
      events: [anEvent({ title: '**Free** [pizza](https://evil.example) <at>all</at>' })],
      nowUtc,
    });
    const title = data.weeks[0]!.items[0]!.title;
    expect(title).toBe('\\*\\*Free\\*\\* \\[pizza](https://evil.example) \\<at>all\\</at>');
  });

  it('windows from now to the end of the last Sunday (London) and names one batch per ISO week', () => {
    expect(bulletinWindow('2027-03-10T09:00:00.000Z', 1)).toEqual({
      fromUtc: '2027-03-10T09:00:00.000Z',
      toUtc: '2027-03-15T00:00:00.000Z',
    });
    // The clocks go forward on Sunday 28 March: Monday's London midnight is 23:00 UTC on Sunday.
    expect(bulletinWindow('2027-03-24T09:00:00.000Z', 1).toUtc).toBe('2027-03-28T23:00:00.000Z');
    expect(bulletinBatchId(nowUtc)).toBe('bulletin:2027-W05');
    expect(bulletinBatchId('2027-01-01T09:00:00.000Z')).toBe('bulletin:2026-W53');
  });
});

describe('MemberBulletin', () => {
  const officersBriefing = anEvent({
    id: 'ev-0000000000000000000000b1',
    title: 'Officers briefing',
    audience: { kind: 'officers' },
    startUtc: '2027-02-09T10:00:00.000Z',
  });
  const allCouncillors = anEvent({
    id: 'ev-0000000000000000000000b2',
    title: 'Corporate parenting training for all councillors',
    audience: { kind: 'councillors' },
    startUtc: '2027-02-11T10:00:00.000Z',
  });
  const cicTeam = anEvent({
    id: 'ev-0000000000000000000000b3',
    title: 'Children in Care Council visit',
    audience: { kind: 'team', teamId: '19:abc@thread.tacv2', teamName: 'CiCC' },
    startUtc: '2027-02-12T10:00:00.000Z',
  });
  const invitedToTeamEvent = '00000000-0000-4000-8000-0000000000d1';
  const bulletin = () =>
    new MemberBulletin(
      new ArrayEventTimeline([anEvent(), officersBriefing, allCouncillors, cicTeam]),
      new ArrayTimeline([aMeeting({ sourceId: '1', startUtc: '2027-02-16T10:00:00.000Z' })]),
      { list: (eventId) => Promise.resolve(eventId === cicTeam.id ? [{ aadObjectId: invitedToTeamEvent }] : []) },
      new ManualClock(nowUtc),
      { calendarUrl: 'https://cpp.example/calendar' },
    );
  const titlesFor = async (viewer: { aadObjectId: string; role: 'guest' | 'panel' | 'officer' | 'admin'; councillor?: boolean }) => {
    const json = JSON.stringify(await bulletin().card(viewer));
    return [anEvent(), officersBriefing, allCouncillors, cicTeam].filter((event) => json.includes(event.title)).map((event) => event.title);
  };

  it("reads the window from both timelines and names the week's batch", async () => {
    const json = JSON.stringify(await bulletin().card({ aadObjectId: 'p', role: 'panel' }));
    expect(json).toContain('Virtual School Kent achievement awards');
    expect(json).toContain('Corporate Parenting Panel');
    expect(json).toContain('https://cpp.example/calendar');
    expect(bulletin().batchId()).toBe('bulletin:2027-W05');
  });

  it('shows each reader the events their role reaches, and a Team’s event only to those it invited', async () => {
    expect(await titlesFor({ aadObjectId: 'p', role: 'panel' })).toEqual(['Virtual School Kent achievement awards']);
    expect(await titlesFor({ aadObjectId: 'p', role: 'panel', councillor: true })).toEqual([
      'Virtual School Kent achievement awards',
      'Corporate parenting training for all councillors',
    ]);
    expect(await titlesFor({ aadObjectId: 'c', role: 'guest', councillor: true })).toEqual([
      'Corporate parenting training for all councillors',
    ]);
    expect(await titlesFor({ aadObjectId: invitedToTeamEvent, role: 'panel' })).toEqual([
      'Virtual School Kent achievement awards',
      'Children in Care Council visit',
    ]);
    expect(await titlesFor({ aadObjectId: 'o', role: 'officer' })).toHaveLength(4);
    expect(await titlesFor({ aadObjectId: invitedToTeamEvent, role: 'guest' })).toEqual([]);
  });
});
