import { PRIORITY_AREA_LABELS, STATUS_LABELS } from './challenge';
import type { ChallengeReport } from './challenge-report';
import { csvTable } from '../../../platform/process/csv-table';

/**
 * The report's cards as CSV for the panel papers (the one CSV configuration, see csvTable): one
 * row per card open at some time in the period, with the status as it stood at the end of the
 * period. Dates are ISO (2026-07-14): unambiguous whatever the locale of the spreadsheet.
 */
export function challengeReportCsv(report: ChallengeReport): string {
  const header = [
    'Reference',
    'Title',
    'Raised by',
    'Date raised',
    'Priority area',
    'Lead officer',
    'Due',
    `Status at ${report.asOf}`,
    'Overdue',
    'Days to first response',
    'Completed on',
    'Explanation for the young people',
  ];
  const records = report.rows.map((row) => [
    row.reference,
    row.title,
    row.group,
    row.raisedOn,
    PRIORITY_AREA_LABELS[row.priorityArea],
    row.leadOfficer,
    row.dueOn,
    STATUS_LABELS[row.status],
    row.overdue ? 'Yes' : 'No',
    row.daysToFirstResponse === undefined ? '' : String(row.daysToFirstResponse),
    row.completedOn ?? '',
    row.explanation ?? '',
  ]);
  return csvTable(header, records);
}

/** A file name for the download: `challenge-cards-Q3-2026.csv`. */
export function challengeReportFileName(report: ChallengeReport): string {
  return `challenge-cards-${report.period.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.csv`;
}
