import { DateTime } from 'luxon';

/**
 * Bank holidays in England and Wales (GOV.UK), as data. Only the years listed are known: asking
 * about a date in another year throws rather than quietly treating a holiday as a working day.
 * Add a year here when GOV.UK publishes it.
 */
export const ENGLAND_AND_WALES_BANK_HOLIDAYS: Readonly<Record<number, readonly string[]>> = {
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

/** Clear working days a council must leave between publishing an agenda and the meeting (LGA 1972 s100B). */
export const AGENDA_CLEAR_WORKING_DAYS = 5;

/** Working days (Monday to Friday, not a bank holiday) over calendar dates written `YYYY-MM-DD`. */
export class WorkingDayCalendar {
  private readonly holidays: Set<string>;
  private readonly years: Set<number>;

  constructor(holidaysByYear: Readonly<Record<number, readonly string[]>> = ENGLAND_AND_WALES_BANK_HOLIDAYS) {
    this.years = new Set(Object.keys(holidaysByYear).map(Number));
    this.holidays = new Set(Object.values(holidaysByYear).flat());
  }

  /** True when the calendar holds bank holiday data for the date's year. */
  covers(isoDate: string): boolean {
    return this.years.has(parseDate(isoDate).year);
  }

  isBankHoliday(isoDate: string): boolean {
    this.assertCovered(isoDate);
    return this.holidays.has(isoDate);
  }

  isWorkingDay(isoDate: string): boolean {
    const date = parseDate(isoDate);
    this.assertCovered(isoDate);
    return date.weekday <= 5 && !this.holidays.has(isoDate);
  }

  /** Working days strictly between two dates: neither end counts (the "clear days" rule). */
  clearWorkingDaysBetween(fromIsoDate: string, toIsoDate: string): number {
    let day = parseDate(fromIsoDate).plus({ days: 1 });
    const end = parseDate(toIsoDate);
    let count = 0;
    while (day < end) {
      if (this.isWorkingDay(day.toISODate()!)) count++;
      day = day.plus({ days: 1 });
    }
    return count;
  }

  /**
   * The last date an agenda can be published for a meeting on `meetingIsoDate` and still leave
   * `clearDays` clear working days: the day of publication, the meeting day, weekends and bank
   * holidays do not count. For a Tuesday 10 February 2026 meeting that is Monday 2 February.
   */
  latestAgendaPublicationDate(meetingIsoDate: string, clearDays = AGENDA_CLEAR_WORKING_DAYS): string {
    let day = parseDate(meetingIsoDate);
    let counted = 0;
    while (counted < clearDays) {
      day = day.minus({ days: 1 });
      if (this.isWorkingDay(day.toISODate()!)) counted++;
    }
    return day.minus({ days: 1 }).toISODate()!;
  }

  /** Whether publishing on `publishedIsoDate` met the rule for a meeting on `meetingIsoDate`. */
  isAgendaPublishedInTime(publishedIsoDate: string, meetingIsoDate: string, clearDays = AGENDA_CLEAR_WORKING_DAYS): boolean {
    return this.clearWorkingDaysBetween(publishedIsoDate, meetingIsoDate) >= clearDays;
  }

  private assertCovered(isoDate: string): void {
    if (!this.covers(isoDate)) throw new RangeError(`no bank holiday data for ${isoDate}: add the year to ENGLAND_AND_WALES_BANK_HOLIDAYS`);
  }
}

function parseDate(isoDate: string): DateTime {
  const date = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || !date.isValid) throw new RangeError(`invalid date ${isoDate}`);
  return date;
}
