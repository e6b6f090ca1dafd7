import ICAL from 'ical.js';
import { CalendarFeed } from '../../../src/features/calendar/calendar-feed';
import { hashCalendarToken, newCalendarToken } from '../../../src/features/calendar/data/calendar-tokens';
import { membersCalendarIcs } from '../../../src/features/calendar/domain/members-calendar';
import { ManualClock } from '../../../src/platform/time/clock';
import { ArrayTimeline, aMeeting } from '../meetings/meeting-fixtures';
import { ArrayEventTimeline, anEvent } from './event-fixtures';
import { teamsTeamId } from '../../support/teams-ids';

const options = { calendarName: "Members' Calendar - Corporate Parenting Panel", uidDomain: 'cpp.kent.example' };
const panel = aMeeting({ sourceId: '9101', startUtc: '2027-02-16T10:00:00.000Z', endUtc: '2027-02-16T12:00:00.000Z', sequence: 2 });
const awards = anEvent({
  sequence: 3,
  venue: 'Online, https://teams.microsoft.com/l/meetup-join/abc',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  details: 'Bring; commas, and\nnew lines',
});
const cancelled = anEvent({
  id: 'ev-00000000000000000000000a',
  title: 'Foster carer coffee morning',
  kind: 'foster-carer',
  status: 'cancelled',
  cancelledAt: '2027-01-20T10:00:00.000Z',
  sequence: 1,
  startUtc: '2027-07-14T09:00:00.000Z',
  endUtc: '2027-07-14T11:00:00.000Z',
});
const teamOnly = anEvent({
  id: 'ev-00000000000000000000000b',
  title: 'Children in Care Council session',
  audience: { kind: 'team', teamId: teamsTeamId('cicc'), teamName: 'CiCC' },
});

function parse(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      location: event.location,
      description: event.description,
      status: component.getFirstPropertyValue('status'),
      categories: component.getFirstPropertyValue('categories'),
    };
  });
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    method: calendar.getFirstPropertyValue('method'),
    refresh: calendar.getFirstProperty('refresh-interval')?.toICALString(),
    events,
  };
}

describe("Members' Calendar feed (ical-generator), read back with ical.js", () => {
  it('has the calendar name, a refresh interval, stable UIDs, SEQUENCE, UTC times, STATUS and escaped text', () => {
    const ics = membersCalendarIcs([panel], [awards, cancelled], options);
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const feed = parse(ics);
    expect(feed).toMatchObject({ name: options.calendarName, method: 'PUBLISH', refresh: 'REFRESH-INTERVAL;VALUE=DURATION:PT1H' });
    expect(feed.events).toEqual([
      expect.objectContaining({
        uid: `${panel.id}@cpp.kent.example`,
        summary: 'Corporate Parenting Panel',
        sequence: 2,
        start: '2027-02-16T10:00:00.000Z',
        status: 'CONFIRMED',
        categories: 'Panel meeting',
      }),
      expect.objectContaining({
        uid: `${awards.id}@cpp.kent.example`,
        summary: 'Virtual School Kent achievement awards',
        sequence: 3,
        start: '2027-02-10T18:00:00.000Z',
        end: '2027-02-10T20:30:00.000Z',
        location: 'Online, https://teams.microsoft.com/l/meetup-join/abc',
        status: 'CONFIRMED',
        categories: 'Achievement awards',
      }),
      expect.objectContaining({
        uid: `${cancelled.id}@cpp.kent.example`,
        summary: 'CANCELLED: Foster carer coffee morning',
        sequence: 1,
        start: '2027-07-14T09:00:00.000Z',
        status: 'CANCELLED',
      }),
    ]);
    expect(feed.events[1]!.description).toContain('Bring; commas, and\nnew lines');
    expect(feed.events[1]!.description).toContain('Join online: https://teams.microsoft.com/l/meetup-join/abc');
    expect(feed.events[1]!.description).toContain('Please reply by Thursday 4 February 2027, 12:00am');
  });

  it('keeps the same UID when an event changes, so Outlook updates the entry in place', () => {
    const before = parse(membersCalendarIcs([], [awards], options)).events[0]!;
    const after = parse(
      membersCalendarIcs(
        [],
        [{ ...awards, startUtc: '2027-02-11T18:00:00.000Z', endUtc: '2027-02-11T20:00:00.000Z', sequence: 4 }],
        options,
      ),
    ).events[0]!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('gives each person meetings and the events they may see now: their role’s, and those they were invited to; officers everything; guests no events', async () => {
    const invited = new Set([`${teamOnly.id}|member-a`]);
    const feed = new CalendarFeed(
      new ArrayEventTimeline([awards, cancelled, teamOnly]),
      new ArrayTimeline([panel]),
      { isInvited: async (eventId, aad) => invited.has(`${eventId}|${aad}`) },
      new ManualClock('2027-01-20T09:00:00Z'),
      options,
    );
    const summaries = async (scope: Parameters<CalendarFeed['build']>[0]) => parse(await feed.build(scope)).events.map((e) => e.summary);
    expect(await summaries({ aadObjectId: 'member-a', role: 'panel' })).toEqual([
      'Corporate Parenting Panel',
      'Virtual School Kent achievement awards',
      'Children in Care Council session',
      'CANCELLED: Foster carer coffee morning',
    ]);
    expect(await summaries({ aadObjectId: 'member-b', role: 'panel' })).not.toContain('Children in Care Council session');
    expect(await summaries({ aadObjectId: 'councillor-c', role: 'guest', councillor: true })).toEqual(['Corporate Parenting Panel']);
    expect(await summaries({ aadObjectId: 'member-a', role: 'guest' })).toEqual(['Corporate Parenting Panel']);
    expect(parse(await feed.build({ aadObjectId: 'officer-o', role: 'officer' })).name).toBe(
      "Members' Calendar - Corporate Parenting Panel",
    );
    expect(await summaries({ aadObjectId: 'officer-o', role: 'officer' })).toContain('Children in Care Council session');
  });
});

describe('calendar tokens', () => {
  it('are 32 random bytes, url-safe, and stored as their sha256', () => {
    const token = newCalendarToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(newCalendarToken()).not.toBe(token);
    expect(hashCalendarToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashCalendarToken(token)).not.toContain(token);
  });
});
