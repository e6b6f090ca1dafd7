import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface EventCalendarLinkCardData {
  heading: string;
  /** Why and how to subscribe. */
  text: string;
  /** The secret feed address, shown once; empty when only offering to make a new one. */
  url: string;
  /** Carried on 'Get a new link' (always the person's own feed now). */
  scope: 'member';
}

/** The person's Members' Calendar address. 'Get a new link' posts Action.Execute `calendar.link` with {scope, rotate: true}. */
export function renderEventCalendarLinkCard(data: EventCalendarLinkCardData): AdaptiveCardJson {
  return cardTemplate('event-calendar-link').expand(data);
}
