import { type AdaptiveCardJson, cardTemplate } from '../../../shared/cards/card-template';

export interface MeetingCardData {
  meetingId: string;
  /** The meeting's change counter, carried on 'Cancel meeting' so a stale card cannot cancel a newer version. */
  sequence: number;
  /** What the card answers ('The next panel meeting'), or empty. */
  heading: string;
  committee: string;
  title: string;
  /** 'Monday 20 March 2017, 1:00pm' (Europe/London). */
  when: string;
  /** '3:00pm', or empty. */
  until: string;
  /** 'To be confirmed' when unknown. */
  venue: string;
  status: 'scheduled' | 'cancelled' | 'moved';
  /** Shown loudly under CANCELLED / MOVED; empty when scheduled. */
  statusText: string;
  notices: { text: string }[];
  /** 'Published', 'Not published yet: due by ...'. */
  agendaText: string;
  agendaUrl: string;
  agendaItems: { number: string; title: string }[];
  papers: { title: string; url: string }[];
  minutesUrl: string;
  notes: string;
  /** The bot's .ics link for this meeting; empty hides 'Add to my calendar'. */
  calendarUrl: string;
  canSendApologies: boolean;
  /** Shows 'Edit' and 'Cancel meeting' (officers, on meetings officers own). */
  officerActions: boolean;
  /** "I'm here" is offered (the check-in window is open). */
  checkInOpen: boolean;
  /** Officers may record attendance (the meeting has begun and was not cancelled). */
  recordAttendance: boolean;
}

/** One meeting, with its status shown loudly when cancelled or moved. */
export function renderMeetingCard(data: MeetingCardData): AdaptiveCardJson {
  return cardTemplate('meeting').expand(data);
}
