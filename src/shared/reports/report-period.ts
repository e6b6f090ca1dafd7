import { DateTime } from 'luxon';
import { DomainError } from '../errors/domain-error';

/**
 * The period a report covers: London calendar dates, both ends included.
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

/** What one kind of report accepts: the words its command starts with, and its earliest day. */
export interface PeriodRules {
  /** Removed from the start of the text: 'challenge report', 'participation report'. */
  command: RegExp;
  /** '"challenge report for Q3 2026"': the example a refusal offers. */
  example: string;
  earliest: string;
  earliestMessage: string;
}

export const DEFAULT_PERIOD_RULES: PeriodRules = {
  command: /^$/,
  example: 'report',
  earliest: '2015-01-01',
  earliestMessage: 'Reports begin in 2015: choose a period from 2015 on.',
};

const MAX_YEARS = 10;
/** Our own names, not the host's ICU data, so titles read the same on every machine. */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export type Quarter = 1 | 2 | 3 | 4;

export function quarterPeriod(year: number, quarter: Quarter): ReportPeriod {
  const start = DateTime.utc(year, (quarter - 1) * 3 + 1, 1);
  const end = start.plus({ months: 3 }).minus({ days: 1 });
  return period(`Q${quarter} ${year}`, start, end);
}

export function yearPeriod(year: number): ReportPeriod {
  return period(String(year), DateTime.utc(year, 1, 1), DateTime.utc(year, 12, 31));
}

/** A period between two dates, both included; throws DomainError when they make no sense. */
export function rangePeriod(start: string, end: string, rules: PeriodRules = DEFAULT_PERIOD_RULES): ReportPeriod {
  const from = DateTime.fromISO(start, { zone: 'utc' });
  const to = DateTime.fromISO(end, { zone: 'utc' });
  if (!from.isValid || !to.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(start) || !/^\d{4}-\d{2}-\d{2}$/.test(end)) {
    throw new DomainError('invalid_input', 'Those dates could not be read. Write them like "1 July 2026".');
  }
  if (to < from) throw new DomainError('invalid_input', 'The report period ends before it starts.');
  if (start < rules.earliest) throw new DomainError('invalid_input', rules.earliestMessage);
  if (to.diff(from, 'years').years > MAX_YEARS) throw new DomainError('invalid_input', `Choose a period of at most ${MAX_YEARS} years.`);
  return period(`${longDate(from)} to ${longDate(to)}`, from, to);
}

/** The last quarter that has finished by `today`: what a quarterly update to the panel reports on. */
export function lastCompleteQuarter(today: string): ReportPeriod {
  const current = quarterOf(today);
  return current.quarter === 1 ? quarterPeriod(current.year - 1, 4) : quarterPeriod(current.year, (current.quarter - 1) as 1 | 2 | 3);
}

/** The calendar quarter holding a London date. */
export function quarterOf(date: string): { year: number; quarter: Quarter } {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) throw new RangeError(`invalid date ${date}`);
  return { year: parsed.year, quarter: Math.ceil(parsed.month / 3) as Quarter };
}

/** `count` calendar quarters ending with the one holding `lastDay`, oldest first: a chart's trend. */
export function quartersEndingAt(lastDay: string, count: number): ReportPeriod[] {
  const { year, quarter } = quarterOf(lastDay);
  const quarters: ReportPeriod[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 4 + (quarter - 1) - back;
    quarters.push(quarterPeriod(Math.floor(index / 4), ((index % 4) + 1) as Quarter));
  }
  return quarters;
}

/** The quarter before: 'Q1 2027' -> 'Q4 2026'. */
export function previousQuarter(year: number, quarter: Quarter): { year: number; quarter: Quarter } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter };
}

/** A quarter or a year keeps its short title ("Q3 2026") in the document when its dates match; anything else reads as dates. */
export function titled(period: ReportPeriod, title: string | null): ReportPeriod {
  const quarter = /^Q([1-4]) (\d{4})$/.exec(title ?? '');
  const year = /^(\d{4})$/.exec(title ?? '');
  const named = quarter ? quarterPeriod(Number(quarter[2]), Number(quarter[1]) as Quarter) : year ? yearPeriod(Number(year[1])) : undefined;
  return named && named.start === period.start && named.end === period.end ? named : period;
}

