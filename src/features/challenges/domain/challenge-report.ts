import { londonDate, londonStartOfDay } from '../../../platform/time/london';
import {
  CHALLENGE_STATUSES,
  type ChallengeStatus,
  PRIORITY_AREAS,
  PRIORITY_AREA_LABELS,
  type PriorityArea,
  STATUS_LABELS,
  isActive,
  toUtcIso,
} from './challenge';
import type { ReportPeriod } from './challenge-report-period';
import type { ChallengeSummary } from './challenge-summary';

/** One card in the report: a line of the CSV for the panel papers. */
export interface ChallengeReportRow {
  reference: string;
  title: string;
  group: string;
  raisedOn: string;
  priorityArea: PriorityArea;
  leadOfficer: string;
  dueOn: string;
  /** The status at the end of the period (or now, for a period still running). */
  status: ChallengeStatus;
  overdue: boolean;
  /** Calendar days from the date raised to the first response, when there was one by the end. */
  daysToFirstResponse?: number;
  completedOn?: string;
  /** What went back to the young people (completed or declined), on one line, up to 500 characters. */
  explanation?: string;
}

export interface ChallengeReport {
  period: ReportPeriod;
  /** The period has not ended yet: figures are as at `asOf`. */
  partial: boolean;
  /** The last day the figures cover: the period's end, or today for a period still running. */
  asOf: string;
  /** Cards that were open at some time in the period: raised by its end, not final before its start. */
  inScope: number;
  byStatus: { status: ChallengeStatus; label: string; count: number }[];
  byPriority: { area: PriorityArea; label: string; count: number }[];
  raised: number;
  completed: number;
  declined: number;
  redirected: number;
  /** Open cards past their due date at the end of the period. */
  overdue: number;
  /** Average calendar days from raised to first response over the cards raised in the period that had one; one decimal. */
  averageDaysToFirstResponse?: number;
  /** Cards raised in the period that had a first response by the end of it. */
  responded: number;
  /** Cards raised in the period still waiting for a first response at the end of it. */
  awaitingFirstResponse: number;
  /** Each card completed in the period, with its outcome on one line, by completion date. */
  outcomes: { reference: string; title: string; completedOn: string; outcome: string }[];
  rows: ChallengeReportRow[];
}

const MAX_OUTCOME_LINE = 160;

/**
 * The quarterly-update arithmetic, pure: from the summaries of the cards open at some time in the
 * period (extra ones are ignored), what the panel is told. Statuses are taken as they stood at
 * the end of the period, from each card's status changes, so a past quarter's report does not
 * drift as cards move on; a period still running is reported as at `nowUtc`.
 */
export function buildChallengeReport(summaries: readonly ChallengeSummary[], period: ReportPeriod, nowUtc: string): ChallengeReport {
  const periodEndUtc = toUtcIso(londonStartOfDay(period.endExclusive));
  const partial = nowUtc < periodEndUtc;
  const cutoffUtc = partial ? nowUtc : periodEndUtc;
  const today = londonDate(nowUtc);
  const overdueBefore = partial ? today : period.endExclusive;
  const scoped = summaries.filter(
    (summary) => summary.raisedOn < period.endExclusive && summary.raisedOn <= today && summary.endOn >= period.start,
  );
  const rows = scoped.map((summary) => reportRow(summary, cutoffUtc, overdueBefore));
  const inPeriod = (date: string | undefined): boolean => date !== undefined && date >= period.start && date < period.endExclusive;
  const raised = rows.filter((row) => inPeriod(row.raisedOn));
  const responseDays = raised.map((row) => row.daysToFirstResponse).filter((days): days is number => days !== undefined);
  const changedInPeriod = (status: ChallengeStatus) =>
    scoped.filter((summary) => inPeriod(firstReached(summary, status, cutoffUtc))).length;
  const report: ChallengeReport = {
    period,
    partial,
    asOf: partial ? today : period.end,
    inScope: rows.length,
    byStatus: CHALLENGE_STATUSES.map((status) => ({
      status,
      label: STATUS_LABELS[status],
      count: rows.filter((row) => row.status === status).length,
    })),
    byPriority: PRIORITY_AREAS.map((area) => ({
      area,
      label: PRIORITY_AREA_LABELS[area],
      count: rows.filter((row) => row.priorityArea === area).length,
    })),
    raised: raised.length,
    completed: changedInPeriod('completed'),
    declined: changedInPeriod('declined'),
    redirected: changedInPeriod('redirected'),
    overdue: rows.filter((row) => row.overdue).length,
    responded: responseDays.length,
    awaitingFirstResponse: raised.length - responseDays.length,
    outcomes: rows
      .filter((row) => inPeriod(row.completedOn))
      .sort((a, b) =>
        a.completedOn === b.completedOn ? a.reference.localeCompare(b.reference) : (a.completedOn ?? '') < (b.completedOn ?? '') ? -1 : 1,
      )
      .map((row) => ({
        reference: row.reference,
        title: row.title,
        completedOn: row.completedOn ?? '',
        outcome: row.explanation ? oneLine(row.explanation) : 'No outcome recorded.',
      })),
    rows,
  };
  const average = averageOf(responseDays);
  if (average !== undefined) report.averageDaysToFirstResponse = average;
  return report;
}

