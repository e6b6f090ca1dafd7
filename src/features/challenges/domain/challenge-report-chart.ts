import type { ChartSpec } from '../../../platform/charts/chart-renderer';
import { type ChallengeStatus, PRIORITY_AREAS, type PriorityArea } from './challenge';
import type { ChallengeReport } from './challenge-report';

/** Short names for axis labels; the full titles are in the report's tables. */
export const SHORT_PRIORITY_LABELS: Record<PriorityArea, string> = {
  working_together: 'Working together, learning',
  successful_adults: 'Successful adults',
  healthy: 'Healthy',
  safe_home: 'Safe at home',
};

const STATUS_GROUPS = ['Open', 'Completed', 'Declined', 'Redirected'] as const;
type StatusGroup = (typeof STATUS_GROUPS)[number];

function groupOf(status: ChallengeStatus): StatusGroup {
  if (status === 'completed' || status === 'informed') return 'Completed';
  if (status === 'declined') return 'Declined';
  if (status === 'redirected') return 'Redirected';
  return 'Open';
}

/** The cards open during the period by priority area, stacked by status at the end of the period. */
export function challengeAreaChart(report: ChallengeReport): ChartSpec {
  const counts = new Map<string, number>();
  for (const row of report.rows) {
    const key = `${row.priorityArea}|${groupOf(row.status)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const values = PRIORITY_AREAS.flatMap((area) =>
    STATUS_GROUPS.map((group, order) => ({
      area: SHORT_PRIORITY_LABELS[area],
      status: group,
      order,
      cards: counts.get(`${area}|${group}`) ?? 0,
    })),
  );
  const totals = PRIORITY_AREAS.map((area) => `${SHORT_PRIORITY_LABELS[area]} ${areaTotal(values, SHORT_PRIORITY_LABELS[area])}`);
  return {
    altText: `Challenge cards open during ${report.period.title} by priority area: ${totals.join(', ')}.`,
    spec: {
      title: `Challenge cards by priority area, ${report.period.title}`,
      width: 300,
      height: 120,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'area', type: 'nominal', sort: PRIORITY_AREAS.map((area) => SHORT_PRIORITY_LABELS[area]), title: null },
        x: {
          field: 'cards',
          type: 'quantitative',
          title: 'Cards',
          axis: countAxis(Math.max(0, ...PRIORITY_AREAS.map((area) => areaTotal(values, SHORT_PRIORITY_LABELS[area])))),
          scale: { domainMin: 0, nice: true },
        },
        color: {
          field: 'status',
          type: 'nominal',
          sort: [...STATUS_GROUPS],
          title: 'Status',
          scale: { domain: [...STATUS_GROUPS], range: ['#1f5f99', '#3a9a5b', '#e08a1e', '#7f7f7f'] },
        },
        order: { field: 'order', type: 'ordinal' },
      },
    },
  };
}

/** New and completed cards in each of the last four quarters (the committee paper's trend). */
export function challengeTrendChart(quarters: readonly ChallengeReport[]): ChartSpec {
  const values = quarters.flatMap((report) => [
    { quarter: report.period.title, measure: 'New', cards: report.raised },
    { quarter: report.period.title, measure: 'Completed', cards: report.completed },
  ]);
  return {
    altText: `New and completed challenge cards by quarter: ${quarters.map((report) => `${report.period.title} ${report.raised} new, ${report.completed} completed`).join('; ')}.`,
    spec: {
      title: 'New and completed challenge cards, last four quarters',
      width: 380,
      height: 150,
      data: { values },
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'quarter', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0 } },
        xOffset: { field: 'measure', sort: ['New', 'Completed'] },
        y: {
          field: 'cards',
          type: 'quantitative',
          title: 'Cards',
          axis: countAxis(Math.max(0, ...quarters.flatMap((report) => [report.raised, report.completed]))),
          scale: { domainMin: 0, nice: true },
        },
        color: { field: 'measure', type: 'nominal', sort: ['New', 'Completed'], title: null, scale: { range: ['#1f5f99', '#3a9a5b'] } },
      },
    },
  };
}

function areaTotal(values: readonly { area: string; cards: number }[], area: string): number {
  return values.filter((value) => value.area === area).reduce((total, value) => total + value.cards, 0);
}

/**
 * Cards are counted in whole numbers: with few of them Vega would put ticks at halves (and a "d"
 * format would then label 0.5 as "1"), so small counts get one tick per card.
 */
function countAxis(max: number): { format: string; values?: number[]; tickMinStep?: number } {
  if (max <= 10) return { format: 'd', values: Array.from({ length: Math.max(1, max) + 1 }, (_, index) => index) };
  return { format: 'd', tickMinStep: 1 };
}
