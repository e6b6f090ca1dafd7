/** What every event card says about the event itself, formatted for people (Europe/London). */
export interface DescribedEventFields {
  eventId: string;
  sequence: number;
  /** A line over the card ('Invitation', 'Event created: invitations are on their way'), or empty. */
  heading: string;
  title: string;
  kindLabel: string;
  /** 'Wednesday 10 February 2027, 6:00pm'. */
  when: string;
  /** '8:00pm', or a date and time when the event ends on another day. */
  until: string;
  venue: string;
  audienceLabel: string;
  status: 'scheduled' | 'cancelled';
}
