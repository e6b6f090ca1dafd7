import type { Duration } from 'luxon';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { renderEventAttendeesCard } from './event-attendees-card';
import { type EventFormCardData, renderEventFormCard } from './event-form-card';
import { type EventInvitationCardData, renderEventInvitationCard } from './event-invitation-card';
import type { DescribedEventFields } from './event-card-fields';
import { type EventStatusCardData, renderEventStatusCard } from './event-status-card';
import { literalText } from '../../../shared/text/literal-text';
import type { BatchProgress } from '../../../platform/delivery/delivery-progress';
import type { FailureReason } from '../../../platform/delivery/delivery-state';
import { isDomainError } from '../../../shared/errors/domain-error';
import { formatLondonDate, formatLondonDateTime, formatLondonTime, inLondon, londonDate } from '../../../platform/time/london';
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventChange, type ParticipationEvent, audienceLabel, rsvpOpen } from '../domain/event';
import {
  EventFormError,
  type EventFormValues,
  type TeamChoice,
  describeNotice,
  emptyEventFormValues,
  formValuesForEvent,
} from '../domain/event-form';
import type { AttendeeList } from '../event-rsvps';
import { checkInOpen, recordingOpen, occasionOfEvent } from '../../attendance';
import { RSVP_LABELS, RSVP_RESPONSES, type Rsvp, type RsvpTotals } from '../domain/rsvp';
import { newFormId } from '../../../shared/forms/form';

/**
 * The officer's event form: blank for a new event, prefilled from `event` to update it, or
 * redrawn from what was typed with the errors beside each field when `error` is an EventFormError.
 */
export function eventFormCard(options: {
  teams: readonly TeamChoice[];
  minNotice: Duration;
  event?: ParticipationEvent;
  error?: unknown;
  formId?: string;
}): AdaptiveCardJson {
  const errors: EventFormValues = { ...emptyEventFormValues(), audience: '', confirmShortNotice: '' };
  let values: EventFormValues = options.event ? formValuesForEvent(options.event) : emptyEventFormValues();
  let message = '';
  let showShortNoticeToggle = false;
  if (options.error instanceof EventFormError) {
    values = options.error.values;
    for (const [field, text] of Object.entries(options.error.fieldErrors)) errors[field as keyof EventFormValues] = text ?? '';
    message = options.error.userMessage;
    showShortNoticeToggle = options.error.needsShortNoticeConfirmation || values.confirmShortNotice === 'true';
  } else if (isDomainError(options.error)) {
    message = options.error.userMessage;
  }
  const data: EventFormCardData = {
    heading: options.event ? `Update event: ${literalText(options.event.title)}` : 'New participation event',
    eventId: options.event?.id ?? '',
    // A new form gets its own id; the same form shown again with errors keeps it.
    formId: options.formId ?? newFormId(),
    sequence: options.event?.sequence ?? 0,
    values,
    errors,
    message,
    kindChoices: EVENT_KINDS.map((kind) => ({ title: EVENT_KIND_LABELS[kind], value: kind })),
    audienceChoices: audienceChoices(options.teams, options.event),
    showShortNoticeToggle,
    minNoticeText: describeNotice(options.minNotice),
  };
  return renderEventFormCard(data);
}

export interface InvitationCardOptions {
  nowUtc: string;
  /** The viewer's own answer, when known. */
  mine?: Rsvp;
  /** Totals, when known (after a reply or a refresh); omitted on the first send. */
  totals?: RsvpTotals;
  /** The event's .ics address for 'Add to my calendar'. */
  calendarUrl?: string;
  /** Teams user ids (at most 60) whose card refreshes on view. */
  refreshUserIds?: string[];
  heading?: string;
  /** When the viewer checked in (UTC ISO), if they have. */
  checkedInAtUtc?: string;
}

