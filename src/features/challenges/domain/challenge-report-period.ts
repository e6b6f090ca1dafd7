import { DateTime } from 'luxon';
import { DomainError } from '../../../shared/errors/domain-error';

/**
 * The period a challenge report covers: London calendar dates, both ends included.
 *
 * Quarters are calendar quarters, as the panel's quarterly updates use them: Q1 is January to
 * March, Q2 April to June, Q3 July to September, Q4 October to December (not the council's
 * financial year, whose first quarter starts in April).
 */
export interface ReportPeriod {
  /** 'Q3 2026', '2026', '1 July 2026 to 15 August 2026'. */
  title: string;
  /** '1 July to 30 September 2026'. */
  dates: string;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD`, included. */
  end: string;
  /** The day after `end`: the exclusive bound queries use. */
  endExclusive: string;
}

/** Challenge cards began in 2015; a report cannot start earlier. */
const EARLIEST = '2015-01-01';
const MAX_YEARS = 10;
/** Our own names, not the host's ICU data, so titles read the same on every machine. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): ReportPeriod {
  const start = DateTime.utc(year, (quarter - 1) * 3 + 1, 1);
  const end = start.plus({ months: 3 }).minus({ days: 1 });
  return period(`Q${quarter} ${year}`, start, end);
}

export function yearPeriod(year: number): ReportPeriod {
  return period(String(year), DateTime.utc(year, 1, 1), DateTime.utc(year, 12, 31));
}

/** A period between two dates, both included; throws DomainError when they make no sense. */
export function rangePeriod(start: string, end: string): ReportPeriod {
  const from = DateTime.fromISO(start, { zone: 'utc' });
  const to = DateTime.fromISO(end, { zone: 'utc' });
  if (!from.isValid || !to.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) {
    throw new DomainError('invalid_input', 'Those dates could not be read. Write them like "1 July 2026".');
  }
  if (to < from) throw new DomainError('invalid_input', 'The report period ends before it starts.');
  if (start < EARLIEST) throw new DomainError('invalid_input', 'Challenge cards began in 2015: choose a period from 2015 on.');
  if (to.diff(from, 'years').years > MAX_YEARS) throw new DomainError('invalid_input', `Choose a period of at most ${MAX_YEARS} years.`);
  return period(`${longDate(from)} to ${longDate(to)}`, from, to);
}

/** The last quarter that has finished by `today`: what a quarterly update to the panel reports on. */
export function lastCompleteQuarter(today: string): ReportPeriod {
  const current = quarterOf(today);
  return current.quarter === 1 ? quarterPeriod(current.year - 1, 4) : quarterPeriod(current.year, (current.quarter - 1) as 1 | 2 | 3);
}

/**
 * Reads the period from what follows "challenge report": nothing (the last complete quarter),
 * "Q3 2026", "Q3" (the latest Q3 that has begun), "quarter 3 2026", "2026", "for 2026",
 * "this quarter", "last quarter", "this year", "last year", "from 1 July 2026 to 30 September 2026",
 * "1/7/2026 - 30/9/2026", "2026-07-01 to 2026-09-30", "July 2026 to September 2026".
 * `today` is the London date. Throws DomainError with an example when it cannot read the text.
 */
export function parseReportPeriod(text: string, today: string): ReportPeriod {
  const cleaned = text
    .toLowerCase()
    .replace(/\bchallenge(?:\s+cards?)?\s+report\b/, '')
    .replace(/[.!?]+$/, '')
    .replace(/^\s*(?:for|covering|in|over)\s+(?:the\s+)?/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return lastCompleteQuarter(today);
  const period = relativePeriod(cleaned, today) ?? quarterText(cleaned, today) ?? yearText(cleaned) ?? rangeText(cleaned);
  if (!period) throw new DomainError('invalid_input', 'I could not tell which period you mean. Try "challenge report for Q3 2026", "challenge report for 2026" or "challenge report from 1 July 2026 to 30 September 2026". Quarters are calendar quarters: Q1 is January to March.');
  return period;
}

function relativePeriod(text: string, today: string): ReportPeriod | undefined {
  const current = quarterOf(today);
  if (text === 'this quarter') return quarterPeriod(current.year, current.quarter);
  if (text === 'last quarter' || text === 'the last quarter' || text === 'previous quarter') return lastCompleteQuarter(today);
  if (text === 'this year') return yearPeriod(current.year);
  if (text === 'last year') return yearPeriod(current.year - 1);
  return undefined;
}

function quarterText(text: string, today: string): ReportPeriod | undefined {
  const leading = /^(?:q|quarter ?)([1-4])(?:,? (?:of )?(\d{4}))?$/.exec(text);
  const trailing = /^(\d{4}),? q([1-4])$/.exec(text);
  const digit = leading?.[1] ?? trailing?.[2];
  if (!digit) return undefined;
  const quarter = Number(digit) as 1 | 2 | 3 | 4;
  const year = leading?.[2] ?? trailing?.[1];
  if (year) return checked(quarterPeriod(Number(year), quarter));
  const current = quarterOf(today);
  // "Q3" alone: the latest Q3 that has begun, so in February it means last year's.
  return quarterPeriod(quarter <= current.quarter ? current.year : current.year - 1, quarter);
}

function yearText(text: string): ReportPeriod | undefined {
  const match = /^(?:the year )?(\d{4})$/.exec(text);
  return match ? checked(yearPeriod(Number(match[1]))) : undefined;
}

function rangeText(text: string): ReportPeriod | undefined {
  const match = /^(?:from |between )?(.+?) (?:to|until|till|and|-|–) (.+)$/.exec(text);
  if (!match) return undefined;
  const start = parseDay(match[1]!, 'start');
  const end = parseDay(match[2]!, 'end');
  if (!start || !end) throw new DomainError('invalid_input', 'Those dates could not be read. Write them like "from 1 July 2026 to 30 September 2026".');
  return rangePeriod(start, end);
}

/**
 * A day ('1st July 2026', '1 Sept 2026', '1/7/2026', '2026-07-01') or a month ('July 2026': its
 * first or last day, by side). Month names are matched here, not by the host's ICU data (which
 * spells September "Sept" in en-GB on some machines and "Sep" on others).
 */
function parseDay(text: string, side: 'start' | 'end'): string | undefined {
  const cleaned = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const named = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+) (\d{4})$/.exec(cleaned);
  if (named) return isoDay(Number(named[3]), monthNumber(named[2]!), Number(named[1]));
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cleaned);
  if (numeric) return isoDay(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cleaned);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const month = /^([a-z]+) (\d{4})$/.exec(cleaned);
  if (month) {
    const first = isoDay(Number(month[2]), monthNumber(month[1]!), 1);
    return first && side === 'end' ? DateTime.fromISO(first, { zone: 'utc' }).endOf('month').toISODate()! : first;
  }
  return undefined;
}

/** 1-12 for a month name or its abbreviation of three letters or more ('sep', 'sept', 'september'); 0 if none. */
function monthNumber(name: string): number {
  if (name.length < 3) return 0;
  return MONTHS.findIndex((month) => month.toLowerCase().startsWith(name)) + 1;
}

function isoDay(year: number, month: number, day: number): string | undefined {
  const date = DateTime.utc(year, month, day);
  return date.isValid ? date.toISODate()! : undefined;
}

/** Applies the range rules (not before 2015) to a quarter or year, keeping its own title. */
function checked(period: ReportPeriod): ReportPeriod {
  rangePeriod(period.start, period.end);
  return period;
}

function period(title: string, start: DateTime, end: DateTime): ReportPeriod {
  const sameYear = start.year === end.year;
  const dates = `${sameYear ? `${start.day} ${MONTHS[start.month - 1] ?? ''}` : longDate(start)} to ${longDate(end)}`;
  return { title, dates, start: start.toISODate()!, end: end.toISODate()!, endExclusive: end.plus({ days: 1 }).toISODate()! };
}

function longDate(date: DateTime): string {
  return `${date.day} ${MONTHS[date.month - 1] ?? ''} ${date.year}`;
}

function quarterOf(today: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const date = DateTime.fromISO(today, { zone: 'utc' });
  if (!date.isValid) throw new RangeError(`invalid date ${today}`);
  return { year: date.year, quarter: Math.ceil(date.month / 3) as 1 | 2 | 3 | 4 };
}
