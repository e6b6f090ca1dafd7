import type { EventFormValues } from '../domain/event-form';
import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface EventFormCardData {
  heading: string;
  /** Empty for a new event (submits `event.create`); set to update one (submits `event.update`). */
  eventId: string;
  /** Carried on `event.create`: the same form submitted twice creates one event. */
  formId: string;
  sequence: number;
  values: EventFormValues;
  /** A message per field, empty where there is none. */
  errors: EventFormValues;
  /** A message over the whole form, or empty. */
  message: string;
  kindChoices: { title: string; value: string }[];
  audienceChoices: { title: string; value: string }[];
  /** Shows the 'Send with short notice' toggle (the start is closer than the minimum notice). */
  showShortNoticeToggle: boolean;
  /** '14 days', for the hint under the dates. */
  minNoticeText: string;
}

/**
 * The officer's event form. Submits Action.Execute `event.create` (data: the inputs) or
 * `event.update` (data: {eventId, sequence} plus the inputs).
 */
export function renderEventFormCard(data: EventFormCardData): AdaptiveCardJson {
  return cardTemplate('event-form').expand(data);
}