/** The card data of a member's invitation (also what an update or cancellation sends). */
export function eventInvitationCardData(event: ParticipationEvent, options: InvitationCardOptions): EventInvitationCardData {
  const open = rsvpOpen(event, options.nowUtc);
  const mine = options.mine?.response ?? '';
  const tick = (response: (typeof RSVP_RESPONSES)[number]) => `${mine === response ? '✓ ' : ''}${RSVP_LABELS[response]}`;
  return {
    eventId: event.id,
    sequence: event.sequence,
    heading: options.heading ?? '',
    ...describedEvent(event),
    onlineUrl: event.onlineUrl ?? '',
    details: event.details ? literalText(event.details) : '',
    status: event.status,
    statusText:
      event.status === 'cancelled'
        ? 'This event has been cancelled. Your reply is kept on record; there is nothing more to do.'
        : updateText(event),
    updated: event.status !== 'cancelled' && event.lastChanges.length > 0,
    shortNotice: event.shortNotice,
    shortNoticeText: 'Short notice: this invitation comes with less notice than members usually get.',
    rsvpByText: rsvpByText(event),
    rsvpOpen: open,
    closedText: open
      ? ''
      : event.status === 'cancelled'
        ? 'Replies are closed: the event is cancelled.'
        : `Replies closed on ${formatLondonDateTime(event.rsvpByUtc)}.`,
    myResponse: mine,
    myResponseText: mine === '' ? '' : mine === 'not_going' ? "You said you can't go." : `You said: ${RSVP_LABELS[mine]}.`,
    buttonTitles: { going: tick('going'), maybe: tick('maybe'), notGoing: tick('not_going') },
    totalsKnown: options.totals !== undefined,
    totals: cardTotals(options.totals),
    calendarUrl: options.calendarUrl ?? '',
    refreshUserIds: (options.refreshUserIds ?? []).slice(0, 60),
    checkInOpen: !options.checkedInAtUtc && checkInOpen(occasionOfEvent(event), options.nowUtc),
    checkedInText: options.checkedInAtUtc ? `You checked in at ${formatLondonTime(options.checkedInAtUtc)}. Thank you for coming.` : '',
  };
}

export function eventInvitationCard(event: ParticipationEvent, options: InvitationCardOptions): AdaptiveCardJson {
  return renderEventInvitationCard(eventInvitationCardData(event, options));
}

export interface StatusCardOptions {
  /** The latest send's progress (invitation, update or cancellation); omitted before anything was queued. */
  progress?: BatchProgress;
  /** 'Invitations', 'Update of 3 March', 'Cancellation notices'; default 'Invitations'. */
  progressLabel?: string;
  /** A Team's roster is still being read in the background: more invitations are to come. */
  findingMembers?: boolean;
  totals: RsvpTotals;
  /** Invited members who have not replied. */
  noAnswer: number;
  /** The officers' CSV download address. */
  csvUrl?: string;
  heading?: string;
  /** Now, for whether attendance can be recorded yet. */
  nowUtc?: string;
}

/** The officer's card: what the event is, how delivery is going, how people replied. */
export function eventStatusCardData(event: ParticipationEvent, options: StatusCardOptions): EventStatusCardData {
  const progress = options.progress;
  const label = options.progressLabel ?? 'Invitations';
  return {
    eventId: event.id,
    sequence: event.sequence,
    heading: options.heading ?? '',
    ...describedEvent(event),
    status: event.status,
    statusText:
      event.status === 'cancelled'
        ? `Cancelled${event.cancelledAt ? ` on ${formatLondonDateTime(event.cancelledAt)}` : ''}. Everyone invited is told; replies are kept.`
        : '',
    shortNotice: event.shortNotice,
    rsvpByText: rsvpByText(event),
    progressKnown: progress !== undefined,
    progressText: `${progressText(label, progress)}${options.findingMembers ? " Still finding the Team's members: more invitations will follow." : ''}`,
    progress: { queued: progress?.queued ?? 0, sent: progress?.sent ?? 0, failed: progress?.failed ?? 0, pending: progress?.pending ?? 0 },
    failures: progress ? failureLines(progress) : [],
    totals: { ...cardTotals(options.totals), noAnswer: options.noAnswer },
    csvUrl: options.csvUrl ?? '',
    canChange: event.status !== 'cancelled',
    canRecordAttendance: options.nowUtc !== undefined && recordingOpen(occasionOfEvent(event), options.nowUtc),
  };
}

function progressText(label: string, progress: BatchProgress | undefined): string {
  if (!progress || progress.queued === 0) return `${label}: nothing queued yet.`;
  const waiting = progress.pending > 0 ? `, ${progress.pending} waiting` : '';
  const failed = progress.failed > 0 ? `, ${progress.failed} failed` : '';
  return `${label}: ${progress.sent} of ${progress.queued} sent${waiting}${failed}.`;
}

export function eventStatusCard(event: ParticipationEvent, options: StatusCardOptions): AdaptiveCardJson {
  return renderEventStatusCard(eventStatusCardData(event, options));
}

