import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { literalText } from '../../../shared/text/literal-text';
import { type MeetingCardData, renderMeetingCard } from './meeting-card';
import { type MeetingFormCardData, renderMeetingFormCard } from './meeting-form-card';
import { type MeetingListCardData, type MeetingListItem, renderMeetingListCard } from './meeting-list-card';
import { renderNoticeCard } from '../../../shared/cards/notice-card';
import { isDomainError } from '../../../shared/errors/domain-error';
import { formatLondonDate, formatLondonDateTime, formatLondonTime, londonDate } from '../../../platform/time/london';
import { type Meeting, isPast } from '../domain/meeting';
import { checkInOpen, recordingOpen, occasionOfMeeting } from '../../attendance';
import type { MeetingAnswer } from '../meeting-query';
import { MeetingFormError, type MeetingFormValues, emptyFormValues, formValuesFor, isOfficerOwned } from '../officer-meetings';
import { newFormId } from '../../../shared/forms/form';

export interface MeetingCardOptions {
  nowUtc: string;
  /** The bot's .ics address for one meeting (e.g. `${publicBaseUrl}/calendar/meetings/${id}.ics`); omit to hide the button. */
  calendarUrlFor?: (meetingId: string) => string;
  /** Officers (and admins) get Edit / Cancel on meetings officers own. */
  viewerIsOfficer: boolean;
}

const SOURCE_NAMES: Record<string, string> = { moderngov: 'ModernGov', ical: 'the council calendar feed', officer: 'Teams' };
const MAX_AGENDA_ITEMS_SHOWN = 15;
const MAX_PAPERS_SHOWN = 10;

/** The card data for one meeting: every text formatted for people, in Europe/London. */
export function meetingCardData(meeting: Meeting, options: MeetingCardOptions & { heading?: string; notices?: string[] }): MeetingCardData {
  const past = isPast(meeting, options.nowUtc);
  return {
    meetingId: meeting.id,
    sequence: meeting.sequence,
    heading: options.heading ?? '',
    committee: literalText(meeting.committee),
    title: literalText(meeting.title),
    when: whenText(meeting),
    until: untilText(meeting),
    venue: meeting.venue ? literalText(meeting.venue) : 'To be confirmed',
    status: meeting.status,
    statusText: statusText(meeting),
    notices: (options.notices ?? []).map((text) => ({ text })),
    agendaText: agendaText(meeting, past),
    agendaUrl: meeting.agenda.published ? (meeting.agenda.url ?? '') : '',
    agendaItems: meeting.agenda.published
      ? meeting.agenda.items
          .slice(0, MAX_AGENDA_ITEMS_SHOWN)
          .map((item) => ({ number: literalText(item.number), title: literalText(item.title) }))
      : [],
    papers: meeting.documents.slice(0, MAX_PAPERS_SHOWN).map((doc) => ({ title: literalText(doc.title), url: markdownUrl(doc.url) })),
    minutesUrl: meeting.minutes.published ? (meeting.minutes.url ?? '') : '',
    notes: meeting.notes ? literalText(meeting.notes) : '',
    calendarUrl: options.calendarUrlFor?.(meeting.id) ?? '',
    canSendApologies: meeting.status !== 'cancelled' && !past,
    officerActions: options.viewerIsOfficer && isOfficerOwned(meeting) && meeting.status !== 'cancelled',
    checkInOpen: checkInOpen(occasionOfMeeting(meeting), options.nowUtc),
    recordAttendance: options.viewerIsOfficer && recordingOpen(occasionOfMeeting(meeting), options.nowUtc),
  };
}

export function meetingCard(meeting: Meeting, options: MeetingCardOptions & { heading?: string; notices?: string[] }): AdaptiveCardJson {
  return renderMeetingCard(meetingCardData(meeting, options));
}

export function meetingListCard(
  heading: string,
  meetings: Meeting[],
  options: { note?: string; calendarUrl?: string } = {},
): AdaptiveCardJson {
  const data: MeetingListCardData = {
    heading,
    items: meetings.map(listItem),
    note: options.note ?? '',
    calendarUrl: options.calendarUrl ?? '',
  };
  return renderMeetingListCard(data);
}

/**
 * The card that answers a meeting question: one meeting, a list, or a notice saying there is none
 * ('No panel meetings are scheduled in March 2027').
 */
