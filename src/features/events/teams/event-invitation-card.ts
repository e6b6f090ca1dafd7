import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';
import type { DescribedEventFields } from './event-card-fields';

export interface EventInvitationCardData extends DescribedEventFields {
  /** An https:// link for 'Join online', or empty. */
  onlineUrl: string;
  details: string;
  /** Shown loudly: 'This event has been cancelled.' or what an update changed; empty otherwise. */
  statusText: string;
  updated: boolean;
  shortNotice: boolean;
  shortNoticeText: string;
  /** 'Please reply by Wednesday 3 February 2027, 11:59pm'. */
  rsvpByText: string;
  rsvpOpen: boolean;
  /** Why replies are closed, or empty. */
  closedText: string;
  /** The viewer's own answer, '' when none. */
  myResponse: '' | 'going' | 'maybe' | 'not_going';
  myResponseText: string;
  /** Button titles; the viewer's current answer is ticked ('✓ Going'). */
  buttonTitles: { going: string; maybe: string; notGoing: string };
  /** Whether to show the totals (known after a reply or a refresh). */
  totalsKnown: boolean;
  totals: { going: number; maybe: number; notGoing: number };
  /** 'Add to my calendar' link (the event's .ics); empty hides the button. */
  calendarUrl: string;
  /** Teams user ids whose card refreshes itself on view (Action.Execute `event.invitation`); empty for none. */
  refreshUserIds: string[];
  /** "I'm here" is offered: the check-in window is open and the viewer has not checked in. */
  checkInOpen: boolean;
  /** 'You checked in at 6:02pm. Thank you for coming.' or empty. */
  checkedInText: string;
}

/**
 * A member's invitation. RSVP buttons post Action.Execute `event.rsvp` with {eventId, response}
 * (response: going | maybe | not_going); refresh posts `event.invitation` with {eventId}.
 */
export function renderEventInvitationCard(data: EventInvitationCardData): AdaptiveCardJson {
  return withoutEmptyRefresh(cardTemplate('event-invitation').expand(data));
}

/** The template drops `refresh` to null when no user ids are given; a card should not carry a null property. */
function withoutEmptyRefresh(card: AdaptiveCardJson): AdaptiveCardJson {
  if (card.refresh === null || card.refresh === undefined) delete card.refresh;
  return card;
}
