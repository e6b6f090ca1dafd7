import { randomUUID } from 'node:crypto';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { renderAttendanceFormCard } from './attendance-form-card';
import { literalText } from '../../../shared/text/literal-text';
import { type CardButton, emptyPanelReport, renderPanelReportCard } from '../../../shared/cards/panel-report-card';
import { EVENT_KIND_LABELS } from '../../events';
import { formatLondonDateTime } from '../../../platform/time/london';
import type { AttendanceChange, Occasion } from '../domain/attendance';
import { ROSTER_PAGE_SIZE, type RosterEntry, type RosterTotals, rosterPage } from '../domain/attendance-roster';

const MAX_HISTORY_LINES = 40;

export interface AttendanceFormOptions {
  page: number;
  nowUtc: string;
  message?: string;
  messageColor?: 'Default' | 'Good' | 'Attention' | 'Warning';
  totals: RosterTotals;
}

/** The "Record attendance" form for one page of the roster. */
export function attendanceFormCard(occasion: Occasion, roster: readonly RosterEntry[], options: AttendanceFormOptions): AdaptiveCardJson {
  const { entries, page, pages } = rosterPage(roster, options.page);
  const first = page * ROSTER_PAGE_SIZE + 1;
  return renderAttendanceFormCard({
    occasionId: occasion.id,
    formId: randomUUID(),
    since: options.nowUtc,
    page,
    pages,
    pageText: `Page ${page + 1} of ${pages}: ${first} to ${first + entries.length - 1} of ${roster.length} people.`,
    hasNextPage: page + 1 < pages,
    title: literalText(occasion.title),
    when: `${occasionLabel(occasion)}, ${formatLondonDateTime(occasion.startUtc)}`,
    message: options.message ?? '',
    messageColor: options.messageColor ?? 'Default',
    totalsText: totalsText(options.totals),
    choices: entries.map((entry) => ({ title: `${entry.name}${entry.note ? ` (${entry.note})` : ''}`, value: entry.aadObjectId })),
    ticked: entries
      .filter((entry) => entry.preTicked)
      .map((entry) => entry.aadObjectId)
      .join(','),
    shown: entries.map((entry) => entry.aadObjectId).join(','),
    hint: 'Going and Maybe are ticked until you save. Everyone on this page you leave unticked is recorded as not attending; you can correct it later, and every change is kept.',
  });
}

export function totalsText(totals: RosterTotals): string {
  return `Attended: ${totals.attended} · Not attended: ${totals.absent} · Apologies: ${totals.apologies} · Not recorded yet: ${totals.notRecorded}`;
}

/** Every change, newest first: who changed whose attendance, from what, to what. */
export function attendanceHistoryCard(occasion: Occasion, changes: readonly AttendanceChange[]): AdaptiveCardJson {
  const newest = [...changes].reverse();
  const lines = newest.slice(0, MAX_HISTORY_LINES).map(historyLine);
  return renderPanelReportCard({
    ...emptyPanelReport(`Attendance changes: ${literalText(occasion.title)}`),
    subtitle: formatLondonDateTime(occasion.startUtc),
    sections: [
      {
        title:
          changes.length === 0 ? 'Nothing recorded yet' : `${changes.length} ${changes.length === 1 ? 'change' : 'changes'}, newest first`,
        lines,
      },
    ],
    footnote: changes.length > MAX_HISTORY_LINES ? `The ${changes.length - MAX_HISTORY_LINES} oldest changes are not shown.` : '',
    buttons: [{ title: 'Record attendance', verb: 'attendance.form', data: { occasionId: occasion.id } }],
  });
}

/** "record attendance": the recent events and meetings to choose from. */
export function occasionChoiceCard(occasions: readonly Occasion[], heading: string): AdaptiveCardJson {
  const choices: CardButton[] = occasions.map((occasion) => ({
    title: `${occasion.title.slice(0, 60)}, ${formatLondonDateTime(occasion.startUtc)}`,
    verb: 'attendance.form',
    data: { occasionId: occasion.id },
  }));
  return renderPanelReportCard({
    ...emptyPanelReport(heading),
    subtitle:
      occasions.length === 0 ? 'No events or panel meetings have started in the last 30 days.' : 'Choose the event or meeting to record.',
    choices,
  });
}

export function occasionLabel(occasion: Occasion): string {
  if (occasion.kind === 'meeting') return 'Panel meeting';
  return occasion.eventKind ? EVENT_KIND_LABELS[occasion.eventKind] : 'Event';
}

function historyLine(change: AttendanceChange): string {
  const to = change.to === 'attended' ? 'attended' : 'not attended';
  const from = change.from ? ` (was ${change.from === 'attended' ? 'attended' : 'not attended'})` : '';
  const how =
    change.source === 'check_in'
      ? `${literalText(change.name)} checked in`
      : `${literalText(change.by.name)} recorded ${literalText(change.name)} as ${to}${from}`;
  return `${formatLondonDateTime(change.atUtc)}: ${how}`;
}