/** The status a card had just before `instantUtc`: its last change before then. */
export function statusAt(summary: Pick<ChallengeSummary, 'statusChanges' | 'status'>, instantUtc: string): ChallengeStatus {
  let status: ChallengeStatus = summary.statusChanges[0]?.status ?? summary.status;
  for (const change of summary.statusChanges) {
    if (change.atUtc < instantUtc) status = change.status;
    else break;
  }
  return status;
}

/** Whole calendar days between two London dates (`YYYY-MM-DD`); plain arithmetic, as reports do it thousands of times. */
export function daysBetween(fromDate: string, toDate: string): number {
  return Math.round((dayNumber(toDate) - dayNumber(fromDate)) / 86_400_000);
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

const londonDateByUtcHour = new Map<string, string>();

/**
 * The London date of a UTC instant, remembered per UTC hour: UK offsets are whole hours, so the
 * hour decides the date. A report converts thousands of instants and luxon's zone conversion is
 * its slowest step; the memo holds at most one entry per hour of the years reported on.
 */
export function londonDateOf(utcIso: string): string {
  const hour = utcIso.slice(0, 13);
  let date = londonDateByUtcHour.get(hour);
  if (date === undefined) {
    if (londonDateByUtcHour.size > 200_000) londonDateByUtcHour.clear();
    date = londonDate(`${hour}:00:00.000Z`);
    londonDateByUtcHour.set(hour, date);
  }
  return date;
}

/** The mean to one decimal place, or undefined for none. */
export function averageOf(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.round((values.reduce((total, value) => total + value, 0) / values.length) * 10) / 10;
}

/** Text on one line, cut at a word near MAX_OUTCOME_LINE characters. */
export function oneLine(text: string, max = MAX_OUTCOME_LINE): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

function reportRow(summary: ChallengeSummary, cutoffUtc: string, overdueBefore: string): ChallengeReportRow {
  const status = statusAt(summary, cutoffUtc);
  const row: ChallengeReportRow = {
    reference: summary.reference,
    title: summary.title,
    group: summary.group,
    raisedOn: summary.raisedOn,
    priorityArea: summary.priorityArea,
    leadOfficer: summary.leadOfficer.name,
    dueOn: summary.dueOn,
    status,
    overdue: isActive(status) && summary.dueOn < overdueBefore,
  };
  if (summary.firstResponseAtUtc && summary.firstResponseAtUtc < cutoffUtc)
    row.daysToFirstResponse = Math.max(0, daysBetween(summary.raisedOn, londonDateOf(summary.firstResponseAtUtc)));
  const completed = firstReached(summary, 'completed', cutoffUtc);
  if (completed) row.completedOn = completed;
  const reachedExplained = completed ?? firstReached(summary, 'declined', cutoffUtc);
  if (reachedExplained && summary.explanation) row.explanation = oneLine(summary.explanation, 500);
  return row;
}

/** The London date a card first reached `status` before the cutoff, if it did. */
function firstReached(summary: Pick<ChallengeSummary, 'statusChanges'>, status: ChallengeStatus, cutoffUtc: string): string | undefined {
  const change = summary.statusChanges.find((c) => c.status === status && c.atUtc < cutoffUtc);
  return change ? londonDateOf(change.atUtc) : undefined;
}
