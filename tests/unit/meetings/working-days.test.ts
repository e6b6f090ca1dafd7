import { ENGLAND_AND_WALES_BANK_HOLIDAYS, WorkingDayCalendar } from '../../../src/platform/time/working-days';

const calendar = new WorkingDayCalendar();

describe('working days (England and Wales)', () => {
  it('knows the 2026 and 2027 bank holidays from the design notes', () => {
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS[2026]).toHaveLength(8);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS[2027]).toHaveLength(8);
    for (const day of ['2026-04-03', '2026-04-06', '2026-12-28', '2027-03-26', '2027-03-29', '2027-12-27']) {
      expect(calendar.isBankHoliday(day)).toBe(true);
      expect(calendar.isWorkingDay(day)).toBe(false);
    }
  });

  it('weekends are not working days; ordinary weekdays are', () => {
    expect(calendar.isWorkingDay('2026-01-17')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-18')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-19')).toBe(true);
  });

  it('counts clear days: neither the publication day nor the meeting day', () => {
    // Published Mon 2 Feb, meeting Tue 10 Feb 2026: 3,4,5,6,9 Feb are clear.
    expect(calendar.clearWorkingDaysBetween('2026-02-02', '2026-02-10')).toBe(5);
    expect(calendar.isAgendaPublishedInTime('2026-02-02', '2026-02-10')).toBe(true);
    expect(calendar.isAgendaPublishedInTime('2026-02-03', '2026-02-10')).toBe(false);
  });

  it('latest publication date: five clear working days before, as ModernGov published for 10/02/2026', () => {
    expect(calendar.latestAgendaPublicationDate('2026-02-10')).toBe('2026-02-02');
  });

  it('skips Easter 2026 (Good Friday 3 April, Easter Monday 6 April)', () => {
    // Meeting Thu 9 Apr 2026: clear working days back are 8, 7, 2, 1 Apr, 31 Mar.
    expect(calendar.latestAgendaPublicationDate('2026-04-09')).toBe('2026-03-30');
    expect(calendar.clearWorkingDaysBetween('2026-03-30', '2026-04-09')).toBe(5);
  });

  it('skips Christmas 2026 and Easter 2027 across the year end and the spring clock change', () => {
    // Meeting Tue 5 Jan 2027: back over 4 Jan, 31 Dec, 30 Dec, 29 Dec, 24 Dec (25 and 28 Dec, 1 Jan are holidays).
    expect(calendar.latestAgendaPublicationDate('2027-01-05')).toBe('2026-12-23');
    // Meeting Thu 1 Apr 2027: 31 Mar, 30 Mar, 25 Mar, 24 Mar, 23 Mar (26 and 29 Mar are holidays).
    expect(calendar.latestAgendaPublicationDate('2027-04-01')).toBe('2027-03-22');
  });

  it('refuses years it has no bank holiday data for rather than guessing', () => {
    expect(calendar.covers('2028-01-04')).toBe(false);
    expect(() => calendar.isWorkingDay('2028-01-04')).toThrow(/no bank holiday data/);
    expect(() => calendar.isWorkingDay('2026-13-01')).toThrow(/invalid date/);
  });
});
