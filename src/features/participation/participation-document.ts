import { periodHeading } from '../../shared/reports/report-period';
import type { Chart, ChartRenderer } from '../../platform/charts/chart-renderer';
import { type WordBlock, renderWordReport } from '../../platform/documents/word-report';
import { formatLondonDate } from '../../platform/time/london';
import type { ParticipationReport } from './domain/participation-report';
import { participationFacts } from './teams/participation-cards';

/** The committee paper: figures, the trend chart, events by kind, and every member's line. */
export function participationDocument(report: ParticipationReport, chart: Chart, charts: ChartRenderer, nowUtc: string): Promise<Buffer> {
  const blocks: WordBlock[] = [
    { kind: 'heading', text: 'Summary' },
    { kind: 'facts', rows: participationFacts(report).map((fact) => [fact.title, fact.value] as const) },
    { kind: 'chart', png: charts.png(chart, 2), width: chart.width, height: chart.height, altText: chart.altText },
    { kind: 'heading', text: 'Events by kind' },
    {
      kind: 'table',
      columns: ['Kind of event', 'Events', 'Attendances'],
      rows: report.byKind.map((entry) => [entry.label, String(entry.events), String(entry.attendances)]),
    },
    { kind: 'heading', text: 'Members' },
    {
      kind: 'table',
      columns: ['Member', 'Invited', 'Replied', 'Attended'],
      rows: report.rows.map((row) => [row.name, String(row.invited), String(row.replied), String(row.attended)]),
    },
    {
      kind: 'paragraph',
      italic: true,
      text: 'Participation events are Virtual School Kent activities, achievement award ceremonies, foster carer events and other participation events (Select Committee Recommendation 6); training is reported separately. Attendance is as recorded by officers or by members checking in on the day. Members are those currently active in the bot who are not officers.',
    },
  ];
  return renderWordReport({
    title: 'Members\u2019 participation in events',
    period: `${periodHeading(report.period)}${report.partial ? ' (period still running)' : ''}`,
    preparedLine: `Prepared on ${formatLondonDate(nowUtc)}`,
    blocks,
  });
}

export function participationDocumentName(report: ParticipationReport): string {
  return `participation-${report.period.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.docx`;
}