/** "attendees for <event>": names under Going, Maybe and Can't go. */
export function eventAttendeesCard(list: AttendeeList, options: { csvUrl?: string } = {}): AdaptiveCardJson {
  return renderEventAttendeesCard({
    eventId: list.event.id,
    title: literalText(list.event.title),
    when: formatLondonDateTime(list.event.startUtc),
    statusLabel: list.event.status === 'cancelled' ? 'CANCELLED' : '',
    groups: RSVP_RESPONSES.map((response) => ({
      label: RSVP_LABELS[response],
      count: list.names[response].length,
      names: list.names[response].length > 0 ? list.names[response].map(literalText).join(', ') : 'Nobody yet',
    })),
    noAnswerText:
      list.noAnswer > 0
        ? `${list.noAnswer} of ${list.invited} invited ${list.invited === 1 ? 'member has' : 'members have'} not replied.`
        : '',
    csvUrl: options.csvUrl ?? '',
  });
}

function describedEvent(
  event: ParticipationEvent,
): Pick<DescribedEventFields, 'title' | 'kindLabel' | 'when' | 'until' | 'venue' | 'audienceLabel'> {
  return {
    title: literalText(event.title),
    kindLabel: EVENT_KIND_LABELS[event.kind],
    when: formatLondonDateTime(event.startUtc),
    until: londonDate(event.endUtc) === londonDate(event.startUtc) ? formatLondonTime(event.endUtc) : formatLondonDateTime(event.endUtc),
    venue: literalText(event.venue),
    audienceLabel: literalText(audienceLabel(event.audience)),
  };
}

const CHANGE_LABELS: Record<EventChange, string> = {
  title: 'title',
  kind: 'kind of event',
  time: 'time',
  venue: 'venue',
  details: 'description',
  rsvpBy: 'reply-by date',
  audience: 'who is invited',
};

function updateText(event: ParticipationEvent): string {
  if (event.lastChanges.length === 0) return '';
  const changed = `Changed: ${event.lastChanges.map((change) => CHANGE_LABELS[change]).join(', ')}.`;
  const moved =
    event.lastChanges.includes('time') && event.previousStartUtc ? ` It was ${formatLondonDateTime(event.previousStartUtc)}.` : '';
  return `${changed}${moved} Your reply still stands; change it below if you need to.`;
}

/** Replies close at the RSVP-by instant; London midnight reads better as the end of the day before. */
function rsvpByText(event: ParticipationEvent): string {
  if (event.rsvpByUtc === event.startUtc) return 'Please reply before the event starts.';
  const local = inLondon(event.rsvpByUtc);
  if (local.hour === 0 && local.minute === 0) return `Please reply by the end of ${formatLondonDate(local.minus({ days: 1 }))}.`;
  return `Please reply by ${formatLondonDateTime(event.rsvpByUtc)}.`;
}

function cardTotals(totals: RsvpTotals | undefined): { going: number; maybe: number; notGoing: number } {
  return { going: totals?.going ?? 0, maybe: totals?.maybe ?? 0, notGoing: totals?.not_going ?? 0 };
}

const FAILURE_LABELS: Record<FailureReason, string> = {
  blocked_by_user: 'blocked the bot',
  bot_not_in_roster: 'removed the bot',
  conversation_not_found: 'chat not found',
  too_large: 'card too large',
  rejected: 'refused by Teams',
  attempts_exhausted: 'gave up after retries',
  unreachable: 'known to be unreachable',
  no_conversation_reference: 'has not installed the bot',
};

function failureLines(progress: BatchProgress): { text: string }[] {
  return Object.entries(progress.failures)
    .filter(([, count]) => (count ?? 0) > 0)
    .map(([reason, count]) => ({ text: `Failed, ${FAILURE_LABELS[reason as FailureReason] ?? reason}: ${count}` }));
}

function audienceChoices(teams: readonly TeamChoice[], event: ParticipationEvent | undefined): { title: string; value: string }[] {
  const choices = [
    { title: 'Panel members', value: 'panel' },
    { title: 'All councillors (on the panel or not)', value: 'councillors' },
    { title: 'Officers', value: 'officers' },
    ...teams.map((team) => ({ title: `Members of ${team.teamName}`, value: `team:${team.teamId}` })),
  ];
  const current = event?.audience;
  // A Team the bot has since left stays selectable on its own event, so an update keeps it.
  if (current?.kind === 'team' && !teams.some((team) => team.teamId === current.teamId))
    choices.push({ title: `Members of ${current.teamName}`, value: `team:${current.teamId}` });
  return choices;
}
