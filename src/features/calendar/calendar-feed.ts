import type { MeetingTimeline } from '../meetings';
import { utcIso } from '../meetings';
import type { Clock } from '../../platform/time/clock';
import type { ParticipationEvent } from '../events';
import { type EventTimeline, type EventViewer, eventVisibleTo } from '../events';
import { type MembersCalendarOptions, membersCalendarIcs } from './domain/members-calendar';

export interface CalendarFeedOptions extends MembersCalendarOptions {
  /** How far back the feed reaches, so last month's entries do not vanish from calendars. Default 92 days. */
  pastDays?: number;
  /** How far ahead. Default 400 days. */
  aheadDays?: number;
}

/** The one question the feed asks of the invitation list. */
export interface InvitationCheck {
  isInvited(eventId: string, aadObjectId: string): Promise<boolean>;
}

/**
 * Builds the .ics behind one person's secret calendar address (resolve the token with
 * CalendarTokens first, and read their role at the time of the fetch): every panel meeting (they
 * are public) and the events that person may see now (eventVisibleTo: officers every event,
 * others those for their role and those they were invited to).
 */
export class CalendarFeed {
  constructor(
    private readonly events: EventTimeline,
    private readonly meetings: MeetingTimeline,
    private readonly invitations: InvitationCheck,
    private readonly clock: Clock,
    private readonly options: CalendarFeedOptions,
  ) {}

  async build(viewer: EventViewer): Promise<string> {
    const now = this.clock.now();
    const fromUtc = utcIso(now.minus({ days: this.options.pastDays ?? 92 }));
    const toUtc = utcIso(now.plus({ days: this.options.aheadDays ?? 400 }));
    const [meetings, events] = await Promise.all([
      this.meetings.listStartingBetween(fromUtc, toUtc),
      this.events.listStartingBetween(fromUtc, toUtc),
    ]);
    return membersCalendarIcs(meetings, await this.visibleTo(events, viewer), this.options);
  }

  private async visibleTo(events: readonly ParticipationEvent[], viewer: EventViewer): Promise<ParticipationEvent[]> {
    const shown = await Promise.all(
      events.map(async (event) => eventVisibleTo(event, viewer, await this.invitations.isInvited(event.id, viewer.aadObjectId))),
    );
    return events.filter((_, index) => shown[index]);
  }
}
