import { AdaptiveCardJson, expandCardTemplate } from './card-template';

export interface MeetingFormFields {
  title: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  venue: string;
  agendaUrl: string;
  notes: string;
}

export interface MeetingFormCardData {
  heading: string;
  /** Empty for a new meeting. */
  meetingId: string;
  sequence: number;
  /** Input values: dates `YYYY-MM-DD`, times `HH:mm`, London time. */
  values: MeetingFormFields;
  /** A message per field, empty where there is none. */
  errors: MeetingFormFields;
  /** A message over the whole form, or empty. */
  message: string;
}

/** The officer's add/edit form; submits `meeting.save` with {meetingId?, sequence?} plus the inputs. */
export function renderMeetingFormCard(data: MeetingFormCardData): AdaptiveCardJson {
  return expandCardTemplate('meeting-form', data);
}
