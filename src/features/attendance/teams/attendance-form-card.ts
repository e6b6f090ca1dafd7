import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface AttendanceFormCardData {
  occasionId: string;
  /** A fresh id per drawing of the form: a second delivery of the same submission changes nothing. */
  formId: string;
  /** When the form was drawn (UTC ISO): changes colleagues made after it are not overwritten. */
  since: string;
  page: number;
  pages: number;
  pageText: string;
  hasNextPage: boolean;
  title: string;
  when: string;
  message: string;
  messageColor: 'Default' | 'Good' | 'Attention' | 'Warning';
  totalsText: string;
  /** One per member on this page: 'Cllr Martin Hughes (said Going)'. */
  choices: { title: string; value: string }[];
  /** Comma-separated ids ticked when the form opens. */
  ticked: string;
  /** Comma-separated ids of the members on this page: unticked ones are recorded as absent. */
  shown: string;
  hint: string;
}

/**
 * The officer's attendance list: a multi-select ChoiceSet (compact, so a page of 50 stays far
 * below Teams' ~28 KB card limit), saved with Action.Execute `attendance.record`.
 */
export function renderAttendanceFormCard(data: AttendanceFormCardData): AdaptiveCardJson {
  return cardTemplate('attendance-form').expand(data);
}
