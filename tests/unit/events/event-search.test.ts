import { matchEventsByTitle } from '../../../src/features/events/domain/event-search';
import { eventToIcs, eventIcsFileName } from '../../../src/features/calendar/domain/members-calendar';
import { anEvent } from './event-fixtures';

describe('matchEventsByTitle', () => {
  const awards2027 = anEvent({ id: 'ev-00000000000000000000000a' });
  const awards2026 = anEvent({
    id: 'ev-00000000000000000000000b',
    startUtc: '2026-02-10T18:00:00.000Z',
    endUtc: '2026-02-10T20:00:00.000Z',
  });
  const coffee = anEvent({
    id: 'ev-00000000000000000000000c',
    title: 'Foster carer coffee morning',
    startUtc: '2027-03-01T10:00:00.000Z',
    endUtc: '2027-03-01T12:00:00.000Z',
  });
  const all = [awards2026, coffee, awards2027];

  it('matches every meaningful word, prefixes of three letters or more, upcoming first', () => {
    expect(matchEventsByTitle(all, 'attendees for the Awards', '2027-01-01T00:00:00.000Z').map((e) => e.id)).toEqual([
      awards2027.id,
      awards2026.id,
    ]);
    expect(matchEventsByTitle(all, 'foster coff', '2027-01-01T00:00:00.000Z')).toEqual([coffee]);
    expect(matchEventsByTitle(all, 'awards coffee', '2027-01-01T00:00:00.000Z')).toEqual([]);
    expect(matchEventsByTitle(all, 'the event', '2027-01-01T00:00:00.000Z')).toEqual([]);
  });
});

describe('one event as .ics', () => {
  it('has the feed UID and a safe file name', () => {
    const ics = eventToIcs(anEvent(), { calendarName: 'Corporate Parenting Panel', uidDomain: 'cpp.kent.example' });
    expect(ics).toContain('UID:ev-0123456789abcdef01234567@cpp.kent.example');
    expect(ics).toContain('STATUS:CONFIRMED');
    expect(eventIcsFileName(anEvent())).toBe('virtual-school-kent-achievement-awards-2027-02-10.ics');
  });
});
