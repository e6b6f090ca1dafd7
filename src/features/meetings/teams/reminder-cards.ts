import type { Duration } from 'luxon';
import type { AdaptiveCardJson } from '../../../shared/cards/card-template';
import { meetingCard } from './meeting-cards';
import type { Meeting } from '../domain/meeting';
import type { Clock } from '../../../platform/time/clock';
import type { ReminderCards } from '../meeting-reminders';

/** "in 7 days", "tomorrow", "in 2 hours": the offset as a person would say it. */
export function offsetPhrase(offset: Duration): string {
  const days = offset.as('days');
  if (days === 1) return 'tomorrow';
  if (Number.isInteger(days)) return days % 7 === 0 ? `in ${days / 7} week${days === 7 ? '' : 's'}` : `in ${days} days`;
  const hours = offset.as('hours');
  return Number.isInteger(hours) ? `in ${hours} hour${hours === 1 ? '' : 's'}` : `in ${Math.round(offset.as('minutes'))} minutes`;
}

/** The meeting card, headed as a reminder or a cancellation, with the member's buttons. */
export function reminderCards(publicBaseUrl: string, clock: Clock): ReminderCards {
  const options = () => ({
    nowUtc: clock.now().toUTC().toISO()!,
    viewerIsOfficer: false,
    calendarUrlFor: (meetingId: string) => `${publicBaseUrl}/calendar/meetings/${encodeURIComponent(meetingId)}.ics`,
  });
  return {
    reminder: (meeting: Meeting, offset: Duration): AdaptiveCardJson =>
      meetingCard(meeting, { ...options(), heading: `Reminder: the panel meets ${offsetPhrase(offset)}` }),
    cancellation: (meeting: Meeting): AdaptiveCardJson =>
      meetingCard(meeting, { ...options(), heading: 'This meeting has been cancelled' }),
  };
}
