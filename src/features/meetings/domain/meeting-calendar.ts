import { PANEL_NAME } from './panel-name';
import { meetingIdSchema } from './meeting';
import type { MeetingRepository } from '../data/meeting-repository';
import { icsFileName, meetingToIcs } from './ics-export';

export interface CalendarFile {
  fileName: string;
  body: string;
}

/**
 * The .ics behind "Add to my calendar". UIDs use the bot's own host name, fixed per deployment,
 * so Outlook recognises a later download of the same meeting as an update.
 */
export class MeetingCalendar {
  private readonly uidDomain: string;

  constructor(
    private readonly meetings: MeetingRepository,
    publicBaseUrl: string,
  ) {
    this.uidDomain = new URL(publicBaseUrl).hostname;
  }

  /** Undefined for an id that is malformed or unknown: the caller answers 404 either way. */
  async forMeeting(meetingId: string): Promise<CalendarFile | undefined> {
    const id = meetingIdSchema.safeParse(meetingId);
    const stored = id.success ? await this.meetings.get(id.data) : undefined;
    if (!stored) return undefined;
    return {
      fileName: icsFileName(stored.meeting),
      body: meetingToIcs(stored.meeting, { calendarName: PANEL_NAME, uidDomain: this.uidDomain }),
    };
  }
}
