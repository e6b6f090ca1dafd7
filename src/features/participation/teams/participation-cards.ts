import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { literalText } from '../../../shared/text/literal-text';
import { emptyPanelReport, renderPanelReportCard } from '../../../shared/cards/panel-report-card';
import type { CardImage } from '../../../platform/charts/card-chart';
import type { ParticipationReport } from '../domain/participation-report';

const MAX_NAMES = 40;

export function participationFacts(report: ParticipationReport): { title: string; value: string }[] {
  return [
    { title: 'Participation events held', value: String(report.eventsHeld) },
    { title: 'Members', value: String(report.members) },
    { title: 'Attended at least one', value: `${report.attendedAtLeastOne} (${report.sharePercent}%)` },
    { title: 'Invitations', value: String(report.invitations) },
    {
      title: 'Replies',
      value: `${report.replies}${report.invitations > 0 ? ` (${Math.round((report.replies / report.invitations) * 100)}% of invitations)` : ''}`,
    },
    { title: 'Attendances', value: String(report.attendances) },
  ];
}

/** The officers' card: the figures, the trend chart, and who has not attended anything; the full list is in the Word report. */
export function participationReportCard(report: ParticipationReport, options: { image?: CardImage; docxUrl?: string }): AdaptiveCardJson {
  const none = report.rows.filter((row) => row.attended === 0);
  const names = none.slice(0, MAX_NAMES).map((row) => literalText(row.name));
  return renderPanelReportCard({
    ...emptyPanelReport(`Participation report: ${report.period.title}`),
    subtitle: `${report.period.dates}${report.partial ? ' (still running: figures as at today)' : ''}`,
    image: options.image ?? { url: '', altText: '' },
    facts: participationFacts(report),
    sections: [
      {
        title: 'By kind of event',
        lines: report.byKind
          .filter((entry) => entry.events > 0)
          .map(
            (entry) =>
              `${entry.label}: ${entry.events} ${entry.events === 1 ? 'event' : 'events'}, ${entry.attendances} ${entry.attendances === 1 ? 'attendance' : 'attendances'}`,
          ),
      },
      {
        title: `Members who attended none (${none.length})`,
        lines:
          none.length === 0
            ? ['Everyone attended at least one.']
            : [names.join(', ') + (none.length > names.length ? ` and ${none.length - names.length} more` : '')],
      },
    ],
    footnote:
      'Participation events: Virtual School Kent activities, achievement awards, foster carer and participation events. The Word report lists every member\u2019s invitations, replies and attendance.',
    links: options.docxUrl ? [{ title: 'Download report (Word)', url: options.docxUrl }] : [],
  });
}
