import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface EventAttendeesCardData {
  eventId: string;
  title: string;
  when: string;
  /** 'CANCELLED' or empty. */
  statusLabel: string;
  /** Going, Maybe, Can't go: each with its names (already literal-escaped). */
  groups: { label: string; count: number; names: string }[];
  /** '12 invited members have not replied.' */
  noAnswerText: string;
  csvUrl: string;
}

/** "attendees for <event>": names by answer; actions `event.status` {eventId} and the CSV link. */
export function renderEventAttendeesCard(data: EventAttendeesCardData): AdaptiveCardJson {
  return cardTemplate('event-attendees').expand(data);
}
