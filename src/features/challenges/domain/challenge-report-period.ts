import {
  type PeriodRules,
  type ReportPeriod,
  lastCompleteQuarter,
  parseReportPeriod as parsePeriod,
  quarterPeriod,
  rangePeriod as range,
  yearPeriod,
} from '../../../shared/reports/report-period';

/**
 * Challenge report periods: the shared report periods (src/reports/report-period.ts) with the
 * challenge report's own command words and its earliest day (challenge cards began in 2015).
 */
export const CHALLENGE_PERIOD_RULES: PeriodRules = {
  command: /^challenge(?:\s+cards?)?\s+report\b/,
  example: 'challenge report',
  earliest: '2015-01-01',
  earliestMessage: 'Challenge cards began in 2015: choose a period from 2015 on.',
};

export type { ReportPeriod };
export { lastCompleteQuarter, quarterPeriod, yearPeriod };

/** A period between two dates, both included; throws DomainError when they make no sense. */
export function rangePeriod(start: string, end: string): ReportPeriod {
  return range(start, end, CHALLENGE_PERIOD_RULES);
}

/** Reads the period from what follows "challenge report" (see the shared parser for the forms it reads). */
export function parseReportPeriod(text: string, today: string): ReportPeriod {
  return parsePeriod(text, today, CHALLENGE_PERIOD_RULES);
}
