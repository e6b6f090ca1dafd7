import type { Meeting } from './domain/meeting';
import type { MeetingQueries } from './meeting-query';
import type { MeetingRepository } from './data/meeting-repository';
import type { OfficerMeetings } from './officer-meetings';

/** The meetings capability as the Teams layer sees it. */
export interface MeetingServices {
  repository: MeetingRepository;
  queries: MeetingQueries;
  officers: OfficerMeetings;
  /** Called after an officer changes a meeting: re-plans its reminders (and any cancellation notice). */
  changed(meeting: Meeting): Promise<void>;
}