/** The period as a document's heading gives it: 'Q3 2026: 1 July to 30 September 2026', or a date range's own words once. */
export function periodHeading(period: ReportPeriod): string {
  return /^(?:Q[1-4] )?\d{4}$/.test(period.title) ? `${period.title}: ${period.dates}` : period.title;
}

/**
 * Reads the period from what follows the report's command: nothing (the last complete quarter),
 * "Q3 2026", "Q3" (the latest Q3 that has begun), "quarter 3 2026", "2026", "for 2026",
 * "this quarter", "last quarter", "this year", "last year", "from 1 July 2026 to 30 September 2026",
 * "1/7/2026 - 30/9/2026", "2026-07-01 to 2026-09-30", "July 2026 to September 2026".
 * `today` is the London date. Throws DomainError with an example when it cannot read the text.
 */
export function parseReportPeriod(text: string, today: string, rules: PeriodRules = DEFAULT_PERIOD_RULES): ReportPeriod {
  const cleaned = text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(rules.command, '')
    .replace(/[.!?]+$/, '')
    .replace(/^\s*(?:for|covering|in|over)\s+(?:the\s+)?/, '')
    .trim();
  if (cleaned === '') return lastCompleteQuarter(today);
  const found =
    relativePeriod(cleaned, today) ?? quarterText(cleaned, today, rules) ?? yearText(cleaned, rules) ?? rangeText(cleaned, rules);
  if (!found) {
    throw new DomainError(
      'invalid_input',
      `I could not tell which period you mean. Try "${rules.example} for Q3 2026", "${rules.example} for 2026" or "${rules.example} from 1 July 2026 to 30 September 2026". Quarters are calendar quarters: Q1 is January to March.`,
    );
  }
  return found;
}

function relativePeriod(text: string, today: string): ReportPeriod | undefined {
  const current = quarterOf(today);
  if (text === 'this quarter') return quarterPeriod(current.year, current.quarter);
  if (text === 'last quarter' || text === 'the last quarter' || text === 'previous quarter') return lastCompleteQuarter(today);
  if (text === 'this year') return yearPeriod(current.year);
  if (text === 'last year') return yearPeriod(current.year - 1);
  return undefined;
}

function quarterText(text: string, today: string, rules: PeriodRules): ReportPeriod | undefined {
  const leading = /^(?:q|quarter ?)([1-4])(?:,? (?:of )?(\d{4}))?$/.exec(text);
  const trailing = /^(\d{4}),? q([1-4])$/.exec(text);
  const digit = leading?.[1] ?? trailing?.[2];
  if (!digit) return undefined;
  const quarter = Number(digit) as Quarter;
  const year = leading?.[2] ?? trailing?.[1];
  if (year) return checked(quarterPeriod(Number(year), quarter), rules);
  const current = quarterOf(today);
  // "Q3" alone: the latest Q3 that has begun, so in February it means last year's.
  return quarterPeriod(quarter <= current.quarter ? current.year : current.year - 1, quarter);
}

function yearText(text: string, rules: PeriodRules): ReportPeriod | undefined {
  const match = /^(?:the year )?(\d{4})$/.exec(text);
  return match ? checked(yearPeriod(Number(match[1])), rules) : undefined;
}

function rangeText(text: string, rules: PeriodRules): ReportPeriod | undefined {
  const match = /^(?:from |between )?(.+?) (?:to|until|till|and|-|–) (.+)$/.exec(text);
  if (!match) return undefined;
  const start = parseDay(match[1]!, 'start');
  const end = parseDay(match[2]!, 'end');
  if (!start || !end)
    throw new DomainError('invalid_input', 'Those dates could not be read. Write them like "from 1 July 2026 to 30 September 2026".');
  return rangePeriod(start, end, rules);
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

/** Applies the range rules (not before the earliest day) to a quarter or year, keeping its own title. */
function checked(found: ReportPeriod, rules: PeriodRules): ReportPeriod {
  rangePeriod(found.start, found.end, rules);
  return found;
}

function period(title: string, start: DateTime, end: DateTime): ReportPeriod {
  const sameYear = start.year === end.year;
  const dates = `${sameYear ? `${start.day} ${MONTHS[start.month - 1] ?? ''}` : longDate(start)} to ${longDate(end)}`;
  return { title, dates, start: start.toISODate()!, end: end.toISODate()!, endExclusive: end.plus({ days: 1 }).toISODate()! };
}

function longDate(date: DateTime): string {
  return `${date.day} ${MONTHS[date.month - 1] ?? ''} ${date.year}`;
}
