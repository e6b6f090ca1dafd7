import { periodHeading } from '../../../shared/reports/report-period';
import type { Chart, ChartRenderer } from '../../../platform/charts/chart-renderer';
import { type WordBlock, renderWordReport } from '../../../platform/documents/word-report';
import { formatLondonDate, londonStartOfDay } from '../../../platform/time/london';
import type { ChallengeReport } from './challenge-report';
import { challengeReportFacts } from '../teams/challenge-cards';

/** A completed card as the committee paper tells it. */
export interface CompletedCardDetail {
  reference: string;
  title: string;
  group: string;
  completedOn: string;
  /** What was done: the response recorded when the card was completed. */
  outcome: string;
  /** The explanation that goes back to the young people. */
  toldYoungPeople: string;
  /** When the young people were told, if they have been. */
  informedOn?: string;
}

export interface ChallengeDocumentInput {
  report: ChallengeReport;
  areaChart: Chart;
  trendChart: Chart;
  completed: readonly CompletedCardDetail[];
  nowUtc: string;
}

/** The quarterly update for the panel papers (minutes of 20 March 2017: "quarterly updates ... on issues and requirements"). */
export function challengeReportDocument(input: ChallengeDocumentInput, charts: ChartRenderer): Promise<Buffer> {
  const { report } = input;
  const blocks: WordBlock[] = [
    { kind: 'heading', text: 'Summary' },
    { kind: 'facts', rows: challengeReportFacts(report).map((fact) => [fact.title, fact.value] as const) },
    chartBlock(input.areaChart, charts),
    chartBlock(input.trendChart, charts),
    { kind: 'heading', text: 'By status at the end of the period' },
    { kind: 'table', columns: ['Status', 'Cards'], rows: report.byStatus.map((entry) => [entry.label, String(entry.count)]) },
    { kind: 'heading', text: 'By priority area' },
    { kind: 'table', columns: ['Priority area', 'Cards'], rows: report.byPriority.map((entry) => [entry.label, String(entry.count)]) },
    { kind: 'heading', text: 'Challenges completed in the period' },
    input.completed.length === 0
      ? { kind: 'paragraph', text: 'No challenge cards were completed in the period.' }
      : {
          kind: 'table',
          columns: ['Challenge', 'Completed', 'Outcome', 'What we told the young people', 'Young people told'],
          rows: input.completed.map(completedRow),
        },
    {
      kind: 'paragraph',
      italic: true,
      text: 'Quarters are calendar quarters (Q1 is January to March). Statuses are as they stood at the end of the period. Records name the children\u2019s council that raised each challenge, never a child.',
    },
  ];
  return renderWordReport({
    title: 'Challenge cards: update to the panel',
    period: `${periodHeading(report.period)}${report.partial ? ` (still running: figures as at ${dayText(report.asOf)})` : ''}`,
    preparedLine: `Prepared on ${formatLondonDate(input.nowUtc)}`,
    blocks,
  });
}

export function challengeReportDocumentName(report: ChallengeReport): string {
  return `challenge-cards-${report.period.title.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}.docx`;
}

/** One row per completed card: a single table is quick to write and reads well in committee papers. */
function completedRow(card: CompletedCardDetail): string[] {
  return [
    `${card.reference}: ${card.title}\nRaised by ${card.group}`,
    dayText(card.completedOn),
    card.outcome || 'No response recorded.',
    card.toldYoungPeople || 'No explanation recorded.',
    card.informedOn ? dayText(card.informedOn) : 'Not yet',
  ];
}

function chartBlock(chart: Chart, charts: ChartRenderer): WordBlock {
  return { kind: 'chart', png: charts.png(chart, 2), width: chart.width, height: chart.height, altText: chart.altText };
}

function dayText(date: string): string {
  return formatLondonDate(londonStartOfDay(date));
}
