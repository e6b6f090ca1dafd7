import type { MeetingFormValues } from '../officer-meetings';
import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface MeetingFormCardData {
  heading: string;
  /** Empty for a new meeting. */
  meetingId: string;
  /** Carried on `meeting.save` for a new meeting: the same form submitted twice adds one meeting. */
  formId: string;
  sequence: number;
  /** Input values: dates `YYYY-MM-DD`, times `HH:mm`, London time. */
  values: MeetingFormValues;
  /** A message per field, empty where there is none. */
  errors: MeetingFormValues;
  /** A message over the whole form, or empty. */
  message: string;
}

/** The officer's add/edit form; submits `meeting.save` with {meetingId?, sequence?} plus the inputs. */
export function renderMeetingFormCard(data: MeetingFormCardData): AdaptiveCardJson {
  return cardTemplate('meeting-form').expand(data);
}