export function meetingAnswerCard(answer: MeetingAnswer, options: MeetingCardOptions & { listCalendarUrl?: string }): AdaptiveCardJson {
  if (answer.kind === 'none')
    return renderNoticeCard({
      title: answer.text,
      text: 'Ask "upcoming meetings" to see the meetings that are scheduled.',
      style: 'default',
    });
  if (answer.kind === 'list')
    return meetingListCard(answer.heading, answer.meetings, options.listCalendarUrl ? { calendarUrl: options.listCalendarUrl } : {});
  const notices = answer.cancelledBefore.map((m) => `The meeting on ${formatLondonDate(m.startUtc)} is cancelled.`);
  if (answer.agendaDueBy)
    notices.push(`The agenda is due to be published by ${answer.agendaDueBy} (five clear working days before the meeting).`);
  return meetingCard(answer.meeting, { ...options, heading: answer.heading, notices });
}

/**
 * The officer's form: blank for a new meeting, prefilled from `meeting` to edit it, or redrawn
 * from what was typed with the errors beside each field when `error` is a MeetingFormError.
 */
export function meetingFormCard(
  options: { meeting?: Meeting; error?: unknown; values?: MeetingFormValues; formId?: string } = {},
): AdaptiveCardJson {
  const errors = emptyFormValues();
  let message = '';
  let values = options.values ?? (options.meeting ? formValuesFor(options.meeting) : emptyFormValues());
  if (options.error instanceof MeetingFormError) {
    values = options.error.values;
    for (const [field, text] of Object.entries(options.error.fieldErrors)) errors[field as keyof MeetingFormValues] = text ?? '';
    message = options.error.userMessage;
  } else if (isDomainError(options.error)) {
    message = options.error.userMessage;
  }
  const data: MeetingFormCardData = {
    heading: options.meeting ? `Edit meeting: ${options.meeting.title}` : 'Add a panel meeting',
    meetingId: options.meeting?.id ?? '',
    // A new form gets its own id; the same form shown again with errors keeps it.
    formId: options.formId ?? newFormId(),
    sequence: options.meeting?.sequence ?? 0,
    values,
    errors,
    message,
  };
  return renderMeetingFormCard(data);
}

function listItem(meeting: Meeting): MeetingListItem {
  const cancelled = meeting.status === 'cancelled';
  const moved = meeting.status === 'moved';
  return {
    meetingId: meeting.id,
    when: whenText(meeting),
    title: literalText(meeting.title),
    venue: meeting.venue ? literalText(meeting.venue) : '',
    statusLabel: cancelled ? 'CANCELLED' : moved ? 'MOVED' : '',
    statusColor: cancelled ? 'Attention' : moved ? 'Warning' : 'Default',
    containerStyle: cancelled ? 'attention' : moved ? 'warning' : 'default',
  };
}

function whenText(meeting: Meeting): string {
  if (!meeting.allDay) return formatLondonDateTime(meeting.startUtc);
  return `${formatLondonDate(meeting.startUtc)} (${meeting.source === 'moderngov' ? 'time to be confirmed' : 'all day'})`;
}

function untilText(meeting: Meeting): string {
  if (meeting.allDay || !meeting.endUtc) return '';
  return londonDate(meeting.endUtc) === londonDate(meeting.startUtc)
    ? formatLondonTime(meeting.endUtc)
    : formatLondonDateTime(meeting.endUtc);
}

function statusText(meeting: Meeting): string {
  if (meeting.status === 'cancelled') {
    if (meeting.cancelledReason === 'vanished')
      return `This meeting is no longer listed in ${SOURCE_NAMES[meeting.source] ?? meeting.source}, so it is shown as cancelled.`;
    return 'This meeting has been cancelled.';
  }
  if (meeting.status === 'moved') {
    if (meeting.previousStartUtc) return `Moved from ${formatLondonDateTime(meeting.previousStartUtc)}.`;
    return meeting.statusNote ? literalText(meeting.statusNote) : 'This meeting has been moved.';
  }
  return '';
}

function agendaText(meeting: Meeting, past: boolean): string {
  if (meeting.agenda.published) return meeting.agenda.url ? 'Published.' : 'Published: see the papers below.';
  if (meeting.status === 'cancelled') return 'No agenda: the meeting is cancelled.';
  return past ? 'No agenda was published here.' : 'Not published yet.';
}

/** Parentheses and spaces would end a Markdown link early. */
function markdownUrl(url: string): string {
  return url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
}
