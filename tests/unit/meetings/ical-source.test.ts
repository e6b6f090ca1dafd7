import fs from 'node:fs';
import path from 'node:path';
import { parseIcalFeed } from '../../../src/features/meetings/data/ical-source';
import type { MeetingDraft } from '../../../src/features/meetings/domain/meeting';

const feed = fs.readFileSync(path.join(__dirname, '../../fixtures/ical/panel-feed.ics'), 'utf8');
const window = { fromUtc: '2025-10-05T00:00:00.000Z', toUtc: '2027-01-05T00:00:00.000Z' };
const options = { window, committee: 'Corporate Parenting Panel' };

function byId(meetings: MeetingDraft[]): Map<string, MeetingDraft> {
  return new Map(meetings.map((m) => [m.sourceId, m]));
}

describe('iCalendar feed parsing (ical.js)', () => {
  const result = parseIcalFeed(feed, options);
  const meetings = byId(result.meetings);

  it('reads a single event with a TZID, its location, description and URL', () => {
    expect(meetings.get('single-0317@cpp.example')).toEqual({
      source: 'ical',
      sourceId: 'single-0317@cpp.example',
      committee: 'Corporate Parenting Panel',
      title: 'Corporate Parenting Panel',
      startUtc: '2026-03-17T14:00:00.000Z',
      endUtc: '2026-03-17T16:00:00.000Z',
      zone: 'Europe/London',
      allDay: false,
      status: 'scheduled',
      venue: 'Darent Room, Sessions House, County Hall, Maidstone',
      notes: "Members' briefing at 1.30pm.\nPlease bring your papers.",
      sourceUrl: 'https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=693&MId=9002',
      agenda: { published: false, items: [] },
      minutes: { published: false },
      documents: [],
    });
  });

  it('expands RRULE in BST, drops EXDATE, applies a moving override and a cancelling override', () => {
    const series = result.meetings.filter((m) => m.sourceId.startsWith('series@cpp.example#'));
    expect(series.map((m) => [m.sourceId.split('#')[1], m.startUtc, m.status])).toEqual([
      ['2026-04-07T09:00:00.000Z', '2026-04-07T09:00:00.000Z', 'scheduled'],
      ['2026-05-05T09:00:00.000Z', '2026-05-05T09:00:00.000Z', 'scheduled'],
      ['2026-06-02T09:00:00.000Z', '2026-06-09T13:00:00.000Z', 'scheduled'],
      ['2026-07-07T09:00:00.000Z', '2026-07-07T09:00:00.000Z', 'cancelled'],
      // 4 August is an EXDATE.
      ['2026-09-01T09:00:00.000Z', '2026-09-01T09:00:00.000Z', 'scheduled'],
    ]);
    const moved = series[2]!;
    expect(moved.title).toBe('Corporate Parenting Panel (monthly) - moved');
    expect(moved.venue).toBe('Council Chamber, Sessions House, County Hall, Maidstone');
  });

  it('all-day events start at London midnight and are flagged', () => {
    expect(meetings.get('awards@cpp.example')).toMatchObject({
      allDay: true,
      startUtc: '2026-06-23T23:00:00.000Z',
      endUtc: '2026-06-24T23:00:00.000Z',
    });
  });

  it('STATUS:CANCELLED cancels', () => {
    expect(meetings.get('cancelled-0415@cpp.example')?.status).toBe('cancelled');
  });

  it('of two copies of one UID the higher SEQUENCE wins, wherever it is in the file', () => {
    expect(meetings.get('updated@cpp.example')).toMatchObject({
      title: 'Corporate Parenting Panel (new date)',
      startUtc: '2026-10-27T10:00:00.000Z',
    });
    expect(result.meetings.filter((m) => m.sourceId === 'updated@cpp.example')).toHaveLength(1);
  });

  it('UTC, Windows zone names, a feed-defined VTIMEZONE and floating times all land right', () => {
    expect(meetings.get('utc@cpp.example')?.startUtc).toBe('2026-11-10T10:00:00.000Z');
    expect(meetings.get('windows-zone@cpp.example')?.startUtc).toBe('2026-08-05T09:00:00.000Z');
    expect(meetings.get('outlook-zone@cpp.example')?.startUtc).toBe('2026-07-01T09:00:00.000Z');
    expect(meetings.get('floating@cpp.example')?.startUtc).toBe('2026-09-02T09:00:00.000Z');
  });

  it('skips an event without a UID with a reason, and leaves out events outside the window', () => {
    expect(result.skipped).toEqual([{ reason: expect.stringContaining('has no UID') }]);
    expect(meetings.has('far-future@cpp.example')).toBe(false);
  });

  it('a later SEQUENCE of the same UID that adds STATUS:CANCELLED cancels it', () => {
    const update = feed.replace(
      'END:VCALENDAR',
      [
        'BEGIN:VEVENT',
        'UID:single-0317@cpp.example',
        'DTSTAMP:20260201T120000Z',
        'SEQUENCE:3',
        'STATUS:CANCELLED',
        'DTSTART;TZID=Europe/London:20260317T140000',
        'SUMMARY:Corporate Parenting Panel',
        'END:VEVENT',
        'END:VCALENDAR',
      ].join('\r\n'),
    );
    expect(byId(parseIcalFeed(update, options).meetings).get('single-0317@cpp.example')?.status).toBe('cancelled');
  });

  it('an override arriving without its series (Outlook single-occurrence update) stands alone', () => {
    const lone = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//t//EN',
      'BEGIN:VEVENT',
      'UID:lone@cpp.example',
      'RECURRENCE-ID:20260303T100000Z',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:20260304T100000Z',
      'SUMMARY:Moved one',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(parseIcalFeed(lone, options).meetings).toMatchObject([
      { sourceId: 'lone@cpp.example#2026-03-03T10:00:00.000Z', startUtc: '2026-03-04T10:00:00.000Z' },
    ]);
  });

  it('DST edges in a feed follow the London rules (gap forward, overlap first)', () => {
    const edges = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//t//EN',
      'BEGIN:VEVENT',
      'UID:gap',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Europe/London:20260329T013000',
      'SUMMARY:gap',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:overlap',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Europe/London:20261025T013000',
      'SUMMARY:overlap',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const parsed = byId(parseIcalFeed(edges, options).meetings);
    expect(parsed.get('gap')?.startUtc).toBe('2026-03-29T01:30:00.000Z');
    expect(parsed.get('overlap')?.startUtc).toBe('2026-10-25T00:30:00.000Z');
  });

  it('a weekly series across the autumn clock change keeps its London wall time', () => {
    const weekly = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//t//t//EN',
      'BEGIN:VEVENT',
      'UID:weekly',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Europe/London:20261020T100000',
      'RRULE:FREQ=WEEKLY;COUNT=2',
      'SUMMARY:w',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(parseIcalFeed(weekly, options).meetings.map((m) => m.startUtc)).toEqual([
      '2026-10-20T09:00:00.000Z',
      '2026-10-27T10:00:00.000Z',
    ]);
  });

  it('throws on text that is not iCalendar', () => {
    expect(() => parseIcalFeed('<html>login</html>', options)).toThrow(/not an iCalendar document/);
  });
});
