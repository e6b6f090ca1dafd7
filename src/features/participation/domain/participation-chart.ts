import type { ChartSpec } from '../../../platform/charts/chart-renderer';
import type { ParticipationReport } from './participation-report';

/** The trend: the share of members who attended a participation event, each of the last four quarters. */
export function participationTrendChart(report: ParticipationReport): ChartSpec {
  const values = report.trend.map((point) => ({ quarter: point.quarter, share: point.sharePercent, label: `${point.sharePercent}%` }));
  return {
    altText: `Share of members who attended at least one participation event: ${report.trend.map((point) => `${point.quarter} ${point.sharePercent}%`).join(', ')}.`,
    spec: {
      title: 'Members who attended a participation event',
      width: 380,
      height: 150,
      data: { values },
      encoding: {
        x: { field: 'quarter', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0 } },
        y: { field: 'share', type: 'quantitative', title: '% of members', scale: { domain: [0, 100] } },
      },
      layer: [
        { mark: { type: 'bar', color: '#1f5f99', cornerRadiusEnd: 2 } },
        { mark: { type: 'text', dy: -7, fontSize: 11 }, encoding: { text: { field: 'label' } } },
      ],
    },
  };
}
