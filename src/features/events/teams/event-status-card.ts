import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';
import type { DescribedEventFields } from './event-card-fields';

export interface EventStatusCardData extends DescribedEventFields {
  statusText: string;
  shortNotice: boolean;
  rsvpByText: string;
  /** False until a delivery progress is known. */
  progressKnown: boolean;
  /** 'Invitations: 41 of 45 sent' or 'Update of 3 March: ...'. */
  progressText: string;
  progress: { queued: number; sent: number; failed: number; pending: number };
  /** 'Blocked the bot: 1', ... one line per failure reason. */
  failures: { text: string }[];
  totals: { going: number; maybe: number; notGoing: number; noAnswer: number };
  /** Officers' CSV download; empty hides the button. */
  csvUrl: string;
  /** Update / Cancel are offered while the event is not cancelled. */
  canChange: boolean;
  /** The event has begun (or is about to): officers may record attendance. */
  canRecordAttendance: boolean;
}

/**
 * The officer's view of an event: delivery progress and RSVP totals. Actions: `event.status`
 * {eventId} (refresh), `event.edit` {eventId}, `event.cancel` {eventId, sequence},
 * `event.attendees` {eventId}, and an Action.OpenUrl to the CSV export.
 */
export function renderEventStatusCard(data: EventStatusCardData): AdaptiveCardJson {
  return cardTemplate('event-status').expand(data);
}
