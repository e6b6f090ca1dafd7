import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface MeetingListItem {
  meetingId: string;
  /** 'Tuesday 17 March 2026, 2:00pm'. */
  when: string;
  title: string;
  venue: string;
  /** 'CANCELLED', 'MOVED' or empty. */
  statusLabel: string;
  statusColor: 'Attention' | 'Warning' | 'Default';
  containerStyle: 'default' | 'attention' | 'warning';
}

export interface MeetingListCardData {
  heading: string;
  items: MeetingListItem[];
  note: string;
  /** A feed or file with all the listed meetings; empty hides the button. */
  calendarUrl: string;
}

/** A compact list of meetings; tapping one sends `meeting.show` with its id. */
export function renderMeetingListCard(data: MeetingListCardData): AdaptiveCardJson {
  return cardTemplate('meeting-list').expand(data);
}
