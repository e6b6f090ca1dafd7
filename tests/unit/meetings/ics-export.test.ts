import { icsFileName, meetingToIcs, meetingsToIcs } from '../../../src/features/meetings/domain/ics-export';
import { parseIcalFeed } from '../../../src/features/meetings/data/ical-source';
import { aMeeting } from './meeting-fixtures';

const options = { calendarName: 'Corporate Parenting Panel', uidDomain: 'cpp.kent.example' };
const window = { fromUtc: '2020-01-01T00:00:00.000Z', toUtc: '2030-01-01T00:00:00.000Z' };

describe('.ics export (ical-generator), read back with the feed parser (ical.js)', () => {
  const summer = aMeeting({
    sourceId: '9004',
    startUtc: '2026-07-14T09:00:00.000Z',
    endUtc: '2026-07-14T12:00:00.000Z',
    sequence: 3,
    title: 'Corporate Parenting Panel; special, meeting',
    notes: 'Bring papers.\nLunch provided.',
    agenda: { published: true, url: 'https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=693&MId=9004', items: [] },
  });

  it('one meeting: stable UID, SEQUENCE, UTC times, escaped text, CRLF lines folded at 75', () => {
    const ics = meetingToIcs(summer, options);
    expect(ics).toContain(`UID:${summer.id}@cpp.kent.example`);
    expect(ics).toContain('SEQUENCE:3');
    expect(ics).toContain('DTSTART:20260714T090000Z');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(ics).toContain('METHOD:PUBLISH');
    expect(ics).toContain('SUMMARY:Corporate Parenting Panel\\; special\\, meeting');
    expect(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const back = parseIcalFeed(ics, { window, committee: 'Corporate Parenting Panel' });
    expect(back.skipped).toEqual([]);
    expect(back.meetings).toMatchObject([
      {
        sourceId: `${summer.id}@cpp.kent.example`,
        title: 'Corporate Parenting Panel; special, meeting',
        startUtc: '2026-07-14T09:00:00.000Z',
        endUtc: '2026-07-14T12:00:00.000Z',
        venue: 'Darent Room, Sessions House, County Hall, Maidstone',
        status: 'scheduled',
        sourceUrl: 'https://democracy.kent.gov.uk/ieListDocuments.aspx?CId=693&MId=9004',
      },
    ]);
    expect(back.meetings[0]?.notes).toContain('Bring papers.\nLunch provided.');
  });

  it('a list with a cancelled meeting, one without an end and an all-day one across the clock change', () => {
    const cancelled = aMeeting({
      sourceId: '9003',
      startUtc: '2026-05-12T09:00:00.000Z',
      status: 'cancelled',
      cancelledReason: 'source',
      sequence: 1,
    });
    const allDay = aMeeting({
      source: 'ical',
      sourceId: 'awards',
      startUtc: '2026-03-28T00:00:00.000Z',
      endUtc: '2026-03-29T23:00:00.000Z',
      allDay: true,
      title: 'Awards weekend',
    });
    const ics = meetingsToIcs([summer, cancelled, allDay], options);
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('DTSTART;VALUE=DATE:20260328');
    expect(ics).toContain('DTEND;VALUE=DATE:20260330');
    const back = new Map(parseIcalFeed(ics, { window, committee: 'x' }).meetings.map((m) => [m.sourceId.split('@')[0], m]));
    expect(back.get(cancelled.id)).toMatchObject({
      status: 'cancelled',
      title: 'CANCELLED: Corporate Parenting Panel',
      startUtc: '2026-05-12T09:00:00.000Z',
      endUtc: '2026-05-12T11:00:00.000Z',
    });
    expect(back.get(allDay.id)).toMatchObject({ allDay: true, startUtc: '2026-03-28T00:00:00.000Z', endUtc: '2026-03-29T23:00:00.000Z' });
  });

  it('names the file after the title and London date', () => {
    expect(icsFileName(summer)).toBe('corporate-parenting-panel-special-meeting-2026-07-14.ics');
  });
});
