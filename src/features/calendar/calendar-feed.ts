import type { MeetingTimeline } from '../meetings';
import { utcIso } from '../meetings';
import type { Clock } from '../../platform/time/clock';
import type { ParticipationEvent } from '../events';
import type { EventTimeline } from '../events';
import type { CalendarScope } from './data/calendar-tokens';
import { type MembersCalendarOptions, membersCalendarIcs } from './domain/members-calendar';

export interface CalendarFeedOptions extends MembersCalendarOptions {
  /** The officers' feed's name; default `<calendarName> (officers)`. */
  officersCalendarName?: string;
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
 * Builds the .ics behind a secret calendar address (resolve the token with CalendarTokens first).
 * A member's feed has every panel meeting, every event for all members, and the other events
 * they were invited to; the officers' feed has every event.
 */
export class CalendarFeed {
  constructor(
    private readonly events: EventTimeline,
    private readonly meetings: MeetingTimeline,
    private readonly invitations: InvitationCheck,
    private readonly clock: Clock,
    private readonly options: CalendarFeedOptions,
  ) {}

  async build(scope: CalendarScope): Promise<string> {
    const now = this.clock.now();
    const fromUtc = utcIso(now.minus({ days: this.options.pastDays ?? 92 }));
    const toUtc = utcIso(now.plus({ days: this.options.aheadDays ?? 400 }));
    const [meetings, events] = await Promise.all([
      this.meetings.listStartingBetween(fromUtc, toUtc),
      this.events.listStartingBetween(fromUtc, toUtc),
    ]);
    const visible = scope.kind === 'officers' ? events : await this.forMember(events, scope.aadObjectId);
    const calendarName =
      scope.kind === 'officers'
        ? (this.options.officersCalendarName ?? `${this.options.calendarName} (officers)`)
        : this.options.calendarName;
    return membersCalendarIcs(meetings, visible, { ...this.options, calendarName });
  }

  private async forMember(events: readonly ParticipationEvent[], aadObjectId: string): Promise<ParticipationEvent[]> {
    const shown = await Promise.all(
      events.map(async (event) => event.audience.kind === 'all' || (await this.invitations.isInvited(event.id, aadObjectId))),
    );
    return events.filter((_, index) => shown[index]);
  }
}
